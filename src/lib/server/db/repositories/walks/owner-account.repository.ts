import type { Executor } from '../../../context';

/** Roles that can change an observation's status (a viewer only sees it). */
const UPDATING_ROLES = ['reporter', 'editor', 'admin'] as const;

/**
 * The agreement's parties (its municipalities, its police area and its collaborating parties)
 * where at least one active account may update an observation, by name.
 */
export const ownerOrganisationsOf = (db: Executor, agreementId: string) =>
  db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name', 'o.kind'])
    .where((eb) =>
      eb.or([
        eb(
          'o.id',
          'in',
          eb
            .selectFrom('agreement_municipalities')
            .select('municipality_id')
            .where('agreement_id', '=', agreementId)
        ),
        eb(
          'o.id',
          'in',
          eb
            .selectFrom('agreement_parties')
            .select('party_id')
            .where('agreement_id', '=', agreementId)
        ),
        eb(
          'o.id',
          '=',
          eb.selectFrom('agreements').select('police_area_id').where('id', '=', agreementId)
        )
      ])
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select('m.user_id')
          .whereRef('m.organisation_id', '=', 'o.id')
          .where('m.role', 'in', UPDATING_ROLES)
          .where('u.disabled_at', 'is', null)
      )
    )
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();

/**
 * Open observations given to these organisations, with their walk and the organisation's name,
 * earliest due first (so those past due come first); found by
 * walk_observations_owner_organisation_idx.
 */
export const openObservationsOfOwners = (db: Executor, organisationIds: string[]) => {
  if (!organisationIds.length) return Promise.resolve([]);
  return (
    db
      .selectFrom('walk_observations as ob')
      .innerJoin('walks as w', 'w.id', 'ob.walk_id')
      .innerJoin('organisations as org', 'org.id', 'ob.owner_organisation_id')
      .select([
        'ob.id',
        'ob.category',
        'ob.description',
        'ob.owner',
        'ob.owner_organisation_id',
        'ob.due_on',
        'ob.status',
        'w.area',
        'w.kind',
        'org.name as organisation_name',
        'org.kind as organisation_kind'
      ])
      .where('ob.owner_organisation_id', 'in', organisationIds)
      .where('ob.status', 'not in', ['åtgärdad', 'åtgärdas inte'])
      // Without a due date last on both databases (SQLite sorts NULL first, PostgreSQL last).
      .orderBy((eb) => eb.case().when('ob.due_on', 'is', null).then(1).else(0).end())
      .orderBy('ob.due_on')
      .orderBy('ob.created_at')
      .orderBy('ob.id')
      .limit(500)
      .execute()
  );
};
