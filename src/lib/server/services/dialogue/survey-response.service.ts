import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { maskPersonalData } from '../../../core/personal-data';
import { answerSetText, readAnswers } from '../../../core/survey';
import { can, changerId, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { saltOfDay, useCode } from '../../db/repositories/dialogue/survey-analysis.repository';
import { insertResponse } from '../../db/repositories/dialogue/survey.repository';
import {
  claimSubmission,
  classCodeRows,
  countRefusal,
  overwriteAnswerText,
  refusalRows,
  takeWithinLimit,
  textAnswerOf,
  useClassCode
} from '../../db/repositories/dialogue/survey-admission.repository';
import {
  releaseClassPlace,
  storeClassAnswer
} from '../../db/repositories/dialogue/survey-class-answer.repository';
import { recordAudit } from '../shared/audit.service';
import { groupedTransaction } from '../../db/grouped-transaction';
import { stockholmDate } from '../../../core/stockholm-date';
import { ForbiddenError, ValidationError } from '../shared/errors';
import {
  assertSurveyOwner,
  isOpenOn,
  isSurveyOwner,
  loadSurveyQuestions,
  requireSurvey,
  surveyOwnerIds
} from './survey-access';
import { parseInput } from '../shared/validation';
import { classCodeHash, codeHash } from './survey-response-codes.service';
import { responseRows, storeResponse } from './survey-response-rows';

export { createClassCode, generateCodes, newCode } from './survey-response-codes.service';
export { storeResponse } from './survey-response-rows';

/** The honeypot field: hidden from people, filled in by bots. */
export const HONEYPOT = 'webbplats';
/** The one-time code field. */
export const CODE_FIELD = 'kod';
/** The class code field: a class answering together from one school network. */
export const CLASS_CODE_FIELD = 'klasskod';
/** The hidden field with the rendered form's random token (the same form sent twice counts once). */
export const TOKEN_FIELD = 'formularnyckel';
/** Answers per connection and survey in an hour (households and workplaces share addresses). */
export const SUBMISSIONS_PER_HOUR = 20;
/** Without a form token, the same answers from the same address within this many minutes count once. */
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
    questions: open || preview ? await loadSurveyQuestions(ctx, surveyId) : [],
    /** Whether the form asks for a class code (only surveys whose owner made class codes). */
    classCodes: (await classCodeRows(ctx.db, surveyId)).length > 0,
    // A fresh random token per rendered form, sent back in a hidden field: the same form sent
    // twice counts once, while different people with the same answers are all counted.
    token: randomBytes(18).toString('base64url')
  };
}

/** A key for the rate limit: the client address hashed with today's salt, never stored with an answer. */
async function clientKey(ctx: Ctx, surveyId: string, address: string): Promise<string> {
  const salt = await saltOfDay(ctx.db, stockholmDate(ctx.now()), randomBytes(32).toString('hex'));
  return `survey:${surveyId}:${sha256(`${salt}:${address}`)}`;
}

/** Form values by field, each a list (check boxes repeat a field). */
export type RawAnswers = Record<string, string[]>;

/** Why an answer was held back; each is counted for the survey's owner, never silently dropped. */
export type RefusalReason =
  'address-limit' | 'class-code-full' | 'resubmitted' | 'repeated' | 'honeypot';

/** The owner's words for each reason (shown with the count on the survey's page). */
export const REFUSAL_LABELS: Record<RefusalReason, string> = {
  'address-limit': `Fler än ${SUBMISSIONS_PER_HOUR} svar från samma uppkoppling inom en timme, utan klasskod`,
  'class-code-full': 'Klasskodens platser var redan använda',
  resubmitted: 'Samma formulär skickades en gång till (räknas en gång)',
  repeated: `Samma svar från samma uppkoppling igen inom ${DUPLICATE_MINUTES} minuter, utan formulärnyckel`,
  honeypot: 'Ifyllt dolt fält (troligen ett program, inte en person)'
};

/** What the person answering is told when the answer is refused. */
const REFUSAL_MESSAGES: Partial<Record<RefusalReason, string>> = {
  'address-limit':
    'Många svar har skickats från samma uppkoppling. Försök igen om en timme, eller be din lärare om en klasskod.',
  'class-code-full':
    'Klasskoden har redan använts av så många som den räcker till. Fråga din lärare.'
};

