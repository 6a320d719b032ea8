import type { Executor } from '../../../context';
import type { WalkTable, WalkTipTable } from '../../schema';

/** Stores a new walk. */
export const insertWalk = (db: Executor, row: WalkTable) =>
  db.insertInto('walks').values(row).execute();

/** Changes a walk's fields. */
export const updateWalkRow = (
  db: Executor,
  id: string,
  changes: Partial<Omit<WalkTable, 'id' | 'agreement_id'>>
) => db.updateTable('walks').set(changes).where('id', '=', id).execute();

/** One walk, or undefined. */
export const findWalk = (db: Executor, id: string) =>
  db.selectFrom('walks').selectAll().where('id', '=', id).executeTakeFirst();

/** The walks of some agreements, soonest first. */
export const walksOf = (db: Executor, agreementIds: string[], limit = 500) => {
  if (!agreementIds.length) return Promise.resolve([] as WalkTable[]);
  return db
    .selectFrom('walks')
    .selectAll()
    .where('agreement_id', 'in', agreementIds)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit)
    .execute();
};

/** Stores a resident's tip. */
export const insertTip = (db: Executor, row: WalkTipTable) =>
  db.insertInto('walk_tips').values(row).execute();

/** A walk's tips, oldest first. */
export const tipsOf = (db: Executor, walkId: string) =>
  db
    .selectFrom('walk_tips')
    .selectAll()
    .where('walk_id', '=', walkId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** The walks announced by some events (event id → walk id). */
export const walksOfEvents = (db: Executor, eventIds: string[]) => {
  if (!eventIds.length) return Promise.resolve([] as { id: string; event_id: string | null }[]);
  return db
    .selectFrom('walks')
    .select(['id', 'event_id'])
    .where('event_id', 'in', eventIds)
    .execute();
};
