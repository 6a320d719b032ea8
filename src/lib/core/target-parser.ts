import { DEFAULT_QUIET_AFTER_DAYS, type IntervalUnit, type Target, type TargetPer } from './target';
import {
  countValue,
  normaliseWords,
  OCCASION_WORDS,
  ORDINALS,
  weekdaysIn,
  wordRegex
} from './target-words';

/** Options for parseTarget. */
export type ParseTargetOptions = { quietAfterDays?: number };

const ON_DEMAND = wordRegex(
  'vid behov|efter behov|när behov (?:finns|uppstår)|om behov (?:finns|uppstår|uppkommer)|vid förfrågan|på (?:begäran|förfrågan)|efter önskemål|vid önskemål|om önskemål (?:finns|uppstår|uppkommer)|om det (?:uppkommer|finns|kommer|uppstår) (?:önskemål|behov|förfrågan|förfrågningar)'
);
const EVERY_SHIFT = wordRegex('(?:varje|alla|samtliga) (?:arbets|tjänstgörings|patrull)?pass');
const RISK_WEEKENDS = wordRegex('riskhelg\\p{L}*|risktillfälle\\p{L}*');
const CONTINUOUS = wordRegex(
  'kontinuerlig\\p{L}*|löpande|fortlöpande|fortgående|ständigt|hela tiden|året runt'
);
const UNSUPPORTED_PER = wordRegex('kvartal\\p{L}*|termin\\p{L}*|läsår\\p{L}*');
const AT_LEAST = wordRegex('minst|åtminstone');
const INTERVAL = wordRegex(
  `var ?(${Object.keys(ORDINALS).join('|')}|\\d{1,2}(?::e|:a|e)?) (helg|helger|veckoslut|vecka|veckor|månad|dag|dygn)`
);
const EVERY_WEEKEND = wordRegex('(?:varje|alla|samtliga) (?:helg|helger|veckoslut)');
const GRADES = wordRegex(
  '(?:år|årskurs|årskurserna|åk|klass|klasser|klasserna) ?(\\d{1,2}(?: ?- ?\\d{1,2}|(?: ?, ?\\d{1,2})* (?:och|samt) \\d{1,2}))'
);

const PREFIX = '(?:(?<![\\p{L}\\p{N}])(?:per|i|om|varje|under) |\\/ ?)';
const PER_PATTERNS: readonly { per: TargetPer; re: RegExp }[] = [
  { per: 'day', re: per('dygn|dygnet|dag|dagen', 'dagligen') },
  { per: 'week', re: per('vecka|veckan', 'veckovis|veckligen') },
  { per: 'month', re: per('månad|månaden', 'månadsvis|månatligen') },
  { per: 'tertial', re: per('tertial|tertialet', 'tertialvis') },
  { per: 'year', re: per('år|året', 'årligen|årsvis') },
  {
    per: 'period',
    re: per('(?:hela )?(?:avtals|löftes)?perioden|period|avtalsperiod|avtalstiden', '')
  }
];

function per(units: string, adverbs: string): RegExp {
  const adverb = adverbs ? `|(?<![\\p{L}\\p{N}])(?:${adverbs})` : '';
  return new RegExp(`(?:${PREFIX}(?:${units})${adverb})(?![\\p{L}\\p{N}])`, 'iu');
}

const NOT_A_UNIT = new Set([
  'gång',
  'gånger',
  'ggr',
  'g',
  'per',
  'i',
  'om',
  'under',
  'varje',
  'av',
  'till',
  'på',
  'och',
  'st',
  'stycken',
  'minst'
]);
const TIMES = new Set(['gång', 'gånger', 'ggr', 'g', 'tillfälle', 'tillfällen']);

type PerMatch = { per: TargetPer; index: number; standalone: boolean };

function findPer(text: string): PerMatch | null {
  let best: PerMatch | null = null;
  for (const { per, re } of PER_PATTERNS) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.index)) {
      best = { per, index: m.index, standalone: !/^(?:per|i|om|under|\/)[ ]?/u.test(m[0]) };
    }
  }
  return best;
}

type CountMatch = { count: number; unit?: string };

function findCount(text: string): CountMatch | null {
  const tokens = text.split(/[\s/,;:()!?.]+/u).filter((t) => t !== '');
  const numbers = tokens.flatMap((t, i) => {
    const n = countValue(t);
    return n === null || n < 1 ? [] : [{ i, n, digits: /^\d/.test(t) }];
  });
  const pick =
    numbers.find(({ i }) => TIMES.has(tokens[i + 1] ?? '')) ??
    numbers.find(({ i }) => AT_LEAST.test(tokens[i - 1] ?? '')) ??
    numbers.find(({ digits }) => digits) ??
    numbers.find(
      ({ i }) => /^\p{L}+$/u.test(tokens[i + 1] ?? '') && !NOT_A_UNIT.has(tokens[i + 1] ?? '')
    );
  if (!pick) return null;
  let next = pick.i + 1;
  if (tokens[next] === 'st' || tokens[next] === 'stycken') next++;
  const word = tokens[next] ?? '';
  const isUnit =
    /^\p{L}+$/u.test(word) && !NOT_A_UNIT.has(word) && countValue(word) === null && !findPer(word);
  return isUnit && !['gång', 'gånger', 'ggr', 'g'].includes(word)
    ? { count: pick.n, unit: word }
    : { count: pick.n };
}

