import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Walk maps (issue 18, item 7): each municipality's map tile address (an https URL template with
 * {z}/{x}/{y}) and the attribution its licence asks for, in the municipality profile; an index on
 * the places residents point out, as the observations already have one. Positions stay plain
 * lat/lng columns on both databases (a composite index serves bounding-box queries). When
 * PostgreSQL has PostGIS installed, a GiST index on the points is added as well; it is never
 * required, and the extension is never installed by this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('municipality_profiles').addColumn('map_tile_url', 'text').execute();
  await db.schema
    .alterTable('municipality_profiles')
    .addColumn('map_attribution', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('walk_tips_position_idx')
    .on('walk_tips')
    .columns(['lat', 'lng'])
    .execute();
  if (await hasPostgis(db))
    for (const table of ['walk_observations', 'walk_tips'])
      await sql`CREATE INDEX ${sql.id(`${table}_geo_idx`)} ON ${sql.table(table)} USING gist (
        (ST_SetSRID(ST_MakePoint(lng, lat), 4326))) WHERE lat IS NOT NULL AND lng IS NOT NULL`.execute(
        db
      );
}

/** True on PostgreSQL with the PostGIS extension installed in this database. */
export async function hasPostgis(db: Kysely<unknown>): Promise<boolean> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return false;
  const r = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'postgis'`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await hasPostgis(db))
    for (const table of ['walk_observations', 'walk_tips'])
      await sql`DROP INDEX IF EXISTS ${sql.id(`${table}_geo_idx`)}`.execute(db);
  await db.schema.dropIndex('walk_tips_position_idx').execute();
  await db.schema.alterTable('municipality_profiles').dropColumn('map_attribution').execute();
  await db.schema.alterTable('municipality_profiles').dropColumn('map_tile_url').execute();
}
