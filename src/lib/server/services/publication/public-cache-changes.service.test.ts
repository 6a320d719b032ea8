import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../../../../test/support/databases';
import { openNorsjoDemo } from '../../../../../test/support/factories';
import { SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  listRevisions,
  loadRevisionContent
} from '../../db/repositories/agreements/plan.repository';
import { logActivity } from '../logging/activity.service';
import { ChangeWatch, touchedMunicipalities } from './public-cache-changes.service';

describe.each(DATABASES)('which municipalities a change touches, on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let measureId: string;
  beforeAll(async () => {
    ({ ctx, close, id: agreementId } = await openNorsjoDemo(kind));
    const revisions = await listRevisions(ctx.db, agreementId);
    measureId = (await loadRevisionContent(ctx.db, revisions.at(-1)!.id)).measures[0]!.id;
  });
  afterAll(() => close());

  const place = (entity: string, entity_id: string, organisation_id: string | null = null) =>
    touchedMunicipalities(ctx, [{ entity, entity_id, organisation_id }]);

  it('places rows of an agreement in the municipalities it covers', async () => {
    expect(await place('agreement', agreementId)).toEqual(new Set(['2417']));
    expect(await place('measure', measureId)).toEqual(new Set(['2417']));
    const activity = await logActivity(ctx, SYSTEM, { measureId, count: 1 });
    expect(await place('activity', activity.activity.id)).toEqual(new Set(['2417']));
  });

  it('moves nothing for what no public page shows, and everything for what it cannot place', async () => {
    expect(await place('user', 'u1')).toEqual(new Set());
    expect(await place('api_token', 't1')).toEqual(new Set());
    expect(await place('activity', 'no-such-activity')).toBe('all');
    expect(await place('something_new', 'x')).toBe('all');
    expect(await place('organisation', 'lpo-skelleftea')).toBe('all'); // a police area
    expect(await place('survey_answer', 'a1', null)).toBe('all');
  });

  it('lets a second server see a change made through the first within its interval', async () => {
    // Two servers on one database: each has its own watch; neither tells the other anything.
    // The second is another process: it never sees the first's own committed changes.
    let now = 0;
    const clock = () => now;
    const first = new ChangeWatch(250, clock);
    const second = new ChangeWatch(250, clock, () => 0);
    const norsjo = await second.version(ctx, '2417');
    const other = await second.version(ctx, '2480');
    const everyone = await second.version(ctx, null);
    await first.version(ctx, '2417');
    await logActivity(ctx, SYSTEM, { measureId, count: 1 }); // written "through the first"
    now = 100; // within the interval: no look, the same versions
    expect(await second.version(ctx, '2417')).toBe(norsjo);
    now = 300;
    expect(await second.version(ctx, '2417')).not.toBe(norsjo);
    expect(await second.version(ctx, '2480')).toBe(other);
    expect(await second.version(ctx, null)).not.toBe(everyone);
    expect(await first.version(ctx, '2417')).toBe(await second.version(ctx, '2417'));
  });

  it('lets the server that made a change see it at once, inside its interval', async () => {
    let now = 0;
    const own = new ChangeWatch(250, () => now);
    const before = await own.version(ctx, '2417');
    await logActivity(ctx, SYSTEM, { measureId, count: 1 });
    now = 1; // well inside the interval; this process committed the change, so it looks again
    const after = await own.version(ctx, '2417');
    expect(after).not.toBe(before);
    now = 2; // nothing new: no further look, the same version
    const looks = own.looks;
    expect(await own.version(ctx, '2417')).toBe(after);
    expect(own.looks).toBe(looks);
  });
});
