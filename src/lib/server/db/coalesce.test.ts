import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../test/support/factories';
import type { Ctx } from '../context';
import { createApiToken, revokeApiToken } from '../services/accounts/token.service';
import { hashSecret } from '../auth/tokens';
import { coalesced } from './coalesce';
import { findLiveToken } from './repositories/accounts/token.repository';
import { userWithMemberships } from './repositories/accounts/user.repository';
import { measureForLogging } from './repositories/logging/activity.repository';
import { norsjoIds } from '../seed/norsjo.service';
import type { Executor } from './types';

const KOMMUN = norsjoIds().municipality;

describe.each(DATABASES)('lookups that arrive together on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    await keepNorsjoRunning(ctx);
  });
  afterAll(() => close());

  /** Users by id, counting the queries and the keys each was sent. */
  const counted = () => {
    const calls: string[][] = [];
    const load = async (db: Executor, ids: string[]) => {
      calls.push(ids);
      const rows = await db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    };
    return { calls, load };
  };

  it('go to the database as one query with each key once, and each caller gets its own row', async () => {
    const users = await Promise.all(
      [1, 2, 3].map(() => makeUser(ctx, 'reporter', 'lpo-skelleftea'))
    );
    const { calls, load } = counted();
    const asked = [...users, ...users, ...users].map((u) => u.id).concat('no-such-user');
    const got = await Promise.all(asked.map((id) => coalesced(ctx.db, load, id)));
    expect(calls).toHaveLength(1);
    expect([...calls[0]!].sort()).toEqual([...new Set(asked)].sort());
    expect(got).toEqual([...users, ...users, ...users].map((u) => u.name).concat([undefined!]));
  });

  it('asked in different turns of the event loop go as separate queries (nothing is cached)', async () => {
    const user = await makeUser(ctx, 'reporter', 'lpo-skelleftea');
    const { calls, load } = counted();
    expect(await coalesced(ctx.db, load, user.id)).toBe(user.name);
    await ctx.db
      .updateTable('users')
      .set({ name: 'Nytt namn' })
      .where('id', '=', user.id)
      .execute();
    expect(await coalesced(ctx.db, load, user.id)).toBe('Nytt namn');
    expect(calls).toHaveLength(2);
  });

  it('asked while a query of the same kind is on its way go together in the next one', async () => {
    const users = await Promise.all(
      [1, 2, 3].map(() => makeUser(ctx, 'reporter', 'lpo-skelleftea'))
    );
    const { calls, load } = counted();
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const slow = async (db: Executor, ids: string[]) => {
      if (calls.length === 0) await held.then(() => undefined);
      return load(db, ids);
    };
    const first = coalesced(ctx.db, slow, users[0]!.id);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [coalesced(ctx.db, slow, users[1]!.id)];
    await new Promise((resolve) => setImmediate(resolve));
    later.push(coalesced(ctx.db, slow, users[2]!.id));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(0);
    answer();
    expect(await Promise.all([first, ...later])).toEqual(users.map((u) => u.name));
    expect(calls).toEqual([[users[0]!.id], [users[1]!.id, users[2]!.id]]);
  });

  it('with a key the database refuses fail only the lookups of that key', async () => {
    const users = await Promise.all([1, 2].map(() => makeUser(ctx, 'reporter', 'lpo-skelleftea')));
    const { calls, load } = counted();
    // PostgreSQL refuses a NUL character in text outright; SQLite finds nothing.
    const poisoned = 'x\u0000y';
    const asked = [users[0]!.id, poisoned, users[1]!.id];
    const got = await Promise.allSettled(asked.map((id) => coalesced(ctx.db, load, id)));
    expect(got[0]).toEqual({ status: 'fulfilled', value: users[0]!.name });
    expect(got[2]).toEqual({ status: 'fulfilled', value: users[1]!.name });
    if (kind === 'postgresql') {
      expect(got[1]!.status).toBe('rejected');
      // The batch failed, then each key went alone.
      expect(calls).toEqual([asked, [asked[0]], [asked[1]], [asked[2]]]);
    } else {
      expect(got[1]).toEqual({ status: 'fulfilled', value: undefined });
      expect(calls).toEqual([asked]);
    }
  });

  it('inside a transaction see its own writes', async () => {
    const user = await makeUser(ctx, 'reporter', 'lpo-skelleftea');
    const { calls, load } = counted();
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ name: 'I transaktionen' })
          .where('id', '=', user.id)
          .execute();
        expect(await coalesced(trx, load, user.id)).toBe('I transaktionen');
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
    expect(await coalesced(ctx.db, load, user.id)).toBe(user.name);
    expect(calls).toHaveLength(2);
  });

  it('give the same accounts, tokens and measures as one lookup at a time', async () => {
    const a = await makeUser(ctx, 'reporter', 'lpo-skelleftea');
    const b = await makeUser(ctx, 'editor', KOMMUN);
    const [one, two] = await Promise.all([
      userWithMemberships(ctx.db, a.id),
      userWithMemberships(ctx.db, b.id)
    ]);
    expect(one).toEqual({
      name: a.name,
      email: a.email,
      disabled_at: null,
      memberships: [{ organisationId: 'lpo-skelleftea', role: 'reporter' }]
    });
    expect(two?.memberships).toEqual([{ organisationId: KOMMUN, role: 'editor' }]);
    expect(await userWithMemberships(ctx.db, 'no-such-user')).toBeUndefined();

    const { token } = await createApiToken(ctx, a.actor, { name: 'Rapportverktyg' });
    const { token: other, view } = await createApiToken(ctx, b.actor, { name: 'Annat verktyg' });
    const [ta, tb] = await Promise.all([
      findLiveToken(ctx.db, hashSecret(token)),
      findLiveToken(ctx.db, hashSecret(other))
    ]);
    expect(ta?.user_id).toBe(a.id);
    expect(tb).toMatchObject({ id: view.id, user_id: b.id });
    await revokeApiToken(ctx, b.actor, view.id);
    expect(await findLiveToken(ctx.db, hashSecret(other))).toBeUndefined();

    const ids = await ctx.db.selectFrom('measures').select('id').limit(5).execute();
    const together = await Promise.all(ids.map((m) => measureForLogging(ctx.db, m.id)));
    for (const [i, m] of ids.entries()) {
      const alone = await ctx.db.transaction().execute((trx) => measureForLogging(trx, m.id));
      expect(together[i]).toEqual(alone);
      expect(alone?.organisationIds).toContain(KOMMUN);
    }
  });
});
