import type { Executor } from '../../../context';
import type { ImportUploadTable } from '../../schema';

/** Stores an uploaded spreadsheet until it is imported or expires. */
export const insertUpload = (db: Executor, row: ImportUploadTable) =>
  db.insertInto('import_uploads').values(row).execute();

/** One upload that has not expired by `now` (ISO instant). */
export const findUpload = (db: Executor, id: string, now: string) =>
  db
    .selectFrom('import_uploads')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();

/** Removes uploads that expired before `now`; returns how many. */
export async function deleteExpiredUploads(db: Executor, now: string): Promise<number> {
  const r = await db.deleteFrom('import_uploads').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
