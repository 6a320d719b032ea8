import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { maskPersonalData } from '../../../core/personal-data';
import {
  answerSetText,
  readAnswers,
  type ParsedAnswer,
  type SurveyQuestion
} from '../../../core/survey';
import { can, changerId, type Actor } from '../../auth/policy';
import type { Ctx, Executor } from '../../context';
import { newId } from '../../context';
import {
  insertCodes,
  saltOfDay,
  useCode
} from '../../db/repositories/dialogue/survey-analysis.repository';
import { insertResponse, sameAnswersSince } from '../../db/repositories/dialogue/survey.repository';
import type { SurveyAnswerTable, SurveyTable } from '../../db/schema';
import { recordAudit } from '../shared/audit.service';
import { stockholmDate } from '../shared/clock';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { hit, isLimited } from '../shared/rate-limit.service';
import {
  assertSurveyOwner,
  isOpenOn,
  isSurveyOwner,
  loadSurveyQuestions,
  requireSurvey,
  surveyOwnerIds
} from './survey-access';
import { parseInput } from '../shared/validation';

/** The honeypot field: hidden from people, filled in by bots. */
export const HONEYPOT = 'webbplats';
/** The one-time code field. */
export const CODE_FIELD = 'kod';
/** Answers per connection and survey in an hour (households and workplaces share addresses). */
export const SUBMISSIONS_PER_HOUR = 20;
/** The same answer set again within this many minutes is flagged as a duplicate and not counted. */
export const DUPLICATE_MINUTES = 10;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The public form of a survey: its texts and questions, when it takes answers or the actor owns it. */
export async function surveyForm(ctx: Ctx, actor: Actor | null, surveyId: string) {
  const survey = await requireSurvey(ctx, surveyId);
  const open = isOpenOn(survey, stockholmDate(ctx.now()));
  const preview = !open && survey.status !== 'closed' && (await isSurveyOwner(ctx, actor, survey));
  return {
    survey: {
      id: survey.id,
      title: { sv: survey.title_sv, en: survey.title_en },
      intro: { sv: survey.intro_sv, en: survey.intro_en },
      closesOn: survey.closes_on,
      opensOn: survey.opens_on,
      requiresCode: survey.requires_code === 1,
      demo: survey.demo === 1
    },
    open,
    preview,
    questions: open || preview ? await loadSurveyQuestions(ctx, surveyId) : []
  };
}

/** A key for the rate limit: the client address hashed with today's salt, never stored with an answer. */
async function clientKey(ctx: Ctx, surveyId: string, address: string): Promise<string> {
  const salt = await saltOfDay(ctx.db, stockholmDate(ctx.now()), randomBytes(32).toString('hex'));
  return `survey:${surveyId}:${sha256(`${salt}:${address}`)}`;
}

const codeHash = (surveyId: string, code: string): string =>
  sha256(`${surveyId}:${code.toUpperCase().replace(/[^A-Z0-9]/g, '')}`);

/** Stores one response: area and age band copied to the response for breakdowns, free text masked. */
export async function storeResponse(
  trx: Executor,
  survey: SurveyTable,
  questions: readonly SurveyQuestion[],
  answers: readonly ParsedAnswer[],
  meta: { at: string; source: 'web' | 'paper'; duplicate: boolean; hash: string; by: string | null }
): Promise<void> {
  const kindOf = new Map(questions.map((q) => [q.id, q.kind]));
  const first = (kind: 'area' | 'age') =>
    answers.find((a) => kindOf.get(a.questionId) === kind)?.optionIds[0] ?? null;
  const responseId = newId();
  await insertResponse(
    trx,
    {
      id: responseId,
      survey_id: survey.id,
      source: meta.source,
      submitted_at: meta.at,
      area_option_id: first('area'),
      age_option_id: first('age'),
      answer_set_hash: meta.hash,
      duplicate: meta.duplicate ? 1 : 0,
      entered_by: meta.by,
      demo: survey.demo
    },
    answers.flatMap((a): SurveyAnswerTable[] => {
      if (a.text !== null) {
        const m = maskPersonalData(a.text);
        return [
          {
            id: newId(),
            response_id: responseId,
            question_id: a.questionId,
            option_id: null,
            text: a.text,
            text_masked: m.masked,
            personal_data: m.found.length ? m.found.join(',') : null
          }
        ];
      }
      return a.optionIds.map((o) => ({
        id: newId(),
        response_id: responseId,
        question_id: a.questionId,
        option_id: o,
        text: null,
        text_masked: null,
        personal_data: null
      }));
    })
  );
}

/** Form values by field, each a list (check boxes repeat a field). */
export type RawAnswers = Record<string, string[]>;

/**
 * An anonymous answer from the public form. Bots that fill the honeypot get the same thanks and
 * nothing is stored; the same answer set again within minutes is stored flagged, not counted.
 */
