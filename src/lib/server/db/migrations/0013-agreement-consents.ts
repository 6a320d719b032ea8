import { sql, type Kysely } from 'kysely';

/**
 * Who has agreed to an agreement: one row per named municipality and police area. A named
 * organisation is invited until one of its editors accepts (accepted_at); the agreement is signed
 * when every row has an approval (approved_at) from that organisation's own editor. A change to
 * the head of a draft clears the approvals given so far and counts up agreements.head_version,
 * which an approval names so that nobody approves a text they have not seen.
 *
 * Agreements that exist already were made by their parties: every row is accepted, and those
 * already signed or ended are approved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agreements')
    .addColumn('head_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('agreement_consents')
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text')
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addPrimaryKeyConstraint('agreement_consents_pk', ['agreement_id', 'organisation_id'])
    .execute();
  await db.schema
    .createIndex('agreement_consents_organisation')
    .on('agreement_consents')
    .column('organisation_id')
    .execute();

  await sql`
    insert into agreement_consents
      (agreement_id, organisation_id, side, invited_by, invited_at, accepted_by, accepted_at, approved_by, approved_at)
    select a.id, am.municipality_id, 'municipality', null, a.created_at, null, a.created_at, null,
      case when a.status = 'draft' then null else a.updated_at end
    from agreements a join agreement_municipalities am on am.agreement_id = a.id
  `.execute(db);
  await sql`
    insert into agreement_consents
      (agreement_id, organisation_id, side, invited_by, invited_at, accepted_by, accepted_at, approved_by, approved_at)
    select a.id, a.police_area_id, 'police', null, a.created_at, null, a.created_at, null,
      case when a.status = 'draft' then null else a.updated_at end
    from agreements a
    where a.police_area_id is not null
      and a.police_area_id not in (select municipality_id from agreement_municipalities where agreement_id = a.id)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agreement_consents').execute();
  await db.schema.alterTable('agreements').dropColumn('head_version').execute();
}
