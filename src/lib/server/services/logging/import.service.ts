import { z } from 'zod';
import { can, changerId, type Changer } from '../../auth/policy';
import { newId, type Ctx } from '../../context';
import {
  countStoredIdempotencyKeys,
  daysLoggedOtherwise,
  existingActivityIds,
  insertActivitiesSkippingExisting
} from '../../db/repositories/logging/activity.repository';
import {
  agreementOrganisationIds,
  findAgreement
} from '../../db/repositories/agreements/agreement.repository';
import {
  deleteExpiredUploads,
  findUpload,
  insertUpload
} from '../../db/repositories/logging/import-upload.repository';
import type { ActivityTable, ImportUploadTable } from '../../db/schema';
import { cellText } from '../../spreadsheet/cells';
import {
  columnLetter,
  SpreadsheetError,
  toGrid,
  type Grid,
  type GridRow
} from '../../spreadsheet/grid';
import { readRows } from '../../spreadsheet/read';
import { recordAudit } from '../shared/audit.service';
import { stockholmDate } from '../../../core/stockholm-date';
import {
  fieldErrorsFromZod,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError
} from '../shared/errors';
import { guessMapping, mappingSchema, type ImportMapping } from '../../../core/import-mapping';
import { measureCatalogue } from './import-catalogue';
import { checkRows } from './import-rows';

/** Largest file accepted (the server's BODY_SIZE_LIMIT must allow it, see docs). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
const MAX_ROWS = 50_000;
const UPLOAD_HOURS = 24;

/** What the preview step shows: columns, the first rows, a guessed mapping, the plan's measures. */
export type ImportPreview = {
  uploadId: string;
  agreementId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  rowCount: number;
  columns: { index: number; letter: string; header: string }[];
  sample: { row: number; cells: string[] }[];
  mapping: ImportMapping;
  measures: { key: string; title: string }[];
  expiresAt: string;
  /** The row the header was read from, what was left out (a title above it, a "Summa" row), and the rows it may be instead. */
  headerRow: number;
  notes: string[];
  headerChoices: { row: number; text: string }[];
};

/**
 * What an upload keeps: the grid, and the other non-blank rows of the sheet (above the header,
 * the header itself, "Summa" rows), so the person can choose another header row without
 * uploading again.
 */
type StoredGrid = Grid & { other?: GridRow[] };

const HEADER_CHOICES = 10;
const nonBlank = (r: GridRow) => r.cells.some((c) => c !== null && String(c).trim() !== '');

/** The sheet's rows again, in order, from what an upload keeps. */
const sheetRows = (grid: StoredGrid): GridRow[] =>
  [...(grid.other ?? []), ...grid.rows].sort((a, b) => a.n - b.n);

function storedGrid(rows: GridRow[], grid: Grid): StoredGrid {
  const data = new Set(grid.rows.map((r) => r.n));
  return { ...grid, other: rows.filter((r) => !data.has(r.n) && nonBlank(r)) };
}

async function mayImport(ctx: Ctx, actor: Changer, agreementId: string) {
  if (!actor) throw new UnauthenticatedError();
  const agreement = await findAgreement(ctx.db, agreementId);
  if (!agreement) throw new NotFoundError('Överenskommelsen finns inte.');
  const orgs = await agreementOrganisationIds(ctx.db, agreementId);
  if (actor !== 'system' && !can(actor, 'activity.log', orgs))
    throw new ForbiddenError(
      'Du kan bara importera aktiviteter för överenskommelser som din organisation är med i.'
    );
  return { agreement, orgs };
}

/** Whether the actor may import activities into the agreement (reporters and up of its parties). */
export async function canImport(ctx: Ctx, actor: Changer, agreementId: string): Promise<boolean> {
  if (!actor) return false;
  if (actor === 'system') return true;
  return can(actor, 'activity.log', await agreementOrganisationIds(ctx.db, agreementId));
}

async function loadUpload(ctx: Ctx, actor: Changer, uploadId: string) {
  if (!actor) throw new UnauthenticatedError();
  const upload = await findUpload(ctx.db, uploadId, ctx.now().toISOString());
  // Another person's upload is as absent as an expired one: files may hold notes about people.
  if (!upload || (actor !== 'system' && upload.created_by !== actor.userId))
    throw new NotFoundError(
      'Uppladdningen finns inte eller har gått ut (efter ett dygn). Ladda upp filen igen.'
    );
  const { agreement, orgs } = await mayImport(ctx, actor, upload.agreement_id);
  return { upload, agreement, orgs, grid: JSON.parse(upload.content) as StoredGrid };
}

