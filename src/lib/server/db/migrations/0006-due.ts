import type { Kysely } from 'kysely';

/**
 * "What is due": a secret calendar-feed address per user (stored only as SHA-256), the weekly
 * e-mail digest a user has asked for, and scheduled jobs. Jobs live in the database, not in one
 * server's memory, so several app servers can share the work and only one runs each job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('due_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) =>
      c.notNull().unique().references('users.id').onDelete('cascade')
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('digest_subscriptions')
    .addColumn('user_id', 'text', (c) =>
      c.primaryKey().notNull().references('users.id').onDelete('cascade')
    )
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Claimed (set) before sending, so a digest goes out at most once a week per user.
    .addColumn('last_sent_at', 'text')
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('name', 'text', (c) => c.primaryKey().notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    // An instant in the past when free; a server claims a job by moving it forward atomically.
    .addColumn('locked_until', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['jobs', 'digest_subscriptions', 'due_feeds']) {
    await db.schema.dropTable(t).execute();
  }
}
