import type { Executor } from '../../../context';
import type { MunicipalityProfileTable } from '../../schema';

/** A municipality's profile without its logo's bytes (pages need only whether there is one). */
export const findProfile = (db: Executor, organisationId: string) =>
  db
    .selectFrom('municipality_profiles')
    .select([
      'organisation_id',
      'colour',
      'logo_type',
      'logo_alt',
      'contact_name',
      'contact_email',
      'contact_phone',
      'map_tile_url',
      'map_attribution',
      'updated_at'
    ])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();

/** The logo of a municipality, if it has one. */
export const findLogo = (db: Executor, organisationId: string) =>
  db
    .selectFrom('municipality_profiles')
    .select(['logo_type', 'logo_data', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('logo_data', 'is not', null)
    .executeTakeFirst();

/** Creates or changes a municipality's profile; fields left out keep their value. */
export async function saveProfile(
  db: Executor,
  organisationId: string,
  patch: Partial<Omit<MunicipalityProfileTable, 'organisation_id'>> & {
    updated_at: string;
    updated_by: string | null;
  }
): Promise<void> {
  const existing = await db
    .selectFrom('municipality_profiles')
    .select('organisation_id')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (existing)
    await db
      .updateTable('municipality_profiles')
      .set(patch)
      .where('organisation_id', '=', organisationId)
      .execute();
  else
    await db
      .insertInto('municipality_profiles')
      .values({
        organisation_id: organisationId,
        colour: null,
        logo_type: null,
        logo_data: null,
        logo_alt: '',
        contact_name: '',
        contact_email: '',
        contact_phone: '',
        map_tile_url: null,
        map_attribution: '',
        ...patch
      })
      .execute();
}

/** A municipality's map tiles by its code: the tile address (null when unset) and attribution. */
export const findMapTiles = (db: Executor, code: string) =>
  db
    .selectFrom('municipality_profiles as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.map_tile_url', 'p.map_attribution'])
    .where('o.kind', '=', 'municipality')
    .where('o.code', '=', code)
    .where('p.map_tile_url', 'is not', null)
    .executeTakeFirst();

/** The tile addresses set by the municipalities of an agreement (usually one). */
export const tileUrlsOfAgreement = async (db: Executor, agreementId: string) =>
  (
    await db
      .selectFrom('agreement_municipalities as am')
      .innerJoin('municipality_profiles as p', 'p.organisation_id', 'am.municipality_id')
      .select('p.map_tile_url')
      .where('am.agreement_id', '=', agreementId)
      .where('p.map_tile_url', 'is not', null)
      .execute()
  ).map((r) => r.map_tile_url as string);
