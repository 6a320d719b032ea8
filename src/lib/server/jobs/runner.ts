import { hostname } from 'node:os';
import type { Ctx } from '../context';
import {
  dueJobNames,
  ensureJobRow,
  finishJob,
  lockJob
} from '../db/repositories/shared/job.repository';
import { log } from '../log';
import type { JobDefinition } from './job';
import { JOBS } from './registry';

// The registry lists the jobs and the jobs know only job.ts, so nothing imports the runner back.
export type { JobDefinition } from './job';
export { JOBS } from './registry';

/** How long a claimed job stays locked; a server that dies mid-run frees it when this passes. */
const LEASE_MS = 30 * 60_000;
/** After a failed run, try again this much later. */
const RETRY_MS = 15 * 60_000;

/** A name for this process among the app servers. */
export const workerId = (): string =>
  `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;

/** Adds the rows of jobs that have none yet, first due at their next scheduled time. */
export async function ensureJobs(ctx: Ctx, jobs: readonly JobDefinition[] = JOBS): Promise<void> {
  for (const job of jobs)
    await ensureJobRow(ctx.db, job.name, job.nextRun(ctx, ctx.now()).toISOString());
}

/**
 * Claims one due job for `owner`: the first due, unlocked job that this caller manages to lock
 * with an atomic UPDATE … WHERE locked_until < now; null when none is due or others got them.
 */
export async function claimDueJob(
  ctx: Ctx,
  owner: string,
  jobs: readonly JobDefinition[] = JOBS
): Promise<JobDefinition | null> {
  const now = ctx.now();
  const names = await dueJobNames(
    ctx.db,
    now.toISOString(),
    jobs.filter((j) => j.enabled?.(ctx) ?? true).map((j) => j.name)
  );
  for (const name of names) {
    const until = new Date(now.getTime() + LEASE_MS).toISOString();
    if (await lockJob(ctx.db, name, owner, now.toISOString(), until))
      return jobs.find((j) => j.name === name) ?? null;
  }
  return null;
}

/** An error's message without e-mail addresses, for the job row. */
const scrub = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).replace(/\S+@\S+/g, '<adress>').slice(0, 500);

/** Runs every job that is due and that this owner claims; the names run. */
export async function runDueJobs(
  ctx: Ctx,
  owner: string = workerId(),
  jobs: readonly JobDefinition[] = JOBS
): Promise<string[]> {
  await ensureJobs(ctx, jobs);
  const ran: string[] = [];
  // Each job at most once per call, even if its next run were already due.
  const left = () => jobs.filter((j) => !ran.includes(j.name));
  for (
    let job = await claimDueJob(ctx, owner, left());
    job;
    job = await claimDueJob(ctx, owner, left())
  ) {
    ran.push(job.name);
    let error: string | null = null;
    try {
      await job.run(ctx);
    } catch (e) {
      error = scrub(e);
      log('error', 'job.failed', { job: job.name, error });
    }
    const done = ctx.now();
    const next = error ? new Date(done.getTime() + RETRY_MS) : job.nextRun(ctx, done);
    await finishJob(ctx.db, job.name, owner, done.toISOString(), next.toISOString(), error);
  }
  return ran;
}

/** A running poller; stop waits for a run in progress. */
export type JobRunner = { stop: () => Promise<void> };

/** Polls for due jobs every `intervalMs` on an unref'd timer, so it never keeps a process alive. */
export function startJobRunner(
  ctx: Ctx,
  options: { intervalMs?: number; jobs?: readonly JobDefinition[] } = {}
): JobRunner {
  const owner = workerId();
  let current: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    current = runDueJobs(ctx, owner, options.jobs ?? JOBS)
      .catch((e) => log('error', 'job.runner', { error: scrub(e) }))
      .finally(() => (busy = false));
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    }
  };
}

/** Starts the job runner and returns a close that stops it before closing the database. */
export function withJobRunner(ctx: Ctx, close: () => Promise<void>): () => Promise<void> {
  const runner = startJobRunner(ctx);
  return async () => {
    await runner.stop();
    await close();
  };
}
