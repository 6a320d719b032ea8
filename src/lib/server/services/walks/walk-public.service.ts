import { z } from 'zod';
import { stockholmDate } from '../../../core/stockholm-date';
import { observationsGeoJson, type GeoFeatureCollection } from '../../../core/walks';
import { hashSecret } from '../../auth/tokens';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  approvedObservationsOfWalks,
  observationsOf
} from '../../db/repositories/walks/observation.repository';
import {
  insertTip,
  tipsOf,
  walksOf,
  walksOfEvents
} from '../../db/repositories/walks/walk.repository';
import type { WalkTipTable } from '../../db/schema';
import { listOpenAgreements } from '../publication/open-data.service';
import { publishedAgreementsOf } from '../publication/public-site.service';
import { recordAudit } from '../shared/audit.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { csvLine } from '../../spreadsheet/csv';
import { hit, isLimited } from '../shared/rate-limit.service';
import { parseInput } from '../shared/validation';
import { presentObservation, type ObservationView } from './observation.service';
import { openObservationsQuery, openWalksQuery, position } from './walk.schema';

export { openObservationsQuery, openWalksQuery };
import { existingWalk, indicatorOf, presentWalk, type WalkView } from './walk.service';
import { fixedInTimeOverTime } from './walk-indicator.service';

/** Tips per connection and walk in an hour (a household shares an address). */
export const TIPS_PER_HOUR = 10;

/** An observation as the public and open data show it: no author, no history, no photo. */
export type PublicObservation = Omit<ObservationView, 'publicApproved' | 'createdAt'>;

const publicObservation = (o: ObservationView): PublicObservation => {
  const { publicApproved: _p, createdAt: _c, ...rest } = o;
  return rest;
};

/** A walk of one of the municipality's published agreements, or NotFoundError. */
async function publicWalkRow(ctx: Ctx, code: string, walkId: string) {
  const { municipality, agreements } = await publishedAgreementsOf(ctx, code);
  const walk = await existingWalk(ctx, walkId);
  const agreement = agreements.find((a) => a.id === walk.agreement_id);
  if (!agreement) throw new NotFoundError('Vandringen finns inte.');
  return { municipality, walk, agreement };
}

/**
 * The public page of a walk: when and where, how many places residents have pointed out (the
 * tips themselves are for staff: they are not checked for personal data), and the protocol:
 * observations an editor has approved, with status and what was done.
 */
export async function publicWalk(ctx: Ctx, code: string, walkId: string) {
  const { municipality, walk, agreement } = await publicWalkRow(ctx, code, walkId);
  const [tips, approved] = await Promise.all([
    tipsOf(ctx.db, walkId),
    observationsOf(ctx.db, walkId, true)
  ]);
  return {
    municipality: { code: municipality.code ?? code, name: municipality.name },
    agreement: { title: agreement.title, demo: agreement.demo },
    walk: presentWalk(walk),
    tipCount: tips.length,
    acceptsTips: walk.status === 'planned' && walk.starts_at > ctx.now().toISOString(),
    observations: approved.map((r) => publicObservation(presentObservation(r))),
    indicator: indicatorOf(approved, stockholmDate(ctx.now()))
  };
}

export type PublicWalkPage = Awaited<ReturnType<typeof publicWalk>>;

const tipInput = z
  .object({
    description: z
      .string()
      .trim()
      .min(5, { message: 'Beskriv platsen, till exempel "Gångtunneln under Storgatan är mörk".' })
      .max(1000, { message: 'Beskrivningen får vara högst 1000 tecken.' }),
    // A field people do not see: filled in only by robots.
    website: z.string().max(0, { message: 'Lämna fältet tomt.' }).optional()
  })
  .and(position);

/**
 * A resident points out a place before the walk: a description and an optional position, no name
 * or contact asked for. Limited per connection (the address is kept only as a hash in the limit).
 */
