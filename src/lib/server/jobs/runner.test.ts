import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../test/support/databases';
import type { Ctx } from '../context';
import { findJob } from '../db/repositories/shared/job.repository';
import { claimDueJob, ensureJobs, JOBS, runDueJobs, type JobDefinition } from './runner';

describe.each(DATABASES)('scheduled jobs on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let runs = 0;
  let fail = false;
  // The claim tests watch the weekly digest alone (the daily audit checkpoint is due too by then).
  const digest = JOBS.filter((j) => j.name === 'weekly-digest');
  const hourly: JobDefinition = {
    name: 'test-hourly',
    nextRun: (_ctx, after) => new Date(after.getTime() + 3_600_000),
    run: async () => {
      runs++;
      if (fail) throw new Error('SMTP refused kim@example.se');
    }
  };
  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind, { seed: false }));
  });
  afterAll(() => close());

  it('schedules the weekly digest for the next Monday at seven, Swedish time', async () => {
    await ensureJobs(ctx);
    await ensureJobs(ctx);
    expect(await findJob(ctx.db, 'weekly-digest')).toMatchObject({
      run_after: '2026-11-30T06:00:00.000Z',
      locked_by: null
    });
    expect(await claimDueJob(ctx, 'server-a')).toBeNull();
  });

  it('lets exactly one of several servers claim a due job at the same moment', async () => {
    clock.set('2026-11-30T06:00:01Z');
    const owners = Array.from({ length: 8 }, (_, i) => `server-${i}`);
    const claims = await Promise.all(owners.map((o) => claimDueJob(ctx, o, digest)));
    expect(claims.filter(Boolean).map((j) => j?.name)).toEqual(['weekly-digest']);
    const row = await findJob(ctx.db, 'weekly-digest');
    expect(owners).toContain(row?.locked_by);
    expect(await claimDueJob(ctx, 'server-late', digest)).toBeNull();
  });

  it('frees the job of a server that died once its lease has passed', async () => {
    clock.advance(31 * 60_000);
    expect((await claimDueJob(ctx, 'server-b', digest))?.name).toBe('weekly-digest');
    expect((await findJob(ctx.db, 'weekly-digest'))?.locked_by).toBe('server-b');
  });

  it('runs a due job once across two servers and schedules its next run', async () => {
    await ensureJobs(ctx, [hourly]);
    clock.advance(3_600_000);
    const [a, b] = await Promise.all([
      runDueJobs(ctx, 'server-a', [hourly]),
      runDueJobs(ctx, 'server-b', [hourly])
    ]);
    expect([...a, ...b]).toEqual(['test-hourly']);
    expect(runs).toBe(1);
    const row = await findJob(ctx.db, 'test-hourly');
    expect(row).toMatchObject({ locked_by: null, last_error: null });
    expect(Date.parse(row!.run_after)).toBe(ctx.now().getTime() + 3_600_000);
    expect(await runDueJobs(ctx, 'server-a', [hourly])).toEqual([]);
  });

  it('keeps the error without addresses and tries a failed job again a quarter later', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fail = true;
    clock.advance(3_600_000);
    expect(await runDueJobs(ctx, 'server-a', [hourly])).toEqual(['test-hourly']);
    const row = await findJob(ctx.db, 'test-hourly');
    expect(row?.last_error).toBe('SMTP refused <adress>');
    expect(Date.parse(row!.run_after)).toBe(ctx.now().getTime() + 15 * 60_000);
    vi.restoreAllMocks();
  });

  it('knows the weekly digest', () => {
    expect(JOBS.map((j) => j.name)).toContain('weekly-digest');
  });
});
