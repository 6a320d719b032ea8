import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import { addDays } from '../../../core/dates';
import { monthCountsOf } from '../../../core/walk-indicator';
import { OBSERVATION_STATUSES, observationsGeoJsonSchema } from '../../../core/walks';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import { insertObservation } from '../../db/repositories/walks/observation.repository';
import { fixedInTimeByMonth } from '../../db/repositories/walks/walk-indicator.repository';
import { municipalityFeedEntries } from '../publication/report-feed.service';
import {
  assignObservation,
  recordObservation,
  setObservationPublic,
  updateObservationStatus
} from './observation.service';
import { fixedInTimeOverTime, fixedInTimePerTertial } from './walk-indicator.service';
import { walkAnswers } from './walk-outcomes.service';
import {
  OBSERVATION_FEATURE_PROPERTIES,
  observationsAsGeoJson,
  openObservations
} from './walk-public.service';
import { markWalkHeld, planWalk, walkableMeasures } from './walk.service';

describe.each(DATABASES)('walk outcomes in public on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let agreementId: string;
  let editor: Actor;
  let walkId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx);
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    const measureKey = (await walkableMeasures(ctx, editor, agreementId)).measures[0]!.key;
    ({ id: walkId } = await planWalk(ctx, editor, agreementId, {
      measureKey,
      kind: 'trygghetsvandring',
      area: 'Centrum',
      meetingPoint: 'Torget',
      date: '2026-12-03',
      startTime: '18:00',
      endTime: '20:00',
      invitedGroups: ''
    }));
    clock.set('2026-12-04T09:00:00Z');
    const record = async (key: string, category: string, description: string) => {
      ids[key] = (
        await recordObservation(ctx, editor, walkId, { category, description })
      ).observation.id;
      clock.advance(60_000);
    };
    await record('lamp', 'belysning', 'Belysningen vid gångtunneln är trasig');
    await record('hedge', 'sikt-vegetation', 'Häcken skymmer övergångsstället');
    await record('hidden', 'ovrigt', 'Anna Svensson på Storgatan 3 störs av mopeder');
    for (const [key, dueOn] of [
      ['lamp', '2026-12-10'],
      ['hedge', '2026-12-10'],
      ['hidden', '2026-12-10']
    ] as const)
      await assignObservation(ctx, editor, ids[key]!, { owner: 'Gatukontoret', dueOn });
    clock.set('2026-12-08T09:00:00Z');
    await updateObservationStatus(ctx, editor, ids.lamp!, { status: 'accepterad' });
    clock.advance(3_600_000);
    await updateObservationStatus(ctx, editor, ids.lamp!, {
      status: 'åtgärdad',
      note: 'Bytt av Kalle Karlsson'
    });
    await updateObservationStatus(ctx, editor, ids.hidden!, { status: 'åtgärdad' });
    clock.set('2026-12-15T09:00:00Z');
    await setObservationPublic(ctx, editor, ids.lamp!, true);
    await setObservationPublic(ctx, editor, ids.hedge!, true);
    await markWalkHeld(ctx, editor, walkId);
  });
  afterAll(() => close());

  it('puts the held walk and the approved observations’ status changes in the feed, and nothing else', async () => {
    const feed = await municipalityFeedEntries(ctx, '2417', 'https://example.test');
    const walkEntries = feed.entries.filter(
      (e) => e.category === 'vandring' || e.category === 'iakttagelse'
    );
    expect(walkEntries.map((e) => e.title)).toEqual([
      expect.stringMatching(/^Trygghetsvandringen i Centrum är genomförd/),
      expect.stringMatching(/^Åtgärdat: Belysningen vid gångtunneln är trasig/),
      expect.stringMatching(/^Tas om hand: Belysningen vid gångtunneln är trasig/)
    ]);
    expect(walkEntries[1]).toMatchObject({
      link: `https://example.test/kommuner/2417/vandringar/${walkId}#iakttagelse-${ids.lamp}`,
      updated: '2026-12-08T10:00:00.000Z'
    });
    expect(walkEntries[1]!.summary).toContain('Ny status: åtgärdad');
    const text = JSON.stringify(feed.entries);
    // Not approved, so not public; notes and owners are not in the feed.
    expect(text).not.toContain('Anna Svensson');
    expect(text).not.toContain('Kalle Karlsson');
    expect(text).not.toContain('Gatukontoret');
  });

  it('answers "Ni sa – vi gör" with the held walk, its approved observations and what was done', async () => {
    const [walk, ...more] = await walkAnswers(ctx, '2417');
    expect(more).toEqual([]);
    expect(walk).toMatchObject({ id: walkId, area: 'Centrum', date: '2026-12-03', tipCount: 0 });
    expect(walk!.observations.map((o) => [o.description, o.statusLabel, o.fixedOn])).toEqual([
      ['Belysningen vid gångtunneln är trasig', 'Åtgärdad', '2026-12-08'],
      ['Häcken skymmer övergångsstället', 'Rapporterad', null]
    ]);
  });

  it('gives the share fixed within the due date per tertial, from SQL', async () => {
    const shares = await fixedInTimePerTertial(
      ctx,
      [agreementId],
      { start: '2026-09-01', end: '2026-12-31' },
      '2026-12-15'
    );
    expect(shares.map((s) => [s.key, s.fixedInTime, s.judged])).toEqual([['2026-T3', 1, 2]]);
    const shown = await fixedInTimeOverTime(
      ctx,
      [{ id: agreementId, period: { start: '2019-01-01', end: '2026-12-31' } }],
      '2026-12-15'
    );
    expect(shown!.periods.map((p) => [p.label, p.text])).toEqual([
      ['2026, september–december', '50 procent (1 av 2)']
    ]);
    expect(shown!.svg).toMatch(/^<svg[\s\S]*50 % \(1 av 2\)/);
  });

  it('makes GeoJSON exactly as its one schema says (the OpenAPI document uses the same)', async () => {
    await updateObservationStatus(ctx, editor, ids.hedge!, { status: 'pågår' });
    const list = await openObservations(ctx, walkId);
    const geo = observationsAsGeoJson(list.map((o) => ({ ...o, lat: 64.91, lng: 19.48 })));
    expect(geo.features).toHaveLength(2);
    const schema = observationsGeoJsonSchema({
      type: 'object',
      properties: Object.fromEntries(OBSERVATION_FEATURE_PROPERTIES.map((k) => [k, {}])),
      required: [...OBSERVATION_FEATURE_PROPERTIES],
      additionalProperties: false
    });
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(geo), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...geo, features: [{ ...geo.features[0], extra: 1 }] })).toBe(false);
  });

  it('computes in SQL what the core rule computes, for any observations', async () => {
    const day = fc.integer({ min: 0, max: 500 }).map((n) => addDays('2026-01-01', n));
    const obs = fc.record({
      status: fc.constantFrom(...OBSERVATION_STATUSES),
      dueOn: fc.option(day, { nil: null }),
      fixedOn: day,
      approved: fc.boolean()
    });
    await fc.assert(
      fc.asyncProperty(fc.array(obs, { maxLength: 12 }), day, async (list, today) => {
        for (const o of list)
          await insertObservation(ctx.db, {
            id: newId(),
            walk_id: walkId,
            category: 'ovrigt',
            description: 'Slumpad',
            lat: null,
            lng: null,
            owner: null,
            owner_organisation_id: null,
            due_on: o.dueOn,
            status: o.status,
            status_reason: null,
            fixed_on: o.status === 'åtgärdad' ? o.fixedOn : null,
            public_approved: o.approved ? 1 : 0,
            photo_ref: null,
            idempotency_key: null,
            created_by: null,
            created_at: '2026-12-04T09:00:00Z',
            updated_at: '2026-12-04T09:00:00Z'
          });
        const all = await ctx.db
          .selectFrom('walk_observations')
          .select(['status', 'due_on', 'fixed_on'])
          .where('public_approved', '=', 1)
          .execute();
        const expected = monthCountsOf(
          all.map((r) => ({ status: r.status, dueOn: r.due_on, fixedOn: r.fixed_on })),
          today
        );
        expect(
          await fixedInTimeByMonth(ctx.db, [agreementId], today, {
            from: '2000-01-01',
            to: '2100-12-31'
          })
        ).toEqual(expected);
      }),
      { numRuns: 15 }
    );
  });
});
