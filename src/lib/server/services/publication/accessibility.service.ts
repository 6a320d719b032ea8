import { z } from 'zod';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  countReportsSince,
  insertReport
} from '../../db/repositories/publication/feedback.repository';
import { fieldErrorsFromZod, ValidationError } from '../shared/errors';

const input = z.object({
  page: z.string().trim().max(500).default(''),
  description: z
    .string()
    .trim()
    .min(5, { message: 'Beskriv problemet med några ord: vad försökte du göra, och vad hände?' })
    .max(4000, { message: 'Beskrivningen får vara högst 4000 tecken.' }),
  contact: z
    .string()
    .trim()
    .max(320, { message: 'Kontaktuppgiften får vara högst 320 tecken.' })
    .default('')
});

/** Stores a report of an accessibility problem; anyone may send one, at most 200 a day in all. */
export async function reportAccessibilityProblem(ctx: Ctx, raw: unknown): Promise<void> {
  const r = input.safeParse(raw);
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error.issues));
  const since = new Date(ctx.now().getTime() - 86_400_000).toISOString();
  if ((await countReportsSince(ctx.db, since)) >= 200) {
    throw new ValidationError([
      {
        field: 'description',
        message: 'Många rapporter har kommit in i dag. Försök igen i morgon.'
      }
    ]);
  }
  await insertReport(ctx.db, {
    id: newId(),
    page: r.data.page,
    description: r.data.description,
    contact: r.data.contact || null,
    created_at: ctx.now().toISOString(),
    handled_at: null
  });
}
