/** Swedish words for follow-up statuses, so a status is never shown by colour alone. */
export const STATUS_SV: Record<string, string> = {
  met: 'Uppfyllt',
  missed: 'Ej uppfyllt',
  'on-track': 'I fas',
  behind: 'Efter',
  active: 'Pågår',
  quiet: 'Tyst',
  'not-applicable': 'Bedöms ej än',
  'needs-date': 'Saknar datum',
  upcoming: 'Kommande'
};

/** English words for the same statuses, for pages read with ?lang=en. */
export const STATUS_EN: Record<string, string> = {
  met: 'Met',
  missed: 'Not met',
  'on-track': 'On track',
  behind: 'Behind',
  active: 'Ongoing',
  quiet: 'Quiet',
  'not-applicable': 'Not judged yet',
  'needs-date': 'Date missing',
  upcoming: 'Upcoming'
};

/** A status's word in the reader's language. */
export const statusWord = (lang: 'sv' | 'en', status: string): string =>
  (lang === 'en' ? STATUS_EN : STATUS_SV)[status] ?? status;

/** Swedish words for prevention types. */
export const PREVENTION_SV: Record<string, string> = {
  social: 'social brottsprevention',
  situational: 'situationell brottsprevention',
  safety: 'trygghetsskapande arbete'
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

const TERTIAL_MONTHS = ['jan–apr', 'maj–aug', 'sep–dec'];

/** A short Swedish label for a period: "mar 2020", "maj–aug 2020", "2020" or the dates. */
export function periodLabel(start: string, end: string, kind: string): string {
  const y = start.slice(0, 4);
  const m = Number(start.slice(5, 7));
  if (kind === 'month') return `${MONTHS[m - 1]} ${y}`;
  // A tertial in months, not "T3": residents do not know the word.
  if (kind === 'tertial') return `${TERTIAL_MONTHS[Math.ceil(m / 4) - 1]} ${y}`;
  if (kind === 'year') return y;
  return `${start} – ${end}`;
}

/** A date as "31 okt 2026". */
export function shortDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** A share 0..1 as a Swedish percentage. */
export const percent = (share: number | null): string =>
  share === null ? '–' : `${Math.round(share * 100)} %`;
