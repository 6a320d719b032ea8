import { z } from 'zod';
import { changerId, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  citationsOf,
  currentMeasures,
  deleteCitation,
  insertCitation
} from '../../db/repositories/dialogue/assessment.repository';
import { agreementInputs } from '../../db/repositories/dialogue/dialogue.repository';
import { crimeCounts } from '../../db/repositories/dialogue/statistics.repository';
import {
  agreementScope,
  assertCanEditScope,
  assertCanRead,
  canEditScope
} from '../agreements/agreement-scope.service';
import { recordAudit } from '../shared/audit.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { evidenceSources } from './theme-frame';
import { parseInput } from '../shared/validation';

/** What a measure can cite, and what each measure cites now, for the citation page. */
export async function citationBoard(ctx: Ctx, actor: Changer, agreementId: string) {
  const scope = await agreementScope(ctx, agreementId);
  assertCanRead(actor, scope);
  const [measureRows, inputs, themes, citations, crime] = await Promise.all([
    currentMeasures(ctx.db, agreementId),
    agreementInputs(ctx.db, agreementId),
    evidenceSources.themes(ctx, scope),
    citationsOf(ctx.db, agreementId),
    crimeCounts(ctx.db, scope.municipalityId, 1990, 2100)
  ]);
  const measures = [
    ...new Map(
      measureRows.map((m) => [m.measure_key, { key: m.measure_key, title: m.title }])
    ).values()
  ];
  const inputText = new Map(inputs.map((i) => [i.id, i]));
  const themeName = new Map(themes.map((t) => [t.id, t.label]));
  const describe = (c: (typeof citations)[number]) =>
    c.kind === 'input'
      ? `Synpunkt: "${inputText.get(c.dialogue_input_id ?? '')?.text ?? 'borttagen'}" (${inputText.get(c.dialogue_input_id ?? '')?.dialogue_title ?? ''})`
      : c.kind === 'theme'
        ? `Enkätens tema: ${themeName.get(c.theme_id ?? '') ?? 'okänt tema'}`
        : `Statistik: anmälda brott, ${c.category}`;
  return {
    scope,
    editable: canEditScope(actor, scope),
    measures: measures.map((m) => ({
      ...m,
      citations: citations
        .filter((c) => c.measure_key === m.key)
        .map((c) => ({ id: c.id, kind: c.kind, text: describe(c) }))
    })),
    inputs: inputs.map((i) => ({
      id: i.id,
      text: i.text,
      dialogue: i.dialogue_title,
      heldOn: i.held_on
    })),
    themes,
    categories: [...new Set(crime.map((c) => c.category))]
  };
}

const citationInput = z.object({
  measureKey: z.string().min(1, { message: 'Välj en åtgärd.' }),
  source: z
    .string()
    .regex(/^(input|theme|statistic):.+$/, { message: 'Välj vad åtgärden svarar på.' })
});

/** Lets a measure cite a dialogue input item, a survey theme or a crime category (editors may). */
export async function addCitation(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  raw: unknown
): Promise<{ id: string }> {
  const scope = await agreementScope(ctx, agreementId);
  assertCanEditScope(actor, scope);
  const c = parseInput(citationInput, raw);
  const [kind, ...rest] = c.source.split(':');
  const ref = rest.join(':');
  const measures = await currentMeasures(ctx.db, agreementId);
  if (!measures.some((m) => m.measure_key === c.measureKey))
    throw new ValidationError([{ field: 'measureKey', message: 'Åtgärden finns inte i planen.' }]);
  const ok =
    kind === 'input'
      ? (await agreementInputs(ctx.db, agreementId)).some((i) => i.id === ref)
      : kind === 'theme'
        ? (await evidenceSources.themes(ctx, scope)).some((t) => t.id === ref)
        : (await crimeCounts(ctx.db, scope.municipalityId, 1990, 2100)).some(
            (s) => s.category === ref
          );
  if (!ok)
    throw new ValidationError([
      { field: 'source', message: 'Det valda underlaget finns inte. Välj ur listan.' }
    ]);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertCitation(trx, {
      id,
      agreement_id: agreementId,
      measure_key: c.measureKey,
      kind: kind as 'input' | 'theme' | 'statistic',
      dialogue_input_id: kind === 'input' ? ref : null,
      theme_id: kind === 'theme' ? ref : null,
      category: kind === 'statistic' ? ref : null,
      created_by: changerId(actor),
      created_at: ctx.now().toISOString()
    });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: scope.municipalityId,
      action: 'citation.add',
      entity: 'measure_citation',
      entityId: id,
      after: { measureKey: c.measureKey, source: c.source }
    });
  });
  return { id };
}

/** Removes a citation. */
export async function removeCitation(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  id: string
): Promise<void> {
  const scope = await agreementScope(ctx, agreementId);
  assertCanEditScope(actor, scope);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await deleteCitation(trx, agreementId, id);
    if (!Number(r.numDeletedRows)) throw new NotFoundError('Kopplingen finns inte.');
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: scope.municipalityId,
      action: 'citation.remove',
      entity: 'measure_citation',
      entityId: id
    });
  });
}
