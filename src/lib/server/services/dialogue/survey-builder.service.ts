import { z } from 'zod';
import { conditionProblem, QUESTION_KINDS } from '../../../core/survey';
import { changerId, type Actor, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  deleteQuestion,
  hasResponses,
  insertQuestions,
  responseCounts
} from '../../db/repositories/dialogue/survey.repository';
import { codeCounts } from '../../db/repositories/dialogue/survey-analysis.repository';
import { recordAudit } from '../shared/audit.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { ValidationError } from '../shared/errors';
import {
  assertStaff,
  assertSurveyOwner,
  isOpenOn,
  isSurveyOwner,
  loadSurveyQuestions,
  requireSurvey
} from './survey-access';
import { parseInput } from '../shared/validation';

/** Options written "Svenska | English", one a line; on a scale these words get no score. */
const NO_OPINION = /^(ingen uppfattning|vet ej|vet inte|no opinion|don't know)$/i;

const questionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS, { message: 'Välj en frågetyp.' }),
    textSv: z.string().trim().min(3, { message: 'Skriv frågan på svenska.' }).max(500),
    textEn: z.string().trim().max(500).default(''),
    options: z.string().default(''),
    required: z.preprocess((v) => v === 'on' || v === true, z.boolean()),
    indexItem: z.preprocess((v) => v === 'on' || v === true, z.boolean()),
    condition: z.string().trim().default('')
  })
  .transform((q) => ({
    ...q,
    optionLines: q.options
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [sv = '', en = ''] = l.split('|').map((p) => p.trim());
        return { sv, en };
      })
  }))
  .refine((q) => q.kind === 'text' || q.optionLines.length >= 2, {
    path: ['options'],
    message: 'Skriv minst två svarsalternativ, ett per rad (svenska | engelska).'
  });

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 30);

/** Adds a question at the end of a survey without answers (its owners may). */
export async function addQuestion(
  ctx: Ctx,
  actor: Changer,
  surveyId: string,
  raw: unknown
): Promise<{ id: string }> {
  const survey = await requireSurvey(ctx, surveyId);
  await assertSurveyOwner(ctx, actor, survey);
  if (await hasResponses(ctx.db, surveyId))
    throw new ValidationError([
      { field: 'kind', message: 'Enkäten har svar: frågor kan inte längre ändras.' }
    ]);
  const q = parseInput(questionInput, raw);
  const existing = await loadSurveyQuestions(ctx, surveyId);
  const id = newId();
  let condition: { questionId: string; optionId: string } | null = null;
  if (q.condition) {
    const [questionId = '', optionId = ''] = q.condition.split(':');
    condition = { questionId, optionId };
    const problem = conditionProblem(existing, existing.length, condition);
    if (problem) throw new ValidationError([{ field: 'condition', message: problem }]);
  }
  let score = 0;
  const options = (q.kind === 'text' ? [] : q.optionLines).map((o, i) => ({
    id: newId(),
    question_id: id,
    position: i,
    value: slug(o.sv) || `alt-${i + 1}`,
    label_sv: o.sv,
    label_en: o.en,
    score: q.kind === 'scale' && !NO_OPINION.test(o.sv) ? score++ : null
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await insertQuestions(
      trx,
      [
        {
          id,
          survey_id: surveyId,
          position: existing.length,
          key: `${slug(q.textSv) || 'fraga'}-${id.slice(0, 6)}`,
          kind: q.kind,
          text_sv: q.textSv,
          text_en: q.textEn,
          help_sv: '',
          help_en: '',
          required: q.required ? 1 : 0,
          index_item: q.kind === 'scale' && q.indexItem ? 1 : 0,
          condition_question_id: condition?.questionId ?? null,
          condition_option_id: condition?.optionId ?? null
        }
      ],
      options
    );
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: survey.municipality_id,
      action: 'survey.question.add',
      entity: 'survey',
      entityId: surveyId,
      after: { questionId: id, kind: q.kind, text: q.textSv }
    });
  });
  return { id };
}

/** Removes a question from a survey without answers (its owners may). */
export async function removeQuestion(
  ctx: Ctx,
  actor: Changer,
  surveyId: string,
  questionId: string
): Promise<void> {
  const survey = await requireSurvey(ctx, surveyId);
  await assertSurveyOwner(ctx, actor, survey);
  if (await hasResponses(ctx.db, surveyId))
    throw new ValidationError([
      { field: 'questionId', message: 'Enkäten har svar: frågor kan inte längre tas bort.' }
    ]);
  const questions = await loadSurveyQuestions(ctx, surveyId);
  const q = questions.find((x) => x.id === questionId);
  if (!q) throw new ValidationError([{ field: 'questionId', message: 'Frågan finns inte.' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteQuestion(trx, questionId);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: survey.municipality_id,
      action: 'survey.question.remove',
      entity: 'survey',
      entityId: surveyId,
      before: { questionId, text: q.text.sv }
    });
  });
}

/** What the staff page of a survey shows: head, questions, counts and what the actor may do. */
export async function surveyForStaff(ctx: Ctx, actor: Actor | null, surveyId: string) {
  assertStaff(actor);
  const survey = await requireSurvey(ctx, surveyId);
  const counts = await responseCounts(ctx.db, surveyId);
  const sum = (pred: (r: (typeof counts)[number]) => boolean) =>
    counts.filter(pred).reduce((s, r) => s + Number(r.n), 0);
  return {
    survey: {
      id: survey.id,
      title: survey.title_sv,
      titleEn: survey.title_en,
      intro: survey.intro_sv,
      introEn: survey.intro_en,
      status: survey.status,
      opensOn: survey.opens_on,
      closesOn: survey.closes_on,
      requiresCode: survey.requires_code === 1,
      demo: survey.demo === 1,
      municipalityId: survey.municipality_id,
      agreementId: survey.agreement_id,
      openNow: isOpenOn(survey, stockholmDate(ctx.now()))
    },
    questions: await loadSurveyQuestions(ctx, surveyId),
    responses: {
      counted: sum((r) => Number(r.duplicate) === 0),
      paper: sum((r) => Number(r.duplicate) === 0 && r.source === 'paper'),
      duplicates: sum((r) => Number(r.duplicate) === 1)
    },
    codes: await codeCounts(ctx.db, surveyId),
    owner: await isSurveyOwner(ctx, actor, survey),
    locked: counts.length > 0
  };
}

/** Does the actor own the survey (for the staff pages' navigation)? */
export async function isSurveyOwnerById(ctx: Ctx, actor: Actor | null, surveyId: string) {
  return isSurveyOwner(ctx, actor, await requireSurvey(ctx, surveyId));
}
