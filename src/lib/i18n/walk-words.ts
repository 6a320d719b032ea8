import type { Lang } from './index';

/**
 * The words of the public walk pages (the list, a walk's protocol, "Ni sa – vi gör"), Swedish
 * first. The walk's own texts (area, meeting point, descriptions) stay as written.
 */
const W = {
  // The list: /kommuner/[code]/vandringar
  listTitle: { sv: 'Trygghetsvandringar', en: 'Safety walks' },
  back: { sv: '←', en: '←' },
  demoNotice: {
    sv: 'Medborgarlöftet har demodata: vandringar kan vara påhittade för att visa hur sidan fungerar.',
    en: 'This citizen promise has demo data: walks may be invented to show how the page works.'
  },
  intro: {
    sv: 'Polisen och kommunen går runt i områden tillsammans med dem som bor där. Här ser du vad de såg och vad som har gjorts åt det.',
    en: 'The police and the municipality walk around areas together with the people who live there. Here you see what they found and what has been done about it.'
  },
  upcoming: { sv: 'Kommande', en: 'Coming up' },
  noneUpcoming: {
    sv: 'Inga vandringar är inplanerade just nu.',
    en: 'No walks are planned at the moment.'
  },
  past: { sv: 'Protokoll från vandringar som varit', en: 'Reports from past walks' },
  nonePast: { sv: 'Inga protokoll ännu.', en: 'No reports yet.' },
  at: { sv: 'kl.', en: 'at' },
  cancelled: { sv: 'inställd', en: 'cancelled' },
  notMarkedHeld: { sv: 'ännu inte markerad som genomförd', en: 'not yet marked as held' },
  observation: { sv: 'iakttagelse', en: 'observation' },
  observations: { sv: 'iakttagelser', en: 'observations' },
  fixedOne: { sv: 'åtgärdad', en: 'fixed' },
  fixedMany: { sv: 'åtgärdade', en: 'fixed' },
  fixedInTime: { sv: 'åtgärdat i tid', en: 'fixed in time' },
  // The indicator over time.
  overTime: { sv: 'Åtgärdat i tid över tid', en: 'Fixed in time, over time' },
  overTimeIntro: {
    sv: 'Andelen iakttagelser som åtgärdades senast sista datum, per tertial (fyra månader). En iakttagelse räknas i den tertial då den skulle vara klar. De som inte ska åtgärdas och de som ännu inte nått sitt datum räknas inte.',
    en: 'The share of observations fixed by their due date, per four-month period. An observation counts in the period it was due. Those that will not be fixed and those not yet due are left out.'
  },
  period: { sv: 'Period', en: 'Period' },
  share: { sv: 'Åtgärdat i tid', en: 'Fixed in time' },
  tableCaption: {
    sv: 'Samma siffror som i diagrammet',
    en: 'The same figures as in the chart'
  },
  // A walk's protocol: /kommuner/[code]/vandringar/[walkId]
  allWalks: { sv: 'Alla vandringar', en: 'All walks' },
  when: { sv: 'När', en: 'When' },
  meetAt: { sv: 'Vi samlas', en: 'Meeting point' },
  welcome: { sv: 'Välkomna', en: 'Welcome' },
  status: { sv: 'Status', en: 'Status' },
  planned: { sv: 'Planerad', en: 'Planned' },
  held: { sv: 'Genomförd', en: 'Held' },
  cancelledStatus: { sv: 'Inställd', en: 'Cancelled' },
  pointOut: { sv: 'Peka ut en plats vi ska titta på', en: 'Point out a place we should look at' },
  pointOutHint: {
    sv: 'Beskriv platsen och vad som känns otryggt. Skriv inte ditt namn eller andra personuppgifter: vi frågar inte efter dem.',
    en: 'Describe the place and what feels unsafe. Do not write your name or other personal data: we do not ask for it.'
  },
  placeField: {
    sv: 'Var är det, och vad är problemet?',
    en: 'Where is it, and what is the problem?'
  },
  position: { sv: 'Position på kartan (valfri)', en: 'Position on the map (optional)' },
  latitude: { sv: 'Latitud', en: 'Latitude' },
  longitude: { sv: 'Longitud', en: 'Longitude' },
  sendPlace: { sv: 'Skicka platsen', en: 'Send the place' },
  protocol: { sv: 'Protokoll', en: 'Report' },
  category: { sv: 'Kategori', en: 'Category' },
  observationWord: { sv: 'Iakttagelse', en: 'Observation' },
  owner: { sv: 'Ansvarig', en: 'Responsible' },
  dueOn: { sv: 'Klart senast', en: 'Due by' },
  done: { sv: 'Vad som gjordes', en: 'What was done' },
  fixedOn: { sv: 'Åtgärdat', en: 'Fixed on' },
  noObservations: {
    sv: 'Inga iakttagelser är publicerade ännu.',
    en: 'No observations have been published yet.'
  },
  // "Ni sa – vi gör": /kommuner/[code]/ni-sa-vi-gor
  youPointedOut: {
    sv: 'Det ni pekade ut på trygghetsvandringar',
    en: 'What you pointed out on safety walks'
  },
  youPointedOutIntro: {
    sv: 'Före varje vandring kan alla peka ut platser. Under vandringen skriver polisen och kommunen ner vad de ser. Här är det som är granskat och publicerat, och vad som har gjorts.',
    en: 'Before each walk anyone can point out places. During the walk the police and the municipality note what they see. Here is what has been checked and published, and what has been done.'
  },
  placesPointedOut: {
    sv: 'platser pekades ut av boende före vandringen',
    en: 'places were pointed out by residents before the walk'
  },
  whatWasDone: { sv: 'Det här har hänt', en: 'What has happened' },
  // More of a walk's protocol page.
  in: { sv: 'i', en: 'in' },
  pageDemo: {
    sv: 'Medborgarlöftet är demodata: vandringen visar hur sidan fungerar.',
    en: 'The citizen promise is demo data: the walk shows how the page works.'
  },
  belongsTo: {
    sv: 'Vandringen hör till medborgarlöftet',
    en: 'The walk belongs to the citizen promise'
  },
  addToCalendar: { sv: 'Lägg den i din kalender med', en: 'Add it to your calendar with' },
  calendarFeed: { sv: 'kalenderflödet', en: 'the calendar feed' },
  tipsSoFarOne: {
    sv: '1 plats har pekats ut hittills.',
    en: '1 place has been pointed out so far.'
  },
  tipsSoFar: { sv: 'platser har pekats ut hittills.', en: 'places have been pointed out so far.' },
  positionHint: {
    sv: 'Om du vill: latitud och longitud som decimaltal, till exempel 64.9105 och 19.4823.',
    en: 'If you like: latitude and longitude as decimals, for example 64.9105 and 19.4823.'
  },
  pinMap: {
    sv: 'Karta där du kan sätta en nål på platsen',
    en: 'Map where you can place a pin on the place'
  },
  protocolHeading: {
    sv: 'Protokoll: vad vi såg och vad som görs',
    en: 'Report: what we saw and what is being done'
  },
  observationsMap: { sv: 'Karta över iakttagelserna', en: 'Map of the observations' },
  openData: { sv: 'Öppna data', en: 'Open data' },
  fixedInTimeNone: {
    sv: 'Åtgärdat i tid: inget att bedöma än (ingen iakttagelse har nått sitt sista datum).',
    en: 'Fixed in time: nothing to judge yet (no observation has reached its due date).'
  },
  of: { sv: 'av', en: 'of' },
  withDueDate: { sv: 'iakttagelser med sista datum', en: 'observations with a due date' },
  whatIsDone: { sv: 'Vad som görs:', en: 'What is being done:' },
  whyNot: { sv: 'Varför inte:', en: 'Why not:' },
  place: { sv: 'Plats', en: 'Place' },
  showOnMap: { sv: 'visa på karta', en: 'show on a map' },
  on: { sv: 'den', en: 'on' },
  protocolLink: { sv: 'Hela protokollet', en: 'The whole report' }
} as const satisfies Record<string, { sv: string; en: string }>;

