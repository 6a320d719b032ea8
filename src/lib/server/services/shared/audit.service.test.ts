import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { openNorsjoDemo } from '../../../../../test/support/factories';
import type { Ctx } from '../../context';
import { loadConfig, DEVELOPMENT_AUDIT_KEY, testDatabaseUrl } from '../../config';
import {
  createPgSchema,
  dropPgSchema,
  migrateToLatest,
  openDatabase,
  type DatabaseHandle
} from '../../db/connection';
import { migrations } from '../../db/migrations';
import { SYSTEM } from '../../auth/policy';
import { updateActivity } from '../logging/activity.service';
import {
  checkpointList,
  createCheckpoint,
  keyedHashOf,
  latestCheckpoint,
  legacyHashOf,
  parseCheckpointFile,
  publicCheckpoints,
  recordAudit,
  verifyAudit,
  verifyAuditChain
} from './audit.service';
import { ValidationError } from './errors';

/** What someone with write access to the database, but not the key, can read back. */
type StoredEntry = {
  seq: number;
  at: string;
  actor_id: string | null;
  organisation_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  scheme: number;
  row_hash: string | null;
};

const entries = async (ctx: Ctx): Promise<StoredEntry[]> =>
  (await ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).map((r) => ({
    ...r,
    seq: Number(r.seq),
    scheme: Number(r.scheme)
  }));

/** The tamperer rewrites entries from `from` on so every link and hash fits again. */
async function rewriteChain(
  ctx: Ctx,
  from: number,
  edit: (e: StoredEntry) => StoredEntry,
  rehash: (e: Omit<StoredEntry, 'hash'>) => string
): Promise<void> {
  const all = await entries(ctx);
  let prev = from === 1 ? '0'.repeat(64) : all[from - 2]!.hash;
  for (const e of all.slice(from - 1)) {
    const { hash: _old, ...changed } = { ...edit(e), prev_hash: prev };
    void _old;
    const hash = rehash(changed);
    await ctx.db
      .updateTable('audit_log')
      .set({ ...changed, hash })
      .where('seq', '=', e.seq)
      .execute();
    prev = hash;
  }
  await ctx.db.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
}

const problemCodes = async (
  ctx: Ctx,
  checkpoints = [] as Awaited<ReturnType<typeof createCheckpoint>>[]
) =>
  (await verifyAudit(ctx, { checkpoints: checkpoints.filter((c) => c !== null) })).problems.map(
    (p) => p.code
  );

