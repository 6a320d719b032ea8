import { z } from 'zod';
import type { RankedTheme } from '../../../core/assessment-ranking';
import { changerId, SYSTEM, type Actor, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  approvalsOf,
  focusAreasOf,
  focusLinksOf,
  insertApproval,
  insertAssessment,
  latestAssessment,
  replaceFocusLinks,
  updateAssessmentRow
} from '../../db/repositories/dialogue/assessment.repository';
import {
  agreementScope,
  approvalSide,
  assertCanEditScope,
  assertCanRead,
  canEditScope
} from '../agreements/agreement-scope.service';
import { gatherEvidence } from './assessment-evidence.service';
import { recordAudit } from '../shared/audit.service';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { parseInput } from '../shared/validation';

const year = (what: string) =>
  z.coerce
    .number({ message: `Skriv ${what} som ett årtal, till exempel 2018.` })
    .int({ message: `Skriv ${what} som ett årtal, till exempel 2018.` })
    .min(1990, { message: `Skriv ${what} som ett årtal från 1990.` })
    .max(2100, { message: `Skriv ${what} som ett årtal före 2100.` });

const assessmentInput = z
  .object({
    title: z.string().trim().min(1, { message: 'Skriv en rubrik för lägesbilden.' }).max(200),
    summary: z.string().trim().max(20_000, { message: 'Högst 20 000 tecken.' }).default(''),
    fromYear: year('första året'),
    toYear: year('sista året')
  })
  .refine((a) => a.toYear >= a.fromYear, {
    path: ['toYear'],
    message: 'Sista året kan inte komma före första året.'
  });

/** Both sides' approval of the current version: approved only when the police and the municipality have approved it. */
function approvalState(version: number, rows: Awaited<ReturnType<typeof approvalsOf>>) {
  const current = rows.filter((r) => Number(r.version) === version);
  const of = (side: 'police' | 'municipality') => {
    const r = current.find((c) => c.side === side);
    return r ? { name: r.name ?? 'Okänd', at: r.approved_at, userId: r.user_id } : null;
  };
  const police = of('police');
  const municipality = of('municipality');
  return {
    police,
    municipality,
    approved: !!police && !!municipality,
    earlier: rows.filter((r) => Number(r.version) !== version).length
  };
}

/** An agreement's situational picture: the saved proposal, approvals, focus-area links, and the evidence as it is now. */
export async function getAssessment(ctx: Ctx, actor: Changer, agreementId: string) {
  const scope = await agreementScope(ctx, agreementId);
  assertCanRead(actor, scope);
  const row = await latestAssessment(ctx.db, agreementId);
  const thisYear = ctx.now().getUTCFullYear();
  const evidence = await gatherEvidence(
    ctx,
    scope,
    row ? Number(row.from_year) : thisYear - 4,
    row ? Number(row.to_year) : thisYear - 1
  );
  const focusAreas = await focusAreasOf(ctx.db, agreementId);
  const sides = actor && actor !== SYSTEM ? approvalSide(actor, scope) : [];
  if (!row)
    return {
      scope,
      editable: canEditScope(actor, scope),
      evidence,
      focusAreas,
      assessment: null,
      approvalSides: sides
    };
  const approvals = approvalState(Number(row.version), await approvalsOf(ctx.db, row.id));
  return {
    scope,
    editable: canEditScope(actor, scope),
    evidence,
    focusAreas,
    approvalSides: sides.filter((s) => !approvals[s.side]),
    assessment: {
      id: row.id,
      title: row.title,
      summary: row.summary,
      fromYear: Number(row.from_year),
      toYear: Number(row.to_year),
      version: Number(row.version),
      demo: row.demo === 1,
      updatedAt: row.updated_at,
      ranking: JSON.parse(row.ranking_json) as RankedTheme[],
      approvals,
      links: await focusLinksOf(ctx.db, row.id)
    }
  };
}

/**
 * Saves the picture: its text and years, with the proposal ranked from the evidence as it is now.
 * Any save after the first is a new version, so approvals given earlier no longer count.
 */
