import { type RiskOccasion, riskWeekendOf } from './calendar';
import { addDays, dateParts, daysBetween, SWEDISH_MONTHS, type IsoDate } from './dates';
import { followUp } from './follow-up';
import type { FollowUpStatus, PeriodResult } from './follow-up-types';
import type { PeriodKind } from './periods';
import type { Target } from './target';
import { describeTarget } from './target-describe';

/**
 * "What is due": which measures fall behind in their current period and which dated obligations
 * lie ahead (risk weekends, the end of a period whose count is not yet reached), as plain Swedish
 * lines shared by the page, the calendar feed and the weekly e-mail.
 */

/** One running measure with the follow-up of its current period (see duePeriodKind). */
export type DueMeasure = {
  measureId: string;
  title: string;
  agreementId: string;
  agreementTitle: string;
  target: Target;
  /** The period of duePeriodKind(target) that contains today; null when there is none. */
  period: PeriodResult | null;
  /** The actor's own organisation answers for the measure. */
  own: boolean;
};

/** Where a measure stands this period: behind (or quiet), still open, or done for the period. */
export type DueState = 'behind' | 'open' | 'done';

/** A measure on the due list, with its line, e.g. "Trafikkontroller: minst 10 kontroller per månad – 4 gjorda, 6 kvar på 4 dagar". */
export type DueItem = {
  measureId: string;
  title: string;
  agreementId: string;
  agreementTitle: string;
  state: DueState;
  status: FollowUpStatus;
  done: number;
  /** Activities (or grades) still owed this period by a count target; null for other targets. */
  remaining: number | null;
  periodEnd: IsoDate;
  line: string;
};

/** A dated obligation ahead: a risk weekend to cover, or the last day to reach a count. */
export type DueObligation = {
  kind: 'risk-weekend' | 'period-end';
  measureId: string;
  title: string;
  agreementId: string;
  agreementTitle: string;
  /** Inclusive calendar days. */
  start: IsoDate;
  end: IsoDate;
  /** Short, for a calendar event: "Nattvandring: Jul (riskhelg)". */
  summary: string;
  /** For lists: "24–25 december: Nattvandring – Jul (riskhelg)". */
  line: string;
};

/** The follow-up period a measure's "this period" is: the unit its target counts per, a month for rhythms, a year for occasions; null when never judged. */
export function duePeriodKind(target: Target): PeriodKind | null {
  switch (target.kind) {
    case 'count':
      if (target.per === 'period') return 'agreement';
      if (target.per === 'year') return 'year';
      if (target.per === 'tertial') return 'tertial';
      return 'month';
    case 'interval':
    case 'every-shift':
    case 'continuous':
      return 'month';
    case 'occasions':
      return 'year';
    case 'on-demand':
    case 'unparsed':
      return null;
  }
}

/** A Swedish calendar date: "30 november". */
export function dayMonthSv(date: IsoDate): string {
  const { month, day } = dateParts(date);
  return `${day} ${SWEDISH_MONTHS[month - 1]}`;
}

/** A Swedish span of days: "24–25 december", "31 december – 1 januari", "30 november". */
export function daySpanSv(start: IsoDate, end: IsoDate): string {
  if (start === end) return dayMonthSv(start);
  const a = dateParts(start);
  const b = dateParts(end);
  if (a.month === b.month && a.year === b.year)
    return `${a.day}–${b.day} ${SWEDISH_MONTHS[b.month - 1]}`;
  return `${dayMonthSv(start)} – ${dayMonthSv(end)}`;
}

/** Time left through a period's last day, today included: "1 dag", "4 dagar", "5 veckor", "5 månader". */
export function timeLeftSv(today: IsoDate, end: IsoDate): string {
  const days = Math.max(1, daysBetween(today, end) + 1);
  if (days < 14) return `${days} ${days === 1 ? 'dag' : 'dagar'}`;
  if (days < 60) {
    const weeks = Math.round(days / 7);
    return `${weeks} ${weeks === 1 ? 'vecka' : 'veckor'}`;
  }
  const months = Math.round(days / 30.44);
  return `${months} ${months === 1 ? 'månad' : 'månader'}`;
}

/** "1 gjord", "4 gjorda": a count of activities done, in Swedish that agrees with it. */
export const doneWords = (n: number): string => `${n} ${n === 1 ? 'gjord' : 'gjorda'}`;

/** What a count target owes over its whole current period (not only so far): the period judged as if it had ended. */
export function periodTotal(target: Target, period: { start: IsoDate; end: IsoDate }): number {
  const kind = duePeriodKind(target);
  if (target.kind !== 'count' || !kind) return 0;
  const [whole] = followUp({
    target,
    tallies: [],
    today: addDays(period.end, 1),
    span: { start: period.start, end: period.end },
    period: kind
  });
  return whole?.expected ?? 0;
}

const BEHIND: ReadonlySet<FollowUpStatus> = new Set(['behind', 'quiet', 'missed']);
const PERIOD_WORD: Record<PeriodKind, string> = {
  month: 'månaden',
  tertial: 'tertialet',
  year: 'året',
  agreement: 'avtalsperioden'
};

