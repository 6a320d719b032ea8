import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { changerId, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import { insertCodes } from '../../db/repositories/dialogue/survey-analysis.repository';
import { insertClassCode } from '../../db/repositories/dialogue/survey-admission.repository';
import { recordAudit } from '../shared/audit.service';
import { parseInput } from '../shared/validation';
import { assertSurveyOwner, requireSurvey } from './survey-access';

/** One-time codes and class codes for a survey: made by its owner, shown once, stored hashed. */

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** How a one-time code is stored: hashed with the survey, read without dashes or case. */
export const codeHash = (surveyId: string, code: string): string =>
  sha256(`${surveyId}:${code.toUpperCase().replace(/[^A-Z0-9]/g, '')}`);

/** How a class code is stored. */
export const classCodeHash = (surveyId: string, code: string): string =>
  sha256(`class:${surveyId}:${code.toUpperCase().replace(/[^A-Z0-9]/g, '')}`);

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

const classCodeInput = z.object({
  label: z
    .string({ message: 'Skriv vilken klass koden är till, till exempel "8B Norsjöskolan".' })
    .trim()
    .min(1, { message: 'Skriv vilken klass koden är till, till exempel "8B Norsjöskolan".' })
    .max(80, { message: 'Skriv högst 80 tecken om klassen.' }),
  capacity: z.coerce
    .number({ message: 'Skriv hur många som ska kunna svara med koden, till exempel 35.' })
    .int({ message: 'Skriv ett heltal.' })
    .min(1, { message: 'Skriv minst 1.' })
    .max(500, { message: 'Högst 500 svar per klasskod.' })
});

/**
 * Makes a class code for a teacher: answers with it bypass the per-address limit up to its
 * capacity. Shown once (stored hashed); the label and capacity are kept to show the owner.
 */
export async function createClassCode(
  ctx: Ctx,
  actor: Actor | null,
  surveyId: string,
  raw: unknown
): Promise<{ code: string; label: string; capacity: number }> {
  const survey = await requireSurvey(ctx, surveyId);
  await assertSurveyOwner(ctx, actor, survey);
  const { label, capacity } = parseInput(classCodeInput, raw);
  const code = newCode();
  await ctx.db.transaction().execute(async (trx) => {
    await insertClassCode(trx, {
      id: newId(),
      survey_id: surveyId,
      code_hash: classCodeHash(surveyId, code),
      label,
      capacity,
      used: 0,
      created_by: changerId(actor),
      created_at: ctx.now().toISOString()
    });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: survey.municipality_id,
      action: 'survey.class-code',
      entity: 'survey',
      entityId: surveyId,
      after: { label, capacity }
    });
  });
  return { code, label, capacity };
}
