import { SWEDISH_MONTHS } from '../dates';
import { sentences, type Line } from './text';

/** A period found in the text, before conflicts are judged. */
export type PeriodCandidate = {
  start: string;
  end: string | null;
  untilReplaced: boolean;
  text: string;
  line: number;
  /** A sentence that states the period outright, rather than years in a heading. */
  explicit: boolean;
};

const MONTHS: readonly string[] = SWEDISH_MONTHS;
const NUMBER_WORDS: Record<string, number> = { ett: 1, en: 1, två: 2, tre: 3, fyra: 4, fem: 5 };
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const DATE = `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\/\\d{1,2}(?:\\s+|\\/|-)\\d{4}|(?:\\d{1,2}\\s+)?(?:${MONTHS.join('|')})\\s+\\d{4})`;

/** A date in the words: "2019-01-01", "1/1 2019", "1 januari 2020", "januari 2020" (first or last day). */
export function parseDate(s: string, end = false): string | null {
  const t = s.trim().toLowerCase();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\/(\d{1,2})(?:\s+|\/|-)(\d{4})$/.exec(t);
  if (m) return valid(+m[3]!, +m[2]!, +m[1]!);
  m = new RegExp(`^(?:(\\d{1,2})\\s+)?(${MONTHS.join('|')})\\s+(\\d{4})$`).exec(t);
  if (m) {
    const y = +m[3]!;
    const mo = MONTHS.indexOf(m[2]!) + 1;
    return valid(y, mo, m[1] ? +m[1] : end ? lastDay(y, mo) : 1);
  }
  return null;
}

