import {
  DEFAULT_QUIET_AFTER_DAYS,
  type CountTarget,
  type IntervalUnit,
  type Target,
  type TargetPer
} from './target';
import {
  countValue,
  normaliseWords,
  OCCASION_WORDS,
  ORDINALS,
  weekdaysIn,
  wordRegex
} from './target-words';
import { asWritten, findWindow } from './target-parser-window';

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
const HOURS = wordRegex('timmar|timme|timmes|tim|h|minuter|min');
const MINUTES = wordRegex('minuter|min');
const AT_LEAST = wordRegex('minst|åtminstone');
const INTERVAL = wordRegex(
  `var ?(${Object.keys(ORDINALS)
    .sort((a, b) => b.length - a.length)
    .join('|')}|\\d{1,2}(?::e|:a|e)?) (helg|helger|veckoslut|vecka|veckor|månad|dag|dygn)`
);
const EVERY_WEEKEND = wordRegex('(?:varje|alla|samtliga) (?:helg|helger|veckoslut)');
const GRADES = wordRegex(
  '(?:år|årskurs|årskurserna|åk|klass|klasser|klasserna) ?(\\d{1,2}(?: ?- ?\\d{1,2}|(?: ?, ?\\d{1,2})* (?:och|samt) \\d{1,2}))'
);

const PREFIX = '(?:(?<![\\p{L}\\p{N}])(?:per|i|om|varje|under) |\\/ ?)';
const PER_PATTERNS: readonly { per: TargetPer; re: RegExp }[] = [
  { per: 'day', re: per('dygn|dygnet|dag|dagen|kväll|kvällen', 'dagligen') },
  { per: 'week', re: per('vecka|veckan', 'veckovis|veckligen') },
  { per: 'month', re: per('månad|månaden|mån', 'månadsvis|månatligen') },
  { per: 'quarter', re: per('kvartal|kvartalet', 'kvartalsvis') },
  { per: 'tertial', re: per('tertial|tertialet', 'tertialvis') },
  { per: 'half-year', re: per('halvår|halvåret', 'halvårsvis') },
  { per: 'term', re: per('termin|terminen', 'terminsvis') },
  { per: 'school-year', re: per('läsår|läsåret', '') },
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
  'minst',
  'dag',
  'dagar',
  'dygn',
  'vecka',
  'veckor',
  'mån',
  'månad',
  'månader',
  'kvartal',
  'tertial',
  'halvår',
  'termin',
  'läsår',
  'år'
]);
/** Words that look like an adjective before the counted noun ("sex riktade insatser"). */
const ADJECTIVE = /(?:ade|ande|ende|iga|liga|ska|da|ta|na|^nya|^stora|^små)$/u;
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

type CountMatch = { count: number; upTo?: number; unit?: string };

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
    numbers.find(({ i }) => tokens[i + 1] === 'per') ??
    numbers.find(
      ({ i }) => /^\p{L}+$/u.test(tokens[i + 1] ?? '') && !NOT_A_UNIT.has(tokens[i + 1] ?? '')
    );
  if (!pick) return null;
  const range = /^\d{1,4}-(\d{1,4})$/.exec(tokens[pick.i] ?? '');
  const upTo = range ? Number(range[1]) : undefined;
  let next = pick.i + 1;
  if (tokens[next] === 'st' || tokens[next] === 'stycken') next++;
  const isUnit = (word: string): boolean =>
    /^\p{L}+$/u.test(word) && !NOT_A_UNIT.has(word) && countValue(word) === null && !findPer(word);
  const word = tokens[next] ?? '';
  const after = tokens[next + 1] ?? '';
  const unit =
    isUnit(word) && ADJECTIVE.test(word) && isUnit(after) && !TIMES.has(after)
      ? `${word} ${after}`
      : word;
  return {
    count: pick.n,
    ...(upTo !== undefined && upTo > pick.n ? { upTo } : {}),
    ...(isUnit(word) && !['gång', 'gånger', 'ggr', 'g'].includes(word) ? { unit } : {})
  };
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

const PER_NAMED_UNIT = wordRegex('(?:per|varje|på varje|för varje|i varje) (skola|klass)');

/**
 * "per skola (Norsjöskolan, Bastuträsk skola)", "per klass: 6A, 6B": the count applies to each
 * named unit. The names come in parentheses or after a colon; without names the unit is 'missing'.
 */
function findNamedUnits(
  original: string,
  text: string
): { label: string; values: string[] | 'missing'; rest: string } | null {
  const m = PER_NAMED_UNIT.exec(text);
  if (!m || !m[1]) return null;
  const label = m[1];
  const listStart = m.index + m[0].length;
  const after = text.slice(listStart);
  const list = /^\s*:\s*(.+)$/u.exec(after) ?? /\(([^)]*)\)/u.exec(after);
  const rest =
    text.slice(0, m.index) +
    ' ' +
    (list ? after.slice(0, list.index) + after.slice(list.index + list[0].length) : after);
  const lowered = list?.[1];
  if (!lowered) return { label, values: 'missing', rest };
  // The names keep the case they were written in ("6A", "Norsjöskolan").
  const values = asWritten(original, lowered)
    .split(/\s*(?:,|;|\s(?:och|samt)\s)\s*/iu)
    .map((v) => v.trim().replace(/[.]+$/u, ''))
    .filter((v, k, all) => v !== '' && all.indexOf(v) === k);
  return { label, values: values.length > 0 ? values : 'missing', rest };
}

