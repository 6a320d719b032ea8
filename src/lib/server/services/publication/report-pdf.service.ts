import type { Ctx } from '../../context';
import { renderReportPdf } from '../../render/publication/report-pdf';
import { renderReportSummaryPdf } from '../../render/publication/report-summary-pdf';
import { reportBrand } from './municipality-profile.service';
import { getReportVersion, reportPath } from './report-public.service';

/** Which PDF of a report version: the whole report or the one-page summary for a local paper. */
export type ReportPdfKind = 'rapport' | 'sammanfattning';

/** A published report version as a PDF, with a readable file name. */
export async function reportVersionPdf(
  ctx: Ctx,
  where: { code: string; reportId: string; version: number; origin: string },
  kind: ReportPdfKind
): Promise<{ bytes: Buffer; fileName: string }> {
  const v = await getReportVersion(ctx, where.code, where.reportId, where.version);
  const input = {
    ...v,
    url: where.origin + reportPath(where.code, where.reportId, v.version),
    brand: await reportBrand(ctx, where.code)
  };
  const bytes =
    kind === 'rapport' ? await renderReportPdf(input) : await renderReportSummaryPdf(input);
  return {
    bytes,
    fileName: `${kind}-${where.code}-${v.content.period.start}-v${v.version}.pdf`
  };
}
