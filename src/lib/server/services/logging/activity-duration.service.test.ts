import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { getAgreementView } from '../agreements/agreement-view.service';
import { updateMeasure } from '../agreements/plan.service';
import { agreementFollowUp } from '../follow-up/follow-up.service';
import { ValidationError } from '../shared/errors';
import { logActivity, updateActivity } from './activity.service';
import { commitImport, previewImport, validateImport } from './import.service';

/** Issue 13: "10 timmar per vecka" sums logged hours; activities without a duration show as "saknar tid". */
describe.each(DATABASES)('activities with a duration on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let reporter: Actor;
  let measureId: string;
  const november = async () =>
    (
      await agreementFollowUp(
        ctx,
        agreementId,
        { period: 'month', from: '2026-11-01', to: '2026-11-30' },
        { includeInternal: true }
      )
    ).measures.find((m) => m.key === 'dorrknackning')!.periods[0]!;

  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx);
    reporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    const editor = (await makeUser(ctx, 'editor', 'lpo-skelleftea')).actor;
    const m = (await getAgreementView(ctx, agreementId, { includeInternal: true }))
      .revision!.groups.flatMap((g) => g.measures)
      .find((x) => x.key === 'dorrknackning')!;
    measureId = m.id;
    // Effective from the plan's start: the plan as written says hours.
    await updateMeasure(ctx, editor, m.id, {
      title: m.title,
      targetText: '2 timmar per vecka',
      targetEffectiveFrom: '2019-01-01',
      partyIds: ['lpo-skelleftea'],
      focusAreaKeys: [],
      changeReason: 'Test: mål i timmar.'
    });
  });
  afterAll(() => close());

  it('stores the duration in minutes and shows it; null when not given', async () => {
    const timed = await logActivity(ctx, reporter, {
      measureId,
      date: '2026-11-03',
      durationMinutes: 120
    });
    expect(timed.activity.durationMinutes).toBe(120);
    const more = await logActivity(ctx, reporter, {
      measureId,
      date: '2026-11-10',
      durationMinutes: '90'
    });
    expect(more.activity.durationMinutes).toBe(90);
    const untimed = await logActivity(ctx, reporter, { measureId, date: '2026-11-12' });
    expect(untimed.activity.durationMinutes).toBeNull();
  });

  it('sums hours in the follow-up: 2 h + 1,5 h = 3,5 of 7 owed so far, and one activity "saknar tid"', async () => {
    // Weeks with their Thursday in November 2026: 2–8, 9–15, 16–22 and 23–29 November. On the 27th
    // three are over and 5 of 7 days of the fourth: 2 × (3 + 5/7) = 7.43 → 7 owed.
    expect(await november()).toMatchObject({
      expected: 7,
      done: 3.5,
      status: 'behind',
      untimed: 1
    });
  });

  it('adds a duration afterwards (PATCH): the activity leaves "saknar tid" and its hours count', async () => {
    const untimed = (
      await agreementFollowUp(
        ctx,
        agreementId,
        { period: 'month', from: '2026-11-01' },
        {
          includeInternal: true
        }
      )
    ).measures.find((m) => m.key === 'dorrknackning')!;
    expect(untimed.periods[0]!.untimed).toBe(1);
    const logged = await logActivity(ctx, reporter, { measureId, date: '2026-11-20' });
    expect((await november()).untimed).toBe(2);
    const changed = await updateActivity(ctx, reporter, logged.activity.id, {
      durationMinutes: 240
    });
    expect(changed.durationMinutes).toBe(240);
    expect(await november()).toMatchObject({ done: 7.5, status: 'on-track', untimed: 1 });
  });

  it('refuses a duration that is not whole minutes from 1 to 60 000, naming the field in Swedish', async () => {
    for (const bad of [0, -5, 1.5, 'två', 60_001]) {
      const error = await logActivity(ctx, reporter, {
        measureId,
        date: '2026-11-04',
        durationMinutes: bad
      }).catch((e: unknown) => e);
      expect(error, String(bad)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields[0]).toMatchObject({ field: 'durationMinutes' });
      expect((error as ValidationError).fields[0]!.message).toMatch(/minut|timmar/);
    }
  });

  it('imports a "Timmar" column with a decimal comma or 1:30; an empty cell is no time, words are an error', async () => {
    const csv = [
      'Åtgärd;Datum;Timmar',
      'dorrknackning;2026-11-16;1,5',
      'dorrknackning;2026-11-17;0:45',
      'dorrknackning;2026-11-18;',
      'dorrknackning;2026-11-19;två'
    ].join('\n');
    const preview = await previewImport(ctx, reporter, agreementId, {
      name: 'timmar.csv',
      bytes: new TextEncoder().encode(csv)
    });
    expect(preview.mapping).toMatchObject({ measure: 0, date: 1, hours: 2 });
    const checked = await validateImport(ctx, reporter, preview.uploadId, preview.mapping);
    expect(checked).toMatchObject({ good: 3, badRows: 1 });
    expect(checked.bad).toEqual([
      expect.objectContaining({ row: 5, column: 'C', header: 'Timmar', field: 'hours' })
    ]);
    expect(checked.bad[0]!.message).toMatch(/"två" är ingen tid.*1,5/);
    const before = await november();
    await commitImport(ctx, reporter, preview.uploadId, preview.mapping, {
      includeGoodRowsOnly: true
    });
    const after = await november();
    // 1,5 h + 0,75 h more; the row without a time is one more "saknar tid".
    expect(after.done).toBe(before.done + 2.25);
    expect(after.untimed).toBe(before.untimed! + 1);
  });
});
