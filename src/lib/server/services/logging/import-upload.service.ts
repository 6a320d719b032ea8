/**
 * Importing activities, the first steps: a spreadsheet is uploaded, kept for a day, previewed
 * with a guessed column mapping, and its header row chosen. Checking the rows and storing them
 * is in import.service.ts.
 */
import { z } from 'zod';
import { can, changerId, type Changer } from '../../auth/policy';
import { newId, type Ctx } from '../../context';
import {
  agreementOrganisationIds,
  findAgreement
} from '../../db/repositories/agreements/agreement.repository';
import {
  deleteExpiredUploads,
  findUpload,
  insertUpload
} from '../../db/repositories/logging/import-upload.repository';
import type { ImportUploadTable } from '../../db/schema';
import { cellText } from '../../spreadsheet/cells';
import {
  columnLetter,
  SpreadsheetError,
  toGrid,
  type Grid,
  type GridRow
} from '../../spreadsheet/grid';
import { readRows } from '../../spreadsheet/read';
import {
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError
} from '../shared/errors';
import { guessMapping, type ImportMapping } from '../../../core/import-mapping';
import { measureCatalogue } from './import-catalogue';

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

/** An upload of the actor's that has not expired, with its agreement and grid (else not found). */
export async function loadUpload(ctx: Ctx, actor: Changer, uploadId: string) {
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
