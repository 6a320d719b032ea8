import { doneWords } from '../../../core/due';
import { PDF_BRAND, PDF_FONT, PDF_INK, PDF_MUTED, type PdfWriter } from './report-pdf-kit';

/** One pair of bars: done against expected. */
export type PdfBarGroup = { label: string; done: number; expected: number };

const EXPECTED_FILL = '#c9d3e0';

/** The chart's text alternative: every bar's numbers in words. */
export function barChartAlt(title: string, groups: readonly PdfBarGroup[]): string {
  return `${title}. ${groups.map((g) => `${g.label}: ${doneWords(g.done)} av ${g.expected} förväntade`).join('; ')}.`;
}

/**
 * A horizontal bar chart drawn with vector primitives, done (dark) over expected (light) per
 * group, tagged as one Figure with the numbers as its alternative text; the labels and numbers
 * printed beside the bars stay real text too.
 */
export function drawBarChart(
  w: PdfWriter,
  box: { x: number; y: number; width: number },
  title: string,
  groups: readonly PdfBarGroup[]
): number {
  const { doc } = w;
  const labelWidth = box.width * 0.36;
  const max = Math.max(1, ...groups.flatMap((g) => [g.done, g.expected]));
  // Room right of the longest bar for its number, measured in the font that prints it.
  doc.font(PDF_FONT.regular).fontSize(8);
  const valueWidth = doc.widthOfString(`förväntat ${max}`) + 8;
  const barArea = box.width - labelWidth - valueWidth;
  const rowHeight = 30;
  const figure = doc.struct('Figure', { alt: barChartAlt(title, groups) }, () => {
    groups.forEach((g, i) => {
      const top = box.y + i * rowHeight;
      doc.font(PDF_FONT.regular).fontSize(9).fillColor(PDF_INK);
      doc.text(g.label, box.x, top + 2, {
        width: labelWidth - 8,
        height: rowHeight - 4,
        ellipsis: true
      });
      const left = box.x + labelWidth;
      const expectedWidth = (g.expected / max) * barArea;
      const doneWidth = (g.done / max) * barArea;
      doc.rect(left, top, Math.max(expectedWidth, 0.5), 10).fill(EXPECTED_FILL);
      doc.rect(left, top + 12, Math.max(doneWidth, 0.5), 10).fill(PDF_BRAND);
      doc.font(PDF_FONT.regular).fontSize(8).fillColor(PDF_MUTED);
      doc.text(`förväntat ${g.expected}`, left + expectedWidth + 4, top + 1, { lineBreak: false });
      doc.fillColor(PDF_INK);
      doc.text(`gjort ${g.done}`, left + doneWidth + 4, top + 13, { lineBreak: false });
    });
    doc
      .moveTo(box.x + labelWidth, box.y - 2)
      .lineTo(box.x + labelWidth, box.y + groups.length * rowHeight - 6)
      .lineWidth(0.7)
      .stroke(PDF_MUTED);
  });
  w.root.add(figure);
  figure.end();
  const bottom = box.y + groups.length * rowHeight;
  doc.x = box.x;
  doc.y = bottom + 4;
  // The legend.
  w.paragraph('Ljus stapel: förväntat antal enligt målen. Mörk stapel: gjort antal.', {
    size: 8.5
  });
  return doc.y;
}