function findGrades(text: string): { values: string[]; rest: string } | null {
  const m = GRADES.exec(text);
  const spec = m?.[1];
  if (!m || !spec) return null;
  let values: string[];
  const range = /^(\d{1,2}) ?- ?(\d{1,2})$/.exec(spec);
  if (range) {
    const [lo, hi] = [Number(range[1]), Number(range[2])];
    if (hi <= lo || hi - lo > 12) return null;
    values = Array.from({ length: hi - lo + 1 }, (_, k) => String(lo + k));
  } else {
    values = (spec.match(/\d{1,2}/g) ?? []).filter((v, k, all) => all.indexOf(v) === k);
  }
  return { values, rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) };
}

function parseCount(original: string, text: string): Target | null {
  const grades = findGrades(text);
  const rest = grades?.rest ?? text;
  const found = findCount(rest);
  const perMatch = findPer(rest);
  const weekdays = weekdaysIn(rest);
  let perValue: TargetPer | null = perMatch?.per ?? null;
  if (!perValue && found?.unit && /^tillfälle/u.test(found.unit)) perValue = 'period';
  if (!perValue && found && weekdays.length > 0) perValue = 'day';
  if (!perValue) return null;
  if (!found && !perMatch?.standalone) return null;
  return {
    kind: 'count',
    text: original,
    count: found?.count ?? 1,
    per: perValue,
    ...(found?.unit ? { unit: found.unit } : {}),
    ...(grades ? { perUnit: { label: 'årskurs', values: grades.values } } : {}),
    ...(weekdays.length > 0 ? { weekdays } : {})
  };
}

function parseInterval(original: string, text: string): Target | null {
  if (EVERY_WEEKEND.test(text))
    return { kind: 'interval', text: original, every: 1, unit: 'weekend' };
  const m = INTERVAL.exec(text);
  if (!m || !m[1] || !m[2]) return null;
  const every = ORDINALS[m[1]] ?? Number.parseInt(m[1], 10);
  const unitWord = m[2];
  const unit: IntervalUnit = /^(?:helg|veckoslut)/u.test(unitWord)
    ? 'weekend'
    : unitWord.startsWith('veck')
      ? 'week'
      : unitWord === 'månad'
        ? 'month'
        : 'day';
  return Number.isInteger(every) && every >= 1
    ? { kind: 'interval', text: original, every, unit }
    : null;
}

function parseOccasions(original: string, text: string): Target | null {
  if (RISK_WEEKENDS.test(text))
    return { kind: 'occasions', text: original, occasions: 'risk-weekends' };
  const keys = OCCASION_WORDS.filter(({ re }) => re.test(text)).map(({ key }) => key);
  return keys.length > 0 ? { kind: 'occasions', text: original, occasions: keys } : null;
}

function parseWeekdayRule(original: string, text: string): Target | null {
  const weekdays = weekdaysIn(text);
  const everyOne =
    wordRegex('alla|varje|samtliga').test(text) ||
    /(?:dagar|kvällar|nätter)(?![\p{L}])/u.test(text);
  if (weekdays.length === 0 || !everyOne) return null;
  return { kind: 'count', text: original, count: 1, per: 'day', weekdays };
}

/** Parses a measure's free-Swedish target words into a Target; never throws and never drops the words. */
export function parseTarget(words: string, options: ParseTargetOptions = {}): Target {
  const text = normaliseWords(typeof words === 'string' ? words : '');
  const original = typeof words === 'string' ? words : '';
  if (text === '') return { kind: 'unparsed', text: original };
  if (EVERY_SHIFT.test(text)) return { kind: 'every-shift', text: original };
  if (ON_DEMAND.test(text)) {
    // "Vid behov" makes a promise conditional, unless the words still promise a floor ("minst").
    const floor = AT_LEAST.test(text) ? parseCount(original, text) : null;
    return floor ?? { kind: 'on-demand', text: original };
  }
  const occasions = parseOccasions(original, text);
  if (occasions) return occasions;
  const interval = parseInterval(original, text);
  if (interval) return interval;
  if (UNSUPPORTED_PER.test(text)) return { kind: 'unparsed', text: original };
  const count = parseCount(original, text);
  if (count) return count;
  const weekdayRule = parseWeekdayRule(original, text);
  if (weekdayRule) return weekdayRule;
  if (CONTINUOUS.test(text)) {
    return {
      kind: 'continuous',
      text: original,
      quietAfterDays: options.quietAfterDays ?? DEFAULT_QUIET_AFTER_DAYS
    };
  }
  return { kind: 'unparsed', text: original };
}