function present(
  upload: ImportUploadTable,
  grid: StoredGrid,
  measures: { key: string; title: string }[]
): ImportPreview {
  const text = (r: GridRow) =>
    r.cells
      .map((c) => cellText(c))
      .filter(Boolean)
      .join(' | ')
      .slice(0, 80);
  return {
    uploadId: upload.id,
    agreementId: upload.agreement_id,
    fileName: upload.file_name,
    format: upload.format,
    rowCount: upload.row_count,
    columns: grid.header.map((h, i) => ({ index: i, letter: columnLetter(i), header: h })),
    sample: grid.rows.slice(0, 10).map((r) => ({
      row: r.n,
      cells: grid.header.map((_, i) => cellText(r.cells[i]))
    })),
    mapping: guessMapping(grid.header),
    measures,
    expiresAt: upload.expires_at,
    headerRow: grid.headerRow ?? 1,
    notes: grid.notes ?? [],
    headerChoices: sheetRows(grid)
      .filter(nonBlank)
      .slice(0, HEADER_CHOICES)
      .map((r) => ({ row: r.n, text: text(r) }))
  };
}

/**
 * Reads an uploaded CSV or XLSX file, keeps its cells in the database for the next steps (so any
 * app server can take them) and returns a preview with a guessed mapping of columns to fields.
 */
export async function previewImport(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  file: { name: string; bytes: Uint8Array }
): Promise<ImportPreview> {
  await mayImport(ctx, actor, agreementId);
  const fail = (message: string) => new ValidationError([{ field: 'file', message }]);
  if (!file.bytes.length) throw fail('Välj en CSV- eller XLSX-fil att ladda upp.');
  if (file.bytes.length > MAX_IMPORT_BYTES)
    throw fail(`Filen är större än ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Dela upp den.`);
  let format: ImportUploadTable['format'];
  let grid: StoredGrid;
  try {
    const read = await readRows(file.name, file.bytes);
    format = read.format;
    grid = storedGrid(read.rows, toGrid(read.rows, MAX_ROWS));
  } catch (e) {
    if (e instanceof SpreadsheetError) throw fail(e.message);
    throw e;
  }
  if (!grid.rows.length)
    throw fail('Filen har bara en rubrikrad. Lägg aktiviteterna på raderna under den.');
  return storeUpload(ctx, actor, agreementId, file.name, format, grid);
}

async function storeUpload(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  fileName: string,
  format: ImportUploadTable['format'],
  grid: StoredGrid
): Promise<ImportPreview> {
  const now = ctx.now();
  await deleteExpiredUploads(ctx.db, now.toISOString());
  const upload: ImportUploadTable = {
    id: newId(),
    agreement_id: agreementId,
    created_by: changerId(actor),
    file_name: (fileName.split(/[\\/]/).pop() || 'kalkylblad').slice(0, 200),
    format,
    row_count: grid.rows.length,
    content: JSON.stringify(grid),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + UPLOAD_HOURS * 3_600_000).toISOString()
  };
  await insertUpload(ctx.db, upload);
  return present(upload, grid, (await measureCatalogue(ctx, agreementId)).list);
}

const headerRowInput = z.coerce
  .number({ message: 'Välj rubrikraden med dess radnummer.' })
  .int({ message: 'Välj rubrikraden med dess radnummer.' })
  .min(1, { message: 'Välj rubrikraden med dess radnummer.' });

/**
 * Reads an upload again with another header row (the person chose it in the preview). The rows
 * come from what the upload kept, so the file need not be sent again; a new upload replaces it.
 */
export async function chooseHeaderRow(
  ctx: Ctx,
  actor: Changer,
  uploadId: string,
  headerRow: unknown
): Promise<ImportPreview> {
  const { upload, grid } = await loadUpload(ctx, actor, uploadId);
  const fail = (message: string) => new ValidationError([{ field: 'headerRow', message }]);
  const n = headerRowInput.safeParse(headerRow);
  if (!n.success) throw fail(n.error.issues[0]!.message);
  if (!grid.other) throw fail('Ladda upp filen igen för att välja en annan rubrikrad.');
  const rows = sheetRows(grid);
  let next: StoredGrid;
  try {
    next = storedGrid(rows, toGrid(rows, MAX_ROWS, n.data));
  } catch (e) {
    if (e instanceof SpreadsheetError) throw fail(e.message);
    throw e;
  }
  if (!next.rows.length) throw fail(`Det finns inga rader under rad ${n.data}. Välj en annan rad.`);
  return storeUpload(ctx, actor, upload.agreement_id, upload.file_name, upload.format, next);
}

/** The preview of an upload again (after a reload, or on another app server). */
export async function getImportPreview(
  ctx: Ctx,
  actor: Changer,
  uploadId: string
): Promise<ImportPreview> {
  const { upload, grid } = await loadUpload(ctx, actor, uploadId);
  return present(upload, grid, (await measureCatalogue(ctx, upload.agreement_id)).list);
}

async function check(ctx: Ctx, actor: Changer, uploadId: string, input: unknown) {
  const loaded = await loadUpload(ctx, actor, uploadId);
  const parsed = mappingSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const mapping: ImportMapping = parsed.data;
  const missing = Object.entries(mapping).filter(
    ([, c]) => c !== undefined && c >= loaded.grid.header.length
  );
  if (missing.length)
    throw new ValidationError(
      missing.map(([f]) => ({ field: f, message: 'Kolumnen finns inte i filen.' }))
    );
  const { catalogue } = await measureCatalogue(ctx, loaded.agreement.id);
  const result = checkRows(loaded.grid, mapping, catalogue, {
    agreementId: loaded.agreement.id,
    today: stockholmDate(ctx.now()),
    periodStart: loaded.agreement.period_start,
    periodEnd: loaded.agreement.period_end
  });
  // Rows of this product's own export carry the activity's id: one that is stored already is never stored again.
  const ids = result.good.flatMap((g) => (g.sourceId ? [g.sourceId] : []));
  const known = ids.length ? await existingActivityIds(ctx.db, ids) : new Set<string>();
  const fromExport = result.good.filter((g) => g.sourceId && known.has(g.sourceId)).length;
  const good = result.good.filter((g) => !(g.sourceId && known.has(g.sourceId)));
  return { ...loaded, ...result, good, fromExport };
}

