import { addDays } from '../../core';
import { stockholmDate } from '../../core/stockholm-date';
import { stockholmInstant } from '../../core/stockholm-time';
import { log } from '../log';
import { ensureFreshRollups } from '../services/follow-up/national-rollup.service';
import type { JobDefinition } from './job';

/**
 * Computes the roll-ups (/sverige) of this year and last year for the new day just after midnight
 * Swedish time, so the first visitor of the day does not wait for every agreement's follow-up to be
 * computed again (other years are computed when first asked for on a day).
 */
export const rollupRefreshJob: JobDefinition = {
  name: 'rollup-refresh',
  nextRun: (_ctx, after) => {
    const tomorrow = addDays(stockholmDate(after), 1);
    return new Date(stockholmInstant(tomorrow, 0).getTime() + 60_000);
  },
  run: async (ctx) => {
    const started = performance.now();
    const year = Number(stockholmDate(ctx.now()).slice(0, 4));
    await ensureFreshRollups(ctx, year);
    await ensureFreshRollups(ctx, year - 1);
    log('info', 'rollup.refresh', { year, ms: Math.round(performance.now() - started) });
  }
};
