import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from './connection';
import type { Database } from './schema';

/** A dialect-neutral description of the schema, compared against a committed snapshot. */
export type SchemaSnapshot = Record<string, { columns: string[]; indexes: string[] }>;

const typeName = (t: string): string => {
  const s = t.toLowerCase();
  if (s.startsWith('int') || s === 'integer' || s === 'bigint') return 'integer';
  if (s.startsWith('float') || s.startsWith('double') || s === 'real') return 'real';
  if (s === 'text' || s.startsWith('varchar')) return 'text';
  return s;
};

/** Reads tables, columns (type, nullability) and index names, normalised across dialects. */
export async function describeSchema(
  db: Kysely<Database>,
  kind: DatabaseKind
): Promise<SchemaSnapshot> {
  const tables = await db.introspection.getTables();
  const out: SchemaSnapshot = {};
  for (const t of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (t.name.startsWith('kysely_')) continue;
    const indexes =
      kind === 'sqlite'
        ? (
            await sql<{
              name: string;
            }>`select name from sqlite_master where type = 'index' and tbl_name = ${t.name} and name not like 'sqlite_autoindex%'`.execute(
              db
            )
          ).rows.map((r) => r.name)
        : (
            await sql<{
              name: string;
            }>`select indexname as name from pg_indexes where tablename = ${t.name} and schemaname = current_schema() and indexname not in (select conname from pg_constraint)`.execute(
              db
            )
          ).rows.map((r) => r.name);
    out[t.name] = {
      columns: t.columns
        .map((c) => `${c.name} ${typeName(c.dataType)}${c.isNullable ? '' : ' not null'}`)
        .sort(),
      indexes: indexes.sort()
    };
  }
  return out;
}
