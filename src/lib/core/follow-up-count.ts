import { type DateRange, type IsoDate, maxDate, minDate, overlap } from './dates';
import { addDays, rangeDays, weekday } from './follow-up-days';
import {
  type DailyTally,
  type FollowUpContext,
  type JudgedPeriod,
  type PeriodResult,
  byDate,
  searchDates
} from './follow-up-types';
import {
  PER_RANK,
  PERIOD_KIND_RANK,
  unitMiddle,
  unitsOverlapping,
  wholeExpected
} from './follow-up-units';
import { DayTotals, walksPerDay } from './follow-up-per-day';
import { phaseOf } from './periods';
import type { CountTarget } from './target';
import { windowContains, windowDays } from './target-window';

/** A count piece of a measure's plan. */
export type CountPiece = DateRange & { target: CountTarget; version?: DateRange };

/**
 * What a count target counts in a day tally: activities, or for a target in hours (minutes) the
 * logged time in hours (minutes). Activities without a duration add no time.
 */
export function tallyValue(t: CountTarget): (d: DailyTally) => number {
  if (t.sum === 'hours') return (d) => (d.minutes ?? 0) / 60;
  if (t.sum === 'minutes') return (d) => d.minutes ?? 0;
  return (d) => d.count;
}

/** Rounds logged hours to hundredths, so 3 × 20 minutes is 1 hour, not 0.99999. */
const hundredths = (x: number) => Math.round(x * 100) / 100;

/** Day tallies sorted by date with prefix sums, so a range's total is two binary searches. */
class TallyIndex {
  readonly rows: readonly DailyTally[];
  private readonly dates: IsoDate[];
  private readonly prefix: number[];
  constructor(
    tallies: readonly DailyTally[],
    readonly value: (d: DailyTally) => number = (d) => d.count
  ) {
    this.rows = byDate(tallies);
    this.dates = this.rows.map((t) => t.date);
    this.prefix = [0];
    for (const t of this.rows) this.prefix.push(this.prefix[this.prefix.length - 1]! + value(t));
  }
  /** The rows inside a range. */
  slice(range: DateRange): DailyTally[] {
    if (range.start > range.end) return [];
    return this.rows.slice(
      searchDates(this.dates, range.start),
      searchDates(this.dates, range.end, true)
    );
  }
  /** Activities inside a range. */
  sum(range: DateRange): number {
    if (range.start > range.end) return 0;
    const a = searchDates(this.dates, range.start);
    const b = searchDates(this.dates, range.end, true);
    return this.prefix[b]! - this.prefix[a]!;
  }
}

/** A logged grade counts for a unit value: "6" for "6", and a class "6A" or "6 b" for grade "6". */
export function gradeCounts(grade: string | null, value: string): boolean {
  if (grade === null) return false;
  const g = grade.trim().toLowerCase();
  const v = value.trim().toLowerCase();
  return g === v || (/^\d+$/.test(v) && new RegExp(`^${v}\\s*[a-zåäö]$`).test(g));
}

function allowedDay(t: CountTarget, ctx: FollowUpContext, date: IsoDate): boolean {
  if (t.weekdays && !t.weekdays.includes(weekday(date))) return false;
  return !t.window || windowContains(t.window, date, ctx.calendar);
}

/** Days of a range a target owes on: weekday rules for per-day targets, and its window. */
function owedDays(t: CountTarget, range: DateRange, ctx: FollowUpContext): number {
  if (t.per === 'day' && t.weekdays)
    return allowedDay(t, ctx, range.start) && range.start === range.end ? 1 : 0;
  return windowDays(t.window, range, ctx.calendar);
}

/** How many activities (or grades, per grade) one target owes for a whole unit. */
function perUnitCount(t: CountTarget): number {
  return t.perUnit ? t.perUnit.values.length : t.count;
}

/**
 * The exact number owed for a unit through `through`: each piece owes its count times the share
 * of the unit's owed days that fall in the piece (pro rata by days when a revision took effect
 * inside the unit) and on or before `through`.
 */
function owedForUnit(
  unit: DateRange,
  pieces: readonly CountPiece[],
  through: IsoDate,
  ctx: FollowUpContext
): number {
  const t0 = pieces[0]!.target;
  const all = t0.per === 'day' && t0.weekdays ? 1 : rangeDays(unit);
  return pieces.reduce((sum, piece) => {
    const part = overlap(unit, { start: piece.start, end: minDate(piece.end, through) });
    if (!part) return sum;
    return sum + (perUnitCount(piece.target) * owedDays(piece.target, part, ctx)) / all;
  }, 0);
}

