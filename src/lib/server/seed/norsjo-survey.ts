/**
 * DEMO DATA: invented answers to an invented round of Norsjö's 2019 web survey (the real answers
 * were never published). Generated deterministically from a seeded PRNG, so every start gives the
 * same ~150 answers. They lean towards the agreement's focus areas: traffic (EPA tractors and
 * mopeds), narcotics, young people and school, and safety in the centre (lighting).
 */
import { OPTIONAL_PROBLEM_ITEMS, PROBLEM_ITEMS } from '../../core/survey-template';

/** The demo survey's head, as the survey form takes it. */
export const NORSJO_DEMO_SURVEY = {
  title: 'Webbenkät inför medborgarlöftet 2019 (demo)',
  titleEn: 'Web survey before the 2019 citizen promise (demo)',
  intro:
    'DEMO: påhittade svar. Polisen och Norsjö kommun vill veta vad som gör dig trygg eller otrygg. Enkäten är anonym.',
  introEn:
    'DEMO: invented answers. The police and Norsjö municipality want to know what makes you feel safe or unsafe. The survey is anonymous.',
  opensOn: '2018-10-01',
  closesOn: '2018-11-15',
  requiresCode: '',
  template: 'safety' as const,
  // Bjurträsk gets only a handful of answers: its breakdown is hidden (fewer than five).
  areas: ['Norsjö tätort', 'Bastuträsk', 'Kusfors', 'Bjurträsk', 'Övriga byar och landsbygd'].join(
    '\n'
  )
};

/** The extra problem item Norsjö asks about. */
export const NORSJO_EXTRA_ITEMS = OPTIONAL_PROBLEM_ITEMS;

/** A small seeded PRNG (mulberry32): the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted = readonly (readonly [string, number])[];

const pick = (rand: () => number, weights: Weighted): string => {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [v, w] of weights) {
    x -= w;
    if (x < 0) return v;
  }
  return weights[weights.length - 1]![0];
};

/** Problem steps: inget, litet, ganska stort, mycket stort, ingen uppfattning. */
const steps = (a: number, b: number, c: number, d: number, none: number): Weighted => [
  ['inget', a],
  ['litet', b],
  ['ganska-stort', c],
  ['mycket-stort', d],
  ['ingen-uppfattning', none]
];

const PROBLEMS: Record<string, Weighted> = {
  nedskrapning: steps(30, 45, 18, 5, 2),
  skadegorelse: steps(28, 44, 20, 5, 3),
  'storande-bilar': steps(10, 30, 38, 20, 2),
  narkotikaforsaljning: steps(12, 22, 24, 14, 28),
  berusade: steps(35, 40, 15, 5, 5),
  ungdomsgang: steps(30, 35, 22, 8, 5),
  inbrott: steps(22, 40, 26, 8, 4),
  'mopeder-epa': steps(6, 22, 40, 30, 2)
};

const TEXTS: readonly string[] = [
  'EPA-traktorer och mopeder kör alldeles för fort genom centrum på kvällarna.',
  'Fortkörning på Storgatan, särskilt fredag och lördag kväll.',
  'Mer trafikkontroller. Det busköras med bilar vid skolan efter skoltid.',
  'Rattfylla efter festerna på helgerna, kontrollera mer.',
  'Oro för att knark säljs till ungdomar, det pratas mycket om det.',
  'Narkotika är lätt att få tag på även här, fler insatser mot langning.',
  'Langning av alkohol och droger till minderåriga vid fritidsgården.',
  'Ungdomarna behöver fler aktiviteter, fritidsgården har för kort öppettid.',
  'Gäng av ungdomar samlas vid skolan på kvällarna och det blir bråk.',
  'Mörkt och otryggt i centrum, fler gatlyktor behövs.',
  'Dålig belysning vid busstationen och gångvägen till skolan.',
  'Vill se polisen oftare, polisstationen känns långt bort.',
  'Polisen syns nästan aldrig här ute i byarna.',
  'Inbrott i sommarstugor och dieselstölder från maskiner och skogsbilar.',
  'Klotter och skadegörelse på busskuren vid torget.',
  'Skräp och fimpar vid badplatsen på sommaren.',
  'Nattvandring på helgerna skulle göra det tryggare.',
  // Invented personal data, to show masking: only the survey's owners see it unmasked.
  'Grannen Göte Lindqvist kör alltid för fort med sin epa, ring mig på 070-123 45 67.'
];

const AVOIDED: readonly string[] = [
  'Centrum och busstationen på kvällen.',
  'Skolgården efter mörkrets inbrott.',
  'Gångvägen vid idrottsplatsen, den är mörk.',
  'Parkeringen vid affären på fredagskvällar.'
];

/** One demo answer: its day and minute in October–November 2018, and answers by question key. */
export type DemoSurveyAnswer = { at: string; values: Record<string, string | string[]> };

/** ~150 invented answers, the same every time. */
export function norsjoSurveyAnswers(count = 150, seed = 2019): DemoSurveyAnswer[] {
  const rand = mulberry32(seed);
  const items = [...PROBLEM_ITEMS, ...NORSJO_EXTRA_ITEMS];
  return Array.from({ length: count }, (_, i) => {
    const values: Record<string, string | string[]> = {
      omrade: pick(rand, [
        ['norsjo-tatort', 58],
        ['bastutrask', 20],
        ['kusfors', 12],
        ['bjurtrask', 2],
        ['ovriga-byar-och-landsbygd', 8]
      ]),
      alder: pick(rand, [
        ['16-24', 18],
        ['25-44', 30],
        ['45-64', 32],
        ['65-', 20]
      ])
    };
    for (const item of items) values[`problem-${item.key}`] = pick(rand, PROBLEMS[item.key]!);
    values['otrygg-kvall'] = pick(rand, [
      ['mycket-trygg', 30],
      ['ganska-trygg', 40],
      ['ganska-otrygg', 18],
      ['mycket-otrygg', 6],
      ['gar-inte-ut', 6]
    ]);
    values.undviker = rand() < 0.28 ? 'ja' : 'nej';
    if (values.undviker === 'ja' && rand() < 0.7)
      values['undviker-var'] = AVOIDED[Math.floor(rand() * AVOIDED.length)]!;
    values['oro-brott'] = pick(rand, [
      ['aldrig', 20],
      ['sallan', 45],
      ['ibland', 28],
      ['ofta', 7]
    ]);
    values['fortroende-polis'] = pick(rand, [
      ['mycket-litet', 8],
      ['ganska-litet', 22],
      ['ganska-stort', 45],
      ['mycket-stort', 15],
      ['ingen-uppfattning', 10]
    ]);
    const wishes = ['polis-till-fots', 'trafikkontroller', 'nattvandring', 'belysning', 'fritid'];
    values['mer-av'] = wishes.filter((_, w) => rand() < [0.55, 0.5, 0.25, 0.35, 0.4][w]!);
    if (!(values['mer-av'] as string[]).length) delete values['mer-av'];
    if (rand() < 0.6) values.tryggare = TEXTS[Math.floor(rand() * TEXTS.length)]!;
    const day = 1 + Math.floor((i / count) * 45);
    const date = new Date(
      Date.UTC(2018, 9, day, 7 + Math.floor(rand() * 14), Math.floor(rand() * 60))
    );
    return { at: date.toISOString(), values };
  });
}
