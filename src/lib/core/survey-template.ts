/**
 * The standard safety survey, in the style of the police's local safety surveys (lokala
 * trygghetsmätningar): problem items on a four-step scale with "Ingen uppfattning", feeling
 * unsafe late in the evening, worry about crime, trust in the police, area and age band.
 */
import type { Localized, QuestionKind } from './survey';

/** An option of a template question; `score` as in SurveyOption. */
export type TemplateOption = { value: string; label: Localized; score: number | null };

/** A question of a template; a condition names an earlier question's key and option value. */
export type TemplateQuestion = {
  key: string;
  kind: QuestionKind;
  text: Localized;
  help?: Localized;
  required?: boolean;
  indexItem?: boolean;
  options: TemplateOption[];
  condition?: { key: string; value: string };
};

const opt = (value: string, sv: string, en: string, score: number | null = null) => ({
  value,
  label: { sv, en },
  score
});

/** The four problem steps and "Ingen uppfattning" (scores 0–3, null). */
export const PROBLEM_STEPS: TemplateOption[] = [
  opt('inget', 'Inget problem alls', 'No problem at all', 0),
  opt('litet', 'Litet problem', 'A small problem', 1),
  opt('ganska-stort', 'Ganska stort problem', 'A fairly big problem', 2),
  opt('mycket-stort', 'Mycket stort problem', 'A very big problem', 3),
  opt('ingen-uppfattning', 'Ingen uppfattning', 'No opinion', null)
];

/** A problem item and the theme of the default frame (themes.ts) it belongs to. */
export type ProblemItem = { key: string; sv: string; en: string; theme: string };

/** The standard problem items. */
export const PROBLEM_ITEMS: ProblemItem[] = [
  { key: 'nedskrapning', sv: 'Nedskräpning', en: 'Littering', theme: 'nedskrapning' },
  { key: 'skadegorelse', sv: 'Skadegörelse', en: 'Vandalism', theme: 'skadegorelse' },
  {
    key: 'storande-bilar',
    sv: 'Bilar som körs på ett störande sätt',
    en: 'Cars driven in a disturbing way',
    theme: 'trafik'
  },
  {
    key: 'narkotikaforsaljning',
    sv: 'Narkotikaförsäljning',
    en: 'Drug dealing',
    theme: 'narkotika'
  },
  {
    key: 'berusade',
    sv: 'Berusade personer utomhus',
    en: 'Drunk people outdoors',
    theme: 'alkohol'
  },
  {
    key: 'ungdomsgang',
    sv: 'Ungdomsgäng som bråkar',
    en: 'Gangs of youths making trouble',
    theme: 'ungdomar'
  },
  { key: 'inbrott', sv: 'Inbrott i bostäder', en: 'Burglary of homes', theme: 'inbrott-stold' }
];

/** Items a municipality may add (Norsjö asks about mopeds and EPA tractors). */
export const OPTIONAL_PROBLEM_ITEMS: ProblemItem[] = [
  {
    key: 'mopeder-epa',
    sv: 'Mopeder och EPA-traktorer som körs på ett störande sätt',
    en: 'Mopeds and EPA tractors driven in a disturbing way',
    theme: 'trafik'
  }
];

/** The question key of a problem item. */
export const problemQuestionKey = (itemKey: string): string => `problem-${itemKey}`;

/** The theme key a problem question belongs to, from its key (null for other questions). */
export function themeOfProblemQuestion(
  questionKey: string,
  items: readonly ProblemItem[] = [...PROBLEM_ITEMS, ...OPTIONAL_PROBLEM_ITEMS]
): string | null {
  return items.find((i) => problemQuestionKey(i.key) === questionKey)?.theme ?? null;
}

/** Default age bands (the police's surveys ask people from 16 years). */
export const AGE_BANDS: TemplateOption[] = [
  opt('16-24', '16–24 år', '16–24 years'),
  opt('25-44', '25–44 år', '25–44 years'),
  opt('45-64', '45–64 år', '45–64 years'),
  opt('65-', '65 år eller äldre', '65 years or older')
];

const areaSlug = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The standard safety survey's questions, with the municipality's areas and any extra problem
 * items (Norsjö adds mopeds and EPA tractors).
 */
