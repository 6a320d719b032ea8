import { shortText, type ReportContent } from '../../../core/report';
import { drawBarChart } from './report-pdf-chart';
import {
  PDF_BRAND,
  PDF_DEMO,
  PDF_FONT,
  PDF_INK,
  openPdf,
  swedishDay,
  type PdfWriter
} from './report-pdf-kit';
import { brandLogo, focusAreaBars, type ReportPdfInput } from './report-pdf';

/**
 * A one-page summary for a local paper (like Norsjöbladet): a headline, a short lead, key figures
 * in large type and a bar chart of done against expected per focus area.
 */
export async function renderReportSummaryPdf(input: ReportPdfInput): Promise<Buffer> {
  const c = input.content;
  const s = c.summary;
  const place = c.agreement.municipalities.map((m) => m.officialName).join(' och ');
  const w = openPdf({
    createdAt: input.publishedAt,
    title: `Sammanfattning: ${c.title}`,
    subject: `En sida för lokaltidningen, ${c.period.label}${c.demo ? ' (demodata)' : ''}`,
    author: place
  });
  const { doc } = w;
  const left = doc.page.margins.left;
  const width = doc.page.width - left * 2;
  if (c.demo) {
    w.artifact(() => doc.rect(left - 8, doc.y - 6, width + 16, 28).fill('#fde8d7'));
    w.paragraph('DEMO: påhittade uppgifter, inte verkligt arbete.', { size: 11, color: PDF_DEMO });
    doc.moveDown(0.8);
  }
  brandLogo(w, input.brand);
  const brand = input.brand?.colour ?? PDF_BRAND;
  w.paragraph(`MEDBORGARLÖFTEN I ${place.toUpperCase()}`, { size: 10, color: brand });
  doc.moveDown(0.3);
  const headline = s.headline.charAt(0).toUpperCase() + s.headline.slice(1);
  w.heading(1, headline, { size: 24, color: PDF_INK });
  const lead =
    c.lead ||
    `Polisen och ${place} har följt upp sina medborgarlöften för ${c.period.label}. ` +
      'Här är siffrorna.';
  w.paragraph(shortText(lead, 420), { size: 12.5 });
  doc.moveDown(0.8);

  w.heading(2, 'Siffrorna');
  const figures = [
    [`${s.kept} av ${s.judged}`, 'åtgärder höll målet'],
    [String(s.done), `${s.done === 1 ? 'gjord' : 'gjorda'} av ${s.expected} förväntade insatser`],
    [String(s.measures), 'åtgärder följdes upp']
  ] as const;
  const top = doc.y;
  const column = width / figures.length;
  let bottom = top + 70;
  figures.forEach(([big, small], i) => {
    const x = left + i * column;
    // Large type, made smaller only when a big number would not fit its column on one line.
    doc.font(PDF_FONT.bold).fontSize(26);
    doc.fontSize(Math.min(26, (26 * (column - 10)) / doc.widthOfString(big)));
    doc.fillColor(brand);
    doc.text(big, x, top, { width: column - 10, structParent: w.root, structType: 'P' });
    doc.font(PDF_FONT.regular).fontSize(10).fillColor(PDF_INK);
    doc.text(small, x, top + 34, { width: column - 10, structParent: w.root, structType: 'P' });
    bottom = Math.max(bottom, doc.y + 12);
  });
  doc.x = left;
  doc.y = bottom;

  const bars = focusAreaBars(c);
  if (bars.length) {
    w.heading(2, 'Gjort mot förväntat per fokusområde');
    drawBarChart(
      w,
      { x: left, y: doc.y + 4, width },
      'Stapeldiagram: gjort mot förväntat antal per fokusområde',
      bars.slice(0, 8)
    );
  }
  doc.moveDown(0.8);
  const footer =
    `Hela rapporten med kommentarer till varje åtgärd: ${input.url}. ` +
    `Version ${input.version}, publicerad ${swedishDay(input.publishedAt)}.` +
    (input.note ? ` ${input.note}` : '');
  const footerHeight = doc.font(PDF_FONT.regular).fontSize(9).heightOfString(footer, { width });
  measureList(w, c, doc.page.height - doc.page.margins.bottom - footerHeight - 12);
  w.paragraph(footer, { size: 9 });
  return w.finish();
}

const LIST_SIZE = 9.5;

/**
 * As many measures as fit above `bottom`, each with its status in words, measured with the
 * font's own metrics so a wrapped line never pushes the summary onto a second page.
 */
function measureList(w: PdfWriter, c: ReportContent, bottom: number): void {
  const { doc } = w;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const lines = c.measures.map(
    (m) =>
      `${m.title}: ${m.statusText.toLowerCase()}, ${m.done}` +
      (m.expected !== null ? ` av ${m.expected}` : m.done === 1 ? ' gjord' : ' gjorda')
  );
  doc.font(PDF_FONT.regular).fontSize(LIST_SIZE);
  const heights = lines.map((line) => doc.heightOfString(line, { width }));
  const rest = (n: number) => `… och ${n} åtgärder till i hela rapporten.`;
  const restHeight = doc.heightOfString(rest(lines.length), { width });
  // Room for the heading and at least three lines, or the list is left to the whole report.
  let y = doc.y + doc.font(PDF_FONT.bold).fontSize(14).currentLineHeight(true) * 1.3;
  if (!lines.length || y + heights.slice(0, 3).reduce((a, b) => a + b, 0) > bottom) return;
  let shown = 0;
  for (const [i, height] of heights.entries()) {
    // Unless this is the last measure, keep room for the line that counts the rest.
    if (y + height + (i + 1 < heights.length ? restHeight : 0) > bottom) break;
    y += height;
    shown = i + 1;
  }
  w.heading(2, 'Åtgärd för åtgärd');
  for (const line of lines.slice(0, shown)) w.paragraph(line, { size: LIST_SIZE });
  if (shown < lines.length) w.paragraph(rest(lines.length - shown), { size: LIST_SIZE });
  doc.moveDown(0.6);
}