describe.each(DATABASES)('the audit chain on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ ctx, close } = await openTestContext(kind, { seed: false }));
  });
  afterEach(() => close());

  const write = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await ctx.db.transaction().execute((trx) =>
        recordAudit(
          trx,
          ctx.now(),
          {
            actorId: 'user-1',
            organisationId: 'kommun-2417',
            action: 'measure.update',
            entity: 'measure',
            entityId: `m${i}`,
            before: { target: 'Minst 10 kontroller per månad' },
            after: { target: `Minst ${i} kontroller per månad` }
          },
          ctx.config.audit.key
        )
      );
    }
  };

  it('verifies an empty chain and a chain of keyed entries', async () => {
    expect(await verifyAuditChain(ctx)).toEqual({ ok: true, entries: 0 });
    await write(5);
    expect(await verifyAuditChain(ctx)).toEqual({ ok: true, entries: 5 });
    expect((await entries(ctx)).map((e) => e.scheme)).toEqual([1, 1, 1, 1, 1]);
    expect(await verifyAudit(ctx)).toMatchObject({ ok: true, entries: 5, problems: [] });
  });

  it('names the first entry whose content was changed by hand in the database', async () => {
    await write(5);
    await sql`update audit_log set after_json = ${'{"target":"Minst 1 kontroll per år"}'} where seq = 3`.execute(
      ctx.db
    );
    expect(await verifyAuditChain(ctx)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'content changed'
    });
  });

  it('case 1: an entry edited and the chain recomputed without the key is detected', async () => {
    await write(5);
    const edit = (e: StoredEntry) =>
      e.seq === 3 ? { ...e, after_json: '{"target":"Minst 1 kontroll per år"}' } : e;
    // With a guessed key, the first rewritten entry fails.
    await rewriteChain(ctx, 3, edit, (e) => keyedHashOf(Buffer.alloc(32, 7), e));
    const report = await verifyAudit(ctx);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ code: 'content changed', seq: 3 });
    expect(report.problems[0]!.message).toContain('post 3');
    // Downgraded to the old unkeyed scheme from that entry on: refused after keyed entries.
    await rewriteChain(ctx, 3, (e) => ({ ...edit(e), scheme: 0 }), legacyHashOf);
    expect((await verifyAudit(ctx)).problems[0]).toMatchObject({
      code: 'unkeyed entry after keyed entries',
      seq: 3
    });
  });

  it('case 1: a whole chain rewritten as unkeyed is caught by a saved checkpoint', async () => {
    await write(5);
    const saved = await createCheckpoint(ctx);
    await ctx.db.deleteFrom('audit_checkpoints').execute();
    await rewriteChain(
      ctx,
      1,
      (e) => ({ ...e, scheme: 0, after_json: e.seq === 3 ? '{"target":"ingen"}' : e.after_json }),
      legacyHashOf
    );
    // The chain alone looks like an old unkeyed one…
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
    // …but the saved checkpoint's head is no longer in it.
    const report = await verifyAudit(ctx, { checkpoints: [saved!] });
    expect(report.problems).toMatchObject([{ code: 'checkpoint head missing', seq: 5 }]);
    expect(report.problems[0]!.message).toContain('omskriven');
  });

  it('case 2: entries deleted from the end with the head rewound are caught by a checkpoint', async () => {
    await write(5);
    const saved = await createCheckpoint(ctx);
    const kept = (await entries(ctx))[2]!;
    await sql`delete from audit_log where seq > 3`.execute(ctx.db);
    await sql`delete from audit_checkpoints`.execute(ctx.db);
    await ctx.db
      .updateTable('audit_head')
      .set({ seq: 3, hash: kept.hash })
      .where('id', '=', 1)
      .execute();
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
    const report = await verifyAudit(ctx, { checkpoints: [saved!] });
    expect(report.ok).toBe(false);
    expect(report.problems).toMatchObject([{ code: 'checkpoint head missing', seq: 5 }]);
    expect(report.problems[0]!.message).toContain('saknas');
  });

  it('notices entries cut from the end when the head was not rewound, and one missing in the middle', async () => {
    await write(5);
    await sql`delete from audit_log where seq = 5`.execute(ctx.db);
    expect(await verifyAuditChain(ctx)).toMatchObject({
      ok: false,
      brokenAt: 5,
      reason: 'entries removed from the end'
    });
    await sql`delete from audit_log where seq = 2`.execute(ctx.db);
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('case 3: a forged entry appended without the key is detected', async () => {
    await write(3);
    const last = (await entries(ctx))[2]!;
    const forged = {
      seq: 4,
      at: ctx.now().toISOString(),
      actor_id: 'user-1',
      organisation_id: 'kommun-2417',
      action: 'measure.update',
      entity: 'measure',
      entity_id: 'm9',
      before_json: null,
      after_json: '{"target":"falsk"}',
      prev_hash: last.hash,
      scheme: 1,
      row_hash: null
    };
    for (const [scheme, hash] of [
      [1, keyedHashOf(Buffer.from('a guessed key of at least 32 bytes!!'), forged)],
      [0, legacyHashOf(forged)]
    ] as const) {
      await ctx.db.deleteFrom('audit_log').where('seq', '=', 4).execute();
      await ctx.db
        .insertInto('audit_log')
        .values({ ...forged, scheme, hash })
        .execute();
      await ctx.db.updateTable('audit_head').set({ seq: 4, hash }).where('id', '=', 1).execute();
      const report = await verifyAudit(ctx);
      expect(report.problems).toMatchObject([
        {
          code: scheme === 1 ? 'content changed' : 'unkeyed entry after keyed entries',
          seq: 4
        }
      ]);
    }
  });

  it('a checkpoint not made with the key is named', async () => {
    await write(2);
    const real = (await createCheckpoint(ctx))!;
    expect(await problemCodes(ctx, [real])).toEqual([]);
    expect(await problemCodes(ctx, [{ ...real, mac: 'f'.repeat(64) }])).toEqual([
      'checkpoint forged'
    ]);
  });

  it('an upgraded database with unkeyed entries before keyed ones still verifies', async () => {
    // Entries written by the code before migration 0015: the old hash, no scheme column set
    // (the migration's default, 0, applies), no row state.
    let prev = '0'.repeat(64);
    for (let seq = 1; seq <= 3; seq++) {
      const old = {
        seq,
        at: `2026-11-0${seq}T10:00:00.000Z`,
        actor_id: null,
        organisation_id: null,
        action: 'user.create',
        entity: 'user',
        entity_id: `u${seq}`,
        before_json: null,
        after_json: `{"email":"u${seq}@example.se"}`,
        prev_hash: prev
      };
      const hash = legacyHashOf({ ...old, scheme: 0, row_hash: null });
      await sql`insert into audit_log (seq, at, actor_id, organisation_id, action, entity, entity_id, before_json, after_json, prev_hash, hash)
        values (${seq}, ${old.at}, ${null}, ${null}, ${old.action}, ${old.entity}, ${old.entity_id}, ${null}, ${old.after_json}, ${prev}, ${hash})`.execute(
        ctx.db
      );
      prev = hash;
    }
    await ctx.db.insertInto('audit_head').values({ id: 1, seq: 3, hash: prev }).execute();
    expect(await verifyAuditChain(ctx)).toEqual({ ok: true, entries: 3 });
    await write(2);
    expect((await entries(ctx)).map((e) => e.scheme)).toEqual([0, 0, 0, 1, 1]);
    expect(await verifyAudit(ctx)).toMatchObject({ ok: true, entries: 5 });
    // An old entry edited and its old hash recomputed still breaks the keyed link after it.
    await rewriteChain(
      ctx,
      2,
      (e) => (e.seq === 2 ? { ...e, after_json: '{"email":"x@example.se"}' } : e),
      (e) => (e.scheme === 0 ? legacyHashOf(e) : keyedHashOf(Buffer.alloc(32), e))
    );
    expect((await verifyAudit(ctx)).problems[0]).toMatchObject({ code: 'content changed', seq: 4 });
  });

  it('keeps one unbroken chain when many writers append at once', async () => {
    await Promise.all(Array.from({ length: 8 }, () => write(3)));
    expect(await verifyAuditChain(ctx)).toEqual({ ok: true, entries: 24 });
  });

  it('checkpoints: one a day, the latest replaces the day’s earlier one, public fields only', async () => {
    expect(await createCheckpoint(ctx)).toBeNull();
    await write(2);
    const first = await createCheckpoint(ctx);
    await write(1);
    const second = await createCheckpoint(ctx);
    expect(first).toMatchObject({ day: '2026-11-27', seq: 2 });
    expect(second).toMatchObject({ day: '2026-11-27', seq: 3 });
    const published = { ...second, at: '2026-11-27T10:00:00.000Z' };
    expect(await publicCheckpoints(ctx)).toEqual([published]);
    expect(await latestCheckpoint(ctx)).toEqual(published);
    expect(Object.keys(second!).sort()).toEqual(['day', 'head', 'mac', 'seq']);
    // The published list is itself a checkpoint file.
    const list = await checkpointList(ctx, 'https://loften.example.se');
    expect(parseCheckpointFile(JSON.stringify(list))).toEqual([second]);
  });
});

