import {
  addDays,
  type DateRange,
  type IsoDate,
  maxDate,
  minDate,
  overlap,
  rangeDays,
  weekday
} from './dates';
import type { DailyTally, FollowUpContext, JudgedPeriod, PeriodResult } from './follow-up-types';
import {
  PER_RANK,
  PERIOD_KIND_RANK,
  unitMiddle,
  unitsOverlapping,
  wholeExpected
} from './follow-up-units';
import { phaseOf } from './periods';
import type { CountTarget } from './target';
import { windowContains, windowDays } from './target-window';

/** A count piece of a measure's plan. */
export type CountPiece = DateRange & { target: CountTarget; version?: DateRange };

/** Day tallies sorted by date with prefix sums, so a range's count is two binary searches. */
class TallyIndex {
  readonly rows: DailyTally[];
  private readonly prefix: number[];
  constructor(tallies: readonly DailyTally[]) {
    this.rows = [...tallies].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    this.prefix = [0];
    for (const t of this.rows) this.prefix.push(this.prefix[this.prefix.length - 1]! + t.count);
  }
  /** The index of the first row on or after a date. */
  private lower(date: IsoDate): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid]!.date < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** The rows inside a range. */
  slice(range: DateRange): DailyTally[] {
    return this.rows.slice(this.lower(range.start), this.lower(addDays(range.end, 1)));
  }
  /** Activities inside a range. */
  sum(range: DateRange): number {
    const a = this.lower(range.start);
    const b = this.lower(addDays(range.end, 1));
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
      (v) => rows.reduce((s, d) => (gradeCounts(d.grade, v) ? s + d.count : s), 0) >= last.count
    ).length;
  }
  for (const p of pieces) {
    const part = overlap(unit, { start: p.start, end: minDate(p.end, through) });
    if (!part) continue;
    const t = p.target;
    if (!t.weekdays && !t.window && t.per !== 'day') done += index.sum(part);
    else {
      const n = index
        .slice(part)
        .reduce((s, d) => (allowedDay(t, ctx, d.date) ? s + d.count : s), 0);
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
 * Follows up count pieces ("minst 10 kontroller per månad") on the measure's whole timeline.
 * Each unit of the target (week, month, term …) is placed in the period holding its middle day
 * (so an ISO week counts in the period of its Thursday); a period owes the sum of its units,
 * rounded down, and counts what was done in them. A period with nothing owed is not judged.
 */
export function evaluateCount(pieces: readonly CountPiece[], ctx: FollowUpContext): PeriodResult[] {
  const first = pieces[0]!;
  const run: DateRange = { start: first.start, end: pieces[pieces.length - 1]!.end };
  const t = first.target;
  const index = new TallyIndex(ctx.tallies);
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
  const units = unitsOverlapping(t.per, run, run, { calendar: ctx.calendar, versions });
  const byPeriod = new Map<JudgedPeriod, DateRange[]>();
  for (const u of units) {
    const middle = minDate(maxDate(unitMiddle(u), run.start), run.end);
    const p = ctx.periods.find((q) => q.start <= middle && middle <= q.end);
    if (p) byPeriod.set(p, [...(byPeriod.get(p) ?? []), u]);
  }
  return ctx.periods.map((p) => {
    const mine = byPeriod.get(p) ?? [];
    const through = ctx.today;
    const done = mine.reduce((s, u) => s + doneForUnit(u, pieces, through, ctx, index), 0);
    const base = { start: p.start, end: p.end };
    if (rank > PERIOD_KIND_RANK[ctx.kind]) {
      // A yearly promise cannot be judged month by month: show what was done, judge it per year.
      const doneHere = pieces.reduce((s, piece) => {
        const part = overlap(p, { start: piece.start, end: minDate(piece.end, through) });
        return part ? s + index.sum(part) : s;
      }, 0);
      return {
        ...base,
        expected: null,
        done: doneHere,
        status: p.phase === 'upcoming' ? 'upcoming' : 'not-applicable',
        detail: `judged per ${t.per}`
      };
    }
    const lastEnd = mine.reduce((e, u) => minDate(maxDate(e, u.end), run.end), p.end);
    const phase = phaseOf({ start: p.start, end: lastEnd }, ctx.today);
    const full = wholeExpected(
      mine.reduce((s, u) => s + owedForUnit(u, pieces, '9999-12-31', ctx), 0)
    );
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
        status: done >= full ? 'met' : 'missed',
        ...(grades ? { detail: grades } : {})
      };
    }
    // Current: units over are owed in full, the running one pro rata by elapsed days (today
    // included; a per-day target owes only days already over).
    const owedThrough = t.per === 'day' ? addDays(ctx.today, -1) : ctx.today;
    const expected = wholeExpected(
      mine.reduce((s, u) => s + owedForUnit(u, pieces, owedThrough, ctx), 0)
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
    const elapsed = rangeDays({ start: p.start, end: ctx.today });
    return {
      ...base,
      expected,
      done,
      status: done >= expected ? 'on-track' : 'behind',
      detail: `pro-rated: day ${elapsed} of ${rangeDays(p)}; the whole period expects ${full}${grades ? `; ${grades}` : ''}`
    };
  });
}
