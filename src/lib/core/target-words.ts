/**
 * The Swedish vocabulary the target parser reads: number words, word-boundary regexes
 * (JavaScript's \b does not treat å, ä, ö as letters) and the words for occasions and weekdays.
 */

const NOT_WORD = '[\\p{L}\\p{N}]';

/** Builds a case-insensitive regex that only matches whole words, with å, ä and ö counted as letters. */
export function wordRegex(source: string): RegExp {
  return new RegExp(`(?<!${NOT_WORD})(?:${source})(?!${NOT_WORD})`, 'iu');
}

/** Lower-cases target words and evens out dashes, spaces and trailing punctuation. */
export function normaliseWords(words: string): string {
  return words
    .toLocaleLowerCase('sv-SE')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/(\d) ?- ?(\d)/g, '$1-$2')
    .trim()
    .replace(/[.!;:,]+$/u, '')
    .trim();
}

const ONES: Record<string, number> = {
  noll: 0,
  en: 1,
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
  tretton: 13,
  fjorton: 14,
  femton: 15,
  sexton: 16,
  sjutton: 17,
  arton: 18,
  nitton: 19
};

const TENS: Record<string, number> = {
  tjugo: 20,
  trettio: 30,
  fyrtio: 40,
  femtio: 50,
  sextio: 60,
  sjuttio: 70,
  åttio: 80,
  nittio: 90
};

/** Reads a Swedish number word ("tre", "femton", "tjugofem", "hundra") or returns null. */
export function numberWordValue(word: string): number | null {
  const w = word.toLocaleLowerCase('sv-SE');
  if (w in ONES) return ONES[w] ?? null;
  if (w === 'hundra' || w === 'etthundra') return 100;
  for (const [tens, value] of Object.entries(TENS)) {
    if (w === tens) return value;
    const rest = w.startsWith(tens) ? w.slice(tens.length) : '';
    const ones = ONES[rest];
    if (ones !== undefined && ones >= 1 && ones <= 9) return value + ones;
  }
  return null;
}

/** Reads a count written as digits, a digit range ("1-2" gives its floor 1) or a number word. */
export function countValue(token: string): number | null {
  const range = /^(\d{1,4})(?:-\d{1,4})?$/.exec(token);
  if (range) {
    const n = Number(range[1]);
    return n >= 1900 && n <= 2199 ? null : n; // a year such as 2020 is not a count
  }
  return numberWordValue(token);
}

/** Occasion keys the parser recognises, with the Swedish words that name them. */
export const OCCASION_WORDS: readonly { key: string; re: RegExp }[] = [
  { key: 'valborg', re: wordRegex('valborg\\p{L}*') },
  { key: 'midsommar', re: wordRegex('midsommar\\p{L}*') },
  { key: 'skolavslutning', re: wordRegex('skolavslutning\\p{L}*') },
  {
    key: 'studenten',
    re: wordRegex('studenten|studentfirande\\p{L}*|studentutspring\\p{L}*|studentflak\\p{L}*')
  },
  { key: 'halloween', re: wordRegex('halloween|allhelgona\\p{L}*|alla helgons\\p{L}*') },
  { key: 'jul', re: wordRegex('jul|julen|julafton|julhelg\\p{L}*') },
  { key: 'nyar', re: wordRegex('nyår\\p{L}*') }
];

const WEEKDAY_STEMS = [
  'måndag',
  'tisdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lördag',
  'söndag'
] as const;

/** Finds the ISO weekdays (1 = Monday … 7 = Sunday) named in the words, in order, without repeats. */
export function weekdaysIn(text: string): number[] {
  const found = new Set<number>();
  WEEKDAY_STEMS.forEach((stem, i) => {
    if (new RegExp(`(?<!${NOT_WORD})${stem}`, 'iu').test(text)) found.add(i + 1);
  });
  // "varje vardag", "vardagskvällar": Monday to Friday.
  if (new RegExp(`(?<!${NOT_WORD})vardag`, 'iu').test(text))
    [1, 2, 3, 4, 5].forEach((d) => found.add(d));
  return [...found].sort((a, b) => a - b);
}

/** Swedish ordinal words used in "var tredje helg", mapped to their step. */
export const ORDINALS: Record<string, number> = {
  annan: 2,
  andra: 2,
  tredje: 3,
  fjärde: 4,
  femte: 5,
  sjätte: 6,
  sjunde: 7,
  åttonde: 8,
  nionde: 9,
  tionde: 10,
  elfte: 11,
  tolfte: 12,
  trettonde: 13,
  fjortonde: 14,
  femtonde: 15,
  sextonde: 16,
  sjuttonde: 17,
  artonde: 18,
  nittonde: 19,
  tjugonde: 20,
  tjugoförsta: 21,
  tjugoandra: 22,
  tjugotredje: 23,
  tjugofjärde: 24,
  tjugofemte: 25,
  tjugosjätte: 26,
  tjugosjunde: 27,
  tjugoåttonde: 28,
  tjugonionde: 29,
  trettionde: 30
};

/** Swedish month names, January first; a month's number is its index + 1. */
export const MONTH_NAMES = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december'
] as const;
