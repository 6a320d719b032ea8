import type { Executor } from '../../../context';

/** A municipality's risk occasions set for some years. */
export const riskOccasionsOf = (
  db: Executor,
  municipalityIds: string[],
  fromYear: number,
  toYear: number
) =>
  municipalityIds.length
    ? db
        .selectFrom('risk_occasions')
        .select(['municipality_id', 'year', 'key', 'name', 'occurs_on'])
        .where('municipality_id', 'in', municipalityIds)
        .where('year', '>=', fromYear)
        .where('year', '<=', toYear)
        .orderBy('occurs_on')
        .execute()
    : Promise.resolve([]);

/** Sets (or moves) one risk occasion of a municipality for a year. */
export const upsertRiskOccasion = (
  db: Executor,
  row: {
    id: string;
    municipality_id: string;
    year: number;
    key: string;
    name: string;
    occurs_on: string;
  }
) =>
  db
    .insertInto('risk_occasions')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['municipality_id', 'year', 'key'])
        .doUpdateSet({ name: row.name, occurs_on: row.occurs_on })
    )
    .execute();
