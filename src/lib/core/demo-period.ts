import type { DateRange, IsoDate } from './dates';

const MARK = /Demo: förlängt från (\d{4}-\d{2}-\d{2}) till och med (\d{4}-\d{2}-\d{2})/u;

/** The words demo mode adds to a prolonged agreement's period text; demoProlongation reads them back. */
export function demoProlongationText(ownEnd: IsoDate, demoEnd: IsoDate): string {
  return `Demo: förlängt från ${ownEnd} till och med ${demoEnd} så att demon har en pågående period; allt efter ${ownEnd} är påhittat.`;
}

/**
 * An agreement's own period and its demo prolongation, read from the period's words: the public
 * page shows the own period and labels the prolongation as demo. Null when it was not prolonged.
 */
export function demoProlongation(
  period: DateRange & { text: string }
): { own: DateRange; demoEnd: IsoDate; ownText: string } | null {
  const m = MARK.exec(period.text);
  if (!m || !m[1] || !m[2] || m[2] !== period.end || m[1] < period.start) return null;
  return {
    own: { start: period.start, end: m[1] },
    demoEnd: m[2],
    ownText: period.text.slice(0, m.index).trim()
  };
}
