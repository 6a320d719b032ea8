import { changerId, isAdmin, SYSTEM, type Changer } from '../../auth/policy';
import { listMunicipalities } from '../../db/repositories/accounts/organisation.repository';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import type { CrimeStatisticTable } from '../../db/schema';
import {
  crimeCounts,
  crimeStatisticKeys,
  finishImport,
  insertCrimeStatistics,
  insertImport,
  updateCrimeStatistic
} from '../../db/repositories/dialogue/statistics.repository';
import { recordAudit } from '../shared/audit.service';
import { readBraCsv, type BraProblem } from './crime-statistics-reader';
import { ForbiddenError } from '../shared/errors';

/** What an import did, in counts, and the lines it could not use. */
export type ImportResult = {
  importId: string;
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  problems: BraProblem[];
};

/** Only the operator (the CLI, seeds) or an administrator imports national statistics. */
export function assertCanImport(actor: Changer): void {
  if (actor !== SYSTEM && !isAdmin(actor))
    throw new ForbiddenError('Bara en administratör kan läsa in statistik.');
}

/** Municipality ids by code ("2417") and by lower-case name ("norsjö", "norsjö kommun"). */
async function municipalityLookup(ctx: Ctx) {
  const rows = await listMunicipalities(ctx.db);
  const byKey = new Map<string, string>();
  for (const r of rows) {
    if (r.code) byKey.set(r.code, r.id);
    byKey.set(r.name.toLowerCase(), r.id);
  }
  return (cell: string): string | undefined => {
    const code = /\b(\d{4})\b/.exec(cell)?.[1];
    if (code && byKey.has(code)) return byKey.get(code);
    const name = cell
      .replace(/\b\d{4}\b/, '')
      .replace(/\s+kommun$/i, '')
      .trim()
      .toLowerCase();
    return byKey.get(name);
  };
}

const key = (m: string, c: string, y: number) => `${m}\u0000${c}\u0000${y}`;

/**
 * Imports Brå's reported crimes from a CSV file: upserts by municipality, category and year (a
 * second import of the same file changes nothing), and records the import with its counts.
 */
export async function importBraStatistics(
  ctx: Ctx,
  actor: Changer,
  file: { name: string; bytes: Uint8Array },
  options: { demo?: boolean } = {}
): Promise<ImportResult> {
  assertCanImport(actor);
  const { rows, problems } = readBraCsv(file.bytes);
  const resolve = await municipalityLookup(ctx);
  const at = ctx.now().toISOString();
  const importId = newId();
  const resolved = rows.flatMap((r) => {
    const municipalityId = resolve(r.municipality);
    if (!municipalityId) {
      problems.push({ line: r.line, message: `Kommunen "${r.municipality}" finns inte.` });
      return [];
    }
    return [{ ...r, municipalityId }];
  });
  const result: ImportResult = {
    importId,
    read: rows.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    skipped: rows.length - resolved.length,
    problems
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertImport(trx, {
      id: importId,
      kind: 'crime-statistics',
      origin: 'file',
      source_name: file.name.slice(0, 200),
      started_at: at,
      status: 'ok',
      rows_read: rows.length,
      rows_added: 0,
      rows_updated: 0,
      rows_skipped: 0,
      message: null,
      created_by: changerId(actor)
    });
    const stored = new Map(
      (await crimeStatisticKeys(trx, [...new Set(resolved.map((r) => r.municipalityId))])).map(
        (s) => [key(s.municipality_id, s.category, s.year), s]
      )
    );
    const fresh = new Map<string, CrimeStatisticTable>();
    for (const r of resolved) {
      const k = key(r.municipalityId, r.category, r.year);
      const old = stored.get(k);
      if (!old) {
        if (!fresh.has(k)) result.added++;
        fresh.set(k, {
          id: newId(),
          municipality_id: r.municipalityId,
          category: r.category,
          year: r.year,
          count: r.count,
          per_100k: r.per100k,
          demo: options.demo ? 1 : 0,
          import_id: importId,
          updated_at: at
        });
      } else if (Number(old.count) === r.count && (old.per_100k ?? null) === r.per100k) {
        result.unchanged++;
      } else {
        result.updated++;
        await updateCrimeStatistic(trx, old.id, {
          count: r.count,
          per_100k: r.per100k,
          import_id: importId,
          updated_at: at
        });
      }
    }
    await insertCrimeStatistics(trx, [...fresh.values()]);
    await finishImport(trx, importId, {
      rows_added: result.added,
      rows_updated: result.updated,
      rows_skipped: problems.length,
      message: problems.length ? `${problems.length} rader kunde inte läsas.` : null
    });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: 'statistics.import',
      entity: 'statistic_import',
      entityId: importId,
      after: { file: file.name, added: result.added, updated: result.updated }
    });
  });
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

/** A municipality's reported crimes per category over the years, for the picture and its chart. */
export async function crimeTrends(
  ctx: Ctx,
  municipalityId: string,
  fromYear: number,
  toYear: number
) {
  const rows = await crimeCounts(ctx.db, municipalityId, fromYear, toYear);
  const byCategory = new Map<string, { year: number; count: number; per100k: number | null }[]>();
  for (const r of rows) {
    const list = byCategory.get(r.category) ?? [];
    list.push({ year: Number(r.year), count: Number(r.count), per100k: r.per_100k });
    byCategory.set(r.category, list);
  }
  return {
    demo: rows.some((r) => r.demo === 1),
    categories: [...byCategory].map(([category, years]) => ({ category, years }))
  };
}