describe.each(DATABASES)('audited tables agree with the trail on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ ctx, close } = await openNorsjoDemo(kind));
  });
  afterEach(() => close());

  /** The last activity by id (on a later page of the check when there are many) and the first. */
  const someActivity = async () => {
    const ids = (await ctx.db.selectFrom('activities').select('id').orderBy('id').execute()).map(
      (r) => r.id
    );
    // The demo has more activities than one page of the check (500), so paging is exercised.
    expect(ids.length).toBeGreaterThan(500);
    return [ids.at(-1)!, ids[0]!];
  };

  it('a clean demo database verifies; demo rows without entries are counted, not failed', async () => {
    const [a] = await someActivity();
    await updateActivity(ctx, SYSTEM, a!, { count: 7 });
    const report = await verifyAudit(ctx);
    expect(report).toMatchObject({ ok: true, problems: [], rowsChecked: 1 });
    expect(report.rowsNotCovered).toBeGreaterThan(0);
  });

  it('case 4: an activity changed without an entry is named', async () => {
    const [a, b] = await someActivity();
    await updateActivity(ctx, SYSTEM, a!, { count: 7 });
    await updateActivity(ctx, SYSTEM, b!, { count: 3 });
    await ctx.db.updateTable('activities').set({ count: 70 }).where('id', '=', a!).execute();
    const report = await verifyAudit(ctx);
    expect(report.ok).toBe(false);
    expect(report.problems).toMatchObject([
      { code: 'row changed', entity: 'activity', entityId: a }
    ]);
    expect(report.problems[0]!.message).toContain(a!);
  });

  it('case 4: an activity deleted without an entry is named; a soft delete with an entry is fine', async () => {
    const [a, b] = await someActivity();
    await updateActivity(ctx, SYSTEM, a!, { count: 7 });
    await updateActivity(ctx, SYSTEM, b!, { count: 3 });
    const { deleteActivity } = await import('../logging/activity.service');
    await deleteActivity(ctx, SYSTEM, b!);
    expect((await verifyAudit(ctx)).ok).toBe(true);
    await ctx.db.deleteFrom('activities').where('id', '=', a!).execute();
    expect((await verifyAudit(ctx)).problems).toMatchObject([
      { code: 'row gone', entity: 'activity', entityId: a }
    ]);
  });
});

