import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../test/support/databases';
import { makeUser } from '../../../../test/support/factories';
import type { Ctx, Executor } from '../context';
import { groupedTransaction } from './grouped-transaction';

describe.each(DATABASES)('transactions that arrive together on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
  });
  afterAll(() => close());

  const rename = (trx: Executor, id: string, name: string) =>
    trx.updateTable('users').set({ name }).where('id', '=', id).execute();
  const nameOf = async (id: string) =>
    (await ctx.db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirstOrThrow())
      .name;

  it('keep every piece but the one that throws, and give each caller its own outcome', async () => {
    const users = await Promise.all(
      Array.from({ length: 6 }, () => makeUser(ctx, 'reporter', 'lpo-skelleftea'))
    );
    const outcomes = await Promise.allSettled(
      users.map((u, i) =>
        groupedTransaction(ctx, async (trx) => {
          await rename(trx, u.id, `Bytt ${i}`);
          // The third writes, then throws: its write is rolled back alone.
          if (i === 2) throw new Error('refused');
          await rename(trx, u.id, `Bytt ${i} igen`);
          return i;
        })
      )
    );
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason.message))).toEqual([
      0,
      1,
      'refused',
      3,
      4,
      5
    ]);
    for (const [i, u] of users.entries())
      expect(await nameOf(u.id)).toBe(i === 2 ? u.name : `Bytt ${i} igen`);
  });

  it('lose no write when the pieces change the same row', async () => {
    const user = await makeUser(ctx, 'reporter', 'lpo-skelleftea');
    await Promise.all(
      ['A', 'B', 'C'].map((letter) =>
        groupedTransaction(ctx, (trx) =>
          trx
            .updateTable('users')
            .set((eb) => ({ name: eb('name', '||', letter) }))
            .where('id', '=', user.id)
            .execute()
        )
      )
    );
    expect([...(await nameOf(user.id)).slice(user.name.length)].sort()).toEqual(['A', 'B', 'C']);
  });

  it('a piece alone commits and resolves', async () => {
    const user = await makeUser(ctx, 'reporter', 'lpo-skelleftea');
    expect(
      await groupedTransaction(ctx, (trx) => rename(trx, user.id, 'Ensam').then(() => 'ok'))
    ).toBe('ok');
    expect(await nameOf(user.id)).toBe('Ensam');
  });
});
