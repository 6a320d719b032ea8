import { defaultRiskOccasions, type RiskOccasion, riskWeekendOf } from './calendar';
import { inRange } from './dates';
import { dateParts } from './follow-up-days';
import {
  activeDates,
  anyActive,
  type FollowUpContext,
  type PeriodResult,
  verdict
} from './follow-up-types';
import type { OccasionsTarget } from './target';

function occasionsInSpan(ctx: FollowUpContext): RiskOccasion[] {
  if (ctx.riskOccasions) return ctx.riskOccasions.filter((o) => inRange(o.date, ctx.span));
  const out: RiskOccasion[] = [];
  for (let y = dateParts(ctx.span.start).year; y <= dateParts(ctx.span.end).year; y++)
    out.push(...defaultRiskOccasions(y));
  return out.filter((o) => inRange(o.date, ctx.span));
}

function missingDates(
  target: OccasionsTarget,
  chosen: readonly RiskOccasion[],
  from: number,
  to: number
): string[] {
  if (target.occasions === 'risk-weekends') return [];
  const missing: string[] = [];
  for (const key of target.occasions) {
    for (let y = from; y <= to; y++) {
      if (!chosen.some((o) => o.key === key && dateParts(o.date).year === y))
        missing.push(`${key} ${y}`);
    }
  }
  return missing;
}

/**
 * Follows up "under riskhelger" or named occasions: each occasion in a period needs an activity
 * during its risk weekend (see riskWeekendOf); in the current period only occasions that are over,
 * or already covered, are judged. A named occasion with no date in a period's year makes the
 * period 'needs-date' (unless a dated occasion was missed): it is never silently kept.
 */
export function evaluateOccasions(target: OccasionsTarget, ctx: FollowUpContext): PeriodResult[] {
  const named = target.occasions;
  const chosen = occasionsInSpan(ctx).filter(
    (o) => named === 'risk-weekends' || named.includes(o.key)
  );
  const active = activeDates(ctx.tallies, ctx.today);
  const judgedOccasions = chosen.map((o) => {
    const window = riskWeekendOf(o.date);
    return { occasion: o, window, covered: anyActive(active, window) };
  });
  return ctx.periods.map((p): PeriodResult => {
    const base = { start: p.start, end: p.end };
    const mine = judgedOccasions.filter((j) => inRange(j.occasion.date, p));
    // An undated occasion shows on its year's last period, and on the current one while the year runs.
    const thisYear = dateParts(ctx.today).year;
    const missing = missingDates(
      target,
      chosen,
      dateParts(p.start).year,
      dateParts(p.end).year
    ).filter((m) => {
      const y = Number(m.slice(-4));
      const yearEnd = `${y}-12-31`;
      return (
        (p.phase === 'current' && y === thisYear) ||
        (p.start <= yearEnd && yearEnd <= p.end) ||
        (p.end === ctx.span.end && dateParts(p.end).year === y)
      );
    });
    const note = missing.length > 0 ? `no date set for: ${missing.join(', ')}` : '';
    if (p.phase === 'upcoming')
      return {
        ...base,
        expected: mine.length,
        done: 0,
        status: 'upcoming',
        ...(note ? { detail: note } : {})
      };
    const judged =
      p.phase === 'closed' ? mine : mine.filter((j) => j.covered || j.window.end < ctx.today);
    const done = judged.filter((j) => j.covered).length;
    const uncovered = judged
      .filter((j) => !j.covered)
      .map((j) => `${j.occasion.key} ${j.occasion.date}`);
    const detail = [uncovered.length > 0 ? `no activity at: ${uncovered.join(', ')}` : '', note]
      .filter(Boolean)
      .join('; ');
    // A named occasion without a date this year can be neither kept nor missed: it needs a date.
    const status =
      judged.length > 0 && done < judged.length
        ? verdict(p.phase, false)
        : missing.length > 0
          ? 'needs-date'
          : judged.length === 0
            ? 'not-applicable'
            : verdict(p.phase, true);
    return { ...base, expected: judged.length, done, status, ...(detail ? { detail } : {}) };
  });
}
