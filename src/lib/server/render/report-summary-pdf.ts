import { shortText } from '../../core/report';
import { drawBarChart } from './report-pdf-chart';
import { PDF_BRAND, PDF_DEMO, PDF_INK, openPdf, swedishDay } from './report-pdf-kit';
import { focusAreaBars, type ReportPdfInput } from './report-pdf';

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
  w.paragraph(`MEDBORGARLÖFTEN I ${place.toUpperCase()}`, { size: 10, color: PDF_BRAND });
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
    [String(s.done), `gjorda av ${s.expected} förväntade insatser`],
    [String(s.measures), 'åtgärder följdes upp']
  ] as const;
  const top = doc.y;
  const column = width / figures.length;
  figures.forEach(([big, small], i) => {
    const x = left + i * column;
    doc.font('Helvetica-Bold').fontSize(26).fillColor(PDF_BRAND);
    doc.text(big, x, top, { width: column - 10, structParent: w.root, structType: 'P' });
    doc.font('Helvetica').fontSize(10).fillColor(PDF_INK);
    doc.text(small, x, top + 34, { width: column - 10, structParent: w.root, structType: 'P' });
  });
  doc.x = left;
  doc.y = top + 70;

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
  // As many measures as the page holds, each with its status in words.
  const room = Math.floor((doc.page.height - doc.page.margins.bottom - doc.y - 90) / 14);
  if (room > 2 && c.measures.length) {
    w.heading(2, 'Åtgärd för åtgärd');
    const shown = c.measures.slice(0, room);
    for (const m of shown)
      w.paragraph(
        `${m.title}: ${m.statusText.toLowerCase()}, ${m.done}` +
          (m.expected !== null ? ` av ${m.expected}` : ' gjorda'),
        { size: 9.5 }
      );
    if (shown.length < c.measures.length)
      w.paragraph(`… och ${c.measures.length - shown.length} åtgärder till i hela rapporten.`, {
        size: 9.5
      });
    doc.moveDown(0.6);
  }
  w.paragraph(
    `Hela rapporten med kommentarer till varje åtgärd: ${input.url}. ` +
      `Version ${input.version}, publicerad ${swedishDay(input.publishedAt)}.` +
      (input.note ? ` ${input.note}` : ''),
    { size: 9 }
  );
  return w.finish();
}
