import type { IntervalUnit, Target, TargetPer } from './target';

/** A language the product speaks. */
export type Lang = 'sv' | 'en';

const PER_WORDS: Record<Lang, Record<TargetPer, string>> = {
  sv: {
    day: 'per dag',
    week: 'per vecka',
    month: 'per månad',
    tertial: 'per tertial',
    year: 'per år',
    period: 'under avtalsperioden'
  },
  en: {
    day: 'per day',
    week: 'per week',
    month: 'per month',
    tertial: 'per tertial',
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
  'tionde'
];

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

function describeCount(t: Extract<Target, { kind: 'count' }>, lang: Lang): string {
  const sv = lang === 'sv';
  const what =
    t.unit ?? (sv ? (t.count === 1 ? 'gång' : 'gånger') : t.count === 1 ? 'time' : 'times');
  const dayNames = (suffix: string): string =>
    joinWords(
      (t.weekdays ?? []).map((d) => `${WEEKDAY_NAMES[lang][d - 1] ?? String(d)}${suffix}`),
      lang
    );
  const when =
    t.weekdays?.length && t.per === 'day'
      ? `${sv ? 'varje' : 'every'} ${dayNames('')}`
      : PER_WORDS[lang][t.per];
  const amount = !sv && !t.unit && t.count === 1 ? 'once' : `${t.count} ${what}`;
  let s = `${sv ? 'minst' : 'at least'} ${amount} ${when}`;
  if (t.perUnit) {
    const values = joinWords(t.perUnit.values, lang);
    s += sv
      ? ` för varje ${t.perUnit.label} (${values})`
      : ` for each ${t.perUnit.label === 'årskurs' ? 'grade' : t.perUnit.label} (${values})`;
  }
  if (t.weekdays?.length && t.per !== 'day')
    s += sv ? `, bara ${dayNames('ar')}` : `, only on ${dayNames('s')}`;
  return s;
}

function describeInterval(t: Extract<Target, { kind: 'interval' }>, lang: Lang): string {
  const [one, many] = INTERVAL_WORDS[lang][t.unit];
  if (lang === 'en')
    return t.every === 1 ? `at least once every ${one}` : `at least once every ${t.every} ${many}`;
  if (t.every === 1) return `minst en gång varje ${one}`;
  return `minst en gång var${t.every === 2 ? '' : ' '}${SV_ORDINALS[t.every] ?? `${t.every}:e`} ${one}`;
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
      return sv ? 'varje arbetspass' : 'every shift';
    case 'continuous':
      return sv
        ? `löpande (minst en aktivitet var ${target.quietAfterDays}:e dag)`
        : `continuously (at least one activity every ${target.quietAfterDays} days)`;
    case 'on-demand':
      return sv ? 'vid behov' : 'when needed';
    case 'occasions':
      return describeOccasions(target, lang);
    case 'unparsed':
      return sv ? 'ej tolkat mål' : 'target not interpreted';
  }
}
