import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import type { ActivityTable } from '../../db/schema';
import { verifyAudit } from '../shared/audit.service';
import { writeActivity } from './activity-batch';

describe.each(DATABASES)('activities written in batches on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let reporterId: string;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx);
    reporterId = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).id;
  });
  afterAll(() => close());

  const row = (over: Partial<ActivityTable> = {}): ActivityTable => ({
    id: newId(),
    agreement_id: agreementId,
    measure_key: 'trafikkontroller',
    occurred_on: '2026-11-20',
    count: 1,
    shifts: 0,
    duration_minutes: null,
    grade: null,
    place: null,
    note: null,
    organisation_id: 'lpo-skelleftea',
    created_by: reporterId,
    created_at: ctx.now().toISOString(),
    deleted_at: null,
    idempotency_key: null,
    demo: 0,
    publication: 'monthly',
    publish_after: '2026-12-01',
    party_ids: '[]',
    updated_at: null,
    updated_by: null,
    ...over
  });
  const entry = (r: ActivityTable) => ({
    actorId: reporterId,
    organisationId: r.organisation_id,
    action: 'activity.create',
    entity: 'activity',
    entityId: r.id,
    after: { measure: r.measure_key, date: r.occurred_on, count: r.count },
    state: r
  });
  const stored = async (ids: string[]) =>
    (await ctx.db.selectFrom('activities').select('id').where('id', 'in', ids).execute()).map(
      (r) => r.id
    );
  const entries = async (ids: string[]) =>
    (
      await ctx.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('action', '=', 'activity.create')
        .where('entity_id', 'in', ids)
        .execute()
    ).map((r) => r.entity_id);

  it('a row that cannot be stored fails only its own write; the others land with their entries', async () => {
    const good = Array.from({ length: 30 }, () => row());
    // An agreement that does not exist breaks the foreign key: the whole batch's transaction fails.
    const bad = row({ agreement_id: 'no-such-agreement' });
    const all = [...good.slice(0, 15), bad, ...good.slice(15)];
    const results = await Promise.allSettled(all.map((r) => writeActivity(ctx, r, entry(r))));
    expect(results[15]!.status).toBe('rejected');
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    expect(fulfilled).toHaveLength(30);
    expect(fulfilled.every((r) => r.value === true)).toBe(true);
    const ids = good.map((r) => r.id);
    expect((await stored(ids)).sort()).toEqual([...ids].sort());
    expect((await entries(ids)).sort()).toEqual([...ids].sort());
    expect(await stored([bad.id])).toEqual([]);
    expect(await entries([bad.id])).toEqual([]);
    expect((await verifyAudit(ctx)).problems).toEqual([]);
  });

  it('one idempotency key sent many times at once is written once, with one entry', async () => {
    const key = `batch-${newId()}`;
    const copies = Array.from({ length: 20 }, () => row({ idempotency_key: key }));
    const written = await Promise.all(copies.map((r) => writeActivity(ctx, r, entry(r))));
    expect(written.filter(Boolean)).toHaveLength(1);
    const ids = copies.map((r) => r.id);
    expect(await stored(ids)).toHaveLength(1);
    expect(await entries(ids)).toEqual(await stored(ids));
    expect((await verifyAudit(ctx)).problems).toEqual([]);
  });
});
