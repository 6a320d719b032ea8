import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../test/support/databases';
import type { Ctx } from '../context';
import { describeSchema } from './introspect';

describe.each(DATABASES)('the migrated schema on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind, { seed: false }));
  });
  afterAll(() => close());

  it('matches the committed snapshot, so a migration never changes the schema by accident', async () => {
    const schema = await describeSchema(ctx.db, ctx.dbKind);
    expect(Object.keys(schema).length).toBeGreaterThan(10);
    await expect(JSON.stringify(schema, null, 2) + '\n').toMatchFileSnapshot(
      './schema-snapshot.json'
    );
  });
});
