import { z } from 'zod';
import { periodLabel, STATUS_SV } from '../../../i18n/status';
import { isAdmin, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { activityRowsAfter } from '../../db/repositories/logging/activity.repository';
import { agreementOrganisationIds } from '../../db/repositories/agreements/agreement.repository';
import type { ActivityTable, PublicationRule } from '../../db/schema';
import { csvStream } from '../../spreadsheet/csv';
import type { Cell } from '../../spreadsheet/grid';
import { xlsxStream, type SheetSpec } from '../../spreadsheet/xlsx';
import { minutesAsHours } from '../../../core/duration';
import { getAgreementForActor } from '../agreements/agreement-view.service';
import { stockholmDate } from '../../../core/stockholm-date';
import {
  fieldErrorsFromZod,
  ForbiddenError,
  UnauthenticatedError,
  ValidationError
} from '../shared/errors';
import { isoDate } from '../shared/validation';
import { measureCatalogue } from './import-catalogue';
import { agreementFollowUp } from '../follow-up/follow-up.service';

/** A file to send: its body as a stream and the headers that name and describe it. */
export type ExportFile = {
  fileName: string;
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array>;
};

/** Activities are read this many at a time, so a large agreement is never held in memory. */
const PAGE = 5000;

const date = isoDate();
const format = z.enum(['csv', 'xlsx'], { message: 'Välj csv eller xlsx.' });
const activitiesInput = z.object({ format, from: date.optional(), to: date.optional() });
const followUpInput = z.object({
  format,
  period: z
    .enum(['month', 'tertial', 'year'], { message: 'Välj month, tertial eller year.' })
    .default('month'),
  from: date.optional(),
  to: date.optional()
});

const PUBLICATION_SV: Record<PublicationRule, string> = {
  public: 'Dagen efter',
  delayed: 'Fördröjd',
  monthly: 'Månadsvis',
  internal: 'Intern'
};

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/** A Swedish file name, with an ASCII fallback for old clients (RFC 6266). */
function fileHeaders(name: string, kind: 'csv' | 'xlsx') {
  const ascii = name
    .replace(/[åä]/g, 'a')
    .replace(/[ÅÄ]/g, 'A')
    .replace(/ö/g, 'o')
    .replace(/Ö/g, 'O')
    .replace(/[^\w.-]/g, '');
  return {
    'content-type': CONTENT_TYPES[kind],
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff'
  };
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'overenskommelse';

/**
 * Whether the actor may download the agreement's staff exports: a member (any role) of one of
 * its organisations, or an admin. The public reads the open data (/data, /api/v1) instead.
 */
export async function canExport(ctx: Ctx, actor: Actor | null, agreementId: string) {
  if (!actor) return false;
  const orgs = await agreementOrganisationIds(ctx.db, agreementId);
  return isAdmin(actor) || actor.memberships.some((m) => orgs.includes(m.organisationId));
}

/** Staff exports: sign in, and be party to the agreement. */
async function assertMayExport(ctx: Ctx, actor: Actor | null, agreementId: string, what: string) {
  if (!actor) throw new UnauthenticatedError(`Logga in för att ladda ner ${what}.`);
  if (!(await canExport(ctx, actor, agreementId)))
    throw new ForbiddenError(
      `Bara de som är med i överenskommelsens parter kan ladda ner ${what}. Öppna data finns under /data.`
    );
}

const ACTIVITY_COLUMNS: SheetSpec['columns'] = [
  { header: 'Datum', date: true, width: 12 },
  { header: 'Åtgärd', width: 40 },
  { header: 'Åtgärdsnyckel', width: 24 },
  { header: 'Antal', width: 8 },
  { header: 'Pass', width: 8 },
  // Hours as a number in XLSX, with a decimal comma in CSV (what a Swedish Excel reads); empty = not given.
  { header: 'Tid (timmar)', width: 12 },
  { header: 'Årskurs', width: 9 },
  { header: 'Plats', width: 24 },
  { header: 'Anteckning', width: 40 },
  { header: 'Publicering', width: 14 },
  { header: 'Publik från', date: true, width: 12 },
  { header: 'Registrerad', date: true, width: 12 },
  // Demo activities are invented; a spreadsheet that leaves the site must still say so.
  { header: 'Demo', width: 6 },
  // The activity's own id: importing this file again recognises every row and stores none twice.
  { header: 'Id', width: 38 }
];

/**
 * Activities of an agreement as CSV (UTF-8 with BOM, semicolons: what a Swedish Excel opens
 * directly) or XLSX, oldest first, with places and notes: a staff export, for members of the
 * agreement's organisations (and admins) only. Anyone else is refused; the public has open data.
 */
export async function exportActivities(
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string,
  input: unknown
): Promise<ExportFile> {
  const r = activitiesInput.safeParse(input);
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error.issues));
  const v = r.data;
  await assertMayExport(ctx, actor, agreementId, 'aktiviteter');
  const { view } = await getAgreementForActor(ctx, actor, agreementId);
  const titles = (await measureCatalogue(ctx, agreementId)).latest;
  const today = stockholmDate(ctx.now());
  const toCells = (a: ActivityTable): Cell[] => {
    const m = titles.get(a.measure_key);
    return [
      a.occurred_on,
      m ? m.title : a.measure_key,
      a.measure_key,
      Number(a.count),
      Number(a.shifts),
      a.duration_minutes == null
        ? null
        : v.format === 'csv'
          ? minutesAsHours(Number(a.duration_minutes))
          : Math.round((Number(a.duration_minutes) / 60) * 100) / 100,
      a.grade,
      a.place,
      a.note,
      PUBLICATION_SV[a.publication],
      a.publication === 'internal' ? null : a.publish_after,
      a.created_at.slice(0, 10),
      a.demo === 1 ? 'ja' : 'nej',
      a.id
    ];
  };
  async function* pages(): AsyncGenerator<Cell[][]> {
    let after: { date: string; id: string } | null = null;
    for (;;) {
      const rows = await activityRowsAfter(
        ctx.db,
        { agreementId, from: v.from, to: v.to },
        after,
        PAGE
      );
      if (rows.length) yield rows.map(toCells);
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1]!;
      after = { date: last.occurred_on, id: last.id };
    }
  }
  const fileName = `aktiviteter-${slug(view.title)}-${today}.${v.format}`;
  return {
    fileName,
    headers: fileHeaders(fileName, v.format),
    body:
      v.format === 'csv'
        ? csvStream(
            ACTIVITY_COLUMNS.map((c) => c.header),
            pages()
          )
        : xlsxStream([{ name: 'Aktiviteter', columns: ACTIVITY_COLUMNS, pages: pages() }])
  };
}

