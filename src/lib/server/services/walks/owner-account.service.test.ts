import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../shared/errors';
import { recordObservation, walkObservations } from './observation.service';
import { ownerUpdate, ownerView } from './owner-link.service';
import {
  assignedObservation,
  assignedObservationsFor,
  assignOwner,
  ownerOrganisationChoices,
  updateAssignedObservation
} from './owner-account.service';
import { planWalk, walkableMeasures } from './walk.service';

/** A collaborating party of Norsjö's agreement (seed/norsjo.ts): the owner with accounts here. */
const YOUTH_CENTRE = 'norsjo-fritidsgarden';

describe.each(DATABASES)('owners with accounts on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let editor: Actor;
  let walkReporter: Actor;
  let owner: Actor;
  let ownerViewer: Actor;
  let outsider: Actor;
  let walkId: string;
  let lamp: string;
  let hedge: string;

  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
    const agreementId = await keepNorsjoRunning(ctx);
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    walkReporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    outsider = (await makeUser(ctx, 'reporter', 'kommun-2482')).actor;
    const measureKey = (await walkableMeasures(ctx, editor, agreementId)).measures[0]!.key;
    ({ id: walkId } = await planWalk(ctx, editor, agreementId, {
      measureKey,
      kind: 'trygghetsvandring',
      area: 'Centrum',
      meetingPoint: 'Torget',
      date: '2026-12-03',
      startTime: '18:00',
      endTime: '20:00',
      invitedGroups: 'Boende'
    }));
    const record = async (category: string, description: string) =>
      (await recordObservation(ctx, walkReporter, walkId, { category, description })).observation
        .id;
    lamp = await record('belysning', 'Lampan vid fritidsgården är trasig');
    hedge = await record('sikt-vegetation', 'Häcken skymmer entrén');
  });
  afterAll(() => close());

  const choiceIds = async () =>
    (await ownerOrganisationChoices(ctx, editor, walkId)).map((o) => o.id);

  it('offers the agreement’s parties where someone can update, to editors only', async () => {
    const before = await choiceIds();
    expect(before).toEqual(expect.arrayContaining(['kommun-2417', 'lpo-skelleftea']));
    expect(before).not.toContain(YOUTH_CENTRE);
    // A viewer cannot update: the party is not offered on their account alone.
    ownerViewer = (await makeUser(ctx, 'viewer', YOUTH_CENTRE)).actor;
    expect(await choiceIds()).not.toContain(YOUTH_CENTRE);
    owner = (await makeUser(ctx, 'reporter', YOUTH_CENTRE)).actor;
    const after = await ownerOrganisationChoices(ctx, editor, walkId);
    expect(after).toContainEqual({ id: YOUTH_CENTRE, name: 'Fritidsgården' });
    // Skellefteå has accounts but is no party of Norsjö's agreement.
    expect(after.map((o) => o.id)).not.toContain('kommun-2482');
    await expect(ownerOrganisationChoices(ctx, walkReporter, walkId)).rejects.toThrow(/redaktörer/);
  });

  it('gives an observation to an organisation without a link, and refuses one not offered', async () => {
    await expect(
      assignOwner(ctx, editor, lamp, { ownerOrganisationId: 'kommun-2482', dueOn: '2026-12-10' })
    ).rejects.toMatchObject({ fields: [{ field: 'ownerOrganisationId' }] });
    await expect(
      assignOwner(ctx, editor, lamp, { ownerOrganisationId: YOUTH_CENTRE, dueOn: '2026-11-01' })
    ).rejects.toMatchObject({ fields: [{ field: 'dueOn' }] });
    await expect(
      assignOwner(ctx, walkReporter, lamp, {
        ownerOrganisationId: YOUTH_CENTRE,
        dueOn: '2026-12-10'
      })
    ).rejects.toThrow(/redaktörer/);
    const r = await assignOwner(ctx, editor, lamp, {
      ownerOrganisationId: YOUTH_CENTRE,
      owner: '',
      dueOn: '2026-12-10'
    });
    expect(r).toEqual({
      kind: 'organisation',
      organisation: { id: YOUTH_CENTRE, name: 'Fritidsgården' }
    });
    // Written owner text is kept (a department, say); the organisation still sees it.
    await assignOwner(ctx, editor, hedge, {
      ownerOrganisationId: YOUTH_CENTRE,
      owner: 'Fritidsgårdens vaktmästare',
      dueOn: '2026-12-05'
    });
    const staff = await walkObservations(ctx, editor, walkId);
    // Recorded in the same millisecond, so the list's order between them is not the point here.
    expect(staff.map((o) => [o.owner, o.ownerOrganisationId, o.dueOn]).sort()).toEqual([
      ['Fritidsgården', YOUTH_CENTRE, '2026-12-10'],
      ['Fritidsgårdens vaktmästare', YOUTH_CENTRE, '2026-12-05']
    ]);
    expect(await ctx.db.selectFrom('walk_owner_links').selectAll().execute()).toEqual([]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'after_json'])
      .where('action', '=', 'observation.assign')
      .where('entity_id', '=', lamp)
      .execute();
    expect(audit.map((a) => [a.actor_id, JSON.parse(a.after_json!)])).toEqual([
      [
        editor.userId,
        { owner: 'Fritidsgården', ownerOrganisationId: YOUTH_CENTRE, dueOn: '2026-12-10' }
      ]
    ]);
  });

  it('lists them on “what is due” for the organisation’s members only, past due first', async () => {
    clock.set('2026-12-07T09:00:00Z');
    const mine = await assignedObservationsFor(ctx, owner);
    expect(mine.map((o) => [o.id, o.overdue, o.canUpdate])).toEqual([
      [hedge, true, true],
      [lamp, false, true]
    ]);
    expect(mine[1]).toMatchObject({
      categoryLabel: 'Belysning',
      walkLabel: 'Trygghetsvandring, Centrum',
      organisation: 'Fritidsgården',
      statusLabel: 'Rapporterad',
      href: `/vandringar/iakttagelser/${lamp}`
    });
    expect((await assignedObservationsFor(ctx, ownerViewer)).map((o) => o.canUpdate)).toEqual([
      false,
      false
    ]);
    expect(await assignedObservationsFor(ctx, outsider)).toEqual([]);
    // The agreement's own staff are not the owner: the list is the owner's, not the parties'.
    expect(await assignedObservationsFor(ctx, editor)).toEqual([]);
  });

  it('lets a member change the status with the staff rules, recorded with the user', async () => {
    await expect(
      updateAssignedObservation(ctx, owner, lamp, { status: 'åtgärdas inte', note: '' })
    ).rejects.toMatchObject({ fields: [{ field: 'note' }] });
    await updateAssignedObservation(ctx, owner, lamp, {
      status: 'pågår',
      note: 'Ny lampa beställd'
    });
    const seen = await assignedObservation(ctx, owner, lamp);
    expect(seen).toMatchObject({
      organisation: 'Fritidsgården',
      canUpdate: true,
      overdue: false,
      observation: { status: 'pågår', reason: 'Ny lampa beställd' }
    });
    expect(seen.history.at(-1)).toMatchObject({ status: 'pågår', note: 'Ny lampa beställd' });
    const updates = await ctx.db
      .selectFrom('walk_observation_updates')
      .select(['status', 'by_user', 'via_link'])
      .where('observation_id', '=', lamp)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(updates.at(-1)).toEqual({ status: 'pågår', by_user: owner.userId, via_link: null });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'before_json', 'after_json'])
      .where('action', '=', 'observation.status')
      .where('entity_id', '=', lamp)
      .execute();
    expect(audit.map((a) => [a.actor_id, JSON.parse(a.after_json!)])).toEqual([
      [owner.userId, { status: 'pågår', viaLink: null, viaOrganisation: YOUTH_CENTRE }]
    ]);
    await updateAssignedObservation(ctx, owner, lamp, { status: 'åtgärdad', note: 'Bytt.' });
    expect((await assignedObservation(ctx, owner, lamp)).observation).toMatchObject({
      status: 'åtgärdad',
      fixedOn: '2026-12-07'
    });
    // Fixed ones leave the list.
    expect((await assignedObservationsFor(ctx, owner)).map((o) => o.id)).toEqual([hedge]);
  });

  it('refuses a viewer (403), another organisation and the agreement’s staff (404), and the signed-out', async () => {
    expect((await assignedObservation(ctx, ownerViewer, hedge)).canUpdate).toBe(false);
    await expect(
      updateAssignedObservation(ctx, ownerViewer, hedge, { status: 'pågår' })
    ).rejects.toBeInstanceOf(ForbiddenError);
    for (const who of [outsider, editor, walkReporter]) {
      await expect(assignedObservation(ctx, who, hedge)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        updateAssignedObservation(ctx, who, hedge, { status: 'pågår' })
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(assignedObservation(ctx, null, hedge)).rejects.toBeInstanceOf(
      UnauthenticatedError
    );
    await expect(assignedObservation(ctx, owner, 'no-such-id')).rejects.toBeInstanceOf(
      NotFoundError
    );
    await expect(assignedObservation(ctx, owner, 'x\u0000y')).rejects.toBeInstanceOf(NotFoundError);
    expect((await walkObservations(ctx, editor, walkId)).find((o) => o.id === hedge)?.status).toBe(
      'rapporterad'
    );
  });

  it('takes the observation away from the organisation when it gets a free-text owner and a link', async () => {
    const r = await assignOwner(ctx, editor, hedge, {
      ownerOrganisationId: '',
      owner: 'Bostadsbolaget',
      dueOn: '2026-12-20'
    });
    expect(r.kind).toBe('link');
    if (r.kind !== 'link') return;
    expect(await assignedObservationsFor(ctx, owner)).toEqual([]);
    await expect(assignedObservation(ctx, owner, hedge)).rejects.toBeInstanceOf(NotFoundError);
    await ownerUpdate(ctx, r.token, { status: 'accepterad' });
    expect((await walkObservations(ctx, editor, walkId)).find((o) => o.id === hedge)).toMatchObject(
      { owner: 'Bostadsbolaget', ownerOrganisationId: null, status: 'accepterad' }
    );
  });

  it('closes the old link when the observation goes to another owner: it shows nothing more', async () => {
    const first = await assignOwner(ctx, editor, hedge, {
      ownerOrganisationId: '',
      owner: 'Bostadsbolaget',
      dueOn: '2026-12-20'
    });
    if (first.kind !== 'link') throw new Error('expected a link');
    expect((await ownerView(ctx, first.token)).owner).toBe('Bostadsbolaget');
    // To another free-text owner, and then to an organisation with accounts: both close it.
    const second = await assignOwner(ctx, editor, hedge, {
      ownerOrganisationId: '',
      owner: 'Gatukontoret',
      dueOn: '2026-12-20'
    });
    await expect(ownerView(ctx, first.token)).rejects.toThrow(/annan ägare/);
    await expect(ownerUpdate(ctx, first.token, { status: 'åtgärdad' })).rejects.toBeInstanceOf(
      NotFoundError
    );
    if (second.kind !== 'link') throw new Error('expected a link');
    await assignOwner(ctx, editor, hedge, {
      ownerOrganisationId: YOUTH_CENTRE,
      dueOn: '2026-12-20'
    });
    await expect(ownerView(ctx, second.token)).rejects.toThrow(/annan ägare/);
  });
});
