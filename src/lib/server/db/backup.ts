import { copyFileSync, existsSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';

/** Online backup of a SQLite file to another file; safe while the app writes. */
export async function backupSqlite(source: string, target: string): Promise<{ pages: number }> {
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(target);
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

/** Checks that a file is a Löften SQLite database, then copies it into place. */
export async function restoreSqlite(backupFile: string, target: string): Promise<void> {
  if (!existsSync(backupFile)) throw new Error(`No such file: ${backupFile}`);
  let probe: SQLite.Database | undefined;
  try {
    probe = new SQLite(backupFile, { readonly: true, fileMustExist: true });
    const ok = probe
      .prepare(
        "select count(*) as n from sqlite_master where name in ('organisations','audit_log')"
      )
      .get() as { n: number };
    if (ok.n !== 2) throw new Error(`${backupFile} is not a Löften database backup`);
    const integrity = probe.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${backupFile} is damaged: ${String(integrity)}`);
  } catch (e) {
    throw new Error(
      e instanceof Error && e.message.includes(backupFile)
        ? e.message
        : `${backupFile} is not a SQLite database`
    );
  } finally {
    probe?.close();
  }
  for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) rmSync(target + suffix);
  copyFileSync(backupFile, target);
}