/**
 * What counts as done in a unit through `through`: grades covered for a per-grade target; for a
 * per-day target at most `count` a day (a busy Friday does not make up for a missed Saturday);
 * otherwise the sum of activities on allowed days, inside the pieces.
 */
function doneForUnit(
  unit: DateRange,
  pieces: readonly CountPiece[],
  through: IsoDate,
  ctx: FollowUpContext,
  index: TallyIndex
): number {
  let done = 0;
  const last = pieces[pieces.length - 1]!.target;
  if (last.perUnit) {
    const rows = pieces.flatMap((p) => {
      const part = overlap(unit, { start: p.start, end: minDate(p.end, through) });
      return part ? index.slice(part).filter((d) => allowedDay(p.target, ctx, d.date)) : [];
    });
    return last.perUnit.values.filter(
      (v) =>
        rows.reduce((s, d) => (gradeCounts(d.grade, v) ? s + index.value(d) : s), 0) >=
        last.count - 1e-9
    ).length;
  }
  for (const p of pieces) {
    const part = overlap(unit, { start: p.start, end: minDate(p.end, through) });
    if (!part) continue;
    const t = p.target;
    if (!t.weekdays && !t.window && t.per !== 'day') done += index.sum(part);
    else if (!t.weekdays && !t.window && !t.sum) {
      // Every day allowed and whole counts: the prefix sum is exact, no need to look at each row.
      done += Math.min(t.count, index.sum(part));
    } else {
      const n = index
        .slice(part)
        .reduce((s, d) => (allowedDay(t, ctx, d.date) ? s + index.value(d) : s), 0);
      done += t.per === 'day' ? Math.min(t.count, n) : n;
    }
  }
  return done;
}

/** For a per-grade yearly target: the grades not yet covered in the period's units. */
function missingGrades(
  units: readonly DateRange[],
  pieces: readonly CountPiece[],
  through: IsoDate,
  ctx: FollowUpContext,
  index: TallyIndex
): string {
  const last = pieces[pieces.length - 1]!.target;
  if (!last.perUnit || last.per !== 'year') return '';
  const values = last.perUnit.values.filter((v) =>
    units.every((u) => {
      const one = { ...last, perUnit: { label: last.perUnit!.label, values: [v] } };
      return doneForUnit(u, [{ ...pieces[0]!, ...u, target: one }], through, ctx, index) === 0;
    })
  );
  return values.length > 0 ? `grades not yet covered: ${values.join(', ')}` : '';
}

/**
 * The period holding a day, by binary search: the periods are in order and do not overlap, so
 * the only candidate is the last one starting on or before the day.
 */
function periodHolding(periods: readonly JudgedPeriod[], day: IsoDate): JudgedPeriod | undefined {
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (periods[mid]!.start <= day) lo = mid + 1;
    else hi = mid;
  }
  const p = periods[lo - 1];
  return p && day <= p.end ? p : undefined;
}

/**
 * Follows up count pieces ("minst 10 kontroller per månad") on the measure's whole timeline.
 * Each unit of the target (week, month, term …) is placed in the period holding its middle day
 * (so an ISO week counts in the period of its Thursday); a period owes the sum of its units,
 * rounded down, and counts what was done in them. A period with nothing owed is not judged.
 */