/** The words after the dash for a measure's current period. */
function progressWords(m: DueMeasure, p: PeriodResult, today: IsoDate, remaining: number | null) {
  const t = m.target;
  if (t.kind === 'count' && remaining !== null) {
    if (remaining === 0) return `${doneWords(p.done)}, klart för ${PERIOD_WORD[duePeriodKind(t)!]}`;
    const left = timeLeftSv(today, p.end);
    // Nothing done yet: the target's own words already say how many are owed.
    if (p.done === 0) return `0 gjorda, ${left} kvar`;
    return `${doneWords(p.done)}, ${remaining} kvar på ${left}`;
  }
  if (t.kind === 'continuous')
    return p.status === 'quiet'
      ? `ingen aktivitet de senaste ${t.quietAfterDays} dagarna`
      : `aktiv, ${doneWords(p.done)} denna månad`;
  if (t.kind === 'every-shift')
    return `${p.done} av ${p.expected ?? 0} arbetspass loggade hittills denna månad`;
  if (t.kind === 'occasions' && p.status === 'needs-date')
    return `ett tillfälle saknar datum i år – ange datumet, så kan det följas upp`;
  if (t.kind === 'occasions') {
    const what = t.occasions === 'risk-weekends' ? 'riskhelger' : 'tillfällen';
    return `${p.done} av ${p.expected ?? 0} ${what} i år hittills`;
  }
  return `${p.done} av ${p.expected ?? 0} hittills denna månad`;
}

/** The due list: behind (or quiet) measures first, the most urgent first, then open ones by deadline, then those done for the period. */
export function dueItems(measures: readonly DueMeasure[], today: IsoDate): DueItem[] {
  const items: (DueItem & { own: boolean; share: number })[] = [];
  for (const m of measures) {
    const p = m.period;
    if (!p || !duePeriodKind(m.target) || p.status === 'upcoming') continue;
    const total = m.target.kind === 'count' ? periodTotal(m.target, p) : null;
    // Nothing owed yet is not judged, but a count owed by the period's end is still due.
    if (p.status === 'not-applicable' && !(total && total > 0)) continue;
    const remaining = total === null ? null : Math.max(0, total - p.done);
    const state: DueState = BEHIND.has(p.status)
      ? 'behind'
      : remaining === 0 || (remaining === null && p.status === 'met')
        ? 'done'
        : 'open';
    items.push({
      measureId: m.measureId,
      title: m.title,
      agreementId: m.agreementId,
      agreementTitle: m.agreementTitle,
      state,
      status: p.status,
      done: p.done,
      remaining,
      periodEnd: p.end,
      line: `${m.title}: ${describeTarget(m.target, 'sv')} – ${progressWords(m, p, today, remaining)}`,
      own: m.own,
      share: total ? (remaining ?? 0) / total : 0
    });
  }
  const rank: Record<DueState, number> = { behind: 0, open: 1, done: 2 };
  return items
    .sort(
      (a, b) =>
        rank[a.state] - rank[b.state] ||
        (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0) ||
        b.share - a.share ||
        Number(b.own) - Number(a.own) ||
        a.title.localeCompare(b.title, 'sv')
    )
    .map(({ own: _own, share: _share, ...item }) => item);
}

/**
 * The dated obligations from today through `until`: each risk weekend an occasion target must
 * cover (occasions of the agreement's municipalities), and the last day of the current period for
 * a count target not yet reached; in date order.
 */
export function dueObligations(
  measures: readonly DueMeasure[],
  occasionsByAgreement: Readonly<Record<string, readonly RiskOccasion[]>>,
  today: IsoDate,
  until: IsoDate
): DueObligation[] {
  const out: DueObligation[] = [];
  const base = (m: DueMeasure) => ({
    measureId: m.measureId,
    title: m.title,
    agreementId: m.agreementId,
    agreementTitle: m.agreementTitle
  });
  for (const m of measures) {
    const t = m.target;
    if (t.kind === 'occasions') {
      for (const o of occasionsByAgreement[m.agreementId] ?? []) {
        if (t.occasions !== 'risk-weekends' && !t.occasions.includes(o.key)) continue;
        const w = riskWeekendOf(o.date);
        if (w.end < today || o.date > until) continue;
        out.push({
          ...base(m),
          kind: 'risk-weekend',
          start: w.start,
          end: w.end,
          summary: `${m.title}: ${o.name} (riskhelg)`,
          line: `${daySpanSv(w.start, w.end)}: ${m.title} – ${o.name} (riskhelg)`
        });
      }
    }
    const p = m.period;
    if (t.kind === 'count' && p && p.status !== 'upcoming' && p.end >= today && p.end <= until) {
      const remaining = periodTotal(t, p) - p.done;
      if (remaining > 0)
        out.push({
          ...base(m),
          kind: 'period-end',
          start: p.end,
          end: p.end,
          summary: `${m.title}: ${remaining} kvar senast i dag`,
          line: `${dayMonthSv(p.end)}: ${m.title} – ${remaining} kvar (${describeTarget(t, 'sv')})`
        });
    }
  }
  return out.sort(
    (a, b) =>
      (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) || a.title.localeCompare(b.title, 'sv')
  );
}
