import { z } from 'zod';
import { ValidationError, fieldErrorsFromZod } from './services/shared/errors';

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
    manualPer: z.enum(['day', 'week', 'month', 'tertial', 'year', 'period'], {
      message: 'Välj per dag, vecka, månad, tertial, år eller avtalsperiod.'
    }),
    manualUnit: z.string().trim().max(50).default('')
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

/** The target set by hand in the structured editor, or undefined when the words should be parsed. */
function manualTarget(form: FormData, text: string) {
  if (form.get('manual') !== 'on') return undefined;
  const r = manual.safeParse(
    Object.fromEntries([...form].filter(([k]) => k.startsWith('manual') && k !== 'manual'))
  );
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error.issues));
  const v = r.data;
  switch (v.manualKind) {
    case 'count':
      return {
        kind: 'count' as const,
        text,
        count: v.manualCount,
        per: v.manualPer,
        ...(v.manualUnit ? { unit: v.manualUnit } : {})
      };
    case 'interval':
      return { kind: 'interval' as const, text, every: v.manualEvery, unit: v.manualIntervalUnit };
    case 'continuous':
      return { kind: 'continuous' as const, text, quietAfterDays: v.manualQuietDays };
    case 'occasions':
      return { kind: 'occasions' as const, text, occasions: 'risk-weekends' as const };
    default:
      return { kind: v.manualKind, text };
  }
}

/** Reads the measure form's fields into the shape the plan services take. */
export function measureFromForm(form: FormData) {
  const str = (k: string) => String(form.get(k) ?? '');
  const target = manualTarget(form, str('targetText').trim());
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

    changeReason: str('changeReason')
  };
}
