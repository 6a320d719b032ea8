import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../test/support/databases';
import type { Ctx } from '../context';
import { rollupState } from '../db/repositories/follow-up/national-rollup.repository';
import { buildNationalDemo } from '../seed/national/national.service';
import { rollupRefreshJob } from './rollup-refresh.job';

describe.each(DATABASES)('the nightly roll-up job on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
    clock.set('2026-03-10T08:00:00Z');
    await buildNationalDemo(ctx, {
      activities: 500,
      seed: 2,
      codes: ['0114', '2480'],
      surveyEvery: 0
    });
  });
  afterAll(() => close());

  it('runs just after midnight Swedish time and computes this year and last year for the day', async () => {
    expect(rollupRefreshJob.nextRun(ctx, new Date('2026-03-10T08:00:00Z')).toISOString()).toBe(
      '2026-03-10T23:01:00.000Z'
    );
    clock.set('2026-03-10T23:01:00Z');
    await rollupRefreshJob.run(ctx);
    for (const year of [2026, 2025]) {
      const state = await rollupState(ctx.db, year);
      expect(state?.as_of, String(year)).toBe('2026-03-11');
    }
  });
});
