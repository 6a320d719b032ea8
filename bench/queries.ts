import type { KyselyPlugin, QueryId } from 'kysely';
import type { Ctx } from '../src/lib/server/context';

/** Queries issued and time spent waiting for the database, since the last reset. */
export type QueryStats = { queries: number; dbMs: number };

/**
 * Wraps ctx.db with a plugin that counts queries and the wall time during which at least one
 * query was in flight (queries run in parallel by Promise.all are not counted twice), so the
 * follow-up's time splits into database time and JavaScript time.
 */
export function instrument(ctx: Ctx): { ctx: Ctx; reset: () => QueryStats } {
  let stats: QueryStats = { queries: 0, dbMs: 0 };
  const started = new Map<QueryId, number>();
  let busySince = 0;
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      stats.queries++;
      if (started.size === 0) busySince = performance.now();
      started.set(args.queryId, performance.now());
      return args.node;
    },
    async transformResult(args) {
      started.delete(args.queryId);
      if (started.size === 0) stats.dbMs += performance.now() - busySince;
      return args.result;
    }
  };
  return {
    ctx: { ...ctx, db: ctx.db.withPlugin(plugin) },
    reset: () => {
      const s = stats;
      stats = { queries: 0, dbMs: 0 };
      return s;
    }
  };
}
