import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { getAgreementView } from '../agreements/agreement-view.service';
import { logActivity } from '../logging/activity.service';
import {
  recordAudit,
  recordPendingAudit,
  sealAudit,
  verifyAudit,
  verifyAuditChain
} from './audit.service';

const waitingCount = async (ctx: Ctx) =>
  Number(
    (
      await ctx.db
        .selectFrom('audit_pending')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  );

const entry = (i: number) => ({
  actorId: 'user-1',
  organisationId: 'kommun-2417',
  action: 'measure.update',
  entity: 'measure',
  entityId: `m${i}`,
  after: { target: `Minst ${i} kontroller per månad` }
});

describe.each(DATABASES)('writes that keep up, on $kind', ({ kind }) => {
  describe('through the service', () => {
    let ctx: Ctx;
    let close: () => Promise<void>;
    let reporter: Actor;
    let measureId: string;
    beforeAll(async () => {
      ({ ctx, close } = await openTestContext(kind));
      const agreementId = await keepNorsjoRunning(ctx);
      reporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
      measureId = (await getAgreementView(ctx, agreementId, { includeInternal: true }))
        .revision!.groups.flatMap((g) => g.measures)
        .find((m) => m.key === 'trafikkontroller')!.id;
    });
    afterAll(() => close());

    it('200 reporters logging at once: every activity lands, chained, and the trail verifies', async () => {
      const before = await verifyAuditChain(ctx);
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          logActivity(ctx, reporter, { measureId, count: 1 + (i % 3), place: `Plats ${i}` })
        )
      );
      expect(results.every((r) => r.created)).toBe(true);
      const ids = results.map((r) => r.activity.id);
      expect(new Set(ids).size).toBe(200);
      // Each call returns only once its entry is chained: nothing is left waiting.
      expect(await waitingCount(ctx)).toBe(0);
      const chained = await ctx.db
        .selectFrom('audit_log')
        .select(['entity_id', 'row_hash'])
        .where('action', '=', 'activity.create')
        .where('entity_id', 'in', ids)
        .execute();
      expect(chained).toHaveLength(200);
      expect(chained.every((c) => c.row_hash !== null)).toBe(true);
      const after = await verifyAuditChain(ctx);
      expect(after).toEqual({ ok: true, entries: before.entries + 200 });
      const report = await verifyAudit(ctx);
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ ok: true, waiting: 0 });
      // The state recorded without reading the row back equals the row as stored.
      expect(report.rowsChecked).toBeGreaterThanOrEqual(200);
    });

    it('names an activity changed while its entry waits, and one removed with it', async () => {
      const { activity } = await logActivity(ctx, reporter, { measureId });
      // An entry that waits (its writer crashed before sealing): its state is what counts.
      await ctx.db.transaction().execute(async (trx) => {
        await sql`update activities set count = 7 where id = ${activity.id}`.execute(trx);
        await recordPendingAudit(
          trx,
          ctx.now(),
          { ...entry(0), entity: 'activity', entityId: activity.id },
          ctx.config.audit.key
        );
      });
      expect(await verifyAudit(ctx)).toMatchObject({ ok: true, waiting: 1 });
      await sql`update activities set count = 9 where id = ${activity.id}`.execute(ctx.db);
      const changed = await verifyAudit(ctx);
      expect(changed.problems.map((p) => [p.code, p.entityId])).toEqual([
        ['row changed', activity.id]
      ]);
      await sql`delete from activities where id = ${activity.id}`.execute(ctx.db);
      expect((await verifyAudit(ctx)).problems.map((p) => [p.code, p.entityId])).toEqual([
        ['row gone', activity.id]
      ]);
    });
  });

  describe('batched sealing, as a property', () => {
    let ctx: Ctx;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ ctx, close } = await openTestContext(kind, { seed: false }));
    });
    afterAll(() => close());

    const reset = async () => {
      for (const t of ['audit_log', 'audit_pending', 'audit_head'] as const)
        await ctx.db.deleteFrom(t).execute();
    };
    const key = () => ctx.config.audit.key;

    /** Writes (waiting, or chained directly as the old path does) and seals, in any order. */
    const step = fc.oneof(
      fc.record({ op: fc.constant('write' as const), n: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ op: fc.constant('direct' as const) }),
      fc.record({ op: fc.constant('seal' as const) })
    );
    const tamper = fc.oneof(
      fc.record({ how: fc.constant('alter' as const), at: fc.nat() }),
      fc.record({ how: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ how: fc.constant('reorder' as const), at: fc.nat(), with: fc.nat() })
    );

    const play = async (steps: { op: 'write' | 'direct' | 'seal'; n?: number }[]) => {
      let written = 0;
      for (const s of steps) {
        if (s.op === 'seal') await sealAudit(ctx.db, key());
        else if (s.op === 'direct')
          await ctx.db
            .transaction()
            .execute((trx) => recordAudit(trx, ctx.now(), entry(written++), key()));
        else
          await Promise.all(
            Array.from({ length: s.n ?? 1 }, () =>
              ctx.db
                .transaction()
                .execute((trx) => recordPendingAudit(trx, ctx.now(), entry(written++), key()))
            )
          );
      }
      return written;
    };

    it('any interleaving of writes and seals verifies; any altered, removed or reordered entry is found', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 1, maxLength: 8 }),
          tamper,
          async (steps, t) => {
            await reset();
            const written = await play(steps);
            fc.pre(written > 0);
            await sealAudit(ctx.db, key());
            expect(await waitingCount(ctx)).toBe(0);
            expect(await verifyAuditChain(ctx)).toEqual({ ok: true, entries: written });
            expect((await verifyAudit(ctx)).ok).toBe(true);
            const rows = await ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
            const at = Number(rows[t.at % rows.length]!.seq);
            if (t.how === 'alter')
              await sql`update audit_log set after_json = ${'{"target":"ändrad"}'} where seq = ${at}`.execute(
                ctx.db
              );
            else if (t.how === 'remove')
              await sql`delete from audit_log where seq = ${at}`.execute(ctx.db);
            else {
              const other = Number(rows[t.with % rows.length]!.seq);
              fc.pre(other !== at);
              // Swap two entries' places: each keeps its content and hash, under the other's number.
              await sql`update audit_log set seq = ${-1} where seq = ${at}`.execute(ctx.db);
              await sql`update audit_log set seq = ${at} where seq = ${other}`.execute(ctx.db);
              await sql`update audit_log set seq = ${other} where seq = ${-1}`.execute(ctx.db);
            }
            expect((await verifyAuditChain(ctx)).ok).toBe(false);
            expect((await verifyAudit(ctx)).ok).toBe(false);
          }
        ),
        { numRuns: kind === 'sqlite' ? 40 : 15 }
      );
    });

    it('an entry changed while it waits is never chained, and verify names it', async () => {
      await reset();
      await play([{ op: 'write', n: 3 }]);
      await sql`update audit_pending set after_json = ${'{"target":"ändrad"}'} where entity_id = ${'m1'}`.execute(
        ctx.db
      );
      expect(await sealAudit(ctx.db, key())).toBe(2);
      expect(await verifyAuditChain(ctx)).toEqual({ ok: true, entries: 2 });
      const report = await verifyAudit(ctx);
      expect(report.waiting).toBe(1);
      expect(report.problems.map((p) => [p.code, p.entityId])).toEqual([
        ['waiting entry changed', 'm1']
      ]);
    });

    it('a copied waiting entry is refused: its nonce is under the MAC', async () => {
      await reset();
      await play([{ op: 'write', n: 1 }]);
      await sql`insert into audit_pending (nonce, at, actor_id, organisation_id, action, entity, entity_id, before_json, after_json, row_hash, mac)
        select ${'copied-nonce'}, at, actor_id, organisation_id, action, entity, entity_id, before_json, after_json, row_hash, mac from audit_pending`.execute(
        ctx.db
      );
      expect(await sealAudit(ctx.db, key())).toBe(1);
      expect((await verifyAudit(ctx)).problems.map((p) => p.code)).toEqual([
        'waiting entry changed'
      ]);
    });
  });
});
