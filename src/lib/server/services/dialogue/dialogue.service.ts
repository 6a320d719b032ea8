import { z } from 'zod';
import { changerId, type Actor, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import type { DialogueKind } from '../../db/schema';
import {
  countDialogues,
  dialogueInputs,
  findDialogue,
  insertDialogue,
  listDialogueRows,
  replaceInputs,
  updateDialogueRow
} from '../../db/repositories/dialogue/dialogue.repository';
import {
  agreementScope,
  assertCanEditScope,
  assertCanRead,
  canEditScope
} from '../agreements/agreement-scope.service';
import { recordAudit } from '../shared/audit.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { evidenceSources } from './theme-frame';
import { isoDate, parseInput } from '../shared/validation';

/** The kinds of dialogue, as the interface names them. */
export const DIALOGUE_KINDS: Record<DialogueKind, string> = {
  open_meeting: 'Öppet möte',
  staff_dialogue: 'Medarbetardialog',
  survey_round: 'Enkätomgång'
};

const PAGE = 20;
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Högst ${max} tecken.` });

const dialogueInput = z
  .object({
    kind: z.enum(['open_meeting', 'staff_dialogue', 'survey_round'], {
      message: 'Välj vilken sorts dialog det var.'
    }),
    title: text(200).min(1, {
      message: 'Skriv en rubrik, till exempel "Öppet möte i Folkets hus".'
    }),
    heldOn: isoDate(),
    place: text(200).default(''),
    keyGroups: z
      .array(text(100).min(1))
      .max(20, { message: 'Högst 20 nyckelgrupper.' })
      .default([]),
    participants: z
      .number({ message: 'Skriv antalet deltagare som en siffra, eller lämna tomt.' })
      .int({ message: 'Skriv antalet deltagare som ett heltal.' })
      .min(0, { message: 'Antalet deltagare kan inte vara negativt.' })
      .max(100_000, { message: 'Skriv ett rimligt antal deltagare.' })
      .nullable()
      .default(null),
    organisationsPresent: text(1000).default(''),
    minutes: text(20_000).default(''),
    surveyId: text(100).nullable().default(null),
    inputs: z
      .array(
        z.object({
          id: z.string().nullable().default(null),
          text: text(2000).min(1, { message: 'Skriv synpunkten eller ta bort raden.' }),
          themeId: z.string().nullable().default(null)
        })
      )
      .max(200, { message: 'Högst 200 synpunkter per dialog.' })
      .default([])
  })
  .refine((d) => d.kind !== 'survey_round' || !!d.surveyId, {
    path: ['surveyId'],
    message: 'En enkätomgång behöver en enkät: välj vilken.'
  });

export type DialogueInput = z.input<typeof dialogueInput>;

/** An agreement's dialogues, a page at a time, and whether the actor may add one. */
export async function listDialogues(ctx: Ctx, actor: Actor | null, agreementId: string, page = 1) {
  const scope = await agreementScope(ctx, agreementId);
  assertCanRead(actor, scope);
  const p = Math.max(1, Math.floor(page));
  const [rows, total] = await Promise.all([
    listDialogueRows(ctx.db, agreementId, PAGE, (p - 1) * PAGE),
    countDialogues(ctx.db, agreementId)
  ]);
  return {
    scope,
    editable: canEditScope(actor, scope),
    page: p,
    pages: Math.max(1, Math.ceil(total / PAGE)),
    dialogues: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: DIALOGUE_KINDS[r.kind],
      title: r.title,
      heldOn: r.held_on,
      place: r.place,
      participants: r.participants,
      inputs: Number(r.inputs),
      demo: r.demo === 1
    }))
  };
}

/** One dialogue with its input items and the theme names, for its page and its edit form. */
export async function getDialogue(ctx: Ctx, actor: Actor | null, agreementId: string, id: string) {
  const scope = await agreementScope(ctx, agreementId);
  assertCanRead(actor, scope);
  const row = await findDialogue(ctx.db, id);
  if (!row || row.agreement_id !== agreementId) throw new NotFoundError('Dialogen finns inte.');
  const themes = await evidenceSources.themes(ctx, scope);
  const names = new Map(themes.map((t) => [t.id, t.label]));
  return {
    scope,
    editable: canEditScope(actor, scope),
    themes,
    dialogue: {
      id: row.id,
      kind: row.kind,
      kindLabel: DIALOGUE_KINDS[row.kind],
      title: row.title,
      heldOn: row.held_on,
      place: row.place,
      keyGroups: JSON.parse(row.key_groups) as string[],
      participants: row.participants,
      organisationsPresent: row.organisations_present,
      minutes: row.minutes,
      surveyId: row.survey_id,
      demo: row.demo === 1,
      inputs: (await dialogueInputs(ctx.db, id)).map((i) => ({
        id: i.id,
        text: i.text,
        themeId: i.theme_id,
        theme: i.theme_id ? (names.get(i.theme_id) ?? null) : null
      }))
    }
  };
}

/** What the new-dialogue form needs. */
export async function dialogueFormData(ctx: Ctx, actor: Actor | null, agreementId: string) {
  const scope = await agreementScope(ctx, agreementId);
  assertCanEditScope(actor, scope);
  return { scope, themes: await evidenceSources.themes(ctx, scope) };
}

/**
 * Records a new dialogue (no id) or changes one, with its input items, for an agreement. Editors
 * of its municipality or police area may. Theme tags must come from the agreement's theme frame.
 */
export async function saveDialogue(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  raw: unknown,
  options: { id?: string; demo?: boolean } = {}
): Promise<{ id: string }> {
  const scope = await agreementScope(ctx, agreementId);
  assertCanEditScope(actor, scope);
  const d = parseInput(dialogueInput, raw);
  const themeIds = new Set((await evidenceSources.themes(ctx, scope)).map((t) => t.id));
  const badTheme = d.inputs.findIndex((i) => i.themeId && !themeIds.has(i.themeId));
  if (badTheme >= 0)
    throw new ValidationError([
      { field: `inputs.${badTheme}.themeId`, message: 'Välj ett tema ur listan, eller inget tema.' }
    ]);
  const before = options.id ? await findDialogue(ctx.db, options.id) : undefined;
  if (options.id && (!before || before.agreement_id !== agreementId))
    throw new NotFoundError('Dialogen finns inte.');
  const existing = options.id
    ? new Set((await dialogueInputs(ctx.db, options.id)).map((i) => i.id))
    : new Set<string>();
  const id = options.id ?? newId();
  const at = ctx.now().toISOString();
  const fields = {
    kind: d.kind,
    title: d.title,
    held_on: d.heldOn,
    place: d.place,
    key_groups: JSON.stringify(d.keyGroups),
    participants: d.participants,
    organisations_present: d.organisationsPresent,
    minutes: d.minutes,
    survey_id: d.kind === 'survey_round' ? d.surveyId : null,
    updated_at: at
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await updateDialogueRow(trx, id, fields);
    else
      await insertDialogue(trx, {
        id,
        municipality_id: scope.municipalityId,
        agreement_id: agreementId,
        demo: options.demo ? 1 : 0,
        created_by: changerId(actor),
        created_at: at,
        ...fields
      });
    await replaceInputs(
      trx,
      id,
      d.inputs.map((i, position) => ({
        id: i.id && existing.has(i.id) ? i.id : newId(),
        dialogue_id: id,
        position,
        text: i.text,
        theme_id: i.themeId
      }))
    );
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: scope.municipalityId,
      action: before ? 'dialogue.update' : 'dialogue.create',
      entity: 'dialogue',
      entityId: id,
      before: before ? { title: before.title, heldOn: before.held_on } : undefined,
      after: { kind: d.kind, title: d.title, heldOn: d.heldOn, inputs: d.inputs.length }
    });
  });
  return { id };
}
