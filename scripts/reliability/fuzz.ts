/**
 * `npm run fuzz`: property-based fuzzing of every /api/v1 operation from the OpenAPI document the
 * server serves. Without --base-url it starts the production build on a fresh database with the
 * Norsjö demo (SQLite, or PostgreSQL with --database postgresql), makes a reporter with a token
 * and plans a walk; with --base-url it uses that server and --token. Prints counts per operation;
 * exits 1 on a 5xx or an answer the document does not declare, with the shrunk counterexample.
 */
import { z } from 'zod';
import { makeReporters } from './fixtures';
import { discoverHints, ownActivities } from './fuzz/hints';
import { runFuzz } from './fuzz/run';
import { buildDir, freshDatabase, loadAverage, startServer, useRunAuditKey } from './harness';
import { dialect, parseOptions, whole } from './options';
import { actorFor } from '../../src/lib/server/services/accounts/auth.service';
import { findUserIdByEmail } from '../../src/lib/server/services/accounts/user.service';
import { planWalk, walkableMeasures } from '../../src/lib/server/services/walks/walk.service';

const USAGE = `npm run fuzz -- [--runs 200] [--seed 1] [--database sqlite|postgresql]
                  [--server <build dir>] [--only <operationId regex>]
npm run fuzz -- --base-url http://127.0.0.1:3000 --token <a reporter's API token> [--runs 200]
PostgreSQL: DATABASE_URL or TEST_DATABASE_URL (a fresh schema is made and dropped).`;

async function main() {
  useRunAuditKey();
  const argv = process.argv.slice(2);
  const o = parseOptions(
    argv,
    {
      runs: whole('runs', 1, 100_000, 200),
      seed: whole('seed', 0, 2 ** 31 - 1, Date.now() % 2 ** 31),
      database: dialect,
      'base-url': z
        .url({ message: '--base-url: expected a URL like http://127.0.0.1:3000' })
        .optional(),
      token: z.string().optional(),
      only: z.string().optional(),
      server: z.string().optional()
    },
    USAGE
  );
  const only = o.only ? new RegExp(o.only) : undefined;
  const started = Date.now();
  let baseUrl = o['base-url'];
  let token = o.token;
  let extra: Record<string, string[]> = {};
  let cleanup = async () => {};
  if (baseUrl) {
    if (!token) throw new Error('--token is needed with --base-url (a reporter’s API token)');
  } else {
    const db = await freshDatabase(o.database);
    const server = await startServer(db, { build: buildDir(argv) });
    const ctx = db.open();
    cleanup = async () => {
      await server.stop();
      await ctx.close();
      await db.drop();
    };
    try {
      const { reporters, measures, agreementId } = await makeReporters(ctx, 1);
      token = reporters[0]!.token;
      const editorId = await findUserIdByEmail(ctx, 'kommun@demo.loften.se');
      const editor = editorId ? await actorFor(ctx, editorId) : null;
      const { measures: walkable } = await walkableMeasures(ctx, editor, agreementId);
      await planWalk(ctx, editor, agreementId, {
        measureKey: walkable[0]!.key,
        kind: 'trygghetsvandring',
        area: 'Centrum',
        meetingPoint: 'Torget',
        date: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
        startTime: '18:00',
        endTime: '20:00',
        invitedGroups: 'Boende'
      });
      const walks = await ctx.db.selectFrom('walks').select('id').execute();
      extra = {
        measureId: measures.map((m) => m.id),
        'walks.id': walks.map((w) => w.id),
        'activities.id': await ownActivities(server.url, token, measures)
      };
      baseUrl = server.url;
      console.log(
        `Server ${server.url} on ${o.database} (${db.where}), seed ${o.seed}, ${o.runs} runs per operation`
      );
    } catch (e) {
      await cleanup();
      throw e;
    }
  }
  try {
    const hints = await discoverHints(baseUrl, token!, extra);
    const results = await runFuzz(
      { baseUrl, runs: o.runs, seed: o.seed, token: token!, hints, only },
      (line) => console.log(line)
    );
    const requests = results.reduce((n, r) => n + r.requests, 0);
    const failed = results.filter((r) => r.failure);
    console.log(
      `\n${results.length} operations, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(load ${await loadAverage()}): ${failed.length ? `${failed.length} FAILED` : 'no 5xx, every answer as documented'}. ` +
        `Again: --seed ${o.seed}`
    );
    process.exitCode = failed.length ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