export async function addTip(
  ctx: Ctx,
  code: string,
  walkId: string,
  input: unknown,
  client: { address: string }
): Promise<void> {
  const { walk } = await publicWalkRow(ctx, code, walkId);
  if (walk.status !== 'planned' || walk.starts_at <= ctx.now().toISOString())
    throw new ValidationError([
      {
        field: 'description',
        message: 'Vandringen har redan ägt rum eller är inställd. Tack ändå!'
      }
    ]);
  const v = parseInput(tipInput, input);
  const limit = {
    key: `walk-tip:${walkId}:${hashSecret(client.address)}`,
    max: TIPS_PER_HOUR,
    windowMinutes: 60
  };
  if (await isLimited(ctx, limit))
    throw new ValidationError([
      {
        field: 'description',
        message: 'Många platser har skickats från samma uppkoppling. Försök igen om en timme.'
      }
    ]);
  await hit(ctx, limit);
  const row: WalkTipTable = {
    id: newId(),
    walk_id: walkId,
    description: v.description,
    lat: v.lat ?? null,
    lng: v.lng ?? null,
    created_at: ctx.now().toISOString()
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertTip(trx, row);
    await recordAudit(
      trx,
      ctx.now(),
      {
        actorId: null,
        organisationId: null,
        action: 'walk.tip',
        entity: 'walk_tip',
        entityId: row.id
      },
      ctx.config.audit.key
    );
  });
}

// ---- Open data ----------------------------------------------------------------------------

/** Walks of published agreements, optionally of one municipality, soonest first. */
export async function openWalks(ctx: Ctx, query: unknown): Promise<WalkView[]> {
  const q = parseInput(openWalksQuery, query);
  const agreements = await listOpenAgreements(ctx, q.kommun ? { kommun: q.kommun } : {});
  return (
    await walksOf(
      ctx.db,
      agreements.map((a) => a.id),
      2000
    )
  ).map(presentWalk);
}

/** The approved observations of a walk of a published agreement. */
export async function openObservations(ctx: Ctx, walkId: string): Promise<PublicObservation[]> {
  const walk = await existingWalk(ctx, walkId);
  const published = await listOpenAgreements(ctx, {});
  if (!published.some((a) => a.id === walk.agreement_id))
    throw new NotFoundError('Vandringen finns inte.');
  return (await approvedObservationsOfWalks(ctx.db, [walkId])).map((r) =>
    publicObservation(presentObservation(r))
  );
}

/**
 * The approved observations of every walk of a published agreement, oldest first: the open data
 * files per agreement (/data/{id}/iakttagelser.csv and .geojson). No authors, no history.
 */
export async function openAgreementObservations(
  ctx: Ctx,
  agreementId: string
): Promise<PublicObservation[]> {
  const published = await listOpenAgreements(ctx, {});
  if (!published.some((a) => a.id === agreementId))
    throw new NotFoundError('Överenskommelsen finns inte eller är inte publicerad.');
  const walks = await walksOf(ctx.db, [agreementId], 2000);
  return (
    await approvedObservationsOfWalks(
      ctx.db,
      walks.map((w) => w.id)
    )
  ).map((r) => publicObservation(presentObservation(r)));
}

/**
 * Which of some agreements have walks, with the latest change of any of their walks (agreement
 * id → ISO instant): the catalogue and /data list walk files for these.
 */
export async function agreementsWithWalks(
  ctx: Ctx,
  agreementIds: string[]
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const w of await walksOf(ctx.db, agreementIds, 5000)) {
    const seen = out.get(w.agreement_id);
    if (!seen || w.updated_at > seen) out.set(w.agreement_id, w.updated_at);
  }
  return out;
}

/** What each column of the observations file holds (shown on /data). */
export const OBSERVATION_COLUMN_TEXT: Record<(typeof OBSERVATION_COLUMNS)[number], string> = {
  id: 'Iakttagelsens id (ändras aldrig).',
  walkId: 'Vandringens id; vandringarna finns i /api/v1/walks.',
  category:
    'Kategori (kod): belysning, sikt-vegetation, skrap-klotter, skadegorelse, trafik, manniskor-beteende, gangvagar, ovrigt.',
  categoryLabel: 'Kategorin i klartext.',
  description: 'Vad som sågs, som en redaktör har godkänt för allmänheten.',
  lat: 'Latitud (WGS 84), tom utan position.',
  lng: 'Longitud (WGS 84), tom utan position.',
  owner: 'Vem som åtgärdar (en organisation, aldrig en person).',
  dueOn: 'Sista dag för åtgärden (ÅÅÅÅ-MM-DD).',
  status: 'Status (kod): rapporterad, accepterad, pågår, åtgärdad, åtgärdas inte.',
  statusLabel: 'Status i klartext.',
  reason: 'Vad som gjordes, eller varför det inte åtgärdas.',
  fixedOn: 'Dag då det åtgärdades.',
  updatedAt: 'Senaste ändring (ISO 8601, UTC).'
};

