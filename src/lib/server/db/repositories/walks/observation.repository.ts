import type { Executor } from '../../../context';
import type {
  WalkObservationTable,
  WalkObservationUpdateTable,
  WalkOwnerLinkTable
} from '../../schema';

/** Stores a new observation. */
export const insertObservation = (db: Executor, row: WalkObservationTable) =>
  db.insertInto('walk_observations').values(row).execute();

/** Changes an observation's fields. */
export const updateObservationRow = (
  db: Executor,
  id: string,
  changes: Partial<Omit<WalkObservationTable, 'id' | 'walk_id'>>
) => db.updateTable('walk_observations').set(changes).where('id', '=', id).execute();

/** One observation, or undefined. */
export const findObservation = (db: Executor, id: string) =>
  db.selectFrom('walk_observations').selectAll().where('id', '=', id).executeTakeFirst();

/** The observation stored with an idempotency key (an offline queue sending again). */
export const findObservationByKey = (db: Executor, key: string) =>
  db
    .selectFrom('walk_observations')
    .selectAll()
    .where('idempotency_key', '=', key)
    .executeTakeFirst();

/** A walk's observations in the order they were recorded; `approvedOnly` for the public. */
export const observationsOf = (db: Executor, walkId: string, approvedOnly = false) => {
  let q = db.selectFrom('walk_observations').selectAll().where('walk_id', '=', walkId);
  if (approvedOnly) q = q.where('public_approved', '=', 1);
  return q.orderBy('created_at').orderBy('id').execute();
};

/** Approved observations of several walks (open data). */
export const approvedObservationsOfWalks = (db: Executor, walkIds: string[]) => {
  if (!walkIds.length) return Promise.resolve([] as WalkObservationTable[]);
  return db
    .selectFrom('walk_observations')
    .selectAll()
    .where('walk_id', 'in', walkIds)
    .where('public_approved', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
};

/** Counts of a walk's observations, approved ones and those approved, per walk. */
export const observationCountsOf = async (db: Executor, walkIds: string[]) => {
  if (!walkIds.length) return new Map<string, number>();
  const rows = await db
    .selectFrom('walk_observations')
    .select(['walk_id', db.fn.countAll<string | number>().as('n')])
    .where('walk_id', 'in', walkIds)
    .where('public_approved', '=', 1)
    .groupBy('walk_id')
    .execute();
  return new Map(rows.map((r) => [r.walk_id, Number(r.n)]));
};

/** Adds a line to an observation's history. */
export const insertObservationUpdate = (db: Executor, row: WalkObservationUpdateTable) =>
  db.insertInto('walk_observation_updates').values(row).execute();

/** The history of an observation, oldest first. */
export const updatesOf = (db: Executor, observationId: string) =>
  db
    .selectFrom('walk_observation_updates')
    .selectAll()
    .where('observation_id', '=', observationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Stores an owner link (its token only as a hash). */
export const insertOwnerLink = (db: Executor, row: WalkOwnerLinkTable) =>
  db.insertInto('walk_owner_links').values(row).execute();

/** The owner link with this token hash, or undefined. */
export const findOwnerLink = (db: Executor, tokenHash: string) =>
  db
    .selectFrom('walk_owner_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();

/**
 * Open observations past their due date, of agreements where one of the organisations is a
 * party (its police area or one of its municipalities), oldest due first.
 */
export const overdueObservationRows = (db: Executor, organisationIds: string[], today: string) => {
  if (!organisationIds.length) return Promise.resolve([]);
  return db
    .selectFrom('walk_observations as o')
    .innerJoin('walks as w', 'w.id', 'o.walk_id')
    .innerJoin('agreements as a', 'a.id', 'w.agreement_id')
    .select([
      'o.id',
      'o.walk_id',
      'o.category',
      'o.description',
      'o.owner',
      'o.due_on',
      'o.status',
      'w.agreement_id',
      'w.area',
      'w.kind'
    ])
    .where('o.status', 'not in', ['åtgärdad', 'åtgärdas inte'])
    .where('o.due_on', 'is not', null)
    .where('o.due_on', '<', today)
    .where((eb) =>
      eb.or([
        eb('a.police_area_id', 'in', organisationIds),
        eb(
          'a.id',
          'in',
          eb
            .selectFrom('agreement_municipalities')
            .select('agreement_id')
            .where('municipality_id', 'in', organisationIds)
        )
      ])
    )
    .orderBy('o.due_on')
    .orderBy('o.id')
    .execute();
};
