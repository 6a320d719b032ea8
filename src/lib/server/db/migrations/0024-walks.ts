import type { Kysely } from 'kysely';

/**
 * Safety walks, door-knocking and night-walking rounds (issue 18): a walk on a measure, places
 * residents point out before it (no personal data asked for), observations with an owner, a due
 * date and a status, their history, and owner links (only the SHA-256 of the token is stored).
 * Positions are plain REAL columns with an index, portable to both databases.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('walks')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('measure_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('meeting_point', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('invited_groups', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('activity_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('walks_agreement_idx')
    .on('walks')
    .columns(['agreement_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('walk_tips')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('walk_id', 'text', (c) => c.notNull().references('walks.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('walk_tips_walk_idx').on('walk_tips').column('walk_id').execute();

  await db.schema
    .createTable('walk_observations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('walk_id', 'text', (c) => c.notNull().references('walks.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('owner', 'text')
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('fixed_on', 'text')
    .addColumn('public_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('photo_ref', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('walk_observations_walk_idx')
    .on('walk_observations')
    .column('walk_id')
    .execute();
  await db.schema
    .createIndex('walk_observations_position_idx')
    .on('walk_observations')
    .columns(['lat', 'lng'])
    .execute();
  await db.schema
    .createIndex('walk_observations_due_idx')
    .on('walk_observations')
    .columns(['status', 'due_on'])
    .execute();

  await db.schema
    .createTable('walk_observation_updates')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('observation_id', 'text', (c) => c.notNull().references('walk_observations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_user', 'text')
    .addColumn('via_link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('walk_observation_updates_obs_idx')
    .on('walk_observation_updates')
    .columns(['observation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('walk_owner_links')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('observation_id', 'text', (c) => c.notNull().references('walk_observations.id'))
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'walk_owner_links',
    'walk_observation_updates',
    'walk_observations',
    'walk_tips',
    'walks'
  ])
    await db.schema.dropTable(t).execute();
}
