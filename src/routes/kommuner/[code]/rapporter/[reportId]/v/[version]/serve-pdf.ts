import type { Ctx } from '$lib/server/context';
import { pdfResponse } from '$lib/server/render/publication/report-pdf-response';
import {
  reportVersionPdf,
  type ReportPdfKind
} from '$lib/server/services/publication/report-pdf.service';

/** Answers with one of a report version's PDFs (a missing one is the route's 404 page). */
export async function servePdf(
  ctx: Ctx,
  params: { code: string; reportId: string; version: string },
  url: URL,
  kind: ReportPdfKind
): Promise<Response> {
  const { bytes, fileName } = await reportVersionPdf(
    ctx,
    { ...params, version: Number(params.version), origin: ctx.config.origin ?? url.origin },
    kind
  );
  return pdfResponse(bytes, fileName);
}
