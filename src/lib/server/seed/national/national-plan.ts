/**
 * DEMO DATA: the shape of the synthetic national dataset (`loften demo national`). Pure and
 * deterministic: the same seed gives the same police areas, agreements, measures and activities.
 * Nothing here is real: every agreement, police area and activity is labelled as demo.
 */
import { COUNTY_REGIONS, MUNICIPALITIES, type MunicipalityRef } from '../../reference/sweden';

/** A small seeded PRNG (mulberry32): the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A UUID-shaped id drawn from the generator, so a seed gives the same ids every time. With
 * `sequence`, its first 12 hex digits count up, so a bulk load appends to the primary-key index
 * instead of writing all over it.
 */
export function seededUuid(rnd: () => number, sequence?: number): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(rnd() * 4)).toString(16);
  const head =
    sequence === undefined ? `${hex(8)}-${hex(4)}` : sequence.toString(16).padStart(12, '0');
  const first = sequence === undefined ? head : `${head.slice(0, 8)}-${head.slice(8)}`;
  return `${first}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/** The synthetic local police area of a county: one per county, labelled demo. */
export type DemoPoliceArea = { id: string; name: string; countyCode: string; region: string };

/** One synthetic local police area per county (21), under the county's real police region. */
export function demoPoliceAreas(): DemoPoliceArea[] {
  return COUNTY_REGIONS.map((c) => ({
    id: `demo-lpo-${c.countyCode}`,
    name: `Lokalpolisområde ${c.county.replace(/ län$/, '').replace(/s$/, '')} (demo)`,
    countyCode: c.countyCode,
    region: c.region
  }));
}

/** A measure the generator may put in a plan: its words and how often it is logged. */
export type DemoMeasure = {
  key: string;
  title: string;
  targetText: string;
  /** The target kind its words parse to (a test checks it). */
  kind:
    'count' | 'interval' | 'every-shift' | 'continuous' | 'on-demand' | 'occasions' | 'unparsed';
  focus: number;
  /** Relative share of the agreement's activities. */
  weight: number;
  grades?: string[];
  shifts?: boolean;
};

/** The focus areas every synthetic agreement chooses from (titles are shared, so the nation can group by them). */
export const DEMO_FOCUS_AREAS = [
  'Trafik',
  'Narkotika',
  'Unga och skola',
  'Trygghet i centrum',
  'Brott i nära relationer',
  'Bostadsområden'
] as const;

/** Every target kind, in words the parser reads (see target-parser.ts). */
export const DEMO_MEASURES: readonly DemoMeasure[] = [
  {
    key: 'trafikkontroller',
    title: 'Trafikkontroller',
    targetText: 'minst 10 kontroller per månad',
    kind: 'count',
    focus: 0,
    weight: 30
  },
  {
    key: 'hastighetskontroller',
    title: 'Hastighetskontroller vid skolor',
    targetText: '3 gånger per tertial',
    kind: 'count',
    focus: 0,
    weight: 6
  },
  {
    key: 'riktad-patrullering',
    title: 'Riktad patrullering',
    targetText: '1 gång per vecka',
    kind: 'count',
    focus: 1,
    weight: 12
  },
  {
    key: 'narkotikainsatser',
    title: 'Narkotikainsatser',
    targetText: 'minst 4 gånger per kvartal',
    kind: 'count',
    focus: 1,
    weight: 5
  },
  {
    key: 'klassrumsbesok',
    title: 'Klassrumsbesök',
    targetText: 'besöka klasserna år 6-9 1 gång per år',
    kind: 'count',
    focus: 2,
    weight: 4,
    grades: ['6', '7', '8', '9']
  },
  {
    key: 'fritidsgardsbesok',
    title: 'Besök på fritidsgårdar',
    targetText: 'alla fredags- och lördagskvällar',
    kind: 'count',
    focus: 2,
    weight: 8
  },
  {
    key: 'sommarlovsnarvaro',
    title: 'Närvaro under sommarlovet',
    targetText: 'varje fredag under sommarlovet',
    kind: 'count',
    focus: 2,
    weight: 2
  },
  {
    key: 'foraldrainformation',
    title: 'Information till föräldrar',
    targetText: '1 gång per termin',
    kind: 'count',
    focus: 2,
    weight: 2
  },
  {
    key: 'trygghetsvandring',
    title: 'Trygghetsvandring',
    targetText: '2 gånger per år',
    kind: 'count',
    focus: 3,
    weight: 3
  },
  {
    key: 'sommarpatrull',
    title: 'Patrull i centrum på sommaren',
    targetText: 'minst 1 gång i månaden under juli och augusti',
    kind: 'count',
    focus: 3,
    weight: 2
  },
  {
    key: 'dorrknackning',
    title: 'Dörrknackning',
    targetText: '5 gånger per halvår',
    kind: 'count',
    focus: 5,
    weight: 3
  },
  {
    key: 'utbildning-personal',
    title: 'Utbildning för personal',
    targetText: '2 gånger under perioden',
    kind: 'count',
    focus: 4,
    weight: 1
  },
  {
    key: 'helgnarvaro',
    title: 'Närvaro i centrum på helger',
    targetText: 'var tredje helg',
    kind: 'interval',
    focus: 3,
    weight: 4
  },
  {
    key: 'kommunpolis-pass',
    title: 'Kommunpolisens pass i kommunen',
    targetText: 'varje arbetspass',
    kind: 'every-shift',
    focus: 3,
    weight: 6,
    shifts: true
  },
  {
    key: 'samverkan-aktorer',
    title: 'Samverkan med aktörer',
    targetText: 'kontinuerligt',
    kind: 'continuous',
    focus: 5,
    weight: 4
  },
  {
    key: 'informationsinsatser',
    title: 'Informationsinsatser',
    targetText: 'löpande under året',
    kind: 'continuous',
    focus: 4,
    weight: 2
  },
  {
    key: 'stod-vid-behov',
    title: 'Stöd vid oro i bostadsområden',
    targetText: 'vid behov',
    kind: 'on-demand',
    focus: 5,
    weight: 1
  },
  {
    key: 'riskhelger',
    title: 'Förstärkt närvaro under riskhelger',
    targetText: 'under riskhelger',
    kind: 'occasions',
    focus: 3,
    weight: 3
  },
  {
    key: 'valborg-midsommar',
    title: 'Nattvandring vid valborg och midsommar',
    targetText: 'vid valborg och midsommar',
    kind: 'occasions',
    focus: 2,
    weight: 1
  },
  {
    key: 'skolsamverkan',
    title: 'Samverkan med skolan',
    targetText: 'enligt överenskommelse med skolan',
    kind: 'unparsed',
    focus: 2,
    weight: 1
  }
];

/** One synthetic agreement: a municipality, its demo police area and the measures it promises. */
export type DemoAgreementPlan = {
  municipality: MunicipalityRef;
  policeAreaId: string;
  measures: DemoMeasure[];
  focusAreas: string[];
  /** Relative size (a big city logs more than a small municipality). */
  size: number;
};

/**
 * The agreements, one per municipality (Norsjö excepted: it has its own), each with 10–20
 * measures that include every target kind, and the focus areas those measures serve.
 */
export function demoAgreementPlans(
  seed: number,
  options: {
    municipalities?: number;
    skipCodes?: readonly string[];
    codes?: readonly string[];
  } = {}
): DemoAgreementPlan[] {
  const rnd = seededRandom(seed);
  const skip = new Set(options.skipCodes ?? []);
  const areas = new Map(demoPoliceAreas().map((a) => [a.countyCode, a.id]));
  const only = options.codes ? new Set(options.codes) : null;
  const chosen = MUNICIPALITIES.filter(
    (m) => !skip.has(m.code) && (!only || only.has(m.code))
  ).slice(0, options.municipalities ?? MUNICIPALITIES.length);
  const kinds = [...new Set(DEMO_MEASURES.map((m) => m.kind))];
  return chosen.map((municipality) => {
    const howMany = 10 + Math.floor(rnd() * 11);
    // One of every kind first, then others until the plan has its size.
    const picked = new Set<DemoMeasure>();
    for (const kind of kinds) {
      const ofKind = DEMO_MEASURES.filter((m) => m.kind === kind);
      picked.add(ofKind[Math.floor(rnd() * ofKind.length)]!);
    }
    const rest = DEMO_MEASURES.filter((m) => !picked.has(m));
    while (picked.size < howMany && rest.length > 0)
      picked.add(rest.splice(Math.floor(rnd() * rest.length), 1)[0]!);
    const measures = DEMO_MEASURES.filter((m) => picked.has(m));
    return {
      municipality,
      policeAreaId: areas.get(municipality.countyCode)!,
      measures,
      focusAreas: [...new Set(measures.map((m) => DEMO_FOCUS_AREAS[m.focus]!))],
      size: 0.3 + rnd() * 1.7
    };
  });
}