const FOLLOW_UP_COLUMNS: SheetSpec['columns'] = [
  { header: 'Åtgärd', width: 40 },
  { header: 'Åtgärdsnyckel', width: 24 },
  { header: 'Rubrik', width: 30 },
  { header: 'Mål', width: 40 },
  { header: 'Period', width: 12 },
  { header: 'Från', date: true, width: 12 },
  { header: 'Till', date: true, width: 12 },
  { header: 'Förväntat', width: 10 },
  { header: 'Gjort', width: 10 },
  { header: 'Status', width: 14 },
  { header: 'Förklaring', width: 40 }
];

const FULFILMENT_COLUMNS: SheetSpec['columns'] = [
  { header: 'Åtgärd', width: 40 },
  { header: 'Åtgärdsnyckel', width: 24 },
  { header: 'Uppfyllda perioder', width: 18 },
  { header: 'Bedömda perioder', width: 18 },
  { header: 'Andel uppfyllda (%)', width: 18 }
];

const pct = (share: number | null) => (share === null ? null : Math.round(share * 100));

/**
 * The follow-up of an agreement, one row per measure and period (month, tertial or year), as
 * CSV or XLSX. The XLSX also has a sheet of fulfilment per measure and one about the file.
 * Internal measures are included for those who may edit the agreement, as on the page.
 */
export async function exportFollowUp(
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string,
  input: unknown
): Promise<ExportFile> {
  const r = followUpInput.safeParse(input);
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error.issues));
  const v = r.data;
  await assertMayExport(ctx, actor, agreementId, 'uppföljningen');
  const { view, editable } = await getAgreementForActor(ctx, actor, agreementId);
  const f = await agreementFollowUp(
    ctx,
    agreementId,
    { period: v.period, from: v.from, to: v.to },
    { includeInternal: editable, lang: 'sv' }
  );
  const rows: Cell[][] = f.measures.flatMap((m) =>
    m.periods.map((p) => [
      m.title,
      m.key,
      m.group,
      m.targetDescription,
      periodLabel(p.start, p.end, v.period),
      p.start,
      p.end,
      p.expected,
      p.done,
      STATUS_SV[p.status] ?? p.status,
      p.detail ?? null
    ])
  );
  const today = stockholmDate(ctx.now());
  const fileName = `uppfoljning-${slug(view.title)}-${today}.${v.format}`;
  if (v.format === 'csv')
    return {
      fileName,
      headers: fileHeaders(fileName, 'csv'),
      body: csvStream(
        FOLLOW_UP_COLUMNS.map((c) => c.header),
        [rows]
      )
    };
  const fulfilment: Cell[][] = [
    ...f.measures.map((m) => [
      m.title,
      m.key,
      m.fulfilment.met,
      m.fulfilment.judged,
      pct(m.fulfilment.share)
    ]),
    [
      'Totalt',
      null,
      f.fulfilment.total.met,
      f.fulfilment.total.judged,
      pct(f.fulfilment.total.share)
    ]
  ];
  const about: Cell[][] = [
    ['Överenskommelse', view.title],
    ['Från', f.span.start],
    ['Till', f.span.end],
    ['Läget den', f.today],
    ['Indelning', { month: 'Månad', tertial: 'Tertial', year: 'År' }[v.period]],
    ['Demodata', f.demo ? 'Ja: aktiviteterna är påhittade' : 'Nej']
  ];
  return {
    fileName,
    headers: fileHeaders(fileName, 'xlsx'),
    body: xlsxStream([
      { name: 'Uppföljning', columns: FOLLOW_UP_COLUMNS, pages: [rows] },
      { name: 'Måluppfyllelse', columns: FULFILMENT_COLUMNS, pages: [fulfilment] },
      {
        name: 'Om filen',
        columns: [
          { header: 'Uppgift', width: 18 },
          { header: 'Värde', width: 50 }
        ],
        pages: [about]
      }
    ])
  };
}