/** The outcome of checking every row: how many are good, and each problem by row and column. */
export type ImportValidation = Awaited<ReturnType<typeof validateImport>>;

/**
 * Checks every row of an upload with a mapping, by the same rules as logging one activity.
 * Problems carry the spreadsheet row number (header = row 1) and the column's letter and header.
 */
export async function validateImport(ctx: Ctx, actor: Changer, uploadId: string, mapping: unknown) {
  const r = await check(ctx, actor, uploadId, mapping);
  return {
    uploadId,
    agreementId: r.agreement.id,
    fileName: r.upload.file_name,
    total: r.grid.rows.length,
    good: r.good.length,
    /** Rows whose id is an activity stored already (the file is an export from here): never stored twice. */
    fromExport: r.fromExport,
    /** Of the good rows, how many an earlier import already stored. */
    alreadyStored: await countStoredIdempotencyKeys(
      ctx.db,
      r.good.map((g) => g.idempotencyKey)
    ),
    /** Good rows on a measure and day that already hold an activity logged another way (by hand, say). */
    sameDayAsLogged: await sameDayAsLogged(ctx, r.agreement.id, r.good),
    badRows: r.badRows,
    bad: r.problems
  };
}

/**
 * How many rows fall on a measure and day where an activity was already logged by hand or API:
 * not refused (two patrols on one day are real), but worth a look before importing.
 */
async function sameDayAsLogged(
  ctx: Ctx,
  agreementId: string,
  good: { measureKey: string; date: string }[]
): Promise<number> {
  const dates = good.map((g) => g.date).sort();
  const from = dates[0];
  const to = dates.at(-1);
  if (!from || !to) return 0;
  const logged = await daysLoggedOtherwise(ctx.db, agreementId, { from, to }, [
    ...new Set(good.map((g) => g.measureKey))
  ]);
  return good.filter((g) => logged.has(`${g.measureKey}|${g.date}`)).length;
}

/**
 * Stores the good rows of an upload in one transaction. With bad rows it stores nothing unless
 * the person chose to import only the good ones. Rows already stored (same content, same place
 * among identical rows of the file) are skipped in SQL, so the same file never stores twice.
 */
export async function commitImport(
  ctx: Ctx,
  actor: Changer,
  uploadId: string,
  mapping: unknown,
  options: { includeGoodRowsOnly: boolean }
): Promise<{
  stored: number;
  existing: number;
  skipped: number;
  fromExport: number;
  fileName: string;
}> {
  const r = await check(ctx, actor, uploadId, mapping);
  if (r.badRows && !options.includeGoodRowsOnly)
    throw new ValidationError([
      {
        field: 'rows',
        message: `${r.badRows} ${r.badRows === 1 ? 'rad har' : 'rader har'} fel, så inget sparades. Rätta filen och ladda upp den igen, eller välj att importera bara de ${r.good.length} korrekta raderna.`
      }
    ]);
  if (!r.good.length && !r.fromExport)
    throw new ValidationError([
      { field: 'rows', message: 'Det finns inga korrekta rader att importera.' }
    ]);
  const now = ctx.now().toISOString();
  const organisationId =
    actor === 'system' || !actor
      ? null
      : (actor.memberships.find((m) => r.orgs.includes(m.organisationId))?.organisationId ?? null);
  const rows: ActivityTable[] = r.good.map((g) => ({
    id: newId(),
    agreement_id: r.agreement.id,
    measure_key: g.measureKey,
    occurred_on: g.date,
    count: g.count,
    shifts: g.shifts,
    grade: g.grade,
    place: g.place,
    note: g.note,
    organisation_id: organisationId,
    created_by: changerId(actor),
    created_at: now,
    deleted_at: null,
    idempotency_key: g.idempotencyKey,
    demo: 0,
    publication: g.publication,
    publish_after: g.publishAfter,
    party_ids: '[]',
    updated_at: null,
    updated_by: null
  }));
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const n = await insertActivitiesSkippingExisting(trx, rows);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId,
      action: 'activity.import',
      entity: 'agreement',
      entityId: r.agreement.id,
      after: {
        file: r.upload.file_name,
        format: r.upload.format,
        rows: r.grid.rows.length,
        stored: n,
        existing: rows.length - n,
        fromExport: r.fromExport,
        skipped: r.badRows
      }
    });
    return n;
  });
  return {
    stored,
    existing: rows.length - stored,
    skipped: r.badRows,
    fromExport: r.fromExport,
    fileName: r.upload.file_name
  };
}
