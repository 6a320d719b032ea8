/**
 * Per-day count targets ("alla fredags- och lördagskvällar", "varje fredag under sommarlovet")
 * without grades or time: each day is its own unit, so over a four-year timeline the general
 * count evaluation would build, place and add up 1,461 unit objects per measure. Here the run's
 * days are walked once into running totals of what was done and what was owed, and a period's
 * totals are two lookups. The answers are those of the unit-by-unit evaluation
 * (`follow-up-count.ts`), which `follow-up-per-day.test.ts` checks with fast-check.
 */
import { type DateRange, type IsoDate, minDate } from './dates';
import { fromDayNumber, toDayNumber, weekday } from './follow-up-days';
import type { DailyTally, FollowUpContext } from './follow-up-types';
import type { CountTarget } from './target';
import { windowContains } from './target-window';

type Piece = DateRange & { target: CountTarget };

/** Tells whether a run of count pieces can be walked day by day: per day, no grades, no time. */
export function walksPerDay(pieces: readonly Piece[]): boolean {
  return pieces.every((p) => p.target.per === 'day' && !p.target.perUnit && !p.target.sum);
}

/** Running totals over a run's days: done (at most `count` a day) and owed, on allowed days. */
export class DayTotals {
  private readonly first: number;
  private readonly last: number;
  /** done[i] = what was done on the run's days before day i (index 0 = the run's first day). */
  private readonly done: Float64Array;
  private readonly owed: Float64Array;

  constructor(pieces: readonly Piece[], tallies: readonly DailyTally[], ctx: FollowUpContext) {
    const run = { start: pieces[0]!.start, end: pieces[pieces.length - 1]!.end };
    this.first = toDayNumber(run.start);
    this.last = toDayNumber(run.end);
    const days = this.last - this.first + 1;
    // Activities per day: several rows of one day (one per grade) add up.
    const logged = new Float64Array(days);
    for (const t of tallies) {
      const i = toDayNumber(t.date) - this.first;
      if (i >= 0 && i < days) logged[i] = logged[i]! + t.count;
    }
    const doneOn = new Float64Array(days);
    const owedOn = new Float64Array(days);
    for (const { start, end, target } of pieces) {
      const from = Math.max(toDayNumber(start), this.first);
      const to = Math.min(toDayNumber(end), this.last);
      for (let n = from; n <= to; n++) {
        if (!allowed(target, n, ctx)) continue;
        const i = n - this.first;
        owedOn[i] = target.count;
        doneOn[i] = Math.min(target.count, logged[i]!);
      }
    }
    this.done = new Float64Array(days + 1);
    this.owed = new Float64Array(days + 1);
    for (let i = 0; i < days; i++) {
      this.done[i + 1] = this.done[i]! + doneOn[i]!;
      this.owed[i + 1] = this.owed[i]! + owedOn[i]!;
    }
  }

  /** Done in a range's days through `through` (inclusive). */
  doneIn(range: DateRange, through: IsoDate): number {
    return this.between(this.done, range, through);
  }

  /** Owed in a range's days through `through` (inclusive). */
  owedIn(range: DateRange, through: IsoDate): number {
    return this.between(this.owed, range, through);
  }

  private between(sums: Float64Array, range: DateRange, through: IsoDate): number {
    const a = Math.max(toDayNumber(range.start), this.first);
    const b = Math.min(toDayNumber(minDate(range.end, through)), this.last);
    if (b < a) return 0;
    return sums[b - this.first + 1]! - sums[a - this.first]!;
  }
}

/** A day a target owes on: its weekdays, and its window. */
function allowed(t: CountTarget, n: number, ctx: FollowUpContext): boolean {
  if (!t.weekdays && !t.window) return true;
  const date = fromDayNumber(n);
  if (t.weekdays && !t.weekdays.includes(weekday(date))) return false;
  return !t.window || windowContains(t.window, date, ctx.calendar);
}
