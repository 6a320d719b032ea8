import { z } from 'zod';
import { isoDate, strictInt } from '../shared/validation';
import type { Target } from '../../../core';
import { publishAfter } from '../../../core/publication';
import { MAX_DURATION_MINUTES } from '../../../core/duration';
import { gradeCounts } from '../../../core/follow-up-count';
import type { ActivityTable, PublicationRule } from '../../db/schema';
import type { FieldError } from '../shared/errors';

/** An activity as the API and pages show it to those who may see it. */
export type ActivityView = {
  id: string;
  agreementId: string;
  measureKey: string;
  date: string;
  count: number;
  shifts: number;
  /** How long it took in minutes; null when not given (then it shows as "saknar tid"). */
  durationMinutes: number | null;
  grade: string | null;
  place: string | null;
  partyIds: string[];
  note: string | null;
  publication: PublicationRule;
  publishAfter: string | null;
  demo: boolean;
  createdAt: string;
  deletedAt: string | null;
};

/** Shapes an activity row for output. */
export const presentActivity = (r: ActivityTable): ActivityView => ({
  id: r.id,
  agreementId: r.agreement_id,
  measureKey: r.measure_key,
  date: r.occurred_on,
  count: Number(r.count),
  shifts: Number(r.shifts),
  durationMinutes: r.duration_minutes == null ? null : Number(r.duration_minutes),
  grade: r.grade,
  place: r.place,
  partyIds: JSON.parse(r.party_ids) as string[],
  note: r.note,
  publication: r.publication,
  publishAfter: r.publication === 'internal' ? null : r.publish_after,
  demo: r.demo === 1,
  createdAt: r.created_at,
  deletedAt: r.deleted_at
});

const date = isoDate();
export const logInput = z.object({
  measureId: z.string().min(1, { message: 'Välj vilken åtgärd du har gjort.' }),
  date: date.optional(),
  // A number or plain digits: `true`, `[1]`, '1e3' are refused by name, not read as a count.
  count: strictInt(
    z
      .number({ message: 'Skriv antalet som ett heltal med siffror, till exempel 2.' })
      .int({ message: 'Antalet ska vara ett heltal.' })
      .min(1, { message: 'Antalet måste vara minst 1.' })
      .max(1000, { message: 'Högst 1000 åt gången. Dela upp större mängder.' })
  ).default(1),
  shifts: strictInt(
    z
      .number({ message: 'Skriv antalet pass som ett heltal med siffror, till exempel 1.' })
      .int({ message: 'Antalet pass ska vara ett heltal.' })
      .min(0, { message: 'Antalet pass kan inte vara negativt.' })
      .max(100, { message: 'Högst 100 pass åt gången.' })
  ).optional(),
  // How long it took, in whole minutes (the form's "Tid (timmar)" is converted); null = not given.
  durationMinutes: strictInt(
    z
      .number({ message: 'Skriv tiden i hela minuter med siffror, till exempel 90.' })
      .int({ message: 'Tiden ska vara ett helt antal minuter.' })
      .min(1, { message: 'Tiden måste vara minst 1 minut, eller lämnas tom.' })
      .max(MAX_DURATION_MINUTES, { message: 'Högst 1000 timmar åt gången.' })
  )
    .nullable()
    .optional(),
  grade: z.string().trim().max(20).optional(),
  place: z.string().trim().max(200, { message: 'Platsen får vara högst 200 tecken.' }).optional(),
  partyIds: z.array(z.string()).max(20).default([]),
  note: z
    .string()
    .trim()
    .max(2000, { message: 'Anteckningen får vara högst 2000 tecken.' })
    .optional(),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
  publication: z
    .enum(['public', 'delayed', 'monthly', 'internal'], {
      message: 'Välj public, delayed, monthly eller internal.'
    })
    .optional()
});

// The rule itself is pure and lives in core; kept exported here for the importer and the demo.
export { publishAfter };

/** The shape of an activity's own fields (count, shifts, grade, place, note), as logging checks them. */
export const activityFields = logInput.pick({
  count: true,
  shifts: true,
  durationMinutes: true,
  grade: true,
  place: true,
  note: true
});

/**
 * What an activity must satisfy beyond its fields' shapes: a day that has been, within the
 * agreement's period, shifts for every-shift targets and a valid grade for per-grade targets.
 * Pure, so logging and spreadsheet imports apply the same rules.
 */
export function activityRuleProblems(
  v: { date: string; shifts?: number; grade?: string },
  rules: { today: string; periodStart: string; periodEnd: string; target: Target }
): FieldError[] {
  const out: FieldError[] = [];
  if (v.date > rules.today)
    out.push({
      field: 'date',
      message: 'Logga det som är gjort: datumet kan inte vara i framtiden.'
    });
  else if (v.date < rules.periodStart || v.date > rules.periodEnd)
    out.push({
      field: 'date',
      message: `Datumet ligger utanför överenskommelsens period ${rules.periodStart} – ${rules.periodEnd}.`
    });
  const t = rules.target;
  if (t.kind === 'every-shift' && !v.shifts)
    out.push({
      field: 'shifts',
      message: 'Skriv hur många arbetspass du arbetade, så att andelen pass kan räknas.'
    });
  // A class counts for its grade by its leading number: "6A" is grade 6 (docs/FOLLOW-UP.md).
  if (
    t.kind === 'count' &&
    t.perUnit &&
    !t.perUnit.values.some((u) => gradeCounts(v.grade ?? null, u))
  )
    out.push({
      field: 'grade',
      message:
        t.perUnit.label === 'årskurs'
          ? `Välj årskurs: ${t.perUnit.values.join(', ')}. En klass räknas till sin årskurs: ${t.perUnit.values[0]}A är årskurs ${t.perUnit.values[0]}.`
          : `Välj ${t.perUnit.label}: ${t.perUnit.values.join(', ')}.`
    });
  return out;
}

export const editInput = logInput
  .pick({
    date: true,
    count: true,
    shifts: true,
    durationMinutes: true,
    grade: true,
    place: true,
    note: true,
    partyIds: true,
    publication: true
  })
  .partial();
