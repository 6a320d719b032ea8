import { z } from 'zod';
import { reportChanges, type ReportChange, type ReportContent } from '../../../core/report';
import type { Ctx } from '../../context';
import { findAgreement } from '../../db/repositories/agreements/agreement.repository';
import { findMunicipalityByCode } from '../../db/repositories/accounts/organisation.repository';
import {
  agreementInMunicipality,
  countPublishedReports,
  findReport,
  findVersion,
  listPublishedReportRows,
  listVersions
} from '../../db/repositories/publication/report.repository';
import { municipalityOfficialName } from '../../reference/sweden';
import { NotFoundError } from '../shared/errors';
import { liveReportFigures } from './report-content.service';

/** A page of a public list: which page, how many per page. */
export const pageQuery = z.object({
  sida: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});

/** The municipality a public page is about, or NotFound. */
export async function publicMunicipality(ctx: Ctx, code: string) {
  const m = await findMunicipalityByCode(ctx.db, code);
  if (!m) throw new NotFoundError(`Det finns ingen kommun med kommunkod ${code}.`);
  return { id: m.id, code, name: m.name, officialName: municipalityOfficialName(m.name) };
}

/** A published report in a list or feed. */
export type PublishedReportSummary = {
  id: string;
  title: string;
  summary: string;
  version: number;
  note: string | null;
  publishedAt: string;
  agreementTitle: string;
  /** The stable address of its newest version, from the site root. */
  path: string;
};

/**
 * A municipality's published reports, newest first (each at its newest version), `limit` at a
 * time from `offset`; for the municipality page, the report list and the Atom feed.
 */
export async function listPublishedReports(
  ctx: Ctx,
  municipalityCode: string,
  limit = 10,
  offset = 0
): Promise<{ reports: PublishedReportSummary[]; total: number }> {
  const m = await publicMunicipality(ctx, municipalityCode);
  const [rows, total] = await Promise.all([
    listPublishedReportRows(ctx.db, m.id, { limit, offset }),
    countPublishedReports(ctx.db, m.id)
  ]);
  return {
    total,
    reports: rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      version: r.version,
      note: r.note,
      publishedAt: r.published_at,
      agreementTitle: r.agreement_title,
      path: reportPath(municipalityCode, r.id, r.version)
    }))
  };
}

/** The stable address of one version of a report. */
export const reportPath = (code: string, reportId: string, version: number) =>
  `/kommuner/${code}/rapporter/${reportId}/v/${version}`;

/** A published report under a municipality's address, or NotFound (drafts and other municipalities' reports too). */
async function publishedReport(ctx: Ctx, code: string, reportId: string) {
  const m = await publicMunicipality(ctx, code);
  const report = await findReport(ctx.db, reportId);
  const missing = new NotFoundError('Rapporten finns inte eller är inte publicerad.');
  if (!report || report.published_version === 0) throw missing;
  const agreement = await findAgreement(ctx.db, report.agreement_id);
  if (!agreement || agreement.status === 'draft') throw missing;
  if (!(await agreementInMunicipality(ctx.db, report.agreement_id, m.id))) throw missing;
  return { municipality: m, report };
}

/** The newest version number of a published report. */
export async function latestReportVersion(ctx: Ctx, code: string, reportId: string) {
  return (await publishedReport(ctx, code, reportId)).report.published_version;
}

/** One frozen version of a published report, exactly as published, with the list of all its versions. */
export async function getReportVersion(ctx: Ctx, code: string, reportId: string, version: number) {
  const { municipality, report } = await publishedReport(ctx, code, reportId);
  const row = Number.isInteger(version) ? await findVersion(ctx.db, reportId, version) : undefined;
  if (!row)
    throw new NotFoundError(
      Number.isInteger(version)
        ? `Rapporten har ingen version ${version}.`
        : 'Rapporten har ingen sådan version.'
    );
  const versions = await listVersions(ctx.db, reportId);
  return {
    municipality,
    reportId,
    version: row.version,
    latest: report.published_version,
    note: row.note,
    publishedAt: row.published_at,
    content: JSON.parse(row.content_json) as ReportContent,
    versions: versions.map((v) => ({
      version: v.version,
      note: v.note,
      publishedAt: v.published_at,
      path: reportPath(code, reportId, v.version)
    }))
  };
}

/** A report version as the web page and the PDFs get it. */
export type ReportVersionView = Awaited<ReturnType<typeof getReportVersion>>;

/**
 * What changed after publication: per measure, the published figures against the live follow-up
 * of the same period, when activities in it were logged, changed or deleted afterwards (back-dated).
 * Only for periods that were over when the version was published; while a period runs its live
 * figures move on by design. The frozen version itself is never rewritten. One follow-up call.
 */
export async function reportChangesSincePublication(
  ctx: Ctx,
  view: Pick<ReportVersionView, 'content'>
): Promise<ReportChange[]> {
  const c = view.content;
  if (c.asOf < c.period.end) return [];
  const live = await liveReportFigures(ctx, {
    agreementId: c.agreement.id,
    kind: c.period.kind,
    start: c.period.start,
    end: c.period.end
  });
  return reportChanges(c.measures, live);
}
