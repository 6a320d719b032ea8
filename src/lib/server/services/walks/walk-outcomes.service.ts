import { shortText } from '../../../core/report';
import { stockholmDate } from '../../../core/stockholm-date';
import {
  OBSERVATION_CATEGORY_SV,
  OBSERVATION_STATUS_SV,
  WALK_KIND_SV,
  type ObservationCategory,
  type ObservationStatusCode,
  type WalkKindCode
} from '../../../core/walks';
import type { Ctx } from '../../context';
import { approvedObservationsOfWalks } from '../../db/repositories/walks/observation.repository';
import {
  approvedStatusHistory,
  tipCountsOf
} from '../../db/repositories/walks/walk-indicator.repository';
import { walksOf } from '../../db/repositories/walks/walk.repository';
import type { AtomEntry } from '../../render/publication/report-atom';
import { listOpenAgreements } from '../publication/open-data.service';

/** A walk kind in its definite form, to start a sentence: "Trygghetsvandringen i Centrum …". */
const KIND_DEFINITE: Record<WalkKindCode, string> = {
  trygghetsvandring: 'Trygghetsvandringen',
  dorrknackning: 'Dörrknackningen',
  nattvandring: 'Nattvandringen'
};

/** What a status change says in a feed entry's title, before the observation's own words. */
const STATUS_NEWS: Record<ObservationStatusCode, string> = {
  rapporterad: 'Öppnad igen',
  accepterad: 'Tas om hand',
  pågår: 'Arbetet pågår',
  åtgärdad: 'Åtgärdat',
  'åtgärdas inte': 'Åtgärdas inte'
};

const demoMark = (demo: boolean) => (demo ? ' (demo)' : '');

/**
 * The walk entries of a municipality's feed, for its published agreements: each held walk, and
 * each change of status of an observation an editor has approved for the public ("Åtgärdat:
 * Belysningen vid gångtunneln är trasig"). The first status (reported) is not news of its own:
 * the held walk is. No authors and no notes (a note may name people); each links to the protocol.
 */
export async function walkFeedEntries(
  ctx: Ctx,
  code: string,
  origin: string
): Promise<AtomEntry[]> {
  const agreements = await listOpenAgreements(ctx, { kommun: code });
  const demo = new Map(agreements.map((a) => [a.id, a.demo]));
  const ids = agreements.map((a) => a.id);
  const [walks, history] = await Promise.all([
    walksOf(ctx.db, ids, 2000),
    approvedStatusHistory(ctx.db, ids)
  ]);
  const page = (walkId: string) => `${origin}/kommuner/${code}/vandringar/${walkId}`;
  const held: AtomEntry[] = walks
    .filter((w) => w.status === 'held')
    .map((w) => ({
      id: `urn:uuid:${w.id}`,
      title: `${KIND_DEFINITE[w.kind]} i ${w.area} är genomförd${demoMark(demo.get(w.agreement_id) ?? false)}`,
      updated: w.updated_at,
      published: w.updated_at,
      link: page(w.id),
      category: 'vandring',
      summary:
        `${WALK_KIND_SV[w.kind]} i ${w.area} den ${stockholmDate(new Date(w.starts_at))}. ` +
        'I protokollet ser du vad som upptäcktes, vem som åtgärdar det och när.'
    }));
  const changes: AtomEntry[] = [];
  let previous: { observation: string; status: ObservationStatusCode } | null = null;
  for (const u of history) {
    const first = previous?.observation !== u.observation_id;
    const changed = !first && previous!.status !== u.status;
    previous = { observation: u.observation_id, status: u.status };
    if (!changed) continue;
    const category =
      OBSERVATION_CATEGORY_SV[u.category as ObservationCategory] ?? String(u.category);
    changes.push({
      id: `urn:uuid:${u.id}`,
      title: `${STATUS_NEWS[u.status]}: ${shortText(u.description, 90)}${demoMark(demo.get(u.agreement_id) ?? false)}`,
      updated: u.created_at,
      published: u.created_at,
      link: `${page(u.walk_id)}#iakttagelse-${u.observation_id}`,
      category: 'iakttagelse',
      summary:
        `${category}, från ${WALK_KIND_SV[u.kind as WalkKindCode].toLowerCase()} i ${u.area} ` +
        `den ${stockholmDate(new Date(u.starts_at))}. Ny status: ${OBSERVATION_STATUS_SV[u.status].toLowerCase()}.`
    });
  }
  return [...held, ...changes];
}

/**
 * "Ni sa – vi gör" for walks: the municipality's held walks of published agreements (newest
 * first), how many places residents pointed out before each (only the number: nobody has checked
 * the tips for personal data), and the observations an editor approved, with what was done.
 */
export async function walkAnswers(ctx: Ctx, code: string, limit = 10) {
  const agreements = await listOpenAgreements(ctx, { kommun: code });
  const demo = new Map(agreements.map((a) => [a.id, a.demo]));
  const walks = (
    await walksOf(
      ctx.db,
      agreements.map((a) => a.id),
      2000
    )
  )
    .filter((w) => w.status === 'held')
    .reverse()
    .slice(0, limit);
  const walkIds = walks.map((w) => w.id);
  const [observations, tips] = await Promise.all([
    approvedObservationsOfWalks(ctx.db, walkIds),
    tipCountsOf(ctx.db, walkIds)
  ]);
  return walks.map((w) => ({
    id: w.id,
    href: `/kommuner/${code}/vandringar/${w.id}`,
    kind: w.kind,
    kindLabel: WALK_KIND_SV[w.kind],
    area: w.area,
    date: stockholmDate(new Date(w.starts_at)),
    demo: demo.get(w.agreement_id) ?? false,
    tipCount: tips.get(w.id) ?? 0,
    observations: observations
      .filter((o) => o.walk_id === w.id)
      .map((o) => ({
        id: o.id,
        category: o.category as ObservationCategory,
        categoryLabel:
          OBSERVATION_CATEGORY_SV[o.category as ObservationCategory] ?? String(o.category),
        description: o.description,
        status: o.status,
        statusLabel: OBSERVATION_STATUS_SV[o.status],
        owner: o.owner,
        dueOn: o.due_on,
        fixedOn: o.fixed_on,
        reason: o.status_reason
      }))
  }));
}

export type WalkAnswer = Awaited<ReturnType<typeof walkAnswers>>[number];
