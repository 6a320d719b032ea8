import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { getAgreementView } from '../agreements/agreement-view.service';
import { agreementFollowUp } from '../follow-up/follow-up.service';
import { deleteActivity, logActivity, updateActivity } from '../logging/activity.service';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import { getReportVersion, reportChangesSincePublication } from './report-public.service';
import { createReport, publishReport } from './report.service';

describe.each(DATABASES)('published and live report numbers on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let editor: Actor;
  let measureId: (key: string) => string;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = (await findNorsjoAgreementId(ctx))!;
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    const view = await getAgreementView(ctx, agreementId, { year: 2021 });
    const ids = new Map(view.revision!.groups.flatMap((g) => g.measures).map((m) => [m.key, m.id]));
    measureId = (key) => ids.get(key)!;
  });
  afterAll(() => close());

  const log = (key: string, date: string, count: number) =>
    logActivity(ctx, editor, { measureId: measureId(key), date, count });

  const publish = async (input: { kind: 'tertial' | 'year'; year: number; tertial?: number }) => {
    const { id } = await createReport(ctx, editor, agreementId, input);
    await publishReport(ctx, editor, agreementId, id);
    return getReportVersion(ctx, '2417', id, 1);
  };

  it.each([
    { kind: 'tertial' as const, year: 2021, tertial: 2 },
    { kind: 'year' as const, year: 2022 }
  ])(
    'freezes each measure of a closed $kind exactly as the public follow-up shows it',
    async (input) => {
      await log('trafikkontroller', `${input.year}-06-10`, 3);
      const v = await publish(input);
      const live = await agreementFollowUp(ctx, agreementId, {
        period: v.content.period.kind,
        from: v.content.period.start,
        to: v.content.period.end
      });
      expect(v.content.measures.length).toBeGreaterThan(0);
      expect(v.content.measures.map((m) => m.key)).toEqual(live.measures.map((m) => m.key));
      for (const m of v.content.measures) {
        const periods = live.measures.find((l) => l.key === m.key)!.periods;
        expect(periods).toHaveLength(1);
        const { expected, done, status } = periods[0]!;
        expect({ key: m.key, expected: m.expected, done: m.done, status: m.status }).toEqual({
          key: m.key,
          expected,
          done,
          status
        });
      }
      expect(v.content.measures.find((m) => m.key === 'trafikkontroller')!.done).toBeGreaterThan(0);
      expect(await reportChangesSincePublication(ctx, v)).toEqual([]);
    }
  );

  it('lists per measure what changed after publication when back-dated activities are logged, changed or deleted; the version stays as published', async () => {
    const v = await publish({ kind: 'tertial', year: 2021, tertial: 3 });
    const frozen = v.content.measures.find((m) => m.key === 'trafikkontroller')!;
    expect(await reportChangesSincePublication(ctx, v)).toEqual([]);

    const added = (await log('trafikkontroller', '2021-10-05', 7)).activity;
    const afterLog = await reportChangesSincePublication(ctx, v);
    expect(afterLog).toEqual([
      {
        key: 'trafikkontroller',
        title: frozen.title,
        published: {
          expected: frozen.expected,
          done: frozen.done,
          status: frozen.status,
          statusText: frozen.statusText
        },
        live: expect.objectContaining({ done: frozen.done + 7, expected: frozen.expected })
      }
    ]);
    expect(afterLog[0]!.live.statusText).toMatch(/\S/);

    await updateActivity(ctx, editor, added.id, { count: 2 });
    expect((await reportChangesSincePublication(ctx, v))[0]!.live.done).toBe(frozen.done + 2);

    await deleteActivity(ctx, editor, added.id);
    expect(await reportChangesSincePublication(ctx, v)).toEqual([]);

    // The frozen version is never rewritten.
    const again = await getReportVersion(ctx, '2417', v.reportId, 1);
    expect(again.content).toEqual(v.content);
  });

  it('compares nothing for a period still running when it was published', async () => {
    const v = await getReportVersion(
      ctx,
      '2417',
      (await publish({ kind: 'year', year: 2021 })).reportId,
      1
    );
    expect(
      await reportChangesSincePublication(ctx, {
        content: { ...v.content, asOf: '2021-06-30' }
      })
    ).toEqual([]);
  });
});
