import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../test/support/databases';
import type { Ctx } from '../context';
import { SYSTEM } from '../auth/policy';
import { youSaidWeDo } from '../services/dialogue/assessment-public.service';
import { getAssessment } from '../services/dialogue/assessment.service';
import { ensureDemoAccounts } from './demo-accounts';
import { findNorsjoAgreementId } from './norsjo.service';
import { ensureNorsjoDialogueDemo } from './norsjo-dialogue';

describe.each(DATABASES)('the Norsjö dialogue demo on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind, { config: { demo: true } }));
    await ensureDemoAccounts(ctx);
    await ensureNorsjoDialogueDemo(ctx);
    await ensureNorsjoDialogueDemo(ctx);
  });
  afterAll(() => close());

  it('shows how the four focus areas came out of the demo evidence, approved by both demo editors, once', async () => {
    const id = (await findNorsjoAgreementId(ctx))!;
    const { assessment } = await getAssessment(ctx, SYSTEM, id);
    expect(assessment?.demo).toBe(true);
    expect(assessment?.approvals.approved).toBe(true);
    expect(
      assessment?.ranking
        .slice(0, 4)
        .map((r) => r.label)
        .sort()
    ).toEqual(['Inbrott och stöld', 'Narkotika', 'Polisnärvaro', 'Trafik'].sort());
    expect(assessment?.links).toHaveLength(6);
    const count = await ctx.db
      .selectFrom('dialogues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(2);
    const page = await youSaidWeDo(ctx, '2417');
    expect(page.answers[0]?.demo).toBe(true);
    expect(
      page.answers[0]?.themes.filter((t) => t.measures.some((m) => m.cited)).length
    ).toBeGreaterThanOrEqual(4);
  });
});
