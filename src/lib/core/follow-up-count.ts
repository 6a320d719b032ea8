import { addDays, type DateRange, overlap, rangeDays, weekday } from './dates';
import {
  doneRange,
  type DailyTally,
  type FollowUpContext,
  type JudgedPeriod,
  type PeriodResult,
  sumCount,
  verdict
} from './follow-up-types';
import {
  coveredFraction,
  PER_RANK,
  PERIOD_KIND_RANK,
  unitsOverlapping,
  wholeExpected
} from './follow-up-units';
import type { CountTarget } from './target';

/** The per-units (days, weeks, months …) a count target is owed in within a range, weekday rules applied to days. */
function owedUnits(t: CountTarget, range: DateRange, ctx: FollowUpContext): DateRange[] {
  const units = unitsOverlapping(t.per, range, ctx.span);
  if (t.per !== 'day' || !t.weekdays) return units;
  const days = t.weekdays;
  return units.filter((u) => days.includes(weekday(u.start)));
}

/** The exact (unrounded) number of activities — or grades, for a per-grade target — owed over a range. */
function exactExpected(t: CountTarget, range: DateRange, ctx: FollowUpContext): number {
  const each = t.perUnit ? t.perUnit.values.length : t.count;
  return owedUnits(t, range, ctx).reduce((sum, u) => sum + each * coveredFraction(u, range), 0);
}

function sameGrade(grade: string | null, value: string): boolean {
  return grade !== null && grade.trim() === value.trim();
}

/**
 * What counts as done over a range: grades covered per unit for a per-grade target; for a
 * per-day target each day counts at most `count` (a busy Friday does not make up for a missed
 * Saturday); otherwise the plain sum of activities (on the allowed weekdays).
 */
function doneOver(t: CountTarget, range: DateRange | null, ctx: FollowUpContext): number {
  if (!range) return 0;
  const allowed = (d: DailyTally): boolean => !t.weekdays || t.weekdays.includes(weekday(d.date));
  if (t.perUnit) {
    const values = t.perUnit.values;
    return owedUnits(t, range, ctx).reduce((sum, u) => {
      const part = overlap(u, range);
      const covered = values.filter(
        (v) => sumCount(ctx.tallies, part, (d) => allowed(d) && sameGrade(d.grade, v)) >= t.count
      );
      return sum + covered.length;
    }, 0);
  }
  if (t.per === 'day') {
    const perDay = new Map<string, number>();
    for (const d of ctx.tallies) perDay.set(d.date, (perDay.get(d.date) ?? 0) + d.count);
    return owedUnits(t, range, ctx).reduce(
      (sum, u) => sum + Math.min(t.count, perDay.get(u.start) ?? 0),
      0
    );
  }
  return sumCount(ctx.tallies, range, allowed);
}

function missingGrades(t: CountTarget, ctx: FollowUpContext, range: DateRange | null): string {
  if (!t.perUnit || !range || t.per !== 'year') return '';
  const values = t.perUnit.values.filter(
    (v) => sumCount(ctx.tallies, range, (d) => sameGrade(d.grade, v)) < t.count
  );
  return values.length > 0 ? `; grades not yet covered: ${values.join(', ')}` : '';
}

function judgeCountPeriod(t: CountTarget, ctx: FollowUpContext, p: JudgedPeriod): PeriodResult {
  const base = { start: p.start, end: p.end };
  const doneDays = doneRange(p, ctx.today);
  const done = doneOver(t, doneDays, ctx);
  if (PER_RANK[t.per] > PERIOD_KIND_RANK[ctx.kind]) {
    // A yearly promise cannot be judged month by month: show what was done, judge it per year.
    return {
      ...base,
      expected: null,
      done,
      status: p.phase === 'upcoming' ? 'upcoming' : 'not-applicable',
      detail: `judged per ${t.per}`
    };
  }
  const full = wholeExpected(exactExpected(t, p, ctx));
  if (p.phase === 'upcoming') return { ...base, expected: full, done, status: 'upcoming' };
  if (full === 0)
    return {
      ...base,
      expected: 0,
      done,
      status: 'not-applicable',
      detail: 'nothing is owed in this period'
    };
  const grades = missingGrades(t, ctx, doneDays);
  if (p.phase === 'closed')
    return {
      ...base,
      expected: full,
      done,
      status: verdict('closed', done >= full),
      ...(grades ? { detail: grades.slice(2) } : {})
    };
  // Current period: pro-rate by elapsed days, today included; a daily target owes only the days already over.
  const soFar: DateRange = {
    start: p.start,
    end: t.per === 'day' ? addDays(ctx.today, -1) : ctx.today
  };
  const expected = ctx.today === p.start ? 0 : wholeExpected(exactExpected(t, soFar, ctx));
  const elapsed = rangeDays({ start: p.start, end: ctx.today });
  return {
    ...base,
    expected,
    done,
    status: verdict('current', done >= expected),
    detail: `pro-rated: day ${elapsed} of ${rangeDays(p)}; the whole period expects ${full}${grades}`
  };
}

/** Follows up a count target ("minst 10 kontroller per månad") period by period. */
export function evaluateCount(target: CountTarget, ctx: FollowUpContext): PeriodResult[] {
  return ctx.periods.map((p) => judgeCountPeriod(target, ctx, p));
}
