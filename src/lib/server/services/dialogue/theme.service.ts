import { z } from 'zod';
import { DEFAULT_THEMES, parseKeywords, suggestThemes, type Theme } from '../../../core/themes';
import { can, changerId, SYSTEM, type Actor, type Changer } from '../../auth/policy';
import { findAnswerOfSurvey } from '../../db/repositories/dialogue/survey.repository';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import { agreementOrganisationIds } from '../../db/repositories/agreements/agreement.repository';
import {
  decideAnswerTheme,
  deleteThemeRow,
  insertSuggestions,
  insertThemes,
  themeRows,
  uncodedTextAnswers,
  updateThemeRow
} from '../../db/repositories/dialogue/theme.repository';
import { recordAudit } from '../shared/audit.service';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { assertSurveyOwner, requireSurvey } from './survey-access';
import { parseInput } from '../shared/validation';

/** Whose theme frame: a municipality's, or an agreement's (which then has its own). */
export type ThemeScope = { municipalityId: string; agreementId: string | null };

/** A theme of a frame, with its id (what dialogue input and coding point at). */
export type FrameTheme = Theme & { id: string };

const frameOf = (s: ThemeScope): string =>
  s.agreementId ? `agreement:${s.agreementId}` : `municipality:${s.municipalityId}`;

/** The theme frame of a municipality or agreement, filled with the default themes on first use. */
export async function themeFrame(ctx: Ctx, scope: ThemeScope): Promise<FrameTheme[]> {
  const frame = frameOf(scope);
  let rows = await themeRows(ctx.db, frame);
  if (!rows.length) {
    const at = ctx.now().toISOString();
    await insertThemes(
      ctx.db,
      DEFAULT_THEMES.map((t, i) => ({
        id: newId(),
        municipality_id: scope.municipalityId,
        agreement_id: scope.agreementId,
        frame,
        key: t.key,
        label: t.label,
        keywords: JSON.stringify(t.keywords),
        position: i,
        created_at: at
      }))
    );
    rows = await themeRows(ctx.db, frame);
  }
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    label: r.label,
    keywords: JSON.parse(r.keywords) as string[]
  }));
}

async function assertFrameEditor(ctx: Ctx, actor: Changer, scope: ThemeScope): Promise<void> {
  if (actor === SYSTEM) return;
  const owners = [
    scope.municipalityId,
    ...(scope.agreementId ? await agreementOrganisationIds(ctx.db, scope.agreementId) : [])
  ];
  if (!can(actor, 'agreement.edit', owners))
    throw new ForbiddenError('Bara redaktörer i kommunen eller överenskommelsen får ändra temana.');
}

const themeInput = z.object({
  label: z.string().trim().min(2, { message: 'Skriv temats namn.' }).max(80),
  keywords: z
    .string()
    .default('')
    .transform((k) => parseKeywords(k))
});

/** Adds a theme to a frame, or changes one (by id): its name and keywords. */
export async function saveTheme(
  ctx: Ctx,
  actor: Changer,
  scope: ThemeScope,
  raw: unknown,
  themeId?: string
): Promise<void> {
  await assertFrameEditor(ctx, actor, scope);
  const input = parseInput(themeInput, raw);
  const frame = await themeFrame(ctx, scope);
  if (themeId && !frame.some((t) => t.id === themeId))
    throw new ValidationError([{ field: 'themeId', message: 'Temat finns inte i ramen.' }]);
  const key =
    input.label
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'tema';
  if (!themeId && frame.some((t) => t.key === key || t.label === input.label))
    throw new ValidationError([
      { field: 'label', message: 'Det finns redan ett tema med det namnet.' }
    ]);
  await ctx.db.transaction().execute(async (trx) => {
    if (themeId)
      await updateThemeRow(trx, themeId, {
        label: input.label,
        keywords: JSON.stringify(input.keywords)
      });
    else
      await insertThemes(trx, [
        {
          id: newId(),
          municipality_id: scope.municipalityId,
          agreement_id: scope.agreementId,
          frame: frameOf(scope),
          key,
          label: input.label,
          keywords: JSON.stringify(input.keywords),
          position: frame.length,
          created_at: ctx.now().toISOString()
        }
      ]);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: scope.municipalityId,
      action: themeId ? 'theme.update' : 'theme.create',
      entity: 'theme',
      entityId: themeId ?? key,
      after: input
    });
  });
}

/** Removes a theme and its coding from a frame. */
export async function removeTheme(
  ctx: Ctx,
  actor: Changer,
  scope: ThemeScope,
  themeId: string
): Promise<void> {
  await assertFrameEditor(ctx, actor, scope);
  const theme = (await themeFrame(ctx, scope)).find((t) => t.id === themeId);
  if (!theme)
    throw new ValidationError([{ field: 'themeId', message: 'Temat finns inte i ramen.' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteThemeRow(trx, themeId);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: scope.municipalityId,
      action: 'theme.remove',
      entity: 'theme',
      entityId: themeId,
      before: { label: theme.label }
    });
  });
}

/** The frame of a survey. */
export const surveyScope = (s: { municipality_id: string; agreement_id: string | null }) => ({
  municipalityId: s.municipality_id,
  agreementId: s.agreement_id
});

/** Suggests themes for a survey's free-text answers from keywords (earlier decisions stand). */
export async function suggestSurveyThemes(ctx: Ctx, surveyId: string): Promise<number> {
  const survey = await requireSurvey(ctx, surveyId);
  const frame = await themeFrame(ctx, surveyScope(survey));
  const rows = (await uncodedTextAnswers(ctx.db, surveyId)).flatMap((a) =>
    suggestThemes(a.text ?? '', frame).map((s) => ({
      answer_id: a.id,
      theme_id: frame.find((t) => t.key === s.key)!.id,
      status: 'suggested' as const,
      matched: s.words.join(', '),
      decided_by: null,
      decided_at: null
    }))
  );
  await insertSuggestions(ctx.db, rows);
  return rows.length;
}

const decision = z.object({
  answerId: z.string().min(1),
  themeId: z.string().min(1, { message: 'Välj ett tema.' }),
  status: z.enum(['confirmed', 'rejected'], { message: 'Bekräfta eller avvisa.' })
});

/** A person confirms or rejects a theme on a free-text answer (the survey's owners may). */
export async function decideTheme(
  ctx: Ctx,
  actor: Actor | null,
  surveyId: string,
  raw: unknown
): Promise<void> {
  const survey = await requireSurvey(ctx, surveyId);
  await assertSurveyOwner(ctx, actor, survey);
  const d = parseInput(decision, raw);
  const frame = await themeFrame(ctx, surveyScope(survey));
  if (!frame.some((t) => t.id === d.themeId))
    throw new ValidationError([{ field: 'themeId', message: 'Välj ett tema ur ramen.' }]);
  const answer = await findAnswerOfSurvey(ctx.db, d.answerId, surveyId);
  if (!answer) throw new ValidationError([{ field: 'answerId', message: 'Svaret finns inte.' }]);
  await decideAnswerTheme(ctx.db, {
    answer_id: d.answerId,
    theme_id: d.themeId,
    status: d.status,
    matched: '',
    decided_by: changerId(actor),
    decided_at: ctx.now().toISOString()
  });
}

/** The theme frame scope a survey is coded in. */
export async function surveyThemeScope(ctx: Ctx, surveyId: string): Promise<ThemeScope> {
  return surveyScope(await requireSurvey(ctx, surveyId));
}
