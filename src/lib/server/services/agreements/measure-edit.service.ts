import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findMeasure } from '../../db/repositories/agreements/plan.repository';
import { groupsOf } from '../../db/repositories/agreements/agreement-parts.repository';
import { getAgreementView } from './agreement-view.service';
import { assertCanEdit } from './agreement.service';
import { NotFoundError } from '../shared/errors';

/** What the measure form needs: the measure, and the parties and focus areas it can choose from. */
export async function measureForEditing(ctx: Ctx, actor: Actor | null, measureId: string) {
  const row = await findMeasure(ctx.db, measureId);
  if (!row) throw new NotFoundError('Åtgärden finns inte.');
  await assertCanEdit(ctx, actor, row.agreement_id);
  const view = await getAgreementView(ctx, row.agreement_id, {
    includeInternal: true,
    year: row.year
  });
  const measure = view.revision?.groups.flatMap((g) => g.measures).find((m) => m.id === measureId);
  if (!measure) throw new NotFoundError('Åtgärden finns inte.');
  const choices = [
    ...view.municipalities.map((m) => ({ id: m.id, name: m.officialName })),
    ...(view.policeArea ? [view.policeArea] : []),
    ...view.parties.map((p) => ({ id: p.id, name: p.name }))
  ];
  return {
    agreement: { id: view.id, title: view.title },
    year: row.year,
    measure,
    parties: choices.filter((c, i) => choices.findIndex((d) => d.id === c.id) === i),
    focusAreas: view.focusAreas.map((f) => ({ id: f.id, title: f.title }))
  };
}

/** What the new-measure form needs: the year's headings, the parties and the focus areas. */
export async function newMeasureForm(
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string,
  year?: number
) {
  await assertCanEdit(ctx, actor, agreementId);
  const view = await getAgreementView(ctx, agreementId, { includeInternal: true, year });
  if (!view.revision) throw new NotFoundError('Överenskommelsen har ingen genomförandeplan ännu.');
  const groups = await groupsOfRevision(ctx, view.revision.id);
  const choices = [
    ...view.municipalities.map((m) => ({ id: m.id, name: m.officialName })),
    ...(view.policeArea ? [view.policeArea] : []),
    ...view.parties.map((p) => ({ id: p.id, name: p.name }))
  ];
  return {
    agreement: { id: view.id, title: view.title },
    year: view.revision.year,
    groups,
    parties: choices.filter((c, i) => choices.findIndex((d) => d.id === c.id) === i),
    focusAreas: view.focusAreas.map((f) => ({ id: f.id, title: f.title }))
  };
}

async function groupsOfRevision(ctx: Ctx, revisionId: string) {
  return (await groupsOf(ctx.db, revisionId)).map((g) => ({ id: g.id, title: g.title }));
}
