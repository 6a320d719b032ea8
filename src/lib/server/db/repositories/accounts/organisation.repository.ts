import type { Executor } from '../../../context';
import type { OrganisationKind, OrganisationTable } from '../../schema';

/** Inserts organisations, skipping ids that already exist. */
export async function insertOrganisations(db: Executor, rows: OrganisationTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('organisations')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/** Counts organisations of one kind. */
export async function countOrganisations(db: Executor, kind: OrganisationKind): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One organisation by id. */
export const findOrganisation = (db: Executor, id: string) =>
  db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

/** A municipality by its four-digit code. */
export const findMunicipalityByCode = (db: Executor, code: string) =>
  db
    .selectFrom('organisations')
    .selectAll()
    .where('kind', '=', 'municipality')
    .where('code', '=', code)
    .executeTakeFirst();

/** Organisations of a kind whose name contains the search words, paged by name. */
export function searchOrganisations(
  db: Executor,
  kind: OrganisationKind,
  q: string,
  limit: number,
  offset: number
) {
  let query = db.selectFrom('organisations').selectAll().where('kind', '=', kind);
  if (q) query = query.where('name', 'like', `%${q.replace(/[%_]/g, '')}%`);
  return query.orderBy('name').limit(limit).offset(offset).execute();
}

/** Organisations by name, exact (for the CLI). */
export const findOrganisationsByName = (db: Executor, name: string) =>
  db.selectFrom('organisations').selectAll().where('name', '=', name).execute();

/** Parties owned by an organisation (a municipality's school, association …). */
export const partiesOwnedBy = (db: Executor, ownerId: string) =>
  db
    .selectFrom('organisations')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .orderBy('name')
    .execute();

/** Names of organisations by id. */
export const organisationNames = (db: Executor, ids: string[]) =>
  ids.length
    ? db.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', 'in', ids).execute()
    : Promise.resolve([]);

/** Every municipality's id, code and name. */
export const listMunicipalities = (db: Executor) =>
  db
    .selectFrom('organisations')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'municipality')
    .execute();

/** Police areas (every level), id and name. */
export const listPoliceAreas = (db: Executor) =>
  db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'police_area').execute();

/** Local police areas (lokalpolisområden) by name, at most `limit`. */
export const listLocalPoliceAreas = (db: Executor, limit: number) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'police_area')
    .where('level', '=', 'lokalpolisomrade')
    .orderBy('name')
    .limit(limit)
    .execute();

/** Which of these ids are organisations. */
export const existingOrganisationIds = async (db: Executor, ids: string[]): Promise<string[]> =>
  ids.length === 0
    ? []
    : (await db.selectFrom('organisations').select('id').where('id', 'in', ids).execute()).map(
        (r) => r.id
      );
