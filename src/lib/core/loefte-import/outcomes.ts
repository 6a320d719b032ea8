import type { ImportedMeasure } from './schema';
import { bulletOf, fold, joinLines, spanOf, type Line } from './text';

/** A result found in a follow-up section, before it is matched to a measure. */
export type FoundOutcome = { text: string; lines: [number, number] };

/** The items of a follow-up section: its list items, else its paragraphs. */
export function outcomesOf(lines: Line[]): FoundOutcome[] {
  const out: FoundOutcome[] = [];
  let para: Line[] = [];
  const flush = () => {
    if (para.length) out.push({ text: joinLines(para), lines: spanOf(para) });
    para = [];
  };
  for (const l of lines) {
    const t = l.text.trim();
    const b = bulletOf(l.text);
    if (!t) flush();
    else if (b) {
      flush();
      out.push({ text: b.text, lines: [l.n, l.n] });
    } else if (/:$/.test(t) && t.split(/\s+/).length <= 4) flush();
    else para.push(l);
  }
  flush();
  return out;
}

/** Words every result uses ("genomförts", "kommunen", numbers): they say nothing about which measure. */
const GENERIC =
  /^(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|minst|cirka|under|efter|genom|detta|dessa|blev|gjorts|aret|hela|totalt|kommun\p{L}*|polis\p{L}*|genomf\p{L}*|startat\p{L}*|utford\p{L}*|gjord\p{L}*)$/u;

/** Content words, folded, without the words every result uses. */
const wordsOf = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4 && !GENERIC.test(w));

/**
 * Words alike: equal, one a part of the other ("narkotikainsatser" and "insatser"), or two short
 * forms of one word ("kvälls" and "kvällar").
 */
function alike(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= 5 && (a.includes(b) || b.includes(a))) return true;
  return Math.max(a.length, b.length) <= 8 && a.slice(0, 5) === b.slice(0, 5) && a.length >= 5;
}

/**
 * The measure a result reports on: the one whose words the result's words meet most (a compound
 * such as "grannsamverkansområden" counts for each word it holds, at most two), at least half a
 * word per word of the result; none when no measure comes that close. The score is its confidence.
 */
export function matchOutcome(
  outcome: string,
  measures: ImportedMeasure[]
): { measureKey: string | null; confidence: number } {
  const words = wordsOf(outcome);
  if (!words.length) return { measureKey: null, confidence: 0 };
  let best: { key: string; score: number } | null = null;
  for (const m of measures) {
    const own = [...new Set(wordsOf(`${m.title} ${m.targetText}`))];
    const met = words.reduce((n, w) => n + Math.min(2, own.filter((o) => alike(w, o)).length), 0);
    const score = met / words.length;
    if (!best || score > best.score) best = { key: m.key, score };
  }
  const confidence = Math.min(1, Math.round((best?.score ?? 0) * 100) / 100);
  return best && best.score >= 0.5
    ? { measureKey: best.key, confidence }
    : { measureKey: null, confidence };
}
