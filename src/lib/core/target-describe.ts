import type {
  IntervalUnit,
  SchoolPeriod,
  Target,
  TargetPer,
  TargetWindow,
  TimeSum,
  UnparsedReason
} from './target';
import { MONTH_NAMES } from './target-words';

/** A language the product speaks. */
export type Lang = 'sv' | 'en';

const PER_WORDS: Record<Lang, Record<TargetPer, string>> = {
  sv: {
    day: 'per dag',
    week: 'per vecka',
    month: 'per månad',
    quarter: 'per kvartal',
    tertial: 'per tertial',
    'half-year': 'per halvår',
    term: 'per termin',
    'school-year': 'per läsår',
    year: 'per år',
    period: 'under avtalsperioden'
  },
  en: {
    day: 'per day',
    week: 'per week',
    month: 'per month',
    quarter: 'per quarter',
    tertial: 'per tertial',
    'half-year': 'per half-year',
    term: 'per school term',
    'school-year': 'per school year',
    year: 'per year',
    period: 'during the agreement period'
  }
};

const INTERVAL_WORDS: Record<Lang, Record<IntervalUnit, [string, string]>> = {
  sv: {
    day: ['dag', 'dag'],
    week: ['vecka', 'vecka'],
    weekend: ['helg', 'helg'],
    month: ['månad', 'månad']
  },
  en: {
    day: ['day', 'days'],
    week: ['week', 'weeks'],
    weekend: ['weekend', 'weekends'],
    month: ['month', 'months']
  }
};

const SV_ORDINALS = [
  '',
  '',
  'annan',
  'tredje',
  'fjärde',
  'femte',
  'sjätte',
  'sjunde',
  'åttonde',
  'nionde',
  'tionde',
  'elfte',
  'tolfte',
  'trettonde',
  'fjortonde',
  'femtonde',
  'sextonde',
  'sjuttonde',
  'artonde',
  'nittonde',
  'tjugonde',
  'tjugoförsta',
  'tjugoandra',
  'tjugotredje',
  'tjugofjärde',
  'tjugofemte',
  'tjugosjätte',
  'tjugosjunde',
  'tjugoåttonde',
  'tjugonionde',
  'trettionde'
];

const SCHOOL_WINDOW_WORDS: Record<Lang, Record<SchoolPeriod, string>> = {
  sv: {
    sommarlov: 'under sommarlovet',
    jullov: 'under jullovet',
    sportlov: 'under sportlovet',
    paasklov: 'under påsklovet',
    hostlov: 'under höstlovet',
    terms: 'under skolterminerna'
  },
  en: {
    sommarlov: 'during the summer holiday',
    jullov: 'during the Christmas holiday',
    sportlov: 'during the winter sports holiday',
    paasklov: 'during the Easter holiday',
    hostlov: 'during the autumn half-term',
    terms: 'during school terms'
  }
};

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

const REASON_WORDS: Record<Lang, Record<UnparsedReason, string>> = {
  sv: {
    hours: 'timmar kunde inte följas upp när målet sparades; spara målet igen',
    'units-not-named': 'skolorna eller klasserna är inte namngivna',
    'window-only': 'anger när på året men inte hur ofta',
    'several-windows': 'anger flera delar av året',
    'frequencies-disagree': 'två frekvenser som inte stämmer med varandra'
  },
  en: {
    hours: 'hours could not be followed up when the target was saved; save it again',
    'units-not-named': 'the schools or classes are not named',
    'window-only': 'says when in the year but not how often',
    'several-windows': 'names several parts of the year',
    'frequencies-disagree': 'two frequencies that do not agree'
  }
};

/** Says a target's window in plain words: "under sommarlovet", "juli–augusti", "in July–August". */
export function describeWindow(window: TargetWindow, lang: Lang): string {
  if (window.kind === 'school') return SCHOOL_WINDOW_WORDS[lang][window.period];
  const names: readonly string[] = lang === 'sv' ? MONTH_NAMES : EN_MONTHS;
  const from = names[window.from - 1] ?? String(window.from);
  const to = names[window.to - 1] ?? String(window.to);
  const span = window.from === window.to ? from : `${from}–${to}`;
  return lang === 'sv' ? `under ${span}` : `in ${span}`;
}

function withWindow(words: string, window: TargetWindow | undefined, lang: Lang): string {
  return window ? `${words} ${describeWindow(window, lang)}` : words;
}

const WEEKDAY_NAMES: Record<Lang, readonly string[]> = {
  sv: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
};

