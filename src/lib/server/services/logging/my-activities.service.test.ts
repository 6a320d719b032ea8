import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { deleteActivity, logActivity, updateActivity } from './activity.service';
import { loggableMeasures, preselectedMeasure } from './logging.service';
import { correctableActivities } from './my-activities.service';
import { ForbiddenError } from '../shared/errors';

describe.each(DATABASES)(
  'a reporter’s recent activities to correct or undo, on $kind',
  ({ kind }) => {
    let ctx: Ctx;
    let close: () => Promise<void>;
    let reporter: Actor;
    let colleague: Actor;
    let editor: Actor;
    let police: Actor;
    let measureId: (actor: Actor, key: string) => Promise<string>;
    beforeAll(async () => {
      ({ ctx, close } = await openTestContext(kind));
      await keepNorsjoRunning(ctx);
      reporter = (await makeUser(ctx, 'reporter', 'kommun-2417')).actor;
      colleague = (await makeUser(ctx, 'reporter', 'kommun-2417')).actor;
      editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
      police = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
      measureId = async (actor, key) =>
        (await loggableMeasures(ctx, actor)).find((m) => m.key === key)!.id;
    });
    afterAll(() => close());

    it('preselects nothing on a first visit, then the measure the person logged last; their own organisation’s measures come first', async () => {
      const first = await loggableMeasures(ctx, police);
      expect(first.length).toBeGreaterThan(0);
      expect(preselectedMeasure(first)).toBe('');
      const own = first.filter((m) => m.own).length;
      expect(own).toBeGreaterThan(0);
      expect(first.slice(0, own).every((m) => m.own)).toBe(true);
      const traffic = first.find((m) => m.key === 'trafikkontroller')!;
      await logActivity(ctx, police, { measureId: traffic.id, date: '2026-11-20' });
      expect(preselectedMeasure(await loggableMeasures(ctx, police))).toBe(traffic.id);
    });

    it('lists the reporter’s own activities of the last 30 days, and an editor their organisation’s', async () => {
      const walk = await measureId(reporter, 'trygghetsvandring');
      const recent = (await logActivity(ctx, reporter, { measureId: walk, date: '2026-11-20' }))
        .activity;
      const old = (await logActivity(ctx, reporter, { measureId: walk, date: '2026-10-10' }))
        .activity;
      const theirs = (await logActivity(ctx, colleague, { measureId: walk, date: '2026-11-21' }))
        .activity;
      const policeWork = (
        await logActivity(ctx, police, {
          measureId: await measureId(police, 'trafikkontroller'),
          date: '2026-11-22'
        })
      ).activity;

      const mine = await correctableActivities(ctx, reporter);
      expect(mine.from).toBe('2026-10-28');
      expect(mine.items.map((a) => a.id)).toEqual([recent.id]);
      expect(mine.items[0]).toMatchObject({ title: 'Trygghetsvandring', mine: true, count: 1 });
      expect(mine.items.map((a) => a.id)).not.toContain(old.id);

      const editors = (await correctableActivities(ctx, editor)).items.map((a) => a.id);
      expect(editors).toEqual(expect.arrayContaining([recent.id, theirs.id]));
      expect(editors).not.toContain(policeWork.id);
      expect((await correctableActivities(ctx, editor)).items.every((a) => !a.mine)).toBe(true);
    });

    it('lets the reporter correct and undo their own, a colleague neither, and an editor both', async () => {
      const walk = await measureId(reporter, 'trygghetsvandring');
      const a = (await logActivity(ctx, reporter, { measureId: walk, date: '2026-11-24' }))
        .activity;
      await expect(updateActivity(ctx, colleague, a.id, { count: '3' })).rejects.toThrow(
        ForbiddenError
      );
      await expect(deleteActivity(ctx, colleague, a.id)).rejects.toThrow(ForbiddenError);
      expect(
        await updateActivity(ctx, reporter, a.id, { count: '3', note: 'Rättat' })
      ).toMatchObject({ count: 3, note: 'Rättat' });
      expect(await updateActivity(ctx, editor, a.id, { count: '2' })).toMatchObject({ count: 2 });
      await deleteActivity(ctx, reporter, a.id);
      expect((await correctableActivities(ctx, reporter)).items.map((x) => x.id)).not.toContain(
        a.id
      );
      const audit = await ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', a.id)
        .execute();
      expect(audit.map((r) => r.action).sort()).toEqual([
        'activity.create',
        'activity.delete',
        'activity.update',
        'activity.update'
      ]);
    });
  }
);
