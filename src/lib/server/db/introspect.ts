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

/** One index as the snapshot records it: name, columns in order, and whether it is unique. */
const indexLine = (name: string, unique: boolean, cols: string[]): string =>
  `${name} (${cols.join(', ')})${unique ? ' unique' : ''}`;

/** PostgreSQL may hand an array of names back as its text form '{a,b}'. */
const parsePgArray = (text: string): string[] =>
  text
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean)
    .map((c) => c.replace(/^"|"$/g, ''));

/** SQLite's own indexes of a table (not those behind constraints), with their columns. */
async function sqliteIndexes(db: Kysely<Database>, table: string): Promise<string[]> {
  const list = (
    await sql<{
      name: string;
      unique: number;
      origin: string;
    }>`select name, "unique", origin from pragma_index_list(${table})`.execute(db)
  ).rows.filter((r) => r.origin === 'c');
  const out: string[] = [];
  for (const ix of list) {
    const cols = (
      await sql<{
        name: string;
      }>`select name from pragma_index_info(${ix.name}) order by seqno`.execute(db)
    ).rows.map((r) => r.name);
    out.push(indexLine(ix.name, ix.unique === 1, cols));
  }
  return out;
}

/** Reads tables, columns (type, nullability) and indexes with their columns, normalised across dialects. */
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
        ? await sqliteIndexes(db, t.name)
        : (
            await sql<{
              name: string;
              unique: boolean;
              cols: string[] | string;
            }>`select i.relname as name, ix.indisunique as unique,
                      array_agg(a.attname order by k.ord) as cols
                 from pg_index ix
                 join pg_class i on i.oid = ix.indexrelid
                 join pg_class t on t.oid = ix.indrelid
                 join pg_namespace n on n.oid = t.relnamespace
                 cross join lateral unnest(ix.indkey) with ordinality as k(attnum, ord)
                 join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
                where t.relname = ${t.name} and n.nspname = current_schema()
                  and i.relname not in (select conname from pg_constraint)
                group by i.relname, ix.indisunique`.execute(db)
          ).rows.map((r) =>
            indexLine(r.name, r.unique, Array.isArray(r.cols) ? r.cols : parsePgArray(r.cols))
          );
    out[t.name] = {
      columns: t.columns
        .map((c) => `${c.name} ${typeName(c.dataType)}${c.isNullable ? '' : ' not null'}`)
        .sort(),
      indexes: indexes.sort()
    };
  }
  return out;
}