function parseCount(original: string, text: string): Target | null {
  const grades = findGrades(text);
  const named = grades ? null : findNamedUnits(original, text);
  if (named?.values === 'missing') {
    return { kind: 'unparsed', text: original, reason: 'units-not-named' };
  }
  const rest = grades?.rest ?? named?.rest ?? text;
  const found = findCount(rest);
  const perMatch = findPer(rest);
  const weekdays = weekdaysIn(rest);
  let perValue: TargetPer | null = perMatch?.per ?? null;
  if (!perValue && found?.unit && /^tillfälle/u.test(found.unit)) perValue = 'period';
  if (!perValue && found && weekdays.length > 0) perValue = 'day';
  // "minst sex riktade insatser": a floor with no period is over the whole period.
  if (!perValue && found && (AT_LEAST.test(rest) || TIMES_AFTER_NUMBER.test(rest)))
    perValue = 'period';
  // "fyra trygghetsvandringar", "2 nya samverkansområden": two or more of a plural noun, with no
  // period, promise that many over the period, as "minst" would.
  if (
    !perValue &&
    found &&
    found.count >= 2 &&
    found.unit &&
    PLURAL.test(found.unit.split(' ').at(-1)!) &&
    !placeOf(rest, found.unit)
  )
    perValue = 'period';
  if (!perValue) return null;
  if (!found && !perMatch?.standalone) return null;
  // "10 timmar per vecka" sums logged time: activities carry a duration (minutes).
  const sum =
    found?.unit && HOURS.test(found.unit) ? (MINUTES.test(found.unit) ? 'minutes' : 'hours') : null;
  const perUnit = grades
    ? { label: 'årskurs', values: grades.values }
    : named
      ? { label: named.label, values: named.values }
      : null;
  return {
    kind: 'count',
    text: original,
    count: found?.count ?? 1,
    per: perValue,
    ...(found?.unit ? { unit: found.unit } : {}),
    ...(perUnit ? { perUnit } : {}),
    ...(weekdays.length > 0 ? { weekdays } : {}),
    ...(found?.upTo ? { upTo: found.upTo } : {}),
    ...(sum ? { sum } : {})
  };
}

const PLURAL = /(?:ar|er|or|na|en|n)$/u;
/** "vid fem skolor", "i tre områden": the number says where, not how many times. */
const placeOf = (text: string, unit: string): boolean =>
  new RegExp(
    `(?:^|[\\s,])(?:vid|på|i|för|med|av|hos|från|till|om|inom) \\S+ ${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
    'u'
  ).test(text);
const TIMES_AFTER_NUMBER = /[\p{N}\p{L}] (?:gång|gånger|ggr)(?![\p{L}\p{N}])/u;

/** How many of the shorter unit fit in the longer, for checking "4 per år, en per kvartal". */
const UNITS_PER_YEAR: Partial<Record<TargetPer, number>> = {
  month: 12,
  quarter: 4,
  tertial: 3,
  'half-year': 2,
  term: 2,
  year: 1
};

/**
 * "Fyra gånger per år, en per kvartal": two clauses with a count each. When they agree (4 a year =
 * 1 a quarter) the finer one is the target; when they disagree the words are flagged.
 */
function parseTwoClauses(original: string, text: string): Target | null {
  const clauses = text.split(/, ?|;/u).filter((c) => c.trim() !== '');
  if (clauses.length < 2) return null;
  const counts = clauses
    .map((c) => parseCount(original, c))
    .filter((t): t is CountTarget => t?.kind === 'count' && t.per !== 'period');
  if (counts.length !== 2) return null;
  const [a, b] = counts as [CountTarget, CountTarget];
  if (a.per === b.per) return null;
  const [ya, yb] = [UNITS_PER_YEAR[a.per], UNITS_PER_YEAR[b.per]];
  if (ya === undefined || yb === undefined) return null;
  const finer = ya > yb ? a : b;
  const coarser = finer === a ? b : a;
  const agrees =
    finer.count * (UNITS_PER_YEAR[finer.per] ?? 0) ===
    coarser.count * (UNITS_PER_YEAR[coarser.per] ?? 0);
  if (!agrees) return { kind: 'unparsed', text: original, reason: 'frequencies-disagree' };
  const unit = finer.unit ?? coarser.unit;
  return { ...finer, ...(unit ? { unit } : {}) };
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

function parseFrequency(original: string, text: string, options: ParseTargetOptions): Target {
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
  const twoClauses = parseTwoClauses(original, text);
  if (twoClauses) return twoClauses;
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

/** Parses a measure's free-Swedish target words into a Target; never throws and never drops the words. */
export function parseTarget(words: string, options: ParseTargetOptions = {}): Target {
  const original = typeof words === 'string' ? words : '';
  const text = normaliseWords(original);
  if (text === '') return { kind: 'unparsed', text: original };
  const window = findWindow(original, text);
  if (window && 'several' in window)
    return { kind: 'unparsed', text: original, reason: 'several-windows' };
  if (!window) return parseFrequency(original, text, options);
  const rest = window.rest.replace(/\s+/g, ' ').trim();
  const target =
    rest === ''
      ? ({ kind: 'unparsed', text: original } as Target)
      : parseFrequency(original, rest, options);
  switch (target.kind) {
    case 'count':
    case 'interval':
    case 'every-shift':
    case 'continuous':
      return { ...target, window: window.window };
    case 'unparsed':
      return target.reason ? target : { ...target, reason: 'window-only' };
    default:
      return target;
  }
}
