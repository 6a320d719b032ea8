import { z } from 'zod';
import { SCHOOL_PERIODS, TARGET_PERS, TIME_SUMS, type TargetWindow } from '../core/target';
import { describeWindow } from '../core/target-describe';
import { ValidationError, fieldErrorsFromZod } from './services/shared/errors';
import { isoDate } from './services/shared/validation';

const whole = (what: string) =>
  z.coerce
    .number({ message: `Skriv ${what} som ett heltal.` })
    .int({ message: `Skriv ${what} som ett heltal.` })
    .min(1, { message: `${what[0]?.toUpperCase()}${what.slice(1)} måste vara minst 1.` });

// The structured editor: an editor sets the target by hand when the words cannot say it.
const manual = z.discriminatedUnion('manualKind', [
  z.object({
    manualKind: z.literal('count'),
    manualCount: whole('antalet'),
    manualPer: z.enum(TARGET_PERS, {
      message:
        'Välj per dag, vecka, månad, kvartal, tertial, halvår, termin, läsår, år eller avtalsperiod.'
    }),
    manualUnit: z.string().trim().max(50).default(''),
    // '' counts activities; 'hours' or 'minutes' sums their logged time instead.
    manualSum: z
      .union([z.literal(''), z.enum(TIME_SUMS)], {
        message: 'Välj om aktiviteter räknas eller om tid (timmar eller minuter) summeras.'
      })
      .default('')
  }),
  z.object({
    manualKind: z.literal('interval'),
    manualEvery: whole('intervallet'),
    manualIntervalUnit: z.enum(['day', 'week', 'weekend', 'month'], {
      message: 'Välj dag, vecka, helg eller månad.'
    })
  }),
  z.object({ manualKind: z.literal('continuous'), manualQuietDays: whole('antalet dagar') }),
  z.object({ manualKind: z.enum(['every-shift', 'on-demand', 'occasions', 'unparsed']) })
]);

const month = z.coerce
  .number({ message: 'Välj en månad.' })
  .int({ message: 'Välj en månad.' })
  .min(1, { message: 'Välj en månad.' })
  .max(12, { message: 'Välj en månad.' });

// When in the year the hand-set target applies: all year, a school period, or months.
const manualWindow = z.discriminatedUnion('manualWindow', [
  z.object({ manualWindow: z.literal('') }),
  z.object({ manualWindow: z.enum(SCHOOL_PERIODS) }),
  z.object({ manualWindow: z.literal('months'), manualWindowFrom: month, manualWindowTo: month })
]);

function windowFromForm(form: FormData): TargetWindow | undefined {
  const r = manualWindow.safeParse({
    manualWindow: String(form.get('manualWindow') ?? ''),
    manualWindowFrom: form.get('manualWindowFrom') ?? undefined,
    manualWindowTo: form.get('manualWindowTo') ?? undefined
  });
  if (!r.success) {
    const fields = fieldErrorsFromZod(r.error.issues);
    throw new ValidationError(
      fields.map((f) =>
        f.field === 'manualWindow'
          ? { ...f, message: 'Välj hela året, ett lov, skolterminerna eller månader.' }
          : f
      )
    );
  }
  const v = r.data;
  if (v.manualWindow === '') return undefined;
  const window: TargetWindow =
    v.manualWindow === 'months'
      ? { kind: 'months', from: v.manualWindowFrom, to: v.manualWindowTo, text: '' }
      : { kind: 'school', period: v.manualWindow, text: '' };
  return { ...window, text: describeWindow(window, 'sv') };
}

/** The target set by hand in the structured editor, or undefined when the words should be parsed. */
function manualTarget(form: FormData, text: string) {
  if (form.get('manual') !== 'on') return undefined;
  const r = manual.safeParse(
    Object.fromEntries([...form].filter(([k]) => k.startsWith('manual') && k !== 'manual'))
  );
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error.issues));
  const v = r.data;
  const window = windowFromForm(form);
  const w = window ? { window } : {};
  switch (v.manualKind) {
    case 'count':
      return {
        kind: 'count' as const,
        text,
        count: v.manualCount,
        per: v.manualPer,
        ...(v.manualUnit ? { unit: v.manualUnit } : {}),
        ...(v.manualSum ? { sum: v.manualSum } : {}),
        ...w
      };
    case 'interval':
      return {
        kind: 'interval' as const,
        text,
        every: v.manualEvery,
        unit: v.manualIntervalUnit,
        ...w
      };
    case 'continuous':
      return { kind: 'continuous' as const, text, quietAfterDays: v.manualQuietDays, ...w };
    case 'every-shift':
      return { kind: 'every-shift' as const, text, ...w };
    case 'occasions':
      return { kind: 'occasions' as const, text, occasions: 'risk-weekends' as const };
    default:
      return { kind: v.manualKind, text };
  }
}

const optionalDay = (field: string, what: string) =>
  z
    .union([z.literal(''), isoDate(`Skriv ${what} som ÅÅÅÅ-MM-DD, till exempel 2019-03-01.`)])
    .transform((v) => (v === '' ? null : v))
    .describe(field);

const days = z
  .object({
    startsOn: optionalDay('startsOn', 'första dagen'),
    endsOn: optionalDay('endsOn', 'sista dagen')
  })
  .superRefine((v, c) => {
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
      c.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'Sista dagen kan inte vara före första dagen.'
      });
  });

/** Reads the measure form's fields into the shape the plan services take. */
export function measureFromForm(form: FormData) {
  const str = (k: string) => String(form.get(k) ?? '');
  const target = manualTarget(form, str('targetText').trim());
  const span = days.safeParse({ startsOn: str('startsOn').trim(), endsOn: str('endsOn').trim() });
  if (!span.success) throw new ValidationError(fieldErrorsFromZod(span.error.issues));
  return {
    title: str('title'),
    description: str('description'),
    targetText: str('targetText'),
    ...(target ? { target } : {}),
    responsiblePartyId: str('responsiblePartyId') || null,
    partyIds: form.getAll('partyIds').map(String),
    focusAreaKeys: form.getAll('focusAreaIds').map(String),
    followUpMethod: str('followUpMethod'),
    visibility: str('visibility') || 'public',
    publicationRule: str('publicationRule') || 'public',
    publicationDelayDays: str('publicationDelayDays') || 0,
    startsOn: span.data.startsOn,
    endsOn: span.data.endsOn,

    changeReason: str('changeReason')
  };
}
