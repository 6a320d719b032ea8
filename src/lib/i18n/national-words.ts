import type { Lang } from './index';

/**
 * The words of the national overview (/sverige, /sverige/<area>), Swedish first. Names of
 * regions, areas, agreements and focus areas stay as written.
 */
const W = {
  title: { sv: 'Medborgarlöften i hela Sverige', en: 'Citizen promises across Sweden' },
  intro: {
    sv: 'Andelen uppfyllda mål {year}: hur många av de bedömda perioderna som nådde sitt mål, räknat ur varje överenskommelses egen uppföljning (bara det som är publicerat). Bedömt {asOf}.',
    en: 'The share of targets met in {year}: how many of the judged periods reached their target, taken from each agreement’s own follow-up (only what is published). Judged on {asOf}.'
  },
  demo: {
    sv: 'Siffrorna bygger på påhittade demodata: aktiviteterna är påhittade, och överenskommelser märkta demo finns inte på riktigt.',
    en: 'The figures are built on invented demo data: the activities are invented, and agreements marked demo do not exist.'
  },
  years: { sv: 'År', en: 'Years' },
  yearBefore: { sv: 'Året före', en: 'Year before' },
  yearAfter: { sv: 'Året efter', en: 'Year after' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  agreementOne: { sv: 'överenskommelse', en: 'agreement' },
  agreementMany: { sv: 'överenskommelser', en: 'agreements' },
  with: { sv: 'med', en: 'with' },
  measureOne: { sv: 'offentlig åtgärd', en: 'public measure' },
  measureMany: { sv: 'offentliga åtgärder', en: 'public measures' },
  met: { sv: 'Uppfyllt', en: 'Met' },
  behindSentence: {
    sv: 'åtgärder ligger efter, missade sitt senaste mål eller har varit tysta.',
    en: 'measures are behind, missed their latest target or have been silent.'
  },
  of: { sv: 'av', en: 'of' },
  perRegion: { sv: 'Per polisregion', en: 'By police region' },
  perArea: { sv: 'Per område', en: 'By area' },
  metIn: { sv: 'Uppfyllda mål', en: 'Targets met in' },
  region: { sv: 'polisregion', en: 'police region' },
  area: { sv: 'område', en: 'area' },
  areaCol: { sv: 'Område', en: 'Area' },
  agreements: { sv: 'Överenskommelser', en: 'Agreements' },
  measures: { sv: 'Åtgärder', en: 'Measures' },
  behind: { sv: 'Åtgärder efter', en: 'Measures behind' },
  perKind: { sv: 'Per typ av mål', en: 'By kind of target' },
  kind: { sv: 'Typ av mål', en: 'Kind of target' },
  perFocus: { sv: 'Per fokusområde', en: 'By focus area' },
  focus: { sv: 'Fokusområde', en: 'Focus area' },
  focusNote: {
    sv: 'En åtgärd som hör till flera fokusområden räknas i vart och ett av dem, så summan kan bli större än antalet åtgärder.',
    en: 'A measure that belongs to several focus areas is counted in each of them, so the sum can be more than the number of measures.'
  },
  agreement: { sv: 'Överenskommelse', en: 'Agreement' },
  policeArea: { sv: 'Lokalpolisområde', en: 'Local police area' },
  agreementsIn: { sv: 'Överenskommelser i', en: 'Agreements in' },
  noAgreements: {
    sv: 'Inga publicerade överenskommelser i området {year}.',
    en: 'No published agreements in the area in {year}.'
  },
  breadcrumbs: { sv: 'Brödsmulor', en: 'Breadcrumbs' },
  allSweden: { sv: 'Hela Sverige', en: 'All of Sweden' }
} as const satisfies Record<string, { sv: string; en: string }>;

export type NationalWord = keyof typeof W;

/** A word of the national overview in the reader's language, with {name} filled in. */
export const nationalWord = (
  lang: Lang,
  key: NationalWord,
  fill: Record<string, string | number> = {}
): string => W[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(fill[k] ?? `{${k}}`));
