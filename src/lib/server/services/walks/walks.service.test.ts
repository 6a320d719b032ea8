import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { listActivities } from '../logging/activity-list.service';
import { listEvents } from '../publication/event.service';
import {
  assignObservation,
  overdueObservations,
  overdueObservationsFor,
  recordObservation,
  setObservationPublic,
  updateObservationStatus,
  walkObservations
} from './observation.service';
import { ownerUpdate, ownerView } from './owner-link.service';
import {
  addTip,
  observationsAsGeoJson,
  openObservations,
  openWalks,
  municipalityWalks,
  publicWalk,
  walkPagesOfEvents
} from './walk-public.service';
import { getWalk, listWalks, markWalkHeld, planWalk, walkableMeasures } from './walk.service';

describe.each(DATABASES)('safety walks on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let agreementId: string;
  let editor: Actor;
  let reporter: Actor;
  let outsider: Actor;
  let measureKey: string;
  let walkId: string;
  const plan = () => ({
    measureKey,
    kind: 'trygghetsvandring',
    area: 'Centrum',
    meetingPoint: 'Torget vid biblioteket',
    date: '2026-12-03',
    startTime: '18:00',
    endTime: '20:00',
    invitedGroups: 'Boende, Föräldrar; Företagare'
  });

  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx);
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    reporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    outsider = (await makeUser(ctx, 'editor', 'kommun-2482')).actor;
    measureKey = (await walkableMeasures(ctx, editor, agreementId)).measures[0]!.key;
  });
  afterAll(() => close());

  it('lets an editor plan a walk, announces it as an event, and refuses reporters and others', async () => {
    ({ id: walkId } = await planWalk(ctx, editor, agreementId, plan()));
    const { walks } = await listWalks(ctx, reporter, agreementId);
    expect(walks).toHaveLength(1);
    expect(walks[0]).toMatchObject({
      id: walkId,
      kindLabel: 'Trygghetsvandring',
      date: '2026-12-03',
      startTime: '18:00',
      invitedGroups: ['Boende', 'Föräldrar', 'Företagare'],
      status: 'planned'
    });
    const events = await listEvents(ctx, [agreementId], { upcoming: true });
    expect(events.find((e) => e.title === 'Trygghetsvandring: Centrum')).toMatchObject({
      kind: 'safety-walk',
      place: 'Torget vid biblioteket',
      startTime: '18:00'
    });
    const walkEvent = events.find((e) => e.title === 'Trygghetsvandring: Centrum')!;
    expect(
      await walkPagesOfEvents(
        ctx,
        '2417',
        events.map((e) => e.id)
      )
    ).toEqual({
      [walkEvent.id]: `/kommuner/2417/vandringar/${walkId}`
    });
    await expect(planWalk(ctx, reporter, agreementId, plan())).rejects.toThrow(/redaktörer/);
    await expect(planWalk(ctx, outsider, agreementId, plan())).rejects.toThrow(/finns inte/);
    await expect(
      planWalk(ctx, editor, agreementId, { ...plan(), area: '', measureKey: 'nope' })
    ).rejects.toMatchObject({
      fields: [{ field: 'area', message: expect.stringMatching(/område/) }]
    });
    await expect(
      planWalk(ctx, editor, agreementId, { ...plan(), measureKey: 'nope' })
    ).rejects.toMatchObject({ fields: [{ field: 'measureKey' }] });
  });

  it('takes residents’ places before the walk without personal data, limited per connection', async () => {
    await addTip(
      ctx,
      '2417',
      walkId,
      { description: 'Gångtunneln under Storgatan är mörk' },
      {
        address: '10.0.0.1'
      }
    );
    clock.advance(60_000);
    await addTip(
      ctx,
      '2417',
      walkId,
      { description: 'Busskuren vid skolan', lat: '64,9105', lng: '19.4823' },
      { address: '10.0.0.1' }
    );
    await expect(
      addTip(ctx, '2417', walkId, { description: 'Här', lat: '64.9' }, { address: '10.0.0.2' })
    ).rejects.toMatchObject({ fields: [{ field: 'description' }, { field: 'lng' }] });
    const page = await publicWalk(ctx, '2417', walkId);
    expect(page.tipCount).toBe(2);
    expect(page.acceptsTips).toBe(true);
    expect(JSON.stringify(page)).not.toContain('Storgatan');
    const staff = await getWalk(ctx, reporter, walkId);
    expect(staff.tips.map((t) => [t.description, t.lat, t.lng])).toEqual([
      ['Gångtunneln under Storgatan är mörk', null, null],
      ['Busskuren vid skolan', 64.9105, 19.4823]
    ]);
    for (let i = 0; i < 8; i++)
      await addTip(
        ctx,
        '2417',
        walkId,
        { description: `Plats nummer ${i}` },
        { address: '10.0.0.1' }
      );
    await expect(
      addTip(ctx, '2417', walkId, { description: 'En plats till' }, { address: '10.0.0.1' })
    ).rejects.toThrow(/timme/);
    await expect(publicWalk(ctx, '2482', walkId)).rejects.toThrow(/finns inte/);
  });

  it('records observations idempotently, assigns an owner with a link the owner updates without an account', async () => {
    clock.set('2026-12-04T09:00:00Z');
    const first = await recordObservation(ctx, reporter, walkId, {
      category: 'belysning',
      description: 'Trasig lampa på gångvägen',
      lat: 64.911,
      lng: 19.48,
      idempotencyKey: 'queue-key-0001'
    });
    const again = await recordObservation(ctx, reporter, walkId, {
      category: 'belysning',
      description: 'Trasig lampa på gångvägen',
      lat: 64.911,
      lng: 19.48,
      idempotencyKey: 'queue-key-0001'
    });
    expect(again).toMatchObject({ created: false, observation: { id: first.observation.id } });
    clock.advance(60_000);
    const second = await recordObservation(ctx, reporter, walkId, {
      category: 'sikt-vegetation',
      description: 'Häcken skymmer övergångsstället'
    });
    await expect(
      recordObservation(ctx, reporter, walkId, { category: 'annat', description: 'x' })
    ).rejects.toMatchObject({ fields: [{ field: 'category' }, { field: 'description' }] });
    await expect(
      recordObservation(ctx, outsider, walkId, { category: 'trafik', description: 'Fortkörning' })
    ).rejects.toThrow(/finns inte/);

    await expect(
      assignObservation(ctx, reporter, first.observation.id, {
        owner: 'Gatukontoret',
        dueOn: '2026-12-20'
      })
    ).rejects.toThrow(/redaktörer/);
    const { token } = await assignObservation(ctx, editor, first.observation.id, {
      owner: 'Gatukontoret',
      dueOn: '2026-12-20'
    });
    await assignObservation(ctx, editor, second.observation.id, {
      owner: 'Bostadsbolaget',
      dueOn: '2026-12-10'
    });
    const seen = await ownerView(ctx, token);
    expect(seen).toMatchObject({ owner: 'Gatukontoret', observation: { status: 'rapporterad' } });
    await expect(ownerUpdate(ctx, token, { status: 'åtgärdas inte' })).rejects.toMatchObject({
      fields: [{ field: 'note' }]
    });
    clock.set('2026-12-15T09:00:00Z');
    await ownerUpdate(ctx, token, { status: 'åtgärdad', note: 'Lampan är bytt.' });
    await expect(ownerView(ctx, 'x'.repeat(43))).rejects.toThrow(/gått ut/);

    const list = await walkObservations(ctx, reporter, walkId);
    const fixed = list.find((o) => o.id === first.observation.id)!;
    expect(fixed).toMatchObject({
      status: 'åtgärdad',
      reason: 'Lampan är bytt.',
      fixedOn: '2026-12-15'
    });
    expect(fixed.history.map((h) => [h.status, h.via])).toEqual([
      ['rapporterad', 'staff'],
      ['rapporterad', 'staff'],
      ['åtgärdad', 'link']
    ]);
  });

  it('shows only approved observations in public, and the share fixed within due date', async () => {
    const [lamp, hedge] = await walkObservations(ctx, reporter, walkId);
    expect((await publicWalk(ctx, '2417', walkId)).observations).toEqual([]);
    await setObservationPublic(ctx, editor, lamp!.id, true);
    await setObservationPublic(ctx, editor, hedge!.id, true);
    const page = await publicWalk(ctx, '2417', walkId);
    expect(page.observations.map((o) => [o.categoryLabel, o.statusLabel, o.reason])).toEqual([
      ['Belysning', 'Åtgärdad', 'Lampan är bytt.'],
      ['Sikt och växtlighet', 'Rapporterad', null]
    ]);
    expect(page.acceptsTips).toBe(false);
    // The hedge was due 2026-12-10 and is still open on 2026-12-15: one of two in time.
    expect(page.indicator).toEqual({ fixedInTime: 1, judged: 2, share: 0.5 });
    expect((await getWalk(ctx, editor, walkId)).indicator.share).toBe(0.5);
  });

  it('lists overdue observations for the parties’ organisations only', async () => {
    const due = await overdueObservations(ctx, ['kommun-2417'], '2026-12-15');
    expect(due.map((d) => [d.owner, d.dueOn])).toEqual([['Bostadsbolaget', '2026-12-10']]);
    expect(await overdueObservations(ctx, ['kommun-2482'], '2026-12-15')).toEqual([]);
    expect((await overdueObservationsFor(ctx, reporter)).map((d) => d.href)).toEqual([
      expect.stringMatching(new RegExp(`/vandringar/${walkId}#iakttagelse-`))
    ]);
    expect(await overdueObservationsFor(ctx, outsider)).toEqual([]);
    const [, hedge] = await walkObservations(ctx, editor, walkId);
    await updateObservationStatus(ctx, editor, hedge!.id, { status: 'pågår', note: 'Beställt' });
    expect(await overdueObservations(ctx, ['lpo-skelleftea'], '2026-12-15')).toHaveLength(1);
    await updateObservationStatus(ctx, editor, hedge!.id, {
      status: 'åtgärdas inte',
      note: 'Häcken står på privat mark; fastighetsägaren är kontaktad.'
    });
    expect(await overdueObservations(ctx, ['kommun-2417'], '2026-12-15')).toEqual([]);
  });

  it('counts a held walk as one activity of its measure, once', async () => {
    const before = await listActivities(ctx, editor, { agreementId, measureKey });
    await markWalkHeld(ctx, editor, walkId);
    await markWalkHeld(ctx, editor, walkId);
    const after = await listActivities(ctx, editor, { agreementId, measureKey });
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0]).toMatchObject({ date: '2026-12-03', place: 'Centrum', count: 1 });
    expect((await getWalk(ctx, editor, walkId)).walk.status).toBe('held');
    const { id: later } = await planWalk(ctx, editor, agreementId, {
      ...plan(),
      date: '2026-12-30'
    });
    await expect(markWalkHeld(ctx, editor, later)).rejects.toThrow(/ägt rum/);
  });

  it('gives open data without personal data, and GeoJSON with [lng, lat] points', async () => {
    const list = await municipalityWalks(ctx, '2417');
    expect(list.past.map((w) => [w.id, w.observations, w.fixed])).toEqual([[walkId, 2, 1]]);
    expect(list.upcoming.map((w) => w.date)).toEqual(['2026-12-30']);
    await expect(municipalityWalks(ctx, '9999')).rejects.toThrow(/kommunkod/);
    const walks = await openWalks(ctx, { kommun: '2417' });
    expect(walks.map((w) => w.id)).toContain(walkId);
    await expect(openWalks(ctx, { kommun: '24' })).rejects.toMatchObject({
      fields: [{ field: 'kommun' }]
    });
    const open = await openObservations(ctx, walkId);
    expect(open).toHaveLength(2);
    expect(Object.keys(open[0]!)).not.toContain('createdBy');
    const geo = observationsAsGeoJson(open);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(1);
    expect(geo.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [19.48, 64.911] });
  });

  it('lists a walk marked held on its own evening among those that have been, not as coming', async () => {
    clock.set('2026-12-20T08:00:00Z');
    const { id } = await planWalk(ctx, editor, agreementId, { ...plan(), date: '2026-12-20' });
    clock.set('2026-12-20T18:00:00Z'); // 19:00 in Norsjö: the walk ends at 20:00
    const during = await municipalityWalks(ctx, '2417');
    expect(during.upcoming.map((w) => w.id)).toContain(id);
    await markWalkHeld(ctx, editor, id);
    const held = await municipalityWalks(ctx, '2417');
    expect(held.upcoming.map((w) => w.id)).not.toContain(id);
    expect(held.past[0]?.id).toBe(id);
  });
});