describe.each(DATABASES)('upgrading a database with an unkeyed trail on $kind', ({ kind }) => {
  it('keeps verifying the old entries after migration 0015, then requires keyed ones', async () => {
    let handle: DatabaseHandle;
    let drop = async () => {};
    let pgSchema: string | null = null;
    if (kind === 'sqlite') handle = openDatabase({ kind: 'sqlite', path: ':memory:' });
    else {
      const url = testDatabaseUrl()!;
      pgSchema = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
      await createPgSchema(url, pgSchema);
      handle = openDatabase({ kind: 'postgresql', url }, { pgSchema });
      drop = () => dropPgSchema(url, pgSchema!);
    }
    try {
      // The database as it was before the keyed trail: migrated up to 0012 only.
      const migrator = new Migrator({
        db: handle.db,
        provider: { getMigrations: async () => migrations },
        ...(pgSchema ? { migrationTableSchema: pgSchema } : {})
      });
      expect((await migrator.migrateTo('0012-document-imports')).error).toBeUndefined();
      // Entries exactly as the old code wrote them (its SHA-256 over the same fields).
      let prev = '0'.repeat(64);
      for (let seq = 1; seq <= 3; seq++) {
        const at = `2026-11-0${seq}T10:00:00.000Z`;
        const after = `{"email":"u${seq}@example.se"}`;
        const hash = createHash('sha256')
          .update(
            JSON.stringify([
              seq,
              at,
              null,
              null,
              'user.create',
              'user',
              `u${seq}`,
              null,
              after,
              prev
            ])
          )
          .digest('hex');
        await sql`insert into audit_log (seq, at, actor_id, organisation_id, action, entity, entity_id, before_json, after_json, prev_hash, hash)
          values (${seq}, ${at}, ${null}, ${null}, ${'user.create'}, ${'user'}, ${`u${seq}`}, ${null}, ${after}, ${prev}, ${hash})`.execute(
          handle.db
        );
        prev = hash;
      }
      await sql`insert into audit_head (id, seq, hash) values (1, 3, ${prev})`.execute(handle.db);

      await migrateToLatest(handle.db);
      const ctx: Ctx = {
        db: handle.db,
        dbKind: handle.kind,
        config: loadConfig({ LOFTEN_DEMO: 'false' }),
        now: () => new Date('2026-12-03T10:00:00Z')
      };
      expect(await verifyAudit(ctx)).toMatchObject({ ok: true, entries: 3 });
      await ctx.db.transaction().execute((trx) =>
        recordAudit(
          trx,
          ctx.now(),
          {
            actorId: null,
            organisationId: null,
            action: 'user.create',
            entity: 'user',
            entityId: 'u4'
          },
          ctx.config.audit.key
        )
      );
      expect(await verifyAudit(ctx)).toMatchObject({ ok: true, entries: 4, problems: [] });
      expect((await entries(ctx)).map((e) => e.scheme)).toEqual([0, 0, 0, 1]);
    } finally {
      await handle.close();
      await drop();
    }
  });
});

describe('the audit key and checkpoint files', () => {
  it('reads AUDIT_HMAC_KEY as hex or base64 of at least 32 bytes, and refuses production without it', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ AUDIT_HMAC_KEY: hex }).audit).toEqual({
      key: Buffer.from(hex, 'hex'),
      development: false
    });
    const b64 = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig({ AUDIT_HMAC_KEY: b64 }).audit.key).toEqual(Buffer.alloc(32, 9));
    expect(() => loadConfig({ AUDIT_HMAC_KEY: 'ab'.repeat(16) })).toThrow(
      /AUDIT_HMAC_KEY: expected at least 32/
    );
    expect(loadConfig({}).audit).toEqual({ key: DEVELOPMENT_AUDIT_KEY, development: true });
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /AUDIT_HMAC_KEY: must be set in production/
    );
  });

  it('reads one checkpoint, a list, or a saved copy of the feed, and names what is wrong', () => {
    const c = { day: '2026-12-03', seq: 12, head: 'a'.repeat(64), mac: 'b'.repeat(64) };
    expect(parseCheckpointFile(JSON.stringify(c))).toEqual([c]);
    expect(parseCheckpointFile(JSON.stringify([c, c]))).toHaveLength(2);
    expect(parseCheckpointFile(JSON.stringify({ instance: 'x', checkpoints: [c] }))).toEqual([c]);
    expect(() => parseCheckpointFile('inte json')).toThrow(ValidationError);
    try {
      parseCheckpointFile(JSON.stringify({ ...c, head: 'kort' }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields).toContainEqual({
        field: 'checkpoint.head',
        message: 'ska vara 64 hexadecimala tecken'
      });
    }
  });
});
