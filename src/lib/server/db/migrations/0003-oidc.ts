import type { Kysely } from 'kysely';

/** OpenID Connect sign-in per organisation: providers, linked identities, pending sign-ins. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oidc_providers')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One provider per issuer and organisation: configuring it again updates it.
    .addUniqueConstraint('oidc_providers_organisation_issuer', ['organisation_id', 'issuer'])
    .execute();

  await db.schema
    .createTable('user_identities')
    .addColumn('provider_id', 'text', (c) =>
      c.notNull().references('oidc_providers.id').onDelete('cascade')
    )
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_identities_pk', ['provider_id', 'subject'])
    .execute();
  await db.schema
    .createIndex('user_identities_user')
    .on('user_identities')
    .column('user_id')
    .execute();

  // A sign-in in progress lives in the database, not in one server's memory, so the callback
  // may land on any app server. The state is stored only as its SHA-256.
  await db.schema
    .createTable('oidc_states')
    .addColumn('state_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('provider_id', 'text', (c) =>
      c.notNull().references('oidc_providers.id').onDelete('cascade')
    )
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('next_path', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('oidc_states_expires')
    .on('oidc_states')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['oidc_states', 'user_identities', 'oidc_providers']) {
    await db.schema.dropTable(t).execute();
  }
}
