import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { getAgreementView } from '../agreements/agreement-view.service';
import { agreementFollowUp } from '../follow-up/follow-up.service';
import { ValidationError } from '../shared/errors';
import { logActivity } from './activity.service';

/** Issue 13: "Besöka klasserna år 6-9 1 gång per år" is followed per class; a logged "6A" counts for grade 6. */
describe.each(DATABASES)('logging a class for a per-grade target on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let reporter: Actor;
  let measureId: string;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx);
    reporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    measureId = (await getAgreementView(ctx, agreementId, { includeInternal: true }))
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === 'klassrumsbesok')!.id;
  });
  afterAll(() => close());

  it('accepts "6A" and "7 b" and counts them for grades 6 and 7 this year', async () => {
    await logActivity(ctx, reporter, { measureId, date: '2026-03-10', grade: '6A' });
    await logActivity(ctx, reporter, { measureId, date: '2026-03-11', grade: '7 b' });
    const year = (
      await agreementFollowUp(
        ctx,
        agreementId,
        { period: 'year', from: '2026-01-01', to: '2026-12-31' },
        { includeInternal: true }
      )
    ).measures.find((m) => m.key === 'klassrumsbesok')!.periods[0]!;
    expect(year).toMatchObject({ done: 2, status: 'behind' });
    expect(year.detail).toContain('grades not yet covered: 8, 9');
  });

  it('refuses a class that names no grade of the target, in Swedish, naming the field', async () => {
    for (const grade of ['5A', '6AB', 'A6']) {
      const error = await logActivity(ctx, reporter, {
        measureId,
        date: '2026-03-12',
        grade
      }).catch((e: unknown) => e);
      expect(error, grade).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields[0]).toMatchObject({ field: 'grade' });
      expect((error as ValidationError).fields[0]!.message).toContain('6A är årskurs 6');
    }
  });
});
