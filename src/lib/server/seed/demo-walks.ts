import { addDays } from '../../core';
import type { Actor } from '../auth/policy';
import type { Ctx } from '../context';
import { walksOf } from '../db/repositories/walks/walk.repository';
import {
  assignObservation,
  recordObservation,
  setObservationPublic,
  updateObservationStatus
} from '../services/walks/observation.service';
import { assignOwner, ownerOrganisationChoices } from '../services/walks/owner-account.service';
import { markWalkHeld, planWalk, walkableMeasures } from '../services/walks/walk.service';
import { norsjoIds } from './norsjo.service';

/** The demo walks' areas: "(demo)" shows wherever a walk is named (list, protocol, feed, events). */
export const DEMO_WALK_AREA = 'Norsjö centrum (demo)';
export const DEMO_PAST_WALK_AREA = 'Bastuträsk stationsområde (demo)';

/**
 * Who makes the demo walks: an editor of Norsjö kommun that is no account (nobody signs in as
 * it); the audit trail names it 'demo-seed'. The walk services need an actor with a role.
 */
const demoEditor = (): Actor => ({
  userId: 'demo-seed',
  name: 'Demo',
  email: 'demo@demo.loften.se',
  memberships: [{ organisationId: norsjoIds().municipality, role: 'editor' }]
});

/** A context whose clock says `iso`: the demo's history happens on its own days. */
const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });

/** The measure a safety walk belongs to: one that names walks, else the plan's first. */
async function walkMeasure(ctx: Ctx, agreementId: string): Promise<string | null> {
  const { measures } = await walkableMeasures(ctx, demoEditor(), agreementId);
  const named = measures.find((m) => /trygghetsvandring/i.test(m.title));
  return (named ?? measures[0])?.key ?? null;
}

/**
 * Demo mode only: a safety walk two weeks ahead (planned through the walk service, so its event
 * is on the municipality's page and in the calendar), unless one is still to come.
 */
export async function ensureUpcomingDemoWalk(ctx: Ctx, agreementId: string, today: string) {
  const now = ctx.now().toISOString();
  const walks = await walksOf(ctx.db, [agreementId], 5000);
  if (walks.some((w) => w.area === DEMO_WALK_AREA && w.status === 'planned' && w.starts_at > now))
    return;
  const measureKey = await walkMeasure(ctx, agreementId);
  if (!measureKey) return;
  await planWalk(ctx, demoEditor(), agreementId, {
    measureKey,
    kind: 'trygghetsvandring',
    area: DEMO_WALK_AREA,
    meetingPoint: 'Folkets hus, Norsjö (demo)',
    date: addDays(today, 14),
    startTime: '18:30',
    endTime: '20:00',
    invitedGroups: 'Boende, Fastighetsägare, Föreningar'
  });
}

/**
 * Demo mode only, once: a safety walk four weeks ago with its protocol: four observations an
 * editor approved, one fixed in time, one fixed late, one in progress and one that will not be
 * fixed (with the reason), each change on its own day. Marked held the evening it took place
 * through the walk service, so it counts as an activity of its measure as a held walk does (issue
 * 18), that activity carrying the demo mark like the other invented ones.
 */
export async function ensurePastDemoWalk(ctx: Ctx, agreementId: string, today: string) {
  const walks = await walksOf(ctx.db, [agreementId], 5000);
  if (walks.some((w) => w.area === DEMO_PAST_WALK_AREA)) return;
  const measureKey = await walkMeasure(ctx, agreementId);
  if (!measureKey) return;
  const day = (n: number, time = '10:00') => `${addDays(today, n)}T${time}:00Z`;
  const { id } = await planWalk(at(ctx, day(-40)), demoEditor(), agreementId, {
    measureKey,
    kind: 'trygghetsvandring',
    area: DEMO_PAST_WALK_AREA,
    meetingPoint: 'Stationen i Bastuträsk (demo)',
    date: addDays(today, -28),
    startTime: '18:00',
    endTime: '19:30',
    invitedGroups: 'Boende, Trafikverket, Bostadsbolaget'
  });
  const walkDay = at(ctx, day(-28, '19:00'));
  const seen = async (category: string, description: string, lat: number, lng: number) =>
    (
      await recordObservation(walkDay, demoEditor(), id, {
        category,
        description: `DEMO: ${description}`,
        lat,
        lng
      })
    ).observation.id;
  const lamp = await seen(
    'belysning',
    'Två lampor är trasiga på gångvägen mot stationen.',
    65.1981,
    19.4716
  );
  const hedge = await seen(
    'sikt-vegetation',
    'Buskarna vid busshållplatsen skymmer sikten.',
    65.1975,
    19.4731
  );
  const graffiti = await seen(
    'skrap-klotter',
    'Klotter och krossat glas i väntkuren.',
    65.1978,
    19.4702
  );
  const road = await seen('trafik', 'Bilar kör fort förbi skolan på kvällarna.', 65.1969, 19.4755);
  await markWalkHeld(at(ctx, day(-28, '19:30')), demoEditor(), id, { demo: true });
  const next = at(ctx, day(-27));
  await assignObservation(next, demoEditor(), lamp, {
    owner: 'Norsjö kommun, gatuenheten (demo)',
    dueOn: addDays(today, -14)
  });
  await assignObservation(next, demoEditor(), graffiti, {
    owner: 'Trafikverket (demo)',
    dueOn: addDays(today, -20)
  });
  // The hedge goes to Norsjö kommun's park unit: where the municipality has accounts (demo mode
  // makes them first) as an organisation whose people see it on Att göra and update it signed
  // in; without accounts (`loften demo norsjo` on a production database) as free text with a link.
  const hedgeOwner = { owner: 'Norsjö kommun, parkenheten (demo)', dueOn: addDays(today, 14) };
  const municipality = norsjoIds().municipality;
  if ((await ownerOrganisationChoices(next, demoEditor(), id)).some((o) => o.id === municipality))
    await assignOwner(next, demoEditor(), hedge, {
      ...hedgeOwner,
      ownerOrganisationId: municipality
    });
  else await assignObservation(next, demoEditor(), hedge, hedgeOwner);
  await assignObservation(next, demoEditor(), road, {
    owner: 'Polisen (demo)',
    dueOn: addDays(today, -7)
  });
  await updateObservationStatus(at(ctx, day(-25)), demoEditor(), graffiti, {
    status: 'accepterad'
  });
  await updateObservationStatus(at(ctx, day(-20)), demoEditor(), lamp, {
    status: 'åtgärdad',
    note: 'DEMO: Lamporna är bytta.'
  });
  await updateObservationStatus(at(ctx, day(-12)), demoEditor(), hedge, {
    status: 'pågår',
    note: 'DEMO: Beskärning beställd.'
  });
  await updateObservationStatus(at(ctx, day(-10)), demoEditor(), graffiti, {
    status: 'åtgärdad',
    note: 'DEMO: Kuren är sanerad och glaset bortforslat.'
  });
  await updateObservationStatus(at(ctx, day(-6)), demoEditor(), road, {
    status: 'åtgärdas inte',
    note: 'DEMO: Hastigheten mättes en vecka utan överträdelser; polisen följer upp vid nästa vandring.'
  });
  const approved = at(ctx, day(-5));
  for (const o of [lamp, hedge, graffiti, road])
    await setObservationPublic(approved, demoEditor(), o, true);
}