export function evaluateCount(pieces: readonly CountPiece[], ctx: FollowUpContext): PeriodResult[] {
  const first = pieces[0]!;
  const run: DateRange = { start: first.start, end: pieces[pieces.length - 1]!.end };
  const t = first.target;
  const index = new TallyIndex(ctx.tallies, tallyValue(t));
  // A target in time shows how many activities have no duration ("saknar tid"), in the same days as done.
  const untimedIndex = t.sum ? new TallyIndex(ctx.tallies, (d) => d.untimed ?? 0) : null;
  const untimedIn = (ranges: readonly DateRange[]) =>
    untimedIndex
      ? {
          untimed: ranges.reduce((s, r) => {
            const part = overlap(r, { start: run.start, end: minDate(run.end, ctx.today) });
            if (!part) return s;
            return untimedIndex
              .slice(part)
              .reduce((n, d) => (allowedDay(t, ctx, d.date) ? n + untimedIndex.value(d) : n), s);
          }, 0)
        }
      : {};
  const versions = pieces.some((p) => p.version)
    ? [
        ...new Map(
          pieces.map((p) => {
            const v = overlap(p.version ?? p, run) ?? p;
            return [`${v.start}/${v.end}`, v] as const;
          })
        ).values()
      ]
    : undefined;
  const rank = t.per === 'period' && versions ? PER_RANK.year : PER_RANK[t.per];
  // Per-day targets walk the run's days once; every other target places its units in periods.
  const walk = walksPerDay(pieces) ? new DayTotals(pieces, ctx.tallies, ctx) : null;
  const units = walk ? [] : unitsOverlapping(t.per, run, run, { calendar: ctx.calendar, versions });
  const byPeriod = new Map<JudgedPeriod, DateRange[]>();
  for (const u of units) {
    const middle = minDate(maxDate(unitMiddle(u), run.start), run.end);
    const p = periodHolding(ctx.periods, middle);
    if (!p) continue;
    const list = byPeriod.get(p);
    if (list) list.push(u);
    else byPeriod.set(p, [u]);
  }
  return ctx.periods.map((p) => {
    const mine = byPeriod.get(p) ?? [];
    const through = ctx.today;
    const done = hundredths(
      walk
        ? walk.doneIn(p, through)
        : mine.reduce((s, u) => s + doneForUnit(u, pieces, through, ctx, index), 0)
    );
    const owedThrough = (day: IsoDate) =>
      walk ? walk.owedIn(p, day) : mine.reduce((s, u) => s + owedForUnit(u, pieces, day, ctx), 0);
    const base = { start: p.start, end: p.end, ...untimedIn(mine) };
    if (rank > PERIOD_KIND_RANK[ctx.kind]) {
      // A yearly promise cannot be judged month by month: show what was done, judge it per year.
      const doneHere = pieces.reduce((s, piece) => {
        const part = overlap(p, { start: piece.start, end: minDate(piece.end, through) });
        return part ? s + index.sum(part) : s;
      }, 0);
      return {
        ...base,
        expected: null,
        done: hundredths(doneHere),
        status: p.phase === 'upcoming' ? 'upcoming' : 'not-applicable',
        detail: `judged per ${t.per}`,
        ...untimedIn([p])
      };
    }
    const lastEnd = mine.reduce((e, u) => minDate(maxDate(e, u.end), run.end), p.end);
    const phase = phaseOf({ start: p.start, end: lastEnd }, ctx.today);
    const full = wholeExpected(owedThrough('9999-12-31'));
    if (phase === 'upcoming' || p.phase === 'upcoming')
      return { ...base, expected: full, done, status: 'upcoming' };
    if (phase === 'closed') {
      if (full === 0)
        return { ...base, expected: 0, done, status: 'not-applicable', detail: 'nothing is owed' };
      const grades = missingGrades(mine, pieces, through, ctx, index);
      return {
        ...base,
        expected: full,
        done,
        status: done >= full - 1e-9 ? 'met' : 'missed',
        ...(grades ? { detail: grades } : {})
      };
    }
    // Current: units over are owed in full, the running one pro rata by elapsed days (today
    // included; a per-day target owes only days already over).
    const expected = wholeExpected(
      owedThrough(t.per === 'day' ? addDays(ctx.today, -1) : ctx.today)
    );
    if (expected === 0)
      return {
        ...base,
        expected: 0,
        done,
        status: 'not-applicable',
        detail: `nothing is owed yet; the whole period expects ${full}`
      };
    const grades = missingGrades(mine, pieces, through, ctx, index);
    // Counted over the days the period is judged: a unit it shares with the next period (a week
    // across the month's end) keeps it running to that unit's last day.
    const elapsed = rangeDays({ start: p.start, end: minDate(ctx.today, lastEnd) });
    return {
      ...base,
      expected,
      done,
      status: done >= expected - 1e-9 ? 'on-track' : 'behind',
      detail: `pro-rated: day ${elapsed} of ${rangeDays({ start: p.start, end: lastEnd })}; the whole period expects ${full}${grades ? `; ${grades}` : ''}`
    };
  });
}
