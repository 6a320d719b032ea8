import { type DateRange, endOfTertial, type IsoDate, makeDate, maxDate, minDate } from './dates';
import type { FollowUpStatus } from './follow-up-types';

/** The periods a follow-up report covers: a tertial, a calendar year or the whole agreement. */
export const REPORT_KINDS = ['tertial', 'year', 'agreement'] as const;
/** A report's period kind. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/** One measure as a report shows it, frozen at publication. */
export type ReportMeasure = {
  key: string;
  title: string;
  group: string;
  /** The target in the plan's own words. */
  targetText: string;
  /** The target as the product understood it, in plain Swedish. */
  targetDescription: string;
  responsible: string | null;
  focusAreas: string[];
  expected: number | null;
  done: number;
  status: FollowUpStatus;
  statusText: string;
  /** The editors' commentary: what happened, why a target was missed. */
  comment: string;
};

/** One bar group of a report's chart: a focus area with its measures' done and expected counts. */
export type ReportFocusArea = {
  title: string;
  measures: number;
  kept: number;
  judged: number;
  done: number;
  expected: number;
};

/** A report's key figures. */
export type ReportSummary = {
  measures: number;
  /** Measures judged kept or not (met, missed, on track, behind). */
  judged: number;
  /** Met, or on track in a period not yet over. */
  kept: number;
  /** Done and expected summed over the measures that have an expected count. */
  done: number;
  expected: number;
  byStatus: { status: FollowUpStatus; label: string; count: number }[];
  byFocusArea: ReportFocusArea[];
  headline: string;
};

/** The complete rendered content of a report version: what the web page and the PDFs show. */
export type ReportContent = {
  format: 1;
  title: string;
  agreement: {
    id: string;
    title: string;
    municipalities: { code: string; name: string; officialName: string }[];
    policeArea: string | null;
  };
  period: DateRange & { kind: ReportKind; label: string };
  /** The day the figures speak of: the period's end, or the day the report was made if earlier. */
  asOf: IsoDate;
  /** The activities behind the figures are invented demo data. */
  demo: boolean;
  lead: string;
  measures: ReportMeasure[];
  summary: ReportSummary;
};

/** A measure's figures for a period: what the report freezes and the live follow-up shows. */
export type ReportFigures = {
  expected: number | null;
  done: number;
  status: FollowUpStatus;
  statusText: string;
};

/** A measure whose live figures no longer equal the published ones (activities corrected afterwards). */
export type ReportChange = {
  key: string;
  title: string;
  published: ReportFigures;
  live: ReportFigures;
};

/**
 * The measures of a published report whose figures differ from the live follow-up of the same
 * period, in the report's order; a measure the live follow-up no longer has is left out.
 */
export function reportChanges(
  published: readonly ReportMeasure[],
  live: ReadonlyMap<string, ReportFigures>
): ReportChange[] {
  return published.flatMap((m) => {
    const now = live.get(m.key);
    if (!now) return [];
    if (now.done === m.done && now.expected === m.expected && now.status === m.status) return [];
    const { expected, done, status, statusText } = m;
    return [
      { key: m.key, title: m.title, published: { expected, done, status, statusText }, live: now }
    ];
  });
}

const TERTIAL_MONTHS = ['januari–april', 'maj–augusti', 'september–december'] as const;

/** The dates of a report period, clipped to the agreement, or null when it lies outside it. */
export function reportPeriod(
  kind: ReportKind,
  agreement: DateRange,
  year?: number,
  tertial?: 1 | 2 | 3
): DateRange | null {
  let range: DateRange;
  if (kind === 'agreement') range = agreement;
  else if (!year) return null;
  else if (kind === 'year') range = { start: makeDate(year, 1, 1), end: makeDate(year, 12, 31) };
  else {
    if (!tertial) return null;
    const start = makeDate(year, (tertial - 1) * 4 + 1, 1);
    range = { start, end: endOfTertial(start) };
  }
  const start = maxDate(range.start, agreement.start);
  const end = minDate(range.end, agreement.end);
  return start <= end ? { start, end } : null;
}

/** A report period in Swedish words: "tertial 2 (maj–augusti) 2025", "år 2025", "hela avtalsperioden 2019–2022". */
export function reportPeriodLabel(kind: ReportKind, range: DateRange): string {
  const year = range.start.slice(0, 4);
  if (kind === 'year') return `år ${year}`;
  if (kind === 'tertial') {
    const t = Math.ceil(Number(range.start.slice(5, 7)) / 4);
    return `tertial ${t} (${TERTIAL_MONTHS[t - 1]}) ${year}`;
  }
  const endYear = range.end.slice(0, 4);
  return `hela avtalsperioden ${year === endYear ? year : `${year}–${endYear}`}`;
}

const KEPT: readonly FollowUpStatus[] = ['met', 'on-track'];
const JUDGED: readonly FollowUpStatus[] = ['met', 'missed', 'on-track', 'behind'];

/** Key figures of a report's measures, with a headline for a local paper. */
export function summariseReport(
  measures: readonly ReportMeasure[],
  focusAreaTitles: readonly string[],
  periodLabel: string,
  statusLabel: (status: FollowUpStatus) => string
): ReportSummary {
  const counted = measures.filter((m) => m.expected !== null);
  const judged = measures.filter((m) => JUDGED.includes(m.status)).length;
  const kept = measures.filter((m) => KEPT.includes(m.status)).length;
  const statuses = [...new Set(measures.map((m) => m.status))];
  const byFocusArea = focusAreaTitles.map((title) => {
    const of = measures.filter((m) => m.focusAreas.includes(title));
    return {
      title,
      measures: of.length,
      kept: of.filter((m) => KEPT.includes(m.status)).length,
      judged: of.filter((m) => JUDGED.includes(m.status)).length,
      done: of.filter((m) => m.expected !== null).reduce((s, m) => s + m.done, 0),
      expected: of.reduce((s, m) => s + (m.expected ?? 0), 0)
    };
  });
  return {
    measures: measures.length,
    judged,
    kept,
    done: counted.reduce((s, m) => s + m.done, 0),
    expected: counted.reduce((s, m) => s + (m.expected ?? 0), 0),
    byStatus: statuses.map((status) => ({
      status,
      label: statusLabel(status),
      count: measures.filter((m) => m.status === status).length
    })),
    byFocusArea: byFocusArea.filter((f) => f.measures > 0),
    headline: judged
      ? `${kept} av ${judged} bedömda åtgärder höll målet under ${periodLabel}`
      : `Så gick arbetet med medborgarlöftena under ${periodLabel}`
  };
}

/** The first sentence or so of a text, at most `max` characters, for lists and feeds. */
export function shortText(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
