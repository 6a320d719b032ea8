import type { Ctx } from '../context';

/** A job: its name (its row in `jobs`), when it runs next after a run, and what it does. */
export type JobDefinition = {
  name: string;
  nextRun: (ctx: Ctx, after: Date) => Date;
  run: (ctx: Ctx) => Promise<void>;
  /** When false the job is neither claimed nor run (e.g. a feature switched off in the config). */
  enabled?: (ctx: Ctx) => boolean;
};