export async function saveAssessment(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  raw: unknown,
  options: { demo?: boolean } = {}
): Promise<{ id: string; version: number }> {
  const scope = await agreementScope(ctx, agreementId);
  assertCanEditScope(actor, scope);
  const a = parseInput(assessmentInput, raw);
  const evidence = await gatherEvidence(ctx, scope, a.fromYear, a.toYear);
  const at = ctx.now().toISOString();
  const before = await latestAssessment(ctx.db, agreementId);
  const id = before?.id ?? newId();
  const fields = {
    title: a.title,
    summary: a.summary,
    from_year: a.fromYear,
    to_year: a.toYear,
    ranking_json: JSON.stringify(evidence.ranking),
    updated_at: at,
    updated_by: changerId(actor)
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await updateAssessmentRow(trx, id, fields);
    else
      await insertAssessment(trx, {
        id,
        municipality_id: scope.municipalityId,
        agreement_id: agreementId,
        version: 1,
        demo: options.demo ? 1 : 0,
        created_at: at,
        ...fields
      });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: scope.municipalityId,
      action: before ? 'assessment.update' : 'assessment.create',
      entity: 'assessment',
      entityId: id,
      before: before ? { version: Number(before.version) } : undefined,
      after: {
        version: before ? Number(before.version) + 1 : 1,
        ranking: evidence.ranking.map((r) => [r.label, r.score])
      }
    });
  });
  return { id, version: before ? Number(before.version) + 1 : 1 };
}

/**
 * Approves the current version for the actor's side: an editor (or admin) by membership of the
 * police area approves for the police, of the municipality for the municipality. One person
 * never approves both sides.
 */
export async function approveAssessment(
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string,
  version: number
) {
  const scope = await agreementScope(ctx, agreementId);
  const row = await latestAssessment(ctx.db, agreementId);
  if (!row) throw new NotFoundError('Det finns ingen lägesbild att godkänna.');
  if (Number(row.version) !== version)
    throw new ValidationError([
      {
        field: 'version',
        message: 'Lägesbilden har ändrats sedan du öppnade den. Läs den igen och godkänn sedan.'
      }
    ]);
  const sides = actor ? approvalSide(actor, scope) : [];
  if (!actor || !sides.length)
    throw new ForbiddenError(
      'Bara en redaktör i polisområdet eller i kommunen kan godkänna lägesbilden för sin part.'
    );
  const approvals = approvalState(version, await approvalsOf(ctx.db, row.id));
  if (approvals.police?.userId === actor.userId || approvals.municipality?.userId === actor.userId)
    throw new ForbiddenError('Du har redan godkänt för en part. Den andra parten godkänner själv.');
  const side = sides.find((s) => !approvals[s.side]);
  if (!side)
    throw new ValidationError([
      { field: 'version', message: 'Din part har redan godkänt den här versionen.' }
    ]);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertApproval(trx, {
      id: newId(),
      assessment_id: row.id,
      version,
      side: side.side,
      organisation_id: side.organisationId,
      user_id: actor.userId,
      approved_at: at
    });
    await recordAudit(trx, ctx.now(), {
      actorId: actor.userId,
      organisationId: side.organisationId,
      action: 'assessment.approve',
      entity: 'assessment',
      entityId: row.id,
      after: { side: side.side, version }
    });
  });
  return {
    side: side.side,
    approved: !!approvals[side.side === 'police' ? 'municipality' : 'police']
  };
}

const linksInput = z.array(
  z.object({ themeId: z.string().min(1), focusAreaId: z.string().min(1) })
);

/** Says which focus area each proposed theme became (editing links does not reset approvals: they describe the agreement's answer, not the analysis). */
export async function setFocusLinks(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  raw: unknown
): Promise<void> {
  const scope = await agreementScope(ctx, agreementId);
  assertCanEditScope(actor, scope);
  const links = parseInput(linksInput, raw);
  const row = await latestAssessment(ctx.db, agreementId);
  if (!row) throw new NotFoundError('Spara lägesbilden först.');
  const focus = new Set((await focusAreasOf(ctx.db, agreementId)).map((f) => f.id));
  const themes = new Set((JSON.parse(row.ranking_json) as RankedTheme[]).map((r) => r.themeId));
  const bad = links.findIndex((l) => !focus.has(l.focusAreaId) || !themes.has(l.themeId));
  if (bad >= 0)
    throw new ValidationError([
      {
        field: `links.${bad}`,
        message: 'Välj ett tema ur förslaget och ett av överenskommelsens fokusområden.'
      }
    ]);
  await ctx.db.transaction().execute(async (trx) => {
    await replaceFocusLinks(trx, row.id, links);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: scope.municipalityId,
      action: 'assessment.focus-links',
      entity: 'assessment',
      entityId: row.id,
      after: links
    });
  });
}
