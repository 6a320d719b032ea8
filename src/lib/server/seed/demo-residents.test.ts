import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, testClock } from '../../../../test/support/databases';
import type { Ctx } from '../context';
import { listOpenSurveys } from '../services/dialogue/survey.service';
import {
  getReportVersion,
  listPublishedReports
} from '../services/publication/report-public.service';
import { municipalityPage } from '../services/publication/public-site.service';
import { ensureNorsjoDemo } from './demo.service';
import { DEMO_EVENT_TITLE, demoOpenSurveyTitle, ensureResidentsDemo } from './demo-residents';
import { norsjoIds } from './norsjo.service';
import { municipalityWalks, publicWalk } from '../services/walks/walk-public.service';
import { DEMO_PAST_WALK_AREA, DEMO_WALK_AREA } from './demo-walks';
import { agreementFollowUp } from '../services/follow-up/follow-up.service';
import { listActivities } from '../services/logging/activity-list.service';
import { findNorsjoAgreementId } from './norsjo.service';

describe.each(DATABASES)('the residents demo on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind, {
      config: { demo: true },
      clock: testClock('2026-12-04T09:00:00Z')
    }));
    await ensureNorsjoDemo(ctx);
    await ensureResidentsDemo(ctx);
    await ensureResidentsDemo(ctx);
  });
  afterAll(() => close());

  it('publishes last year’s report once, labelled demo', async () => {
    const { reports, total } = await listPublishedReports(ctx, '2417');
    expect(total).toBe(1);
    expect(reports[0]?.version).toBe(1);
    const page = await getReportVersion(ctx, '2417', reports[0]!.id, 1);
    expect(JSON.stringify(page)).toContain('DEMO: påhittad rapport');
    expect(JSON.stringify(page)).toContain('"demo":true');
  });

  it('lists one upcoming demo event on the municipality page', async () => {
    const page = await municipalityPage(ctx, '2417');
    const events = page.agreement?.events.filter((e) => e.title === DEMO_EVENT_TITLE) ?? [];
    expect(events).toHaveLength(1);
    expect(events[0]?.date).toBe('2026-12-18');
  });

  it('plans the coming walk and shows a past walk’s protocol once, each labelled demo', async () => {
    const walks = await municipalityWalks(ctx, '2417');
    expect(walks.upcoming.map((w) => [w.area, w.date, w.status])).toEqual([
      [DEMO_WALK_AREA, '2026-12-18', 'planned']
    ]);
    expect(walks.past.map((w) => [w.area, w.date, w.status, w.observations, w.fixed])).toEqual([
      [DEMO_PAST_WALK_AREA, '2026-11-06', 'held', 4, 2]
    ]);
    // One fixed by its due date, one late, one not yet due, one won't fix: 1 of 2 judged.
    expect(walks.past[0]!.indicator).toEqual({ fixedInTime: 1, judged: 2, share: 0.5 });
    const page = await publicWalk(ctx, '2417', walks.past[0]!.id);
    expect(page.observations.map((o) => o.status).sort()).toEqual(
      ['pågår', 'åtgärdad', 'åtgärdad', 'åtgärdas inte'].sort()
    );
    for (const o of page.observations) expect(o.description).toMatch(/^DEMO: /);
    expect(page.observations.map((o) => o.owner)).toContain('Norsjö kommun, parkenheten (demo)');
    expect(walks.overTime?.periods.map((p) => [p.key, p.fixedInTime, p.judged])).toEqual([
      ['2026-T3', 1, 2]
    ]);
  });

  it('counts the held demo walk as a demo activity of its measure, once, in the follow-up', async () => {
    const agreementId = (await findNorsjoAgreementId(ctx))!;
    const { items } = await listActivities(ctx, null, {
      agreementId,
      measureKey: 'trygghetsvandring',
      from: '2026-01-01',
      to: '2026-12-31'
    });
    // The invented ones in April and October, and the held walk on its day.
    expect(items.map((a) => [a.date, a.demo]).sort()).toEqual([
      ['2026-04-23', true],
      ['2026-10-15', true],
      ['2026-11-06', true]
    ]);
    const { measures } = await agreementFollowUp(ctx, agreementId, { period: 'year' });
    const walks = measures.find((m) => m.key === 'trygghetsvandring');
    expect(walks?.periods.find((p) => p.start === '2026-01-01')?.done).toBe(3);
  });

  it('opens this year’s demo survey once, labelled demo', async () => {
    const open = await listOpenSurveys(ctx, norsjoIds().municipality);
    const demo = open.filter((s) => s.title === demoOpenSurveyTitle(2026));
    expect(demo).toHaveLength(1);
    expect(demo[0]).toMatchObject({ demo: true, closesOn: '2026-12-31' });
  });

  it('refuses to run outside demo mode', async () => {
    await expect(
      ensureResidentsDemo({ ...ctx, config: { ...ctx.config, demo: false } })
    ).rejects.toThrow(/demo/);
  });
});
