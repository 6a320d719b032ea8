import type { Executor } from '../../../context';

/**
 * What the public-page cache reads to learn which municipalities' pages a change touched: the
 * audit entries after a sequence number, and the municipality (by code) behind the rows they name.
 */

/** Audit entries with `after < seq <= upTo`, in order: at most `limit`. */
export const auditChangesBetween = (db: Executor, after: number, upTo: number, limit: number) =>
  db
    .selectFrom('audit_log')
    .select(['seq', 'entity', 'entity_id', 'organisation_id'])
    .where('seq', '>', after)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(limit)
    .execute();

/** Tables whose rows carry their agreement's id, by audit entity name. */
const AGREEMENT_TABLES = {
  activity: 'activities',
  focus_area: 'focus_areas',
  effect: 'effects',
  public_event: 'public_events',
  agreement_contact: 'agreement_contacts',
  report: 'reports',
  news_item: 'news_items',
  measure_citation: 'measure_citations',
  walk: 'walks'
} as const;

/** Tables whose rows carry their municipality's organisation id, by audit entity name. */
const MUNICIPALITY_TABLES = {
  survey: 'surveys',
  dialogue: 'dialogues',
  assessment: 'assessments',
  theme: 'themes'
} as const;

export const agreementEntities = Object.keys(AGREEMENT_TABLES);
export const municipalityEntities = Object.keys(MUNICIPALITY_TABLES);

/** How many of `ids` were found, and the agreements they belong to. */
export async function agreementsOf(
  db: Executor,
  entity: string,
  ids: string[]
): Promise<{ found: number; agreementIds: string[] }> {
  if (!ids.length) return { found: 0, agreementIds: [] };
  let rows: { id: string; agreement_id: string }[];
  if (entity === 'agreement')
    rows = (await db.selectFrom('agreements').select('id').where('id', 'in', ids).execute()).map(
      (r) => ({ id: r.id, agreement_id: r.id })
    );
  else if (entity === 'measure')
    rows = await db
      .selectFrom('measures as m')
      .innerJoin('plan_revisions as p', 'p.id', 'm.revision_id')
      .select(['m.id as id', 'p.agreement_id as agreement_id'])
      .where('m.id', 'in', ids)
      .execute();
  else if (entity === 'indicator')
    rows = await db
      .selectFrom('indicators as i')
      .innerJoin('effects as e', 'e.id', 'i.effect_id')
      .select(['i.id as id', 'e.agreement_id as agreement_id'])
      .where('i.id', 'in', ids)
      .execute();
  else if (entity === 'walk_observation' || entity === 'walk_tip')
    // Both tables have `id` and `walk_id`.
    rows = await db
      .selectFrom(
        `${entity === 'walk_tip' ? 'walk_tips' : 'walk_observations'} as t` as 'walk_tips as t'
      )
      .innerJoin('walks as w', 'w.id', 't.walk_id')
      .select(['t.id as id', 'w.agreement_id as agreement_id'])
      .where('t.id', 'in', ids)
      .execute();
  else {
    const table = AGREEMENT_TABLES[entity as keyof typeof AGREEMENT_TABLES];
    if (!table) return { found: 0, agreementIds: [] };
    // One shape for all: each of these tables has `id` and `agreement_id` (text).
    rows = await db
      .selectFrom(table as 'activities')
      .select(['id', 'agreement_id'])
      .where('id', 'in', ids)
      .execute();
  }
  return {
    found: new Set(rows.map((r) => r.id)).size,
    agreementIds: [...new Set(rows.map((r) => r.agreement_id))]
  };
}

/** How many of `ids` were found, and the municipalities (organisation ids) they belong to. */
export async function municipalitiesOf(
  db: Executor,
  entity: string,
  ids: string[]
): Promise<{ found: number; municipalityIds: string[] }> {
  const table = MUNICIPALITY_TABLES[entity as keyof typeof MUNICIPALITY_TABLES];
  if (!ids.length || !table) return { found: 0, municipalityIds: [] };
  const rows = await db
    .selectFrom(table as 'surveys')
    .select(['id', 'municipality_id'])
    .where('id', 'in', ids)
    .execute();
  return {
    found: new Set(rows.map((r) => r.id)).size,
    municipalityIds: [...new Set(rows.map((r) => r.municipality_id))]
  };
}

/** The municipalities (organisation ids) some agreements cover. */
export async function municipalitiesOfAgreements(
  db: Executor,
  agreementIds: string[]
): Promise<string[]> {
  if (!agreementIds.length) return [];
  const rows = await db
    .selectFrom('agreement_municipalities')
    .select('municipality_id')
    .where('agreement_id', 'in', agreementIds)
    .execute();
  return [...new Set(rows.map((r) => r.municipality_id))];
}

/** Organisations by id with their kind and code (a municipality's code is its page's address). */
export async function organisationKinds(
  db: Executor,
  ids: string[]
): Promise<{ id: string; kind: string; code: string | null }[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('organisations')
    .select(['id', 'kind', 'code'])
    .where('id', 'in', ids)
    .execute();
}

/** The newest audit checkpoint (every page's footer shows it), as one comparable string. */
export async function latestCheckpointMark(db: Executor): Promise<string> {
  const c = await db
    .selectFrom('audit_checkpoints')
    .select(['day', 'seq', 'head_hash'])
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  return c ? `${c.day}/${c.seq}/${c.head_hash}` : '';
}
