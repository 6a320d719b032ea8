import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import type { Ctx } from '../../context';
import { reportAccessibilityProblem } from './accessibility.service';

describe.each(DATABASES)('reporting an accessibility problem on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind, { seed: false }));
  });
  afterAll(() => close());

  it('stores a report without contact details, and names a description that is too short', async () => {
    await reportAccessibilityProblem(ctx, {
      page: '/avtal',
      description: 'Tabellen går inte att läsa med skärmläsare.'
    });
    const rows = await ctx.db.selectFrom('accessibility_reports').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ page: '/avtal', contact: null });
    await expect(reportAccessibilityProblem(ctx, { description: 'x' })).rejects.toThrow(
      /description: Beskriv problemet/
    );
  });
});
