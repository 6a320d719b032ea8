import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import { SYSTEM, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findActivity } from '../../db/repositories/logging/activity.repository';
import { updateAgreementHead } from '../agreements/agreement-edit.service';
import { getAgreementView } from '../agreements/agreement-view.service';
import { updateMeasure } from '../agreements/plan.service';
import { agreementFollowUp } from '../follow-up/follow-up.service';
import { getOpenAgreement } from '../publication/open-data.service';
import {
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError
} from '../shared/errors';
import { logActivity, updateActivity } from './activity.service';
import { listActivities } from './activity-list.service';
import { exportActivities, exportFollowUp } from './export.service';

/** The fields a ValidationError names, or [] when the call did not fail that way. */
async function fieldsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
    return [];
  } catch (e) {
    if (e instanceof ValidationError) return e.fields.map((f) => f.field);
    throw e;
  }
}

/**
 * Issue 11, items 3, 4 (API), 5, 11 and 12: internal measures never leak, only the responsible
 * organisation changes an activity's publication, idempotent retries never fail, strict input.
 */
describe.each(DATABASES)('activity rules on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let police: Actor;
  let policeEditor: Actor;
  let municipalityEditor: Actor;
  let outsider: Actor;
  let measure: (key: string) => Promise<string>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx);
    police = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    policeEditor = (await makeUser(ctx, 'editor', 'lpo-skelleftea')).actor;
    municipalityEditor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    outsider = (await makeUser(ctx, 'editor', 'kommun-0180')).actor;
    measure = async (key) =>
      (await getAgreementView(ctx, agreementId, { includeInternal: true }))
        .revision!.groups.flatMap((g) => g.measures)
        .find((m) => m.key === key)!.id;
  });
  afterAll(() => close());

  const setMeasure = async (key: string, fields: Record<string, unknown>) => {
    const id = await measure(key);
    const view = (await getAgreementView(ctx, agreementId, { includeInternal: true }))
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === key)!;
    await updateMeasure(ctx, SYSTEM, id, {
      title: view.title,
      targetText: view.target.text,
      partyIds: [],
      focusAreaKeys: [],
      changeReason: 'Test.',
      ...fields
    });
    return id;
  };

  it('never shows an internal measure’s activities (or their place) outside the agreement', async () => {
    // Internal measure, but the activity itself says "public": the measure wins.
    const id = await setMeasure('trygghetsvandring', {
      visibility: 'internal',
      publicationRule: 'public'
    });
    await logActivity(ctx, police, {
      measureId: id,
      date: '2026-10-01',
      place: 'Bastuträsk skola',
      publication: 'public'
    });
    const q = { agreementId, measureKey: 'trygghetsvandring' };
    expect((await listActivities(ctx, police, q)).items).toHaveLength(1);
    expect(await listActivities(ctx, null, q)).toMatchObject({ items: [], total: 0 });
    expect((await listActivities(ctx, outsider, q)).items).toHaveLength(0);
    // Exports are for the parties' staff: anonymous and outsiders are refused.
    await expect(exportActivities(ctx, null, agreementId, { format: 'csv' })).rejects.toThrow(
      UnauthenticatedError
    );
    await expect(exportActivities(ctx, outsider, agreementId, { format: 'csv' })).rejects.toThrow(
      ForbiddenError
    );
    await expect(exportFollowUp(ctx, null, agreementId, { format: 'csv' })).rejects.toThrow(
      UnauthenticatedError
    );
    const inside = await new Response(
      (await exportActivities(ctx, police, agreementId, { format: 'csv' })).body
    ).text();
    expect(inside).toMatch(/Bastuträsk skola/);
  });

  it('lets only the responsible organisation change an activity’s publication', async () => {
    const { activity } = await logActivity(ctx, police, {
      measureId: await measure('trafikkontroller'),
      date: '2026-11-02'
    });
    expect(activity.publication).toBe('monthly');
    await expect(
      updateActivity(ctx, municipalityEditor, activity.id, { publication: 'public' })
    ).rejects.toThrow(ForbiddenError);
    const stored = await findActivity(ctx.db, activity.id);
    expect(stored).toMatchObject({ publication: 'monthly', publish_after: '2026-12-01' });
    expect(stored!.updated_at).toBeNull();
    // The other party's editor may still correct the count, and resending the same rule is no change.
    expect(
      await updateActivity(ctx, municipalityEditor, activity.id, {
        count: 2,
        publication: 'monthly'
      })
    ).toMatchObject({ count: 2, publication: 'monthly' });
    // The police (its editor, or the reporter who logged it) may.
    expect(
      await updateActivity(ctx, policeEditor, activity.id, { publication: 'public' })
    ).toMatchObject({ publication: 'public', publishAfter: '2026-11-03' });
    expect(
      await updateActivity(ctx, police, activity.id, { publication: 'internal' })
    ).toMatchObject({ publication: 'internal', publishAfter: null });
  });

  it('recomputes the publish date from the rule, not from the old date', async () => {
    const id = await setMeasure('dorrknackning', {
      publicationRule: 'delayed',
      publicationDelayDays: 14
    });
    const internal = await logActivity(ctx, police, {
      measureId: id,
      date: '2026-10-10',
      publication: 'internal'
    });
    expect(
      await updateActivity(ctx, police, internal.activity.id, { publication: 'delayed' })
    ).toMatchObject({ publishAfter: '2026-10-24' });
    expect(await findActivity(ctx.db, internal.activity.id)).toMatchObject({
      publish_after: '2026-10-24'
    });
    const monthly = await logActivity(ctx, police, {
      measureId: id,
      date: '2026-10-10',
      publication: 'monthly'
    });
    expect(monthly.activity.publishAfter).toBe('2026-11-01');
    expect(
      await updateActivity(ctx, police, monthly.activity.id, { publication: 'delayed' })
    ).toMatchObject({ publishAfter: '2026-10-24' });
    // Moving the day moves the date with the measure's delay.
    expect(
      await updateActivity(ctx, police, monthly.activity.id, { date: '2026-10-01' })
    ).toMatchObject({ publishAfter: '2026-10-15' });
  });

  it('answers 200 concurrent retries with one idempotency key with the one stored activity', async () => {
    const input = {
      measureId: await measure('trafikkontroller'),
      count: 3,
      date: '2026-11-20',
      idempotencyKey: `offline-${kind}-concurrent`
    };
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => logActivity(ctx, police, input))
    );
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const ok = results.map(
      (r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof logActivity>>>).value
    );
    expect(ok.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(ok.map((r) => r.activity.id)).size).toBe(1);
    const rows = await ctx.db
      .selectFrom('activities')
      .select('id')
      .where('idempotency_key', '=', input.idempotencyKey)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('reads counts, yes/no and years strictly, naming the wrong field', async () => {
    const measureId = await measure('trafikkontroller');
    for (const count of [true, [1], '1e3', '0x10', ' 2', '2.0', ''])
      expect(await fieldsOf(logActivity(ctx, police, { measureId, count }))).toEqual(['count']);
    expect(await fieldsOf(logActivity(ctx, police, { measureId, shifts: false }))).toEqual([
      'shifts'
    ]);
    // Digits as a form sends them still work.
    expect((await logActivity(ctx, police, { measureId, count: '2' })).activity.count).toBe(2);

    // includeDeleted=false is false: the public may ask for it, and gets no deleted rows.
    for (const no of ['false', '0', 'no', 'nej'])
      await expect(
        listActivities(ctx, null, { agreementId, includeDeleted: no })
      ).resolves.toMatchObject({ page: 1 });
    await expect(
      listActivities(ctx, null, { agreementId, includeDeleted: 'true' })
    ).rejects.toThrow(ForbiddenError);
    for (const [field, value] of [
      ['includeDeleted', 'maybe'],
      ['mine', '2'],
      ['page', '1e3'],
      ['page', '0x2'],
      ['pageSize', ' 10'],
      ['from', '2026-02-30'],
      ['agreementId', [agreementId, agreementId]]
    ] as const)
      expect(await fieldsOf(listActivities(ctx, police, { agreementId, [field]: value }))).toEqual([
        field
      ]);
    expect(await fieldsOf(listActivities(ctx, police, { agreementId, colour: 'red' }))).toEqual([
      'input'
    ]);

    for (const ar of ['2e3', '0x7E4', ' 2020', '2020.0', '20', 'true', ['2020', '2021']])
      expect(await fieldsOf(getOpenAgreement(ctx, agreementId, { ar }))).toEqual(['ar']);
    expect((await getOpenAgreement(ctx, agreementId, { ar: '2020' })).id).toBe(agreementId);

    // A start after the agreement is the start's fault; an end before it is the end's.
    expect(await fieldsOf(agreementFollowUp(ctx, agreementId, { from: '2030-01-01' }))).toEqual([
      'from'
    ]);
    expect(await fieldsOf(agreementFollowUp(ctx, agreementId, { to: '2010-01-01' }))).toEqual([
      'to'
    ]);
    expect(
      await fieldsOf(agreementFollowUp(ctx, agreementId, { from: '2026-05-01', to: '2026-04-01' }))
    ).toEqual(['to']);
  });

  it('answers a draft exactly like a missing agreement to anyone not party to it', async () => {
    await expect(listActivities(ctx, null, { agreementId: 'no-such-agreement' })).rejects.toThrow(
      NotFoundError
    );
    await updateAgreementHead(ctx, SYSTEM, agreementId, {
      title: 'Norsjö – medborgarlöften',
      status: 'draft',
      periodStart: '2019-01-01',
      periodEnd: '2026-12-31',
      signedOn: ''
    });
    await expect(listActivities(ctx, null, { agreementId })).rejects.toThrow(NotFoundError);
    await expect(listActivities(ctx, outsider, { agreementId })).rejects.toThrow(NotFoundError);
    expect((await listActivities(ctx, police, { agreementId })).total).toBeGreaterThan(0);
  });
});
