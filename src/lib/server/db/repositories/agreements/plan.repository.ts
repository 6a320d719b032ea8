import type { Executor } from '../../../context';
import type { MeasureGroupTable, MeasureTable, PlanRevisionTable } from '../../schema';

/** A revision's rows, ready to insert. */
export type RevisionRows = {
  /** null when adding groups and measures to an existing revision. */
  revision: PlanRevisionTable | null;
  groups: MeasureGroupTable[];
  measures: MeasureTable[];
  measureParties: { measure_id: string; party_id: string }[];
  measureFocusAreas: { measure_id: string; focus_area_id: string }[];
};

/** Inserts one plan revision with its groups and measures. */
export async function insertRevision(db: Executor, rows: RevisionRows): Promise<void> {
  if (rows.revision) await db.insertInto('plan_revisions').values(rows.revision).execute();

  if (rows.groups.length) await db.insertInto('measure_groups').values(rows.groups).execute();
  for (let i = 0; i < rows.measures.length; i += 50) {
    await db
      .insertInto('measures')
      .values(rows.measures.slice(i, i + 50))
      .execute();
  }
  if (rows.measureParties.length)
    await db.insertInto('measure_parties').values(rows.measureParties).execute();
  if (rows.measureFocusAreas.length)
    await db.insertInto('measure_focus_areas').values(rows.measureFocusAreas).execute();
}

/** The revisions of an agreement, oldest first. */
export const listRevisions = (db: Executor, agreementId: string) =>
  db
    .selectFrom('plan_revisions')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('year')
    .execute();

/** Groups and measures of one revision, with parties and focus areas, in plan order. */
export async function loadRevisionContent(db: Executor, revisionId: string) {
  return (await loadRevisionContents(db, [revisionId]))[0]!;
}

/** The content of several revisions (as loadRevisionContent), four queries in all, in the order of `revisionIds`. */
export async function loadRevisionContents(db: Executor, revisionIds: readonly string[]) {
  if (revisionIds.length === 0) return [];
  const ids = [...new Set(revisionIds)];
  const [groups, measures, parties, focusAreas] = await Promise.all([
    db
      .selectFrom('measure_groups')
      .selectAll()
      .where('revision_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('measures')
      .selectAll()
      .where('revision_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('measure_parties as mp')
      .innerJoin('measures as m', 'm.id', 'mp.measure_id')
      .innerJoin('organisations as o', 'o.id', 'mp.party_id')
      .select(['m.revision_id', 'mp.measure_id', 'o.id', 'o.name', 'o.kind'])
      .where('m.revision_id', 'in', ids)
      .execute(),
    db
      .selectFrom('measure_focus_areas as mf')
      .innerJoin('measures as m', 'm.id', 'mf.measure_id')
      .select(['m.revision_id', 'mf.measure_id', 'mf.focus_area_id'])
      .where('m.revision_id', 'in', ids)
      .execute()
  ]);
  return revisionIds.map((id) => ({
    groups: groups.filter((g) => g.revision_id === id),
    measures: measures.filter((m) => m.revision_id === id),
    parties: parties
      .filter((p) => p.revision_id === id)
      .map(({ measure_id, id: partyId, name, kind }) => ({ measure_id, id: partyId, name, kind })),
    focusAreas: focusAreas
      .filter((f) => f.revision_id === id)
      .map(({ measure_id, focus_area_id }) => ({ measure_id, focus_area_id }))
  }));
}

/** One measure row with the agreement it belongs to. */
export const findMeasure = (db: Executor, id: string) =>
  db
    .selectFrom('measures as m')
    .innerJoin('plan_revisions as r', 'r.id', 'm.revision_id')
    .selectAll('m')
    .select(['r.agreement_id', 'r.year'])
    .where('m.id', '=', id)
    .executeTakeFirst();

/** Replaces a measure's fields, parties and focus areas. */
export async function updateMeasureRow(
  db: Executor,
  id: string,
  patch: Partial<MeasureTable>,
  partyIds: string[],
  focusAreaIds: string[]
): Promise<void> {
  await db.updateTable('measures').set(patch).where('id', '=', id).execute();
  await db.deleteFrom('measure_parties').where('measure_id', '=', id).execute();
  if (partyIds.length)
    await db
      .insertInto('measure_parties')
      .values(partyIds.map((p) => ({ measure_id: id, party_id: p })))
      .execute();
  await db.deleteFrom('measure_focus_areas').where('measure_id', '=', id).execute();
  if (focusAreaIds.length) {
    await db
      .insertInto('measure_focus_areas')
      .values(focusAreaIds.map((f) => ({ measure_id: id, focus_area_id: f })))
      .execute();
  }
}

/** Removes a measure from its revision. */
export const deleteMeasureRow = (db: Executor, id: string) =>
  db.deleteFrom('measures').where('id', '=', id).execute();

/** Sets the list of removed measures of a revision. */
export const setRemoved = (db: Executor, revisionId: string, removedJson: string) =>
  db
    .updateTable('plan_revisions')
    .set({ removed_json: removedJson })
    .where('id', '=', revisionId)
    .execute();

/** The earlier targets of an agreement's measures, each with the last day it governed, oldest first. */
export const targetChangesOf = (db: Executor, agreementId: string) =>
  db
    .selectFrom('measure_target_changes as c')
    .innerJoin('measures as m', 'm.id', 'c.measure_id')
    .innerJoin('plan_revisions as r', 'r.id', 'm.revision_id')
    .select(['c.measure_id', 'c.until_on', 'c.target_json', 'c.target_text'])
    .where('r.agreement_id', '=', agreementId)
    .orderBy('c.measure_id')
    .orderBy('c.until_on')
    .execute();

/** Keeps a measure's earlier target for the days through `until_on`. */
export const insertTargetChange = (
  db: Executor,
  row: {
    id: string;
    measure_id: string;
    until_on: string;
    target_text: string;
    target_json: string;
    created_at: string;
  }
) => db.insertInto('measure_target_changes').values(row).execute();
