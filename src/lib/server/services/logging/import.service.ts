/**
 * Importing activities, the last steps: every row of an upload is checked with a mapping by the
 * same rules as logging one activity, and the good rows are stored once. The upload and its
 * preview are in import-upload.service.ts (re-exported here, the one module routes import).
 */
import { changerId, type Changer } from '../../auth/policy';
import { newId, type Ctx } from '../../context';
import {
  countStoredIdempotencyKeys,
  daysLoggedOtherwise,
  existingActivityIds,
  insertActivitiesSkippingExisting
} from '../../db/repositories/logging/activity.repository';
import type { ActivityTable } from '../../db/schema';
import { recordAudit } from '../shared/audit.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { fieldErrorsFromZod, ValidationError } from '../shared/errors';
import { mappingSchema, type ImportMapping } from '../../../core/import-mapping';
import { measureCatalogue } from './import-catalogue';
import { checkRows } from './import-rows';

export {
  canImport,
  chooseHeaderRow,
  getImportPreview,
  MAX_IMPORT_BYTES,
  previewImport,
  type ImportPreview
} from './import-upload.service';
import { loadUpload } from './import-upload.service';

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
    duration_minutes: g.durationMinutes,
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
