import type { Executor } from '../../../context';
import type { EffectTable, FocusAreaTable, IndicatorTable, OrganisationTable } from '../../schema';

/** The next free position in an agreement's list of focus areas or effects. */
export async function nextPosition(
  db: Executor,
  table: 'focus_areas' | 'effects',
  agreementId: string
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number>('position').as('max'))
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/** Adds a focus area. */
export const insertFocusArea = (db: Executor, row: FocusAreaTable) =>
  db.insertInto('focus_areas').values(row).execute();

/** One focus area of an agreement. */
export const findFocusArea = (db: Executor, agreementId: string, id: string) =>
  db
    .selectFrom('focus_areas')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Changes a focus area. */
export const updateFocusAreaRow = (db: Executor, id: string, patch: Partial<FocusAreaTable>) =>
  db.updateTable('focus_areas').set(patch).where('id', '=', id).execute();

/** Removes a focus area (measures keep existing; their link to it goes). */
export const deleteFocusArea = (db: Executor, id: string) =>
  db.deleteFrom('focus_areas').where('id', '=', id).execute();

/** Adds an effect with its indicators. */
export async function insertEffect(
  db: Executor,
  effect: EffectTable,
  indicators: IndicatorTable[]
): Promise<void> {
  await db.insertInto('effects').values(effect).execute();
  if (indicators.length) await db.insertInto('indicators').values(indicators).execute();
}

/** Adds a party organisation and ties it to the agreement. */
export async function insertPartyForAgreement(
  db: Executor,
  org: OrganisationTable,
  agreementId: string
): Promise<void> {
  await db.insertInto('organisations').values(org).execute();
  await db
    .insertInto('agreement_parties')
    .values({ agreement_id: agreementId, party_id: org.id })
    .execute();
}

/** The groups of one revision, in order. */
export const groupsOf = (db: Executor, revisionId: string) =>
  db
    .selectFrom('measure_groups')
    .selectAll()
    .where('revision_id', '=', revisionId)
    .orderBy('position')
    .execute();

/** Adds a group to a revision. */
export const insertGroup = (
  db: Executor,
  row: { id: string; revision_id: string; position: number; title: string }
) => db.insertInto('measure_groups').values(row).execute();

/** The next free measure position in a revision. */
export async function nextMeasurePosition(db: Executor, revisionId: string): Promise<number> {
  const row = await db
    .selectFrom('measures')
    .select((eb) => eb.fn.max<number>('position').as('max'))
    .where('revision_id', '=', revisionId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/** Whether a measure key is already used anywhere in an agreement (keys are stable across revisions). */
export async function measureKeyTaken(
  db: Executor,
  agreementId: string,
  key: string
): Promise<boolean> {
  return !!(await db
    .selectFrom('measures as m')
    .innerJoin('plan_revisions as r', 'r.id', 'm.revision_id')
    .select('m.id')
    .where('r.agreement_id', '=', agreementId)
    .where('m.measure_key', '=', key)
    .limit(1)
    .executeTakeFirst());
}

/** Adds indicators to existing effects. */
export const insertIndicators = (db: Executor, rows: IndicatorTable[]) =>
  rows.length ? db.insertInto('indicators').values(rows).execute() : Promise.resolve();

/** An indicator of an agreement (through its effect). */
export const findIndicator = (db: Executor, agreementId: string, indicatorId: string) =>
  db
    .selectFrom('indicators as i')
    .innerJoin('effects as e', 'e.id', 'i.effect_id')
    .selectAll('i')
    .where('e.agreement_id', '=', agreementId)
    .where('i.id', '=', indicatorId)
    .executeTakeFirst();

/** Records (or corrects) an indicator's value on a date. */
export const upsertIndicatorValue = (
  db: Executor,
  row: { indicator_id: string; measured_on: string; value: number }
) =>
  db
    .insertInto('indicator_values')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['indicator_id', 'measured_on']).doUpdateSet({ value: row.value })
    )
    .execute();

/** Every value of an agreement's indicators, oldest first. */
export const indicatorValuesOf = (db: Executor, agreementId: string) =>
  db
    .selectFrom('indicator_values as v')
    .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
    .innerJoin('effects as e', 'e.id', 'i.effect_id')
    .select(['v.indicator_id', 'v.measured_on', 'v.value'])
    .where('e.agreement_id', '=', agreementId)
    .orderBy('v.measured_on')
    .execute();

/** One effect of an agreement, with how many values its indicators have recorded. */
export const findEffect = (db: Executor, agreementId: string, id: string) =>
  db
    .selectFrom('effects as e')
    .leftJoin('indicators as i', 'i.effect_id', 'e.id')
    .leftJoin('indicator_values as v', 'v.indicator_id', 'i.id')
    .select(['e.id', 'e.title', 'e.direction'])
    .select((eb) => [
      eb.fn.min<string>('i.id').as('firstIndicatorId'),
      eb.fn.count<number>('v.indicator_id').as('values')
    ])
    .where('e.agreement_id', '=', agreementId)
    .where('e.id', '=', id)
    .groupBy(['e.id', 'e.title', 'e.direction'])
    .executeTakeFirst();

/** Changes an effect. */
export const updateEffectRow = (db: Executor, id: string, patch: Partial<EffectTable>) =>
  db.updateTable('effects').set(patch).where('id', '=', id).execute();

/** Changes an indicator. */
export const updateIndicatorRow = (db: Executor, id: string, patch: Partial<IndicatorTable>) =>
  db.updateTable('indicators').set(patch).where('id', '=', id).execute();

/** Removes an effect and its indicators (the caller makes sure no values are lost). */
export async function deleteEffect(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('indicators').where('effect_id', '=', id).execute();
  await db.deleteFrom('effects').where('id', '=', id).execute();
}

/** A collaborating party of an agreement (never the municipality or the police). */
export const findAgreementParty = (db: Executor, agreementId: string, partyId: string) =>
  db
    .selectFrom('agreement_parties as ap')
    .innerJoin('organisations as o', 'o.id', 'ap.party_id')
    .select(['o.id', 'o.name', 'o.party_type', 'o.owner_id'])
    .where('ap.agreement_id', '=', agreementId)
    .where('ap.party_id', '=', partyId)
    .where('o.kind', '=', 'party')
    .executeTakeFirst();

/** How many measures, in any revision, name a party as collaborator or as responsible. */
export async function partyUseCount(db: Executor, partyId: string): Promise<number> {
  const [collaborating, responsible] = await Promise.all([
    db
      .selectFrom('measure_parties')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('party_id', '=', partyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('measures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('responsible_party_id', '=', partyId)
      .executeTakeFirstOrThrow()
  ]);
  return Number(collaborating.n) + Number(responsible.n);
}

/** Renames a party or changes its type. */
export const updatePartyRow = (
  db: Executor,
  id: string,
  patch: Pick<OrganisationTable, 'name' | 'party_type'>
) => db.updateTable('organisations').set(patch).where('id', '=', id).execute();

/** Takes a party off an agreement (the organisation stays, with its history and any accounts). */
export const removePartyFromAgreement = (db: Executor, agreementId: string, partyId: string) =>
  db
    .deleteFrom('agreement_parties')
    .where('agreement_id', '=', agreementId)
    .where('party_id', '=', partyId)
    .execute();
