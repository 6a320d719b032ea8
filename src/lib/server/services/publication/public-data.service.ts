import { STATUS_SV } from '../../../i18n/status';
import type { Ctx } from '../../context';
import { csvStream } from '../../spreadsheet/csv';
import type { Cell } from '../../spreadsheet/grid';
import { parseInput } from '../shared/validation';
import { getOpenAgreement, getOpenFollowUp } from './open-data.service';
import { z } from 'zod';

/** A column of an open-data file: its stable name and what it holds (documented on /data). */
export type OpenColumn = { name: string; description: string };

/** The plan file: one row per public measure of the plan in force. Names never change; new ones are added at the end. */
export const PLAN_COLUMNS: OpenColumn[] = [
  { name: 'agreement_id', description: 'Överenskommelsens id (som i JSON-API:t).' },
  { name: 'agreement_title', description: 'Överenskommelsens namn.' },
  { name: 'municipality_codes', description: 'Kommunkoder, åtskilda med |.' },
  { name: 'plan_year', description: 'Året för planversionen raden kommer från.' },
  { name: 'measure_key', description: 'Åtgärdens stabila nyckel över planversioner.' },
  { name: 'measure_title', description: 'Åtgärden.' },
  { name: 'measure_description', description: 'Åtgärden beskriven.' },
  { name: 'group', description: 'Rubriken i planen.' },
  { name: 'focus_areas', description: 'Fokusområden, åtskilda med |.' },
  { name: 'target_text', description: 'Målet med planens egna ord.' },
  {
    name: 'target_kind',
    description: 'Måltyp: count, interval, every-shift, continuous, on-demand, occasions, unparsed.'
  },
  { name: 'target_description', description: 'Målet i klarspråk.' },
  { name: 'responsible_party', description: 'Ansvarig part.' },
  { name: 'parties', description: 'Samverkande parter, åtskilda med |.' },
  { name: 'follow_up_method', description: 'Hur åtgärden följs upp.' },
  { name: 'starts_on', description: 'Första dag (ÅÅÅÅ-MM-DD) om åtgärden börjar under året.' },
  { name: 'ends_on', description: 'Sista dag (ÅÅÅÅ-MM-DD) om åtgärden slutar under året.' },
  { name: 'change_reason', description: 'Varför åtgärden ändrades i denna planversion.' }
];

/** The follow-up file: one row per public measure and period. */
export const FOLLOW_UP_COLUMNS: OpenColumn[] = [
  { name: 'agreement_id', description: 'Överenskommelsens id.' },
  { name: 'measure_key', description: 'Åtgärdens stabila nyckel.' },
  { name: 'measure_title', description: 'Åtgärden.' },
  { name: 'period_kind', description: 'month, tertial eller year.' },
  { name: 'period_start', description: 'Periodens första dag.' },
  { name: 'period_end', description: 'Periodens sista dag.' },
  {
    name: 'expected',
    description: 'Förväntat antal hittills (tomt när målet inte räknas i antal).'
  },
  { name: 'done', description: 'Publicerat antal gjorda.' },
  {
    name: 'status',
    description: 'met, missed, on-track, behind, active, quiet, not-applicable, upcoming.'
  },
  { name: 'status_sv', description: 'Statusen i ord på svenska.' },
  { name: 'demo', description: 'true när aktiviteterna är påhittade demodata.' },
  {
    name: 'published_through',
    description:
      'Satt när aktiviteterna publiceras i efterhand: antalet gäller bara t.o.m. denna dag.'
  },
  {
    name: 'untimed',
    description:
      'Mål i timmar: antal aktiviteter utan angiven tid, som därför inte räknas in (tomt för andra mål).'
  }
];

/** The licence of all open data: CC0 1.0. */
export const LICENCE = {
  name: 'CC0 1.0 Universell (fri från upphovsrätt)',
  url: 'http://creativecommons.org/publicdomain/zero/1.0/'
} as const;

/** A CSV file ready to send. */
export type OpenFile = { headers: Record<string, string>; body: ReadableStream<Uint8Array> };

/**
 * Which CSV: 'csv' is comma-separated (RFC 4180) for machines; 'excel' is semicolon-separated,
 * which a Swedish Excel opens straight into columns (it reads commas as one column). Both are
 * UTF-8 with a byte-order mark, so Excel reads å, ä and ö.
 */
export type OpenCsvFlavour = 'csv' | 'excel';

const file = (
  name: string,
  columns: OpenColumn[],
  rows: Cell[][],
  flavour: OpenCsvFlavour
): OpenFile => ({
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${flavour === 'excel' ? name.replace(/\.csv$/, '-excel.csv') : name}"`,
    link: `<${LICENCE.url}>; rel="license"`
  },
  body: csvStream(
    columns.map((c) => c.name),
    [rows],
    flavour === 'excel' ? ';' : ','
  )
});

const join = (xs: string[]) => xs.join('|');

/** The plan in force of a published agreement as CSV (public measures only). */
export async function openPlanCsv(
  ctx: Ctx,
  agreementId: string,
  flavour: OpenCsvFlavour = 'csv'
): Promise<OpenFile> {
  const a = await getOpenAgreement(ctx, agreementId, {});
  const groups = new Map(a.measureGroups.map((g) => [g.id, g.title]));
  const focus = new Map(a.focusAreas.map((f) => [f.id, f.title]));
  const rows: Cell[][] = a.measures.map((m) => [
    a.id,
    a.title,
    join(a.municipalities.map((x) => x.code)),
    a.revision?.year ?? null,
    m.key,
    m.title,
    m.description,
    groups.get(m.group) ?? '',
    join(m.focusAreas.map((f) => focus.get(f) ?? f)),
    m.target.text,
    m.target.kind,
    m.targetDescription,
    m.responsibleParty?.name ?? null,
    join(m.parties.map((p) => p.name)),
    m.followUpMethod || null,
    m.startsOn,
    m.endsOn,
    m.changeReason
  ]);
  return file(`plan-${a.id}.csv`, PLAN_COLUMNS, rows, flavour);
}

const followUpQuery = z.object({
  period: z
    .enum(['month', 'tertial', 'year'], { message: 'period ska vara month, tertial eller year.' })
    .default('tertial')
});

/** The public follow-up of a published agreement as CSV, per measure and period (tertial unless asked). */
export async function openFollowUpCsv(
  ctx: Ctx,
  agreementId: string,
  query: unknown,
  flavour: OpenCsvFlavour = 'csv'
): Promise<OpenFile> {
  const { period } = parseInput(followUpQuery, query);
  const f = await getOpenFollowUp(ctx, agreementId, { period });
  const rows: Cell[][] = f.measures.flatMap((m) =>
    m.periods.map((p) => [
      f.agreementId,
      m.key,
      m.title,
      period,
      p.start,
      p.end,
      p.expected,
      p.done,
      p.status,
      STATUS_SV[p.status] ?? p.status,
      f.demo ? 'true' : 'false',
      p.publishedThrough,
      p.untimed
    ])
  );
  return file(`uppfoljning-${agreementId}-${period}.csv`, FOLLOW_UP_COLUMNS, rows, flavour);
}
