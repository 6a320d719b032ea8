import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { SYSTEM, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { logActivity } from '../logging/activity.service';
import { ensureNorsjoDemo } from '../../seed/demo.service';
import { dueFor } from './due.service';
import { loggableMeasures } from '../logging/logging.service';
import { setRiskOccasion } from '../agreements/risk-occasion.service';

describe.each(DATABASES)('what is due on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let reporter: Actor;
  let editor: Actor;
  beforeAll(async () => {
    // The demo agreement runs until 2026-12-31; the test clock starts on 2026-11-27.
    ({ ctx, clock, close } = await openTestContext(kind, { config: { demo: true } }));
    await ensureNorsjoDemo(ctx);
    reporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
  });
  afterAll(() => close());

  it('puts the measure that is behind first and lists the risk weekends and the last day of an unmet count ahead', async () => {
    const due = await dueFor(ctx, reporter);
    expect(due.today).toBe('2026-11-27');
    expect(due.demo).toBe(true);
    expect(due.items[0]).toMatchObject({
      title: 'Nattvandring',
      state: 'behind',
      line: 'Nattvandring: varje riskhelg – 2 av 3 riskhelger i år hittills'
    });
    expect(due.items.filter((i) => i.state === 'behind')).toHaveLength(1);
    expect(due.items.map((i) => i.title)).not.toContain('Ungdomsmiljöer');
    expect(due.items.find((i) => i.title === 'Trafikkontroller')?.line).toBe(
      'Trafikkontroller: minst 10 kontroller per månad – 10 gjorda, klart för månaden'
    );
    expect(due.obligations.map((o) => o.line)).toEqual([
      '24–25 december: Nattvandring – Jul (riskhelg)',
      '31 december: Dörrknackning i valda områden – 1 kvar (minst 3 gånger per år)',
      '31 december – 1 januari: Nattvandring – Nyår (riskhelg)'
    ]);
  });

  it('links each line to the measure the reporter logs against, and shows an editor of the municipality the same', async () => {
    const due = await dueFor(ctx, reporter);
    const loggable = new Set((await loggableMeasures(ctx, reporter)).map((m) => m.id));
    for (const item of due.items) expect(loggable.has(item.measureId)).toBe(true);
    for (const o of due.obligations) expect(loggable.has(o.measureId)).toBe(true);
    const seenByEditor = await dueFor(ctx, editor);
    // The same lines; within a state, measures the viewer's own organisation answers for come first.
    expect(seenByEditor.items.map((i) => i.line).sort()).toEqual(
      due.items.map((i) => i.line).sort()
    );
  });

  it('shows nothing to someone whose organisations have no running agreement', async () => {
    const outsider = (await makeUser(ctx, 'reporter', 'kommun-0180')).actor;
    expect(await dueFor(ctx, outsider)).toMatchObject({ items: [], obligations: [] });
  });

  it('includes a risk occasion the municipality added itself', async () => {
    await setRiskOccasion(ctx, SYSTEM, '2417', {
      year: 2026,
      key: 'lucia',
      name: 'Lucia',
      date: '2026-12-13'
    });
    const due = await dueFor(ctx, reporter);
    // A Sunday: the risky weekend runs Friday to Monday morning.
    expect(due.obligations[0]?.line).toBe('11–14 december: Nattvandring – Lucia (riskhelg)');
  });

  it('counts what is left of the month and in how many days once the month is under way', async () => {
    clock.set('2026-12-20T10:00:00Z');
    const traffic = (await loggableMeasures(ctx, reporter)).find(
      (m) => m.title === 'Trafikkontroller'
    )!;
    await logActivity(ctx, reporter, { measureId: traffic.id, count: 4 });
    const due = await dueFor(ctx, reporter);
    expect(due.items.find((i) => i.title === 'Trafikkontroller')).toMatchObject({
      state: 'behind',
      done: 4,
      remaining: 6,
      line: 'Trafikkontroller: minst 10 kontroller per månad – 4 gjorda, 6 kvar på 12 dagar'
    });
    expect(due.obligations.map((o) => o.line)).toContain(
      '31 december: Trafikkontroller – 6 kvar (minst 10 kontroller per månad)'
    );
    clock.set('2026-11-27T10:00:00Z');
  });
});