/** The columns of the observations file, in order; names never change. */
export const OBSERVATION_COLUMNS = [
  'id',
  'walkId',
  'category',
  'categoryLabel',
  'description',
  'lat',
  'lng',
  'owner',
  'dueOn',
  'status',
  'statusLabel',
  'reason',
  'fixedOn',
  'updatedAt'
] as const satisfies readonly (keyof PublicObservation)[];

/**
 * The properties of each GeoJSON feature, in order: the observation's public fields but its id
 * and position (the feature's id and geometry). The one list both the GeoJSON and its schema
 * (`observationsGeoJsonSchema` in core, used by the OpenAPI document) follow.
 */
export const OBSERVATION_FEATURE_PROPERTIES = [
  'walkId',
  'category',
  'categoryLabel',
  'description',
  'owner',
  'dueOn',
  'status',
  'statusLabel',
  'reason',
  'fixedOn',
  'hasPhoto',
  'updatedAt'
] as const satisfies readonly Exclude<keyof PublicObservation, 'id' | 'lat' | 'lng'>[];

/** Observations as RFC 7946 GeoJSON (those with a position). */
export const observationsAsGeoJson = (list: PublicObservation[]): GeoFeatureCollection =>
  observationsGeoJson(
    list.map((o) => ({
      id: o.id,
      lat: o.lat,
      lng: o.lng,
      properties: Object.fromEntries(OBSERVATION_FEATURE_PROPERTIES.map((k) => [k, o[k]]))
    }))
  );

/** Observations as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads å, ä and ö). */
export const observationsCsv = (list: PublicObservation[]): string =>
  '\uFEFF' +
  csvLine([...OBSERVATION_COLUMNS], ',') +
  list
    .map((o) =>
      csvLine(
        OBSERVATION_COLUMNS.map((c) => o[c]),
        ','
      )
    )
    .join('');

/**
 * The public page of each event that announces a walk (event id → address), so the
 * municipality's page links "Var med" events to the walk where residents point out places.
 */
export async function walkPagesOfEvents(
  ctx: Ctx,
  code: string,
  eventIds: string[]
): Promise<Record<string, string>> {
  const rows = await walksOfEvents(ctx.db, eventIds);
  return Object.fromEntries(
    rows.flatMap((r) => (r.event_id ? [[r.event_id, `/kommuner/${code}/vandringar/${r.id}`]] : []))
  );
}

/**
 * A municipality's walks for its public list: upcoming first (soonest first), then those that
 * have been (latest first), each with how many observations are public and the share fixed in
 * time, and that share per tertial over the agreements' years (null when nothing is judged yet).
 */
export async function municipalityWalks(ctx: Ctx, code: string, lang: 'sv' | 'en' = 'sv') {
  const { municipality, agreements } = await publishedAgreementsOf(ctx, code);
  const rows = await walksOf(
    ctx.db,
    agreements.map((a) => a.id),
    2000
  );
  const approved = await approvedObservationsOfWalks(
    ctx.db,
    rows.map((r) => r.id)
  );
  const today = stockholmDate(ctx.now());
  const now = ctx.now().toISOString();
  const walks = rows.map((r) => {
    const own = approved.filter((o) => o.walk_id === r.id);
    return {
      ...presentWalk(r),
      href: `/kommuner/${code}/vandringar/${r.id}`,
      observations: own.length,
      fixed: own.filter((o) => o.status === 'åtgärdad').length,
      indicator: indicatorOf(own, today),
      // Held is past even on its own evening; a planned one is past once it has ended.
      upcoming: r.status !== 'held' && r.ends_at >= now
    };
  });
  return {
    municipality: { code: municipality.code ?? code, name: municipality.name },
    demo: agreements.some((a) => a.demo),
    upcoming: walks.filter((w) => w.upcoming),
    past: walks.filter((w) => !w.upcoming).reverse(),
    overTime: await fixedInTimeOverTime(ctx, agreements, today, lang)
  };
}
