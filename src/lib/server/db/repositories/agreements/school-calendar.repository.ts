import type { Executor } from '../../../context';
import type { SchoolCalendarCorrectionTable } from '../../schema';

/** A municipality's school-calendar corrections for entries starting in fromYear–toYear. */
export const schoolCalendarCorrectionsOf = (
  db: Executor,
  municipalityId: string,
  fromYear: number,
  toYear: number
) =>
  db
    .selectFrom('school_calendar_corrections')
    .select(['year', 'entry', 'starts_on', 'ends_on'])
    .where('municipality_id', '=', municipalityId)
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .execute();

/** Sets (or moves) one corrected school-calendar entry. */
export const upsertSchoolCalendarCorrection = (db: Executor, row: SchoolCalendarCorrectionTable) =>
  db
    .insertInto('school_calendar_corrections')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['municipality_id', 'year', 'entry'])
        .doUpdateSet({ starts_on: row.starts_on, ends_on: row.ends_on, updated_at: row.updated_at })
    )
    .execute();

/** Removes a correction, so the default applies again. */
export const deleteSchoolCalendarCorrection = (
  db: Executor,
  municipalityId: string,
  year: number,
  entry: string
) =>
  db
    .deleteFrom('school_calendar_corrections')
    .where('municipality_id', '=', municipalityId)
    .where('year', '=', year)
    .where('entry', '=', entry)
    .execute();
