import { z } from 'zod';
import {
  defaultSchoolCalendar,
  type SchoolCalendar,
  type SchoolCalendarEntry
} from '../../../core/school-calendar';
import { can, type Actor, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  findMunicipalityByCode,
  findOrganisation
} from '../../db/repositories/accounts/organisation.repository';
import {
  deleteSchoolCalendarCorrection,
  schoolCalendarCorrectionsOf,
  upsertSchoolCalendarCorrection
} from '../../db/repositories/agreements/school-calendar.repository';
import { municipalityOfficialName } from '../../reference/sweden';
import { auditedChange } from '../shared/audit.service';
import { municipalityToEdit } from './municipality-editing';
import { NotFoundError } from '../shared/errors';
import { isoDate, parseInput, strictYear } from '../shared/validation';

/** The entries of a school year an editor can correct, in the order of the year. */
export const SCHOOL_CALENDAR_ENTRIES = [
  'ht',
  'hostlov',
  'jullov',
  'vt',
  'sportlov',
  'paasklov',
  'sommarlov'
] as const;
/** A correctable school-calendar entry: 'ht'/'vt' are the terms, the rest holidays. */
export type SchoolCalendarEntryKey = (typeof SCHOOL_CALENDAR_ENTRIES)[number];

/** Swedish names of the entries. */
export const SCHOOL_CALENDAR_ENTRY_NAMES: Record<SchoolCalendarEntryKey, string> = {
  ht: 'Hösttermin',
  hostlov: 'Höstlov',
  jullov: 'Jullov',
  vt: 'Vårtermin',
  sportlov: 'Sportlov',
  paasklov: 'Påsklov',
  sommarlov: 'Sommarlov'
};

/** The key an entry is corrected under: its kind ('ht'/'vt' for terms) and the year it starts. */
export function entryKey(e: SchoolCalendarEntry): { entry: SchoolCalendarEntryKey; year: number } {
  const [year, month] = [Number(e.from.slice(0, 4)), Number(e.from.slice(5, 7))];
  const entry = e.period === 'term' ? (month >= 7 ? 'ht' : 'vt') : e.period;
  return { entry, year };
}

/** The län a municipality belongs to: its stored county code, or its code's first two digits. */
function countyOf(org: { county_code: string | null; code: string | null }): string | null {
  return org.county_code ?? (org.code && /^\d{4}$/.test(org.code) ? org.code.slice(0, 2) : null);
}

async function calendarOf(
  ctx: Ctx,
  org: { id: string; county_code: string | null; code: string | null },
  fromYear: number,
  toYear: number
): Promise<
  (SchoolCalendarEntry & { corrected: boolean; key: SchoolCalendarEntryKey; year: number })[]
> {
  const defaults = defaultSchoolCalendar(countyOf(org), fromYear, toYear).entries;
  const corrections = await schoolCalendarCorrectionsOf(ctx.db, org.id, fromYear - 1, toYear);
  const byKey = new Map(corrections.map((c) => [`${c.year}/${c.entry}`, c]));
  return defaults
    .map((e) => {
      const { entry, year } = entryKey(e);
      const c = byKey.get(`${year}/${entry}`);
      return c
        ? { ...e, from: c.starts_on, to: c.ends_on, corrected: true, key: entry, year }
        : { ...e, corrected: false, key: entry, year };
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * A municipality's school calendar for the days fromIso–toIso: the defaults for its county with
 * its editors' corrections, every entry that touches those days (whole, not clipped).
 */
export async function schoolCalendarFor(
  ctx: Ctx,
  municipalityId: string,
  fromIso: string,
  toIso: string
): Promise<SchoolCalendar> {
  const org = await findOrganisation(ctx.db, municipalityId);
  if (!org) throw new NotFoundError('Kommunen finns inte.');
  const [fromYear, toYear] = [Number(fromIso.slice(0, 4)), Number(toIso.slice(0, 4))];
  const entries = (await calendarOf(ctx, org, fromYear, toYear))
    .filter((e) => e.to >= fromIso && e.from <= toIso)
    .map(({ period, from, to }) => ({ period, from, to }));
  return { entries };
}

/** A municipality's school year starting in the autumn of `year`, for its calendar page. */
export async function schoolCalendarPage(
  ctx: Ctx,
  actor: Actor | null,
  code: string,
  year: number
) {
  const municipality = await findMunicipalityByCode(ctx.db, code);
  if (!municipality) throw new NotFoundError(`Det finns ingen kommun med kommunkod ${code}.`);
  const all = await calendarOf(ctx, municipality, year, year + 1);
  const ht = all.find((e) => e.key === 'ht' && e.year === year);
  const nextHt = all.find((e) => e.key === 'ht' && e.year === year + 1);
  const entries = all.filter((e) => ht && e.from >= ht.from && (!nextHt || e.from < nextHt.from));
  return {
    municipality: {
      id: municipality.id,
      code,
      name: municipality.name,
      officialName: municipalityOfficialName(municipality.name)
    },
    year,
    editable: can(actor, 'agreement.edit', [municipality.id]),
    entries: entries.map((e) => ({
      key: e.key,
      year: e.year,
      name: SCHOOL_CALENDAR_ENTRY_NAMES[e.key],
      from: e.from,
      to: e.to,
      corrected: e.corrected
    }))
  };
}

const input = z
  .object({
    year: strictYear(),
    entry: z.enum(SCHOOL_CALENDAR_ENTRIES, {
      message: `Välj en av ${SCHOOL_CALENDAR_ENTRIES.join(', ')}.`
    }),
    from: isoDate(),
    to: isoDate(),
    reset: z.enum(['ja']).optional()
  })
  .superRefine((v, c) => {
    if (v.to < v.from)
      c.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Sista dagen kan inte vara före första.'
      });
    const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
    if (days > 200)
      c.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'En termin eller ett lov är högst 200 dagar.'
      });
    const startYear = Number(v.from.slice(0, 4));
    if (startYear !== v.year)
      c.addIssue({
        code: 'custom',
        path: ['from'],
        message: `Första dagen ska ligga under ${v.year}, det år ${SCHOOL_CALENDAR_ENTRY_NAMES[v.entry].toLowerCase()} börjar.`
      });
  });

/** Corrects (or with reset=ja restores to the default) one entry of a municipality's school calendar. */
export async function setSchoolCalendarEntry(
  ctx: Ctx,
  actor: Changer,
  code: string,
  raw: unknown
): Promise<void> {
  const municipality = await municipalityToEdit(
    ctx,
    actor,
    code,
    'Bara kommunens redaktörer får ändra skolkalendern.'
  );
  const v = parseInput(input, raw);
  await auditedChange(
    ctx,
    actor,
    {
      organisationId: municipality.id,
      action: v.reset ? 'school-calendar.reset' : 'school-calendar.set',
      entity: 'school_calendar',
      entityId: `${municipality.id}/${v.year}/${v.entry}`,
      after: v
    },
    async (trx) => {
      if (v.reset) await deleteSchoolCalendarCorrection(trx, municipality.id, v.year, v.entry);
      else
        await upsertSchoolCalendarCorrection(trx, {
          municipality_id: municipality.id,
          year: v.year,
          entry: v.entry,
          starts_on: v.from,
          ends_on: v.to,
          updated_at: ctx.now().toISOString()
        });
    }
  );
}