export type WalkWord = keyof typeof W;

/** A word of the public walk pages in the reader's language. */
export const walkWord = (lang: Lang, key: WalkWord): string => W[key][lang];

const KIND_EN: Record<string, string> = {
  trygghetsvandring: 'Safety walk',
  dorrknackning: 'Door-knocking',
  nattvandring: 'Night walk'
};
const CATEGORY_EN: Record<string, string> = {
  belysning: 'Lighting',
  'sikt-vegetation': 'Visibility and vegetation',
  'skrap-klotter': 'Litter and graffiti',
  skadegorelse: 'Damage',
  trafik: 'Traffic',
  'manniskor-beteende': 'People and behaviour',
  gangvagar: 'Walk paths',
  ovrigt: 'Other'
};
const STATUS_EN: Record<string, string> = {
  rapporterad: 'Reported',
  accepterad: 'Accepted',
  pågår: 'In progress',
  åtgärdad: 'Fixed',
  'åtgärdas inte': 'Will not be fixed'
};

/** A walk's kind, an observation's category or status in English (Swedish as the data has it). */
export const walkKindIn = (lang: Lang, code: string, sv: string): string =>
  lang === 'en' ? (KIND_EN[code] ?? sv) : sv;
export const categoryIn = (lang: Lang, code: string, sv: string): string =>
  lang === 'en' ? (CATEGORY_EN[code] ?? sv) : sv;
export const observationStatusIn = (lang: Lang, code: string, sv: string): string =>
  lang === 'en' ? (STATUS_EN[code] ?? sv) : sv;

/** The list page's heading: "Trygghetsvandringar, dörrknackning och nattvandring i Norsjö". */
export const walksHeading = (lang: Lang, name: string): string =>
  lang === 'en'
    ? `Safety walks, door-knocking and night walks in ${name}`
    : `Trygghetsvandringar, dörrknackning och nattvandring i ${name}`;
