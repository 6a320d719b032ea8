import { doneWords } from '../../../core/due';
import type { ReportContent } from '../../../core/report';
import { drawBarChart, type PdfBarGroup } from './report-pdf-chart';
import { log } from '../../log';
import { openPdf, PDF_DEMO, PDF_MUTED, swedishDay, type PdfWriter } from './report-pdf-kit';

/** A frozen report version as the PDFs print it. */
export type ReportPdfInput = {
  content: ReportContent;
  version: number;
  note: string | null;
  publishedAt: string;
  /** Absolute address of the version's web page. */
  url: string;
  /** The municipality's colour and logo from its settings, if it has set them. */
  brand?: ReportBrand;
};

/** A municipality's look in its reports: a colour (4.5:1 or more on white) and a PNG/JPEG logo. */
export type ReportBrand = { colour: string | null; logo: Buffer | null };

/**
 * The municipality's logo at the top, as layout (its name is in the text already). A logo the
 * PDF library cannot read is left out with a warning in the log: it must not stop the report.
 */
export function brandLogo(w: PdfWriter, brand: ReportBrand | undefined): void {
  if (!brand?.logo) return;
  const { doc } = w;
  const top = doc.y;
  doc.markContent('Artifact', { type: 'Layout' });
  try {
    doc.image(brand.logo, doc.page.margins.left, top, { fit: [160, 48] });
    doc.y = top + 58;
  } catch {
    log('warn', 'report.logo-unreadable');
  } finally {
    doc.endMarkedContent();
  }
}

/** done vs expected per focus area, for the chart (areas without counted targets left out). */
export function focusAreaBars(content: ReportContent): PdfBarGroup[] {
  return content.summary.byFocusArea
    .filter((f) => f.expected > 0 || f.done > 0)
    .map((f) => ({ label: f.title, done: f.done, expected: f.expected }));
}

/** The demo label, as real text, at the top of every PDF of demo data. */
export function demoBanner(w: PdfWriter, demo: boolean): void {
  if (!demo) return;
  w.paragraph(
    'DEMO: Aktiviteterna bakom denna rapport är påhittade demodata, inte verkligt arbete.',
    { size: 10, color: PDF_DEMO }
  );
  w.doc.moveDown(0.4);
}

/** The version line: number, publication day and, for a correction, its note. */
export function versionLine(input: ReportPdfInput): string {
  return (
    `Version ${input.version}, publicerad ${swedishDay(input.publishedAt)}. ` +
    `Uppgifterna gäller till och med ${input.content.asOf}.` +
    (input.note ? ` ${input.note}` : '')
  );
}

/** Key figures in words. */
export function keyFigures(content: ReportContent): string[] {
  const s = content.summary;
  return [
    `${s.kept} av ${s.judged} bedömda åtgärder höll målet.`,
    `${doneWords(s.done)} av ${s.expected} förväntade insatser, för åtgärder med räknade mål.`,
    `${s.measures} åtgärder följdes upp.`,
    ...s.byStatus.map((b) => `${b.label}: ${b.count} ${b.count === 1 ? 'åtgärd' : 'åtgärder'}.`)
  ];
}

/** The whole report as a tagged PDF: summary, chart and every measure with its commentary. */
export async function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const c = input.content;
  const w = openPdf({
    createdAt: input.publishedAt,
    title: c.title,
    subject: `Uppföljningsrapport, ${c.period.label}${c.demo ? ' (demodata)' : ''}`,
    author: [...c.agreement.municipalities.map((m) => m.officialName), c.agreement.policeArea]
      .filter(Boolean)
      .join(' och ')
  });
  const { doc } = w;
  demoBanner(w, c.demo);
  brandLogo(w, input.brand);
  w.heading(1, c.title, input.brand?.colour ? { color: input.brand.colour } : {});
  w.paragraph(versionLine(input), { size: 9.5 });
  doc.moveDown(0.6);
  if (c.lead) {
    w.paragraph(c.lead);
    doc.moveDown(0.6);
  }

  w.heading(2, 'Sammanfattning');
  for (const line of keyFigures(c)) w.paragraph(line);
  doc.moveDown(0.6);
  const bars = focusAreaBars(c);
  if (bars.length) {
    w.heading(3, 'Gjort mot förväntat per fokusområde');
    drawBarChart(
      w,
      { x: doc.page.margins.left, y: doc.y + 4, width: doc.page.width - 112 },
      'Stapeldiagram: gjort mot förväntat antal per fokusområde',
      bars
    );
    doc.moveDown(0.8);
  }

  w.heading(2, 'Åtgärderna');
  let group = '';
  for (const m of c.measures) {
    if (doc.y > doc.page.height - 140) doc.addPage();
    if (m.group && m.group !== group) {
      group = m.group;
      w.paragraph(group.toUpperCase(), { size: 9, color: PDF_MUTED });
      doc.moveDown(0.2);
    }
    w.heading(3, m.title);
    w.paragraph(`Mål: ${m.targetText}`);
    if (m.targetDescription && m.targetDescription !== m.targetText)
      w.paragraph(`Så följs målet upp: ${m.targetDescription}`, { size: 9.5 });
    w.paragraph(`Ansvarig: ${m.responsible ?? 'anges inte i överenskommelsen'}`, { size: 9.5 });
    w.paragraph(
      `Status: ${m.statusText}. Gjort: ${m.done}` +
        (m.expected !== null ? ` av ${m.expected} förväntade.` : '.')
    );
    w.paragraph(m.comment ? `Kommentar: ${m.comment}` : 'Ingen kommentar.', { size: 10 });
    doc.moveDown(0.7);
  }

  doc.moveDown(0.5);
  w.paragraph(`Rapporten på webben: ${input.url}`, { size: 9, color: PDF_MUTED });
  return w.finish();
}
