import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import type { Ctx } from '../../context';
import { recordAudit, verifyAuditChain } from './audit.service';

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
        recordAudit(trx, ctx.now(), {
          actorId: 'user-1',
          organisationId: 'kommun-2417',
          action: 'measure.update',
          entity: 'measure',
          entityId: `m${i}`,
          before: { target: 'Minst 10 kontroller per månad' },
          after: { target: `Minst ${i} kontroller per månad` }
        })
      );
    }
  };

  it('verifies an empty chain and a chain of entries', async () => {
    expect(await verifyAuditChain(ctx)).toEqual({ ok: true, entries: 0 });
    await write(5);
    expect(await verifyAuditChain(ctx)).toEqual({ ok: true, entries: 5 });
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

  it('notices an entry removed from the middle and entries cut from the end', async () => {
    await write(5);
    await sql`delete from audit_log where seq = 2`.execute(ctx.db);
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('notices entries cut from the end of the chain', async () => {
    await write(5);
    await sql`delete from audit_log where seq = 5`.execute(ctx.db);
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('keeps one unbroken chain when many writers append at once', async () => {
    await Promise.all(Array.from({ length: 8 }, () => write(3)));
    expect(await verifyAuditChain(ctx)).toEqual({ ok: true, entries: 24 });
  });
});