const OCCASION_NAMES: Record<Lang, Record<string, string>> = {
  sv: {
    valborg: 'valborg',
    midsommar: 'midsommar',
    skolavslutning: 'skolavslutningen',
    studenten: 'studenten',
    halloween: 'halloween',
    jul: 'jul',
    nyar: 'nyår'
  },
  en: {
    valborg: 'Walpurgis Night',
    midsommar: 'Midsummer',
    skolavslutning: 'the end of the school year',
    studenten: 'graduation',
    halloween: 'Halloween',
    jul: 'Christmas',
    nyar: "New Year's Eve"
  }
};

/** Joins words as "a, b och c" (sv) or "a, b and c" (en). */
export function joinWords(items: readonly string[], lang: Lang): string {
  const and = lang === 'sv' ? 'och' : 'and';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;
}

const TIME_WORDS: Record<Lang, Record<TimeSum, [string, string]>> = {
  sv: { hours: ['timme', 'timmar'], minutes: ['minut', 'minuter'] },
  en: { hours: ['hour', 'hours'], minutes: ['minute', 'minutes'] }
};

function describeCount(t: Extract<Target, { kind: 'count' }>, lang: Lang): string {
  const sv = lang === 'sv';
  const time = t.sum ? TIME_WORDS[lang][t.sum][t.count === 1 ? 0 : 1] : undefined;
  const what =
    time ?? t.unit ?? (sv ? (t.count === 1 ? 'gång' : 'gånger') : t.count === 1 ? 'time' : 'times');
  const dayNames = (suffix: string): string =>
    joinWords(
      (t.weekdays ?? []).map((d) => `${WEEKDAY_NAMES[lang][d - 1] ?? String(d)}${suffix}`),
      lang
    );
  const when =
    t.weekdays?.length && t.per === 'day'
      ? `${sv ? 'varje' : 'every'} ${dayNames('')}`
      : PER_WORDS[lang][t.per];
  const amount =
    t.upTo !== undefined
      ? `${t.count}–${t.upTo} ${t.unit ?? (sv ? 'gånger' : 'times')}`
      : !sv && !t.unit && t.count === 1
        ? 'once'
        : `${t.count} ${what}`;
  let s = `${sv ? 'minst' : 'at least'} ${amount} ${when}`;
  if (t.perUnit) {
    const values = joinWords(t.perUnit.values, lang);
    s += sv
      ? ` för varje ${t.perUnit.label} (${values})`
      : ` for each ${t.perUnit.label === 'årskurs' ? 'grade' : t.perUnit.label} (${values})`;
  }
  if (t.weekdays?.length && t.per !== 'day')
    s += sv ? `, bara ${dayNames('ar')}` : `, only on ${dayNames('s')}`;
  if (t.upTo !== undefined)
    s += sv ? ` (följs upp mot ${t.count})` : ` (followed up against ${t.count})`;
  if (t.sum) s += sv ? ' loggad tid' : ' of logged time';
  return withWindow(s, t.window, lang);
}

function describeInterval(t: Extract<Target, { kind: 'interval' }>, lang: Lang): string {
  const [one, many] = INTERVAL_WORDS[lang][t.unit];
  let s: string;
  if (lang === 'en')
    s = t.every === 1 ? `at least once every ${one}` : `at least once every ${t.every} ${many}`;
  else if (t.every === 1) s = `minst en gång varje ${one}`;
  else
    s = `minst en gång var${t.every === 2 ? '' : ' '}${SV_ORDINALS[t.every] ?? `${t.every}:e`} ${one}`;
  return withWindow(s, t.window, lang);
}

function describeOccasions(t: Extract<Target, { kind: 'occasions' }>, lang: Lang): string {
  if (t.occasions === 'risk-weekends')
    return lang === 'sv' ? 'varje riskhelg' : 'every risk weekend';
  const names = t.occasions.map((k) => OCCASION_NAMES[lang][k] ?? k);
  return `${lang === 'sv' ? 'vid' : 'at'} ${joinWords(names, lang)}`;
}

/** Describes a target in plain words, e.g. "minst 10 kontroller per månad" or "ej tolkat mål". */
export function describeTarget(target: Target, lang: Lang): string {
  const sv = lang === 'sv';
  switch (target.kind) {
    case 'count':
      return describeCount(target, lang);
    case 'interval':
      return describeInterval(target, lang);
    case 'every-shift':
      return withWindow(sv ? 'varje arbetspass' : 'every shift', target.window, lang);
    case 'continuous':
      return withWindow(
        sv
          ? `löpande (minst en aktivitet var ${target.quietAfterDays}:e dag)`
          : `continuously (at least one activity every ${target.quietAfterDays} days)`,
        target.window,
        lang
      );
    case 'on-demand':
      return sv ? 'vid behov' : 'when needed';
    case 'occasions':
      return describeOccasions(target, lang);
    case 'unparsed': {
      const base = sv ? 'ej tolkat mål' : 'target not interpreted';
      return target.reason ? `${base}: ${REASON_WORDS[lang][target.reason]}` : base;
    }
  }
}
