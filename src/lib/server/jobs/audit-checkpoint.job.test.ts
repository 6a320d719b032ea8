import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../test/support/databases';
import type { Ctx } from '../context';
import { latestCheckpoint, recordAudit } from '../services/shared/audit.service';
import { auditCheckpointJob } from './audit-checkpoint.job';
import { JOBS, runDueJobs } from './runner';

describe.each(DATABASES)('the daily audit checkpoint on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ ctx, clock, close } = await openTestContext(kind, { seed: false }));
  });
  afterEach(() => close());

  it('runs at 23:55 Swedish time every day and is one of the scheduled jobs', () => {
    expect(JOBS).toContain(auditCheckpointJob);
    // 2026-11-27 is winter time: 23:55 in Sweden is 22:55 UTC.
    expect(auditCheckpointJob.nextRun(ctx, new Date('2026-11-27T10:00:00Z')).toISOString()).toBe(
      '2026-11-27T22:55:00.000Z'
    );
    expect(auditCheckpointJob.nextRun(ctx, new Date('2026-11-27T22:55:00Z')).toISOString()).toBe(
      '2026-11-28T22:55:00.000Z'
    );
    // Summer time: 21:55 UTC.
    expect(auditCheckpointJob.nextRun(ctx, new Date('2026-06-10T08:00:00Z')).toISOString()).toBe(
      '2026-06-10T21:55:00.000Z'
    );
  });

  it('publishes the head as the day’s checkpoint when it is due', async () => {
    await ctx.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        ctx.now(),
        {
          actorId: null,
          organisationId: null,
          action: 'measure.update',
          entity: 'measure',
          entityId: 'm1'
        },
        ctx.config.audit.key
      )
    );
    expect(await runDueJobs(ctx, 'test', [auditCheckpointJob])).toEqual([]);
    expect(await latestCheckpoint(ctx)).toBeNull();
    clock.set('2026-11-27T22:56:00Z');
    expect(await runDueJobs(ctx, 'test', [auditCheckpointJob])).toEqual(['audit-checkpoint']);
    expect(await latestCheckpoint(ctx)).toMatchObject({ day: '2026-11-27', seq: 1 });
  });
});
