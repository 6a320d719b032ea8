import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Audit entries waiting to be chained. A change writes its entry here, keyed with its own MAC, in
 * the change's transaction; a sealer then moves waiting entries into the chain (audit_log) in
 * batches under the head row's lock, so concurrent writers no longer queue on the head for the
 * whole of their transactions. `ord` keeps the order the entries were written in; `nonce` is a
 * random id under the MAC, so a copied entry cannot be sealed twice. See docs/SECURITY.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('audit_pending')
    .addColumn('ord', pg ? sql`bigserial` : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement().notNull()
    )
    .addColumn('nonce', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('organisation_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('row_hash', 'text')
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_pending').execute();
}
