import type { SchoolPeriod, TargetWindow } from './target';
import { MONTH_NAMES, wordRegex } from './target-words';

/*
 * The part of the year a target is limited to ("under sommarlovet", "maj–september"), found in
 * the target's words: one piece of the target parser (target-parser.ts).
 */

const SCHOOL_WINDOWS: readonly { period: SchoolPeriod; re: RegExp }[] = [
  { period: 'sommarlov', re: wordRegex('(?:under |på |i )?sommarlov\\p{L}*') },
  { period: 'jullov', re: wordRegex('(?:under |på |i )?jullov\\p{L}*') },
  { period: 'sportlov', re: wordRegex('(?:under |på |i )?sportlov\\p{L}*') },
  { period: 'paasklov', re: wordRegex('(?:under |på |i )?påsklov\\p{L}*') },
  { period: 'hostlov', re: wordRegex('(?:under |på |i )?höstlov\\p{L}*') },
  {
    period: 'terms',
    re: wordRegex('(?:under |på |i )?(?:skolterminer(?:na)?|terminerna|terminstid(?:en)?)')
  }
];

const MONTH = `(${MONTH_NAMES.join('|')})`;
const MONTH_WINDOWS: readonly {
  re: RegExp;
  months: (m: RegExpExecArray) => [number, number] | null;
}[] = [
  { re: wordRegex('(?:under |på |i )?sommarhalvåret'), months: () => [4, 9] },
  { re: wordRegex('(?:under |på |i )?vinterhalvåret'), months: () => [10, 3] },
  {
    // "juni, juli och augusti": consecutive months only
    re: wordRegex(
      `(?:under |i )?${MONTH}((?:, ?(?:${MONTH_NAMES.join('|')}))+) (?:och|samt) ${MONTH}`
    ),
    months: (m) =>
      monthList([m[1] ?? '', ...(m[2] ?? '').split(/, ?/u).filter(Boolean), m[3] ?? ''])
  },
  {
    // "maj–september", "från maj till september", "maj t.o.m. september"
    re: wordRegex(
      `(?:under |i |från |mellan )?${MONTH}(?: ?- ?| till | t\\.?o\\.?m\\.? | och )${MONTH}`
    ),
    months: (m) => monthSpan(m[1], m[2], m[0])
  },
  { re: wordRegex(`(?:under|i) ${MONTH}`), months: (m) => monthSpan(m[1], m[1], '') }
];

function monthNumber(name: string | undefined): number {
  return MONTH_NAMES.indexOf((name ?? '') as (typeof MONTH_NAMES)[number]) + 1;
}

function monthSpan(
  a: string | undefined,
  b: string | undefined,
  words: string
): [number, number] | null {
  const [from, to] = [monthNumber(a), monthNumber(b)];
  if (from < 1 || to < 1) return null;
  // "juli och augusti" names two months; they must follow each other to be a window.
  if (/ och /u.test(words) && to !== (from % 12) + 1) return null;
  return [from, to];
}

function monthList(names: string[]): [number, number] | null {
  const ns = names.map(monthNumber);
  if (ns.some((n) => n < 1)) return null;
  for (let k = 1; k < ns.length; k++) if (ns[k] !== ((ns[k - 1] ?? 0) % 12) + 1) return null;
  return [ns[0] ?? 0, ns[ns.length - 1] ?? 0];
}

export type WindowMatch = { window: TargetWindow; rest: string } | { several: true } | null;

/** The words as written in `original` for a lower-cased, normalised piece of them. */
export function asWritten(original: string, lowered: string): string {
  const at = original.toLocaleLowerCase('sv-SE').indexOf(lowered);
  return (at >= 0 ? original.slice(at, at + lowered.length) : lowered).trim();
}

/** Finds the part of the year a target is limited to, and the words without it. */
export function findWindow(original: string, text: string): WindowMatch {
  const found: { window: TargetWindow; index: number; length: number }[] = [];
  for (const { period, re } of SCHOOL_WINDOWS) {
    const m = re.exec(text);
    if (m)
      found.push({
        window: {
          kind: 'school',
          period,
          text: asWritten(original, m[0])
        },
        index: m.index,
        length: m[0].length
      });
  }
  if (found.length === 0) {
    for (const { re, months } of MONTH_WINDOWS) {
      const m = re.exec(text);
      if (!m) continue;
      const span = months(m);
      // Months that do not make one stretch ("i maj och oktober") are not guessed at.
      if (!span) return { several: true };
      {
        found.push({
          window: {
            kind: 'months',
            from: span[0],
            to: span[1],
            text: asWritten(original, m[0])
          },
          index: m.index,
          length: m[0].length
        });
        break;
      }
    }
  }
  if (found.length > 1) return { several: true };
  const hit = found[0];
  if (!hit) return null;
  return {
    window: hit.window,
    rest: text.slice(0, hit.index) + ' ' + text.slice(hit.index + hit.length)
  };
}