export function safetySurveyTemplate(
  areas: readonly string[],
  extraItems: readonly ProblemItem[] = []
): TemplateQuestion[] {
  const problems = [...PROBLEM_ITEMS, ...extraItems].map((p): TemplateQuestion => ({
    key: `problem-${p.key}`,
    kind: 'scale',
    text: {
      sv: `Hur stort problem är ${p.sv.toLowerCase()} i området där du bor?`,
      en: `How big a problem is: ${p.en.toLowerCase()}, where you live?`
    },
    indexItem: true,
    options: PROBLEM_STEPS
  }));
  return [
    {
      key: 'omrade',
      kind: 'area',
      text: { sv: 'Var bor du?', en: 'Where do you live?' },
      options: areas.map((a) => opt(areaSlug(a), a, a))
    },
    {
      key: 'alder',
      kind: 'age',
      text: { sv: 'Hur gammal är du?', en: 'How old are you?' },
      options: AGE_BANDS
    },
    ...problems,
    {
      key: 'otrygg-kvall',
      kind: 'scale',
      text: {
        sv: 'Känner du dig trygg om du går ut ensam sent en kväll i området där du bor?',
        en: 'Do you feel safe if you go out alone late in the evening where you live?'
      },
      options: [
        opt('mycket-trygg', 'Ja, mycket trygg', 'Yes, very safe', 0),
        opt('ganska-trygg', 'Ja, ganska trygg', 'Yes, fairly safe', 1),
        opt('ganska-otrygg', 'Nej, ganska otrygg', 'No, fairly unsafe', 2),
        opt('mycket-otrygg', 'Nej, mycket otrygg', 'No, very unsafe', 3),
        opt('gar-inte-ut', 'Går aldrig ut ensam sent', 'I never go out alone late', null)
      ]
    },
    {
      key: 'undviker',
      kind: 'single',
      text: {
        sv: 'Händer det att du avstår från att gå ut för att du känner dig otrygg?',
        en: 'Do you ever stay in because you feel unsafe?'
      },
      options: [opt('ja', 'Ja', 'Yes'), opt('nej', 'Nej', 'No')]
    },
    {
      key: 'undviker-var',
      kind: 'text',
      text: { sv: 'Vilka platser undviker du?', en: 'Which places do you avoid?' },
      options: [],
      condition: { key: 'undviker', value: 'ja' }
    },
    {
      key: 'oro-brott',
      kind: 'scale',
      text: {
        sv: 'Hur ofta oroar du dig för att utsättas för brott?',
        en: 'How often do you worry about becoming a victim of crime?'
      },
      options: [
        opt('aldrig', 'Aldrig', 'Never', 0),
        opt('sallan', 'Sällan', 'Seldom', 1),
        opt('ibland', 'Ibland', 'Sometimes', 2),
        opt('ofta', 'Ofta', 'Often', 3)
      ]
    },
    {
      key: 'fortroende-polis',
      kind: 'scale',
      text: {
        sv: 'Hur stort förtroende har du för polisens arbete i ditt område?',
        en: 'How much do you trust the work of the police where you live?'
      },
      options: [
        opt('mycket-litet', 'Mycket litet', 'Very little', 0),
        opt('ganska-litet', 'Ganska litet', 'Fairly little', 1),
        opt('ganska-stort', 'Ganska stort', 'Fairly much', 2),
        opt('mycket-stort', 'Mycket stort', 'Very much', 3),
        opt('ingen-uppfattning', 'Ingen uppfattning', 'No opinion', null)
      ]
    },
    {
      key: 'mer-av',
      kind: 'multiple',
      text: {
        sv: 'Vad vill du se mer av? Välj gärna flera.',
        en: 'What would you like to see more of? Choose as many as you like.'
      },
      options: [
        opt('polis-till-fots', 'Poliser som syns ute', 'Police visible on the streets'),
        opt('trafikkontroller', 'Trafikkontroller', 'Traffic checks'),
        opt('nattvandring', 'Nattvandrare', 'Night walkers'),
        opt('belysning', 'Bättre belysning', 'Better lighting'),
        opt('fritid', 'Fritidsaktiviteter för unga', 'Leisure activities for young people')
      ]
    },
    {
      key: 'tryggare',
      kind: 'text',
      text: {
        sv: 'Vad skulle göra din kommun tryggare? Skriv inga namn eller personnummer.',
        en: 'What would make your municipality safer? Do not write names or ID numbers.'
      },
      options: []
    }
  ];
}
