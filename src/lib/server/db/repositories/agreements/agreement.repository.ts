import type { Executor } from '../../../context';
import type {
  AgreementTable,
  EffectTable,
  FocusAreaTable,
  IndicatorTable,
  SignatoryTable
} from '../../schema';

/** Everything that makes up an agreement's head (not its plan), ready to insert. */
export type AgreementRows = {
  agreement: AgreementTable;
  municipalityIds: string[];
  partyIds: string[];
  signatories: SignatoryTable[];
  focusAreas: FocusAreaTable[];
  effects: EffectTable[];
  indicators: IndicatorTable[];
};

/** Inserts an agreement's head rows. */
export async function insertAgreement(db: Executor, rows: AgreementRows): Promise<void> {
  const id = rows.agreement.id;
  await db.insertInto('agreements').values(rows.agreement).execute();
  if (rows.municipalityIds.length) {
    await db
      .insertInto('agreement_municipalities')
      .values(rows.municipalityIds.map((m) => ({ agreement_id: id, municipality_id: m })))
      .execute();
  }
  if (rows.partyIds.length) {
    await db
      .insertInto('agreement_parties')
      .values(rows.partyIds.map((p) => ({ agreement_id: id, party_id: p })))
      .execute();
  }
  if (rows.signatories.length)
    await db.insertInto('signatories').values(rows.signatories).execute();
  if (rows.focusAreas.length) await db.insertInto('focus_areas').values(rows.focusAreas).execute();
  if (rows.effects.length) await db.insertInto('effects').values(rows.effects).execute();
  if (rows.indicators.length) await db.insertInto('indicators').values(rows.indicators).execute();
}

/** An agreement's row. */
export const findAgreement = (db: Executor, id: string) =>
  db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();

/** The head of an agreement: municipalities, police area, parties, signatories, focus areas, effects, indicators. */
export async function loadAgreementHead(db: Executor, id: string) {
  const [municipalities, parties, signatories, focusAreas, effects, indicators] = await Promise.all(
    [
      db
        .selectFrom('agreement_municipalities as am')
        .innerJoin('organisations as o', 'o.id', 'am.municipality_id')
        .select(['o.id', 'o.code', 'o.name'])
        .where('am.agreement_id', '=', id)
        .orderBy('o.name')
        .execute(),
      db
        .selectFrom('agreement_parties as ap')
        .innerJoin('organisations as o', 'o.id', 'ap.party_id')
        .select(['o.id', 'o.name', 'o.kind', 'o.party_type'])
        .where('ap.agreement_id', '=', id)
        .orderBy('o.name')
        .execute(),
      db
        .selectFrom('signatories')
        .selectAll()
        .where('agreement_id', '=', id)
        .orderBy('name')
        .execute(),
      db
        .selectFrom('focus_areas')
        .selectAll()
        .where('agreement_id', '=', id)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('effects')
        .selectAll()
        .where('agreement_id', '=', id)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('indicators as i')
        .innerJoin('effects as e', 'e.id', 'i.effect_id')
        .selectAll('i')
        .where('e.agreement_id', '=', id)
        .orderBy('i.name')
        .execute()
    ]
  );
  return { municipalities, parties, signatories, focusAreas, effects, indicators };
}

/** Agreement summaries with their municipalities, for lists and the API, ordered by title. */
export async function listAgreementRows(
  db: Executor,
  filter: { municipalityId?: string; policeAreaIds?: string[] } = {}
) {
  let q = db.selectFrom('agreements').selectAll();
  if (filter.municipalityId) {
    const m = filter.municipalityId;
    q = q.where(
      'id',
      'in',
      db
        .selectFrom('agreement_municipalities')
        .select('agreement_id')
        .where('municipality_id', '=', m)
    );
  }
  if (filter.policeAreaIds?.length) q = q.where('police_area_id', 'in', filter.policeAreaIds);
  const agreements = await q.orderBy('title').execute();
  if (!agreements.length) return [];
  const municipalities = await db
    .selectFrom('agreement_municipalities as am')
    .innerJoin('organisations as o', 'o.id', 'am.municipality_id')
    .select(['am.agreement_id', 'o.id', 'o.code', 'o.name'])
    .where(
      'am.agreement_id',
      'in',
      agreements.map((a) => a.id)
    )
    .execute();
  return agreements.map((a) => ({
    ...a,
    municipalities: municipalities.filter((m) => m.agreement_id === a.id)
  }));
}

/** The organisations an agreement belongs to: its municipalities and its police area. */
export async function agreementOrganisationIds(db: Executor, id: string): Promise<string[]> {
  const a = await db
    .selectFrom('agreements')
    .select('police_area_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!a) return [];
  const ms = await db
    .selectFrom('agreement_municipalities')
    .select('municipality_id')
    .where('agreement_id', '=', id)
    .execute();
  return [...ms.map((m) => m.municipality_id), ...(a.police_area_id ? [a.police_area_id] : [])];
}

/** Updates an agreement's own fields. */
export const updateAgreementRow = (db: Executor, id: string, patch: Partial<AgreementTable>) =>
  db.updateTable('agreements').set(patch).where('id', '=', id).execute();

/** The agreements that name a municipality. */
export const agreementIdsNaming = async (db: Executor, municipalityId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('agreement_municipalities')
      .select('agreement_id')
      .where('municipality_id', '=', municipalityId)
      .execute()
  ).map((r) => r.agreement_id);

/** The municipality ids of an agreement. */
export const agreementMunicipalityIds = async (db: Executor, id: string): Promise<string[]> =>
  (
    await db
      .selectFrom('agreement_municipalities')
      .select('municipality_id')
      .where('agreement_id', '=', id)
      .execute()
  ).map((r) => r.municipality_id);

/** Agreements that belong to any of these organisations (as a municipality or police area that has accepted being party). */
export async function agreementIdsOfOrganisations(
  db: Executor,
  organisationIds: string[]
): Promise<string[]> {
  if (!organisationIds.length) return [];
  const rows = await db
    .selectFrom('agreement_consents')
    .select('agreement_id')
    .distinct()
    .where('organisation_id', 'in', organisationIds)
    .where('accepted_at', 'is not', null)
    .execute();
  return rows.map((r) => r.agreement_id);
}
