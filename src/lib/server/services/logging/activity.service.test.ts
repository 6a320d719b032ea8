import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  deleteActivity,
  logActivity,
  publishAfter,
  restoreActivity,
  updateActivity
} from './activity.service';
import { listActivities } from './activity-list.service';
import { getAgreementView } from '../agreements/agreement-view.service';
import { agreementFollowUp } from '../follow-up/follow-up.service';
import { updateMeasure } from '../agreements/plan.service';

describe('publishAfter', () => {
  it('never publishes before the day after, delays, waits for the month to end, or never', () => {
    expect(publishAfter('public', '2026-11-27', 0)).toBe('2026-11-28');
    expect(publishAfter('delayed', '2026-11-27', 14)).toBe('2026-12-11');
    expect(publishAfter('monthly', '2026-11-27', 0)).toBe('2026-12-01');
    expect(publishAfter('internal', '2026-11-27', 0)).toBe('9999-12-31');
  });
});

describe.each(DATABASES)('logging activities on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let reporter: Actor;
  let measure: (key: string) => Promise<string>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx);
    reporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    measure = async (key) =>
      (await getAgreementView(ctx, agreementId, { includeInternal: true }))
        .revision!.groups.flatMap((g) => g.measures)
        .find((m) => m.key === key)!.id;
  });
  afterAll(() => close());

  it('stores a traffic control for today with count 1 by default, and it counts in this month’s follow-up', async () => {
    const { activity, created } = await logActivity(ctx, reporter, {
      measureId: await measure('trafikkontroller')
    });
    expect(created).toBe(true);
    expect(activity).toMatchObject({
      date: '2026-11-27',
      count: 1,
      measureKey: 'trafikkontroller',
      // Police operations: public only as a monthly count once November is over.
      publication: 'monthly',
      publishAfter: '2026-12-01'
    });

    const f = await agreementFollowUp(
      ctx,
      agreementId,
      { period: 'month', from: '2026-11-01', to: '2026-11-30' },
      { includeInternal: true }
    );
    expect(f.measures.find((m) => m.key === 'trafikkontroller')?.periods[0]).toMatchObject({
      done: 1,
      expected: 9,
      status: 'behind'
    });
    // The public sees November only once it is published (after the month): not "behind" meanwhile.
    const pub = await agreementFollowUp(ctx, agreementId, {
      period: 'month',
      from: '2026-11-01',
      to: '2026-11-30'
    });
    const november = pub.measures.find((m) => m.key === 'trafikkontroller')?.periods[0];
    expect(november).toMatchObject({ done: 0, expected: 0 });
    // Not judged yet (the follow-up core says 'not-applicable' when nothing is owed).
    expect(november?.status).not.toBe('behind');
  });

  it('stores an activity once however often the same idempotency key is sent', async () => {
    const input = {
      measureId: await measure('trafikkontroller'),
      count: 3,
      idempotencyKey: 'offline-7f3a9c21'
    };
    const first = await logActivity(ctx, reporter, input);
    const again = await logActivity(ctx, reporter, input);
    expect(again).toEqual({ activity: first.activity, created: false });
  });

  it('names each wrong field', async () => {
    const id = await measure('trafikkontroller');
    await expect(logActivity(ctx, reporter, { measureId: id, count: 0 })).rejects.toThrow(
      /count: Antalet måste vara minst 1/
    );
    await expect(logActivity(ctx, reporter, { measureId: id, date: '2026-12-24' })).rejects.toThrow(
      /date: Logga det som är gjort/
    );
    await expect(logActivity(ctx, reporter, { measureId: id, date: '2018-05-01' })).rejects.toThrow(
      /date: Datumet ligger utanför/
    );
    await expect(logActivity(ctx, reporter, { measureId: 'nope' })).rejects.toThrow(/measureId/);
    await expect(
      logActivity(ctx, reporter, { measureId: await measure('riktad-patrullering') })
    ).rejects.toThrow(/shifts: Skriv hur många arbetspass/);
    await expect(
      logActivity(ctx, reporter, { measureId: await measure('klassrumsbesok'), grade: '5' })
    ).rejects.toThrow(/grade: Välj årskurs: 6, 7, 8, 9/);
  });

  it('refuses a reporter of another municipality and a viewer', async () => {
    const other = (await makeUser(ctx, 'reporter', 'kommun-0180')).actor;
    const viewer = (await makeUser(ctx, 'viewer', 'kommun-2417')).actor;
    await expect(
      logActivity(ctx, other, { measureId: await measure('trafikkontroller') })
    ).rejects.toThrow(/din organisation/);
    await expect(
      logActivity(ctx, viewer, { measureId: await measure('trafikkontroller') })
    ).rejects.toThrow(/din organisation/);
  });

  it('hides internal, monthly and not-yet-public activities from the public, with place and note', async () => {
    const id = await measure('trygghetsvandring');
    await logActivity(ctx, reporter, {
      measureId: id,
      count: 2,
      place: 'Bastuträsk',
      note: 'Lugnt',
      publication: 'internal',
      date: '2026-10-01'
    });
    await logActivity(ctx, reporter, {
      measureId: id,
      place: 'Norsjö centrum',
      note: 'Två kontakter',
      date: '2026-10-02'
    });
    const insider = await listActivities(ctx, reporter, {
      agreementId,
      measureKey: 'trygghetsvandring',
      from: '2026-10-01'
    });
    expect(insider.items.map((a) => a.place)).toEqual(['Norsjö centrum', 'Bastuträsk']);
    const outsider = await listActivities(ctx, null, {
      agreementId,
      measureKey: 'trygghetsvandring',
      from: '2026-10-01'
    });
    expect(outsider.items).toHaveLength(1);
    expect(outsider.items[0]).toMatchObject({ place: 'Norsjö centrum', note: null });
    // Traffic controls are counted publicly per month, never listed one by one.
    await logActivity(ctx, reporter, {
      measureId: await measure('trafikkontroller'),
      date: '2026-10-05'
    });
    const controls = await listActivities(ctx, null, {
      agreementId,
      measureKey: 'trafikkontroller',
      from: '2026-10-01'
    });
    expect(controls.items).toHaveLength(0);
  });

  it('uses the measure’s rule: a delayed measure stays out of the public follow-up until its days have passed', async () => {
    const id = await measure('dorrknackning');
    const editor = (await makeUser(ctx, 'editor', 'lpo-skelleftea')).actor;
    const view = (await getAgreementView(ctx, agreementId, { includeInternal: true }))
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === 'dorrknackning')!;
    await updateMeasure(ctx, editor, id, {
      title: view.title,
      targetText: view.target.text,
      partyIds: [],
      focusAreaKeys: [],
      publicationRule: 'delayed',
      publicationDelayDays: 30,
      changeReason: 'Planerade insatser visas i efterhand.'
    });
    await logActivity(ctx, reporter, { measureId: id, date: '2026-11-20' });
    const pub = await agreementFollowUp(ctx, agreementId, {
      period: 'year',
      from: '2026-01-01',
      to: '2026-12-31'
    });
    const inside = await agreementFollowUp(
      ctx,
      agreementId,
      { period: 'year', from: '2026-01-01', to: '2026-12-31' },
      { includeInternal: true }
    );
    expect(pub.measures.find((m) => m.key === 'dorrknackning')?.periods[0]?.done).toBe(0);
    expect(inside.measures.find((m) => m.key === 'dorrknackning')?.periods[0]?.done).toBe(1);
    // The public is told how far the year is counted: activities up to 30 days ago are published.
    expect(pub.measures.find((m) => m.key === 'dorrknackning')?.periods[0]).toMatchObject({
      publishedThrough: '2026-10-28'
    });
    // Police controls are published as a monthly count once a month is over.
    expect(pub.measures.find((m) => m.key === 'trafikkontroller')?.periods[0]).toMatchObject({
      publishedThrough: '2026-10-31'
    });
    expect(
      inside.measures.find((m) => m.key === 'dorrknackning')?.periods[0]?.publishedThrough
    ).toBeUndefined();
  });

  it('lets the reporter edit their own activity, and an editor restore a deleted one', async () => {
    const { activity } = await logActivity(ctx, reporter, {
      measureId: await measure('trafikkontroller'),
      date: '2026-11-02'
    });
    expect(await updateActivity(ctx, reporter, activity.id, { count: 4 })).toMatchObject({
      count: 4
    });
    const someoneElse = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    await expect(updateActivity(ctx, someoneElse, activity.id, { count: 5 })).rejects.toThrow(
      /egna/
    );
    await deleteActivity(ctx, reporter, activity.id);
    await expect(restoreActivity(ctx, reporter, activity.id)).rejects.toThrow(/redaktörer/);
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    await restoreActivity(ctx, editor, activity.id);
    const list = await listActivities(ctx, editor, {
      agreementId,
      from: '2026-11-02',
      to: '2026-11-02'
    });
    expect(list.items.map((a) => a.id)).toContain(activity.id);
  });
});
