import type { Executor } from '../../../context';
import type { WalkContactTable } from '../../schema';

/** Stores a contact of a round. */
export const insertContact = (db: Executor, row: WalkContactTable) =>
  db.insertInto('walk_contacts').values(row).execute();

/** The contact stored with an idempotency key (a phone's queue sending again). */
export const findContactByKey = (db: Executor, key: string) =>
  db.selectFrom('walk_contacts').selectAll().where('idempotency_key', '=', key).executeTakeFirst();

/** A round's contacts, in the order they happened. */
export const contactsOf = (db: Executor, walkId: string) =>
  db
    .selectFrom('walk_contacts')
    .selectAll()
    .where('walk_id', '=', walkId)
    .orderBy('contacted_at')
    .orderBy('id')
    .execute();

/**
 * What the public summary needs and nothing more: the number of contacts, the people reached and
 * each contact's theme keys (never what was said).
 */
export const contactThemesOf = (db: Executor, walkId: string) =>
  db
    .selectFrom('walk_contacts')
    .select(['themes', 'people', 'households'])
    .where('walk_id', '=', walkId)
    .execute();