function valid(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The day before the same date `years` later: four years from 2019-01-01 end on 2022-12-31. */
function yearsLater(start: string, years: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const RUNS_FOR = new RegExp(
  `\\b(?:löper|gäller|sträcker sig)\\s+(?:på|under|i)\\s+(\\d|ett|en|två|tre|fyra|fem)\\s+år\\s+(?:med\\s+(?:början|start)|från|fr\\.?\\s?o\\.?\\s?m\\.?)\\s+(?:den\\s+)?(${DATE})`,
  'i'
);
const FROM_TO = new RegExp(
  `\\b(?:från|fr\\.?\\s?o\\.?\\s?m\\.?)\\s+(?:och\\s+med\\s+)?(?:den\\s+)?(${DATE})\\s+(?:till|t\\.?\\s?o\\.?\\s?m\\.?|–|-)\\s*(?:och\\s+med\\s+)?(?:den\\s+)?(${DATE})`,
  'i'
);
const FROM_ONLY = new RegExp(
  `\\b(?:gäller|löper|börjar gälla|träder i kraft)\\b[^.]*?\\b(?:från|fr\\.?\\s?o\\.?\\s?m\\.?|den)\\s+(?:den\\s+)?(${DATE})`,
  'i'
);
const UNTIL_REPLACED = /\bfram till (?:dess|att)\b[^.]*\bnytt?\b/i;
const YEARS = /\b(20\d{2})\s*(?:–|-|—|till)\s*(20\d{2})\b/;
const YEARS_CONTEXT = /medborgarlöfte|löfte|avtal|överenskommelse|gäller|period|genomförandeplan/i;
/** A yearly löfte named by its year: "Medborgarlöfte 2024", "Medborgarlöften för 2025", "Handlingsplan år 2023". */
/** "Ett nytt medborgarlöfte som gäller under 2024": a yearly löfte named in a sentence. */
const VALID_YEAR =
  /\b(?:gäller|löper)\s+(?:under\s+|för\s+)?(?:år\s+)?(20\d{2})\b(?!\s*(?:–|-|—|till)\s*20\d{2})/i;
const ONE_YEAR =
  /\b(?:medborgarlöften?|löften?|genomförandeplan(?:en)?|handlingsplan(?:en)?|aktivitetsplan(?:en)?)\s+(?:för\s+)?(?:år\s+)?(20\d{2})\b(?!\s*(?:–|-|—|till)\s*20\d{2})/i;

/**
 * A title naming one year anywhere: "Medborgarlöfte Falköping 2023", "Polisens medborgarlöfte för
 * Grums kommun 2016", "Uppföljning 2020 medborgarlöfte Skövde".
 */
const TITLE_LOEFTE = /medborgarlöft|löfte/i;
const TITLE_ONE_YEAR = /(?<![\d–-])\b(20\d{2})\b(?![–-]\s*\d)/g;

/** Every statement of the period in the text, in order. */
export function findPeriods(lines: Line[]): PeriodCandidate[] {
  const out: PeriodCandidate[] = [];
  const title = lines[0];
  const titleYears = title ? [...title.text.matchAll(TITLE_ONE_YEAR)] : [];
  const titleYear = titleYears.length === 1 ? titleYears[0]! : null;
  if (
    title &&
    titleYear &&
    TITLE_LOEFTE.test(title.text) &&
    !ONE_YEAR.test(title.text) &&
    !YEARS.test(title.text)
  )
    out.push({
      start: `${titleYear[1]}-01-01`,
      end: `${titleYear[1]}-12-31`,
      untilReplaced: false,
      text: title.text.trim(),
      line: title.n,
      explicit: false
    });
  for (const l of lines) {
    for (const s of sentences(l.text)) {
      const untilReplaced = UNTIL_REPLACED.test(s);
      const clause = (m: RegExpExecArray) => s.slice(0, m.index + m[0].length).trim();
      let m = RUNS_FOR.exec(s);
      if (m) {
        const start = parseDate(m[2]!);
        const years = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
        if (start)
          out.push({
            start,
            end: yearsLater(start, years),
            untilReplaced,
            text: clause(m),
            line: l.n,
            explicit: true
          });
        continue;
      }
      m = FROM_TO.exec(s);
      if (m) {
        const start = parseDate(m[1]!);
        const end = parseDate(m[2]!, true);
        if (start && end) {
          out.push({ start, end, untilReplaced, text: clause(m), line: l.n, explicit: true });
          continue;
        }
      }
      m = FROM_ONLY.exec(s);
      if (m) {
        const start = parseDate(m[1]!);
        if (start) {
          const text = untilReplaced ? s.replace(/\.$/, '') : clause(m);
          out.push({ start, end: null, untilReplaced, text, line: l.n, explicit: true });
          continue;
        }
      }
      m = YEARS.exec(s);
      if (m && YEARS_CONTEXT.test(s) && +m[2]! >= +m[1]! && +m[2]! - +m[1]! <= 6) {
        out.push({
          start: `${m[1]}-01-01`,
          end: `${m[2]}-12-31`,
          untilReplaced,
          text: clause(m),
          line: l.n,
          explicit: false
        });
        continue;
      }
      m = ONE_YEAR.exec(s) ?? VALID_YEAR.exec(s);
      if (m)
        out.push({
          start: `${m[1]}-01-01`,
          end: `${m[1]}-12-31`,
          untilReplaced,
          text: m[0],
          line: l.n,
          explicit: false
        });
    }
  }
  return out;
}

/** The period to use (the first explicit statement, else the first years) and the ones that disagree. */
export function choosePeriod(found: PeriodCandidate[]): {
  chosen: PeriodCandidate | null;
  disagreeing: PeriodCandidate[];
} {
  const chosen = found.find((p) => p.explicit) ?? found[0] ?? null;
  if (!chosen) return { chosen, disagreeing: [] };
  const seen = new Set<string>();
  const disagreeing = found.filter((p) => {
    const sig = `${p.start}/${p.end ?? ''}`;
    if (p === chosen || p.end === null || chosen.end === null) return false;
    if (sig === `${chosen.start}/${chosen.end}` || seen.has(sig)) return false;
    seen.add(sig);
    return true;
  });
  return { chosen, disagreeing };
}
