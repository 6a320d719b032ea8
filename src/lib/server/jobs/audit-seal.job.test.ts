import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../test/support/databases';
import type { Ctx } from '../context';
import { recordPendingAudit, verifyAudit } from '../services/shared/audit.service';
import { auditSealJob } from './audit-seal.job';
import { JOBS } from './registry';

describe.each(DATABASES)('the audit sealing job on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ ctx, close } = await openTestContext(kind, { seed: false }));
  });
  afterEach(() => close());

  it('chains entries a stopped process left waiting, every minute, and is a scheduled job', async () => {
    expect(JOBS).toContain(auditSealJob);
    const at = new Date('2026-11-27T10:00:00Z');
    expect(auditSealJob.nextRun(ctx, at).toISOString()).toBe('2026-11-27T10:01:00.000Z');
    for (let i = 0; i < 3; i++)
      await ctx.db.transaction().execute((trx) =>
        recordPendingAudit(
          trx,
          ctx.now(),
          {
            actorId: null,
            organisationId: null,
            action: 'measure.update',
            entity: 'measure',
            entityId: `m${i}`
          },
          ctx.config.audit.key
        )
      );
    expect(await verifyAudit(ctx)).toMatchObject({ ok: true, entries: 0, waiting: 3 });
    await auditSealJob.run(ctx);
    expect(await verifyAudit(ctx)).toMatchObject({ ok: true, entries: 3, waiting: 0 });
  });
});
