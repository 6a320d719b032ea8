import type { Lang } from './index';

/** A heading in Swedish and English; some take a name, a period or a year. */
type Heading = { sv: string; en: string };

const H = {
  // The public municipality page.
  onThisPage: { sv: 'På den här sidan', en: 'On this page' },
  standing: { sv: 'Så går det', en: 'How it is going' },
  promised: { sv: 'Det här har vi lovat', en: 'What we have promised' },
  promisedShort: { sv: 'Det här har vi lovat', en: 'Our promises' },
  focusAreas: { sv: 'Fokusområden', en: 'Focus areas' },
  done: { sv: 'Det här har gjorts på sistone', en: 'What has been done lately' },
  doneShort: { sv: 'Gjort på sistone', en: 'Done lately' },
  effects: { sv: 'Effekter vi vill uppnå', en: 'Effects we want to achieve' },
  effectsShort: { sv: 'Effekter', en: 'Effects' },
  planChanges: { sv: 'Så har planen ändrats', en: 'How the plan has changed' },
  planChangesShort: { sv: 'Ändringar i planen', en: 'Changes to the plan' },
  reports: { sv: 'Rapporter och nyheter', en: 'Reports and news' },
  youSaid: { sv: 'Ni sa – vi gör', en: 'You said – we do' },
  takePart: { sv: 'Var med', en: 'Take part' },
  events: { sv: 'Evenemang', en: 'Events' },
  contact: { sv: 'Kontakt', en: 'Contact' },
  openData: { sv: 'Öppna data', en: 'Open data' },
  standingChart: {
    sv: 'Andel uppfyllda åtgärdsår per fokusområde sedan starten. Här räknas de offentliga åtgärderna och de aktiviteter som har publicerats; parternas översikt räknar också interna åtgärder och aktiviteter som inte är publicerade än, så dess siffror kan vara högre eller lägre:',
    en: 'Share of measure-years that met their target per focus area since the start. This counts the public measures and the activities that have been published; the parties’ overview also counts internal measures and activities not yet published, so its figures may be higher or lower:'
  },
  howCounted: { sv: 'Så räknas uppföljningen', en: 'How the follow-up is counted' },
  // The agreement page.
  situation: { sv: 'Gemensam lägesbild', en: 'Joint picture of the situation' },
  agreementEffects: { sv: 'Effekter som eftersträvas', en: 'Effects sought' },
  communication: { sv: 'Kommunikation', en: 'Communication' },
  measure: { sv: 'Åtgärd', en: 'Measure' },
  target: { sv: 'Mål', en: 'Target' },
  responsible: { sv: 'Ansvarig och samverkan', en: 'Responsible and partners' },
  status: { sv: 'Läget', en: 'Status' },
  period: { sv: 'Period', en: 'Period' },
  // The report page.
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  reportMeasures: { sv: 'Åtgärderna', en: 'The measures' },
  focusArea: { sv: 'Fokusområde', en: 'Focus area' },
  kept: { sv: 'Höll målet', en: 'Target met' },
  judged: { sv: 'Bedömda', en: 'Judged' },
  doneCount: { sv: 'Gjort', en: 'Done' },
  expected: { sv: 'Förväntat', en: 'Expected' },
  comment: { sv: 'Kommentar', en: 'Comment' },
  changedSince: { sv: 'Ändrat efter publicering', en: 'Changed since publication' },
  allVersions: { sv: 'Alla versioner', en: 'All versions' },
  agreementStatus: { sv: 'Status', en: 'Status' }
} as const satisfies Record<string, Heading>;

export type HeadingKey = keyof typeof H;

/** A page heading in the reader's language. */
export const heading = (lang: Lang, key: HeadingKey): string => H[key][lang];

/** Headings that name something: a municipality, a period, a year. */
export const namedHeading = {
  promise: (lang: Lang, name: string) =>
    lang === 'en' ? `The citizen promise in ${name}` : `Medborgarlöftet i ${name}`,
  otherPromises: (lang: Lang, name: string) =>
    lang === 'en' ? `Other citizen promises in ${name}` : `Andra medborgarlöften i ${name}`,
  plan: (lang: Lang, year: number) =>
    lang === 'en' ? `Implementation plan ${year}` : `Genomförandeplan ${year}`
};

/** The agreement's status as a word: signed agreements are the published ones. */
export const AGREEMENT_STATUS: Record<'draft' | 'signed' | 'ended', Heading> = {
  draft: { sv: 'utkast, inte publicerat', en: 'draft, not published' },
  signed: { sv: 'undertecknat och publicerat', en: 'signed and published' },
  ended: { sv: 'avslutat', en: 'ended' }
};
