import type { Executor } from '../../../context';
import type { AgreementContactTable, PublicEventTable } from '../../schema';

/** Stores a new event. */
export const insertEvent = (db: Executor, row: PublicEventTable) =>
  db.insertInto('public_events').values(row).execute();

/** Changes an event's fields. */
export const updateEventRow = (
  db: Executor,
  id: string,
  changes: Partial<Omit<PublicEventTable, 'id' | 'agreement_id'>>
) => db.updateTable('public_events').set(changes).where('id', '=', id).execute();

/** One event of an agreement, or undefined. */
export const findEvent = (db: Executor, agreementId: string, id: string) =>
  db
    .selectFrom('public_events')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Events of some agreements ending at or after an instant, soonest first, a page at a time. */
export const eventsOf = (
  db: Executor,
  agreementIds: string[],
  options: { endsAfter?: string; limit: number; offset?: number }
) => {
  if (!agreementIds.length) return Promise.resolve([] as PublicEventTable[]);
  let q = db.selectFrom('public_events').selectAll().where('agreement_id', 'in', agreementIds);
  if (options.endsAfter) q = q.where('ends_at', '>=', options.endsAfter);
  return q
    .orderBy('starts_at')
    .orderBy('id')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
};

/** Contacts of an agreement in their order. */
export const contactsOf = (db: Executor, agreementId: string) =>
  db
    .selectFrom('agreement_contacts')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('position')
    .execute();

/** Stores a contact at the end of the list. */
export async function insertContact(
  db: Executor,
  row: Omit<AgreementContactTable, 'position'>
): Promise<void> {
  const last = await db
    .selectFrom('agreement_contacts')
    .select((eb) => eb.fn.max<number | null>('position').as('p'))
    .where('agreement_id', '=', row.agreement_id)
    .executeTakeFirst();
  await db
    .insertInto('agreement_contacts')
    .values({ ...row, position: Number(last?.p ?? 0) + 1 })
    .execute();
}

/** Removes a contact of an agreement; the number of rows removed. */
export async function deleteContact(db: Executor, agreementId: string, id: string) {
  const r = await db
    .deleteFrom('agreement_contacts')
    .where('agreement_id', '=', agreementId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * The data version: every change to the data is written with an audit entry in the same
 * transaction, so the audit chain's sequence number moves whenever anything changes. One row,
 * read by primary key, shared by every app server on the database.
 */
export async function auditSequence(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_head')
    .select('seq')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