export async function submitResponse(
  ctx: Ctx,
  surveyId: string,
  raw: RawAnswers,
  client: { address: string }
): Promise<{ stored: boolean; duplicate: boolean }> {
  const survey = await requireSurvey(ctx, surveyId);
  if (!isOpenOn(survey, stockholmDate(ctx.now())))
    throw new ValidationError([{ field: 'enkat', message: 'Enkäten tar inte emot svar just nu.' }]);
  if ((raw[HONEYPOT] ?? []).some((v) => v.trim())) return { stored: false, duplicate: false };
  const limit = {
    key: await clientKey(ctx, surveyId, client.address),
    max: SUBMISSIONS_PER_HOUR,
    windowMinutes: 60
  };
  if (await isLimited(ctx, limit))
    throw new ValidationError([
      {
        field: 'enkat',
        message: 'Många svar har skickats från samma uppkoppling. Försök igen om en timme.'
      }
    ]);
  await hit(ctx, limit);
  const questions = await loadSurveyQuestions(ctx, surveyId);
  const { answers, problems } = readAnswers(questions, raw);
  const code = (raw[CODE_FIELD] ?? [])[0]?.trim() ?? '';
  if (survey.requires_code && !code)
    problems.unshift({ field: CODE_FIELD, message: 'Skriv koden från ditt brev eller kort.' });
  if (problems.length) throw new ValidationError(problems);
  if (!answers.length)
    throw new ValidationError([{ field: 'enkat', message: 'Svara på minst en fråga.' }]);
  const at = ctx.now();
  const hash = sha256(`${surveyId}:${answerSetText(answers)}`);
  const since = new Date(at.getTime() - DUPLICATE_MINUTES * 60_000).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (
      survey.requires_code &&
      !(await useCode(trx, surveyId, codeHash(surveyId, code), at.toISOString()))
    )
      throw new ValidationError([
        { field: CODE_FIELD, message: 'Koden finns inte eller har redan använts. Kontrollera den.' }
      ]);
    const duplicate = await sameAnswersSince(trx, surveyId, hash, since);
    await storeResponse(trx, survey, questions, answers, {
      at: at.toISOString(),
      source: 'web',
      duplicate,
      hash,
      by: null
    });
    return { stored: true, duplicate };
  });
}

/** Staff enter an answer given on paper: marked as paper, never flagged as a duplicate. */
export async function enterPaperResponse(
  ctx: Ctx,
  actor: Actor | null,
  surveyId: string,
  raw: RawAnswers
): Promise<void> {
  const survey = await requireSurvey(ctx, surveyId);
  if (!can(actor, 'activity.log', await surveyOwnerIds(ctx, survey)))
    throw new ForbiddenError(
      'Bara personal i enkätens kommun eller överenskommelse kan föra in pappersvar.'
    );
  if (survey.status === 'draft')
    throw new ValidationError([{ field: 'enkat', message: 'Öppna enkäten innan svar förs in.' }]);
  const questions = await loadSurveyQuestions(ctx, surveyId);
  const { answers, problems } = readAnswers(
    questions.map((q) => ({ ...q, required: false })),
    raw
  );
  if (problems.length) throw new ValidationError(problems);
  if (!answers.length)
    throw new ValidationError([{ field: 'enkat', message: 'Fyll i minst ett svar från pappret.' }]);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await storeResponse(trx, survey, questions, answers, {
      at,
      source: 'paper',
      duplicate: false,
      hash: sha256(`${surveyId}:${answerSetText(answers)}`),
      by: changerId(actor)
    });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: survey.municipality_id,
      action: 'survey.paper',
      entity: 'survey',
      entityId: surveyId
    });
  });
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random one-time code like "K7QM-2XPA" (no 0/O or 1/I to misread). */
export function newCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

const codeCount = z.object({
  count: z.coerce
    .number({ message: 'Skriv hur många koder, till exempel 200.' })
    .int({ message: 'Skriv ett heltal.' })
    .min(1, { message: 'Skriv minst 1.' })
    .max(2000, { message: 'Högst 2000 koder åt gången.' })
});

/** Makes one-time codes for paper or door-to-door distribution; shown once, stored hashed. */
export async function generateCodes(
  ctx: Ctx,
  actor: Actor | null,
  surveyId: string,
  raw: unknown
): Promise<string[]> {
  const survey = await requireSurvey(ctx, surveyId);
  await assertSurveyOwner(ctx, actor, survey);
  const { count } = parseInput(codeCount, raw);
  const codes = [...new Set(Array.from({ length: count }, newCode))];
  await ctx.db.transaction().execute(async (trx) => {
    await insertCodes(
      trx,
      surveyId,
      codes.map((c) => codeHash(surveyId, c)),
      ctx.now().toISOString()
    );
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: survey.municipality_id,
      action: 'survey.codes',
      entity: 'survey',
      entityId: surveyId,
      after: { count: codes.length }
    });
  });
  return codes;
}

/** A posted form as answers: every field with all its values (check boxes repeat a field). */
export function answersFromForm(form: FormData): RawAnswers {
  const out: RawAnswers = {};
  for (const [k, v] of form) if (typeof v === 'string') (out[k] ??= []).push(v);
  return out;
}
