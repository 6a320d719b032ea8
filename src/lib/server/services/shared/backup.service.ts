import type { Ctx } from '../../context';
import { backupSqlite, restoreSqlite } from '../../db/backup';

/** Copies the SQLite database to a file while the app runs (SQLite's online backup). */
export async function backup(ctx: Ctx, file: string): Promise<{ pages: number }> {
  if (ctx.config.database.kind !== 'sqlite') {
    throw new Error(
      'backup works on the embedded SQLite database. For PostgreSQL use: pg_dump --format=custom "$DATABASE_URL" > loften.dump (and pg_restore to restore).'
    );
  }
  return backupSqlite(ctx.config.database.path, file);
}

/** Replaces the SQLite database with a backup file, after checking that it is one. Stop the app first. */
export async function restore(ctx: Ctx, file: string): Promise<void> {
  if (ctx.config.database.kind !== 'sqlite') {
    throw new Error(
      'restore works on the embedded SQLite database. For PostgreSQL use: pg_restore --clean --dbname "$DATABASE_URL" loften.dump'
    );
  }
  await restoreSqlite(file, ctx.config.database.path);
}