/** A refusal inside the transaction: rolls back what was counted so far, counted after. */
class Refusal extends Error {
  constructor(readonly reason: RefusalReason) {
    super(reason);
  }
}

const token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

const windowStart = (now: Date, minutes: number): string =>
  new Date(now.getTime() - minutes * 60_000).toISOString();

/**
 * An anonymous answer from the public form. Who gets in, in this order (docs/SURVEYS.md):
 * the same rendered form sent again (its token already used) is one person and not stored again;
 * without a token, the same answers from the same address within minutes are a resubmission;
 * with a class code the answer uses one of its places (atomically, up to its capacity);
 * otherwise the address may give SUBMISSIONS_PER_HOUR answers an hour (checked and counted in
 * one statement). Identical answers from different forms are always counted. Every refusal is
 * counted by reason for the owner. Invalid input is an error to fix and counts against nothing.
 */
export async function submitResponse(
  ctx: Ctx,
  surveyId: string,
  raw: RawAnswers,
  client: { address: string }
): Promise<{ stored: boolean; duplicate: boolean }> {
  const survey = await requireSurvey(ctx, surveyId);
  const now = ctx.now();
  const at = now.toISOString();
  if (!isOpenOn(survey, stockholmDate(now)))
    throw new ValidationError([{ field: 'enkat', message: 'Enkäten tar inte emot svar just nu.' }]);
  if ((raw[HONEYPOT] ?? []).some((v) => v.trim())) {
    await countRefusal(ctx.db, surveyId, 'honeypot', at);
    return { stored: false, duplicate: false };
  }
  const questions = await loadSurveyQuestions(ctx, surveyId);
  const { answers, problems } = readAnswers(questions, raw);
  const code = (raw[CODE_FIELD] ?? [])[0]?.trim() ?? '';
  const classCode = (raw[CLASS_CODE_FIELD] ?? [])[0]?.trim() ?? '';
  if (survey.requires_code && !code && !classCode)
    problems.unshift({ field: CODE_FIELD, message: 'Skriv koden från ditt brev eller kort.' });
  if (problems.length) throw new ValidationError(problems);
  if (!answers.length)
    throw new ValidationError([{ field: 'enkat', message: 'Svara på minst en fråga.' }]);
  const formToken = token.safeParse((raw[TOKEN_FIELD] ?? [])[0] ?? '');
  const hash = sha256(`${surveyId}:${answerSetText(answers)}`);
  // The address key (today's salt: three statements) is needed only by the checks that read it:
  // a form without its token, or an answer without a class code.
  const key = formToken.success && classCode ? '' : await clientKey(ctx, surveyId, client.address);
  const rows = responseRows(survey, questions, answers, {
    at,
    source: 'web',
    duplicate: false,
    hash,
    by: null
  });
  if (formToken.success && classCode) {
    // A class's answer: on PostgreSQL one statement takes a place, claims the form and stores it.
    const tokenHash = sha256(`${surveyId}:${formToken.data}`);
    const one = await storeClassAnswer(ctx.db, {
      surveyId,
      tokenHash,
      day: stockholmDate(now),
      codeHash: classCodeHash(surveyId, classCode),
      ...rows
    });
    if (one?.claimed) return { stored: true, duplicate: false };
    if (one?.placeId) {
      // The same form sent twice at the same moment: the other one was stored.
      await releaseClassPlace(ctx.db, one.placeId);
      await countRefusal(ctx.db, surveyId, 'resubmitted', at);
      return { stored: false, duplicate: true };
    }
    // Nothing was written: the usual way below finds out why (sent before, full, no such code).
  }
  try {
    // On SQLite, answers that arrive together share one commit (db/grouped-transaction.ts).
    return await groupedTransaction(ctx, async (trx) => {
      if (formToken.success) {
        const tokenHash = sha256(`${surveyId}:${formToken.data}`);
        if (!(await claimSubmission(trx, surveyId, tokenHash, stockholmDate(now))))
          throw new Refusal('resubmitted');
      } else if (
        !(await takeWithinLimit(trx, `${key}:${hash}`, 1, at, windowStart(now, DUPLICATE_MINUTES)))
      )
        throw new Refusal('repeated');
      if (classCode) {
        const place = await useClassCode(trx, surveyId, classCodeHash(surveyId, classCode));
        if (place === 'unknown')
          throw new ValidationError([
            {
              field: CLASS_CODE_FIELD,
              message: 'Klasskoden finns inte för den här enkäten. Kontrollera den.'
            }
          ]);
        if (place === 'full') throw new Refusal('class-code-full');
      } else {
        if (!(await takeWithinLimit(trx, key, SUBMISSIONS_PER_HOUR, at, windowStart(now, 60))))
          throw new Refusal('address-limit');
        if (survey.requires_code && !(await useCode(trx, surveyId, codeHash(surveyId, code), at)))
          throw new ValidationError([
            {
              field: CODE_FIELD,
              message: 'Koden finns inte eller har redan använts. Kontrollera den.'
            }
          ]);
      }
      await insertResponse(trx, rows.response, rows.answers);
      return { stored: true, duplicate: false };
    });
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    await countRefusal(ctx.db, surveyId, e.reason, at);
    const message = REFUSAL_MESSAGES[e.reason];
    if (!message) return { stored: false, duplicate: true };
    throw new ValidationError([
      { field: e.reason === 'class-code-full' ? CLASS_CODE_FIELD : 'enkat', message }
    ]);
  }
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

/**
 * What the owner sees of admission: answers refused by reason, and the class codes with how many
 * places are used. Null for anyone who does not own the survey.
 */
export async function surveyAdmission(ctx: Ctx, actor: Actor | null, surveyId: string) {
  const survey = await requireSurvey(ctx, surveyId);
  if (!(await isSurveyOwner(ctx, actor, survey))) return null;
  const refusals = (await refusalRows(ctx.db, surveyId)).map((r) => ({
    reason: r.reason,
    label: REFUSAL_LABELS[r.reason as RefusalReason] ?? r.reason,
    count: Number(r.count),
    lastAt: r.last_at
  }));
  return {
    refusals,
    refused: refusals.reduce((n, r) => n + r.count, 0),
    classCodes: (await classCodeRows(ctx.db, surveyId)).map((c) => ({
      id: c.id,
      label: c.label,
      capacity: Number(c.capacity),
      used: Number(c.used)
    }))
  };
}

/** The mark left where an owner removed an answer's text. */
export const REDACTED = '[borttaget av enkätens ägare]';

const redactInput = z.object({
  answerId: z.string({ message: 'Välj ett svar.' }).trim().min(1, { message: 'Välj ett svar.' }),
  mode: z.enum(['mask', 'remove'], {
    message: 'Välj om personuppgifterna ska maskeras eller hela texten tas bort.'
  })
});

/**
 * The survey's owner removes personal data from a free-text answer for good: the text is replaced
 * by its masked form ('mask') or by a removal mark ('remove'); the original is overwritten in the
 * database. The audit trail records that it happened and how, never the removed text.
 */
export async function redactAnswer(
  ctx: Ctx,
  actor: Actor | null,
  surveyId: string,
  raw: unknown
): Promise<{ text: string }> {
  const survey = await requireSurvey(ctx, surveyId);
  await assertSurveyOwner(ctx, actor, survey);
  const { answerId, mode } = parseInput(redactInput, raw);
  const row = await textAnswerOf(ctx.db, answerId);
  if (!row || row.survey_id !== surveyId || row.text === null)
    throw new ValidationError([
      { field: 'answerId', message: 'Det finns inget sådant fritextsvar i enkäten.' }
    ]);
  const text = mode === 'mask' ? maskPersonalData(row.text).masked : REDACTED;
  await ctx.db.transaction().execute(async (trx) => {
    await overwriteAnswerText(trx, answerId, text);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: survey.municipality_id,
      action: 'survey.redact',
      entity: 'survey_answer',
      entityId: answerId,
      after: { surveyId, mode }
    });
  });
  return { text };
}

/** A posted form as answers: every field with all its values (check boxes repeat a field). */
export function answersFromForm(form: FormData): RawAnswers {
  const out: RawAnswers = {};
  for (const [k, v] of form) if (typeof v === 'string') (out[k] ??= []).push(v);
  return out;
}
