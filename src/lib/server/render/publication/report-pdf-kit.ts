import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/** Colours of the report PDFs (contrast at least 4.5:1 on white for text). */
export const PDF_INK = '#1b1f24';
export const PDF_MUTED = '#4a5562';
export const PDF_BRAND = '#1a4d8f';
export const PDF_DEMO = '#8a3b00';

/**
 * The fonts of every report PDF: DejaVu Sans, whose glyphs cover Sámi, Meänkieli and Finnish
 * letters (ŋ, đ, ŧ, ž, č, š) as well as å, ä and ö. pdfkit embeds only the glyphs a document
 * uses, so a one-page summary stays small.
 */
export const PDF_FONT = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  italic: 'DejaVuSans-Oblique'
} as const;

type PdfFontName = (typeof PDF_FONT)[keyof typeof PDF_FONT];

// Resolved through node_modules, which the built server keeps external; each file read once.
const requireFont = createRequire(import.meta.url);
const fontFiles = new Map<PdfFontName, Buffer>();

function fontFile(name: PdfFontName): Buffer {
  let bytes = fontFiles.get(name);
  if (!bytes) {
    bytes = readFileSync(requireFont.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
    fontFiles.set(name, bytes);
  }
  return bytes;
}

/** Registers the report fonts on a document and makes the regular one current. */
function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.values(PDF_FONT)) doc.registerFont(name, fontFile(name));
  doc.font(PDF_FONT.regular);
}

/** A tagged PDF being written: headings land in the outline and the structure tree. */
export type PdfWriter = {
  doc: PDFKit.PDFDocument;
  root: PDFKit.PDFStructureElement;
  /** A heading (H1–H3) as tagged text and, for H1 and H2, an outline entry. */
  heading: (level: 1 | 2 | 3, text: string, options?: TextStyle) => void;
  /** A paragraph of tagged text. */
  paragraph: (text: string, options?: TextStyle) => void;
  /** Draws decoration that carries no meaning (rules, boxes) as an artifact. */
  artifact: (draw: () => void) => void;
  /** Finishes the document and returns its bytes. */
  finish: () => Promise<Buffer>;
};

const SIZES = { 1: 20, 2: 14, 3: 11.5 } as const;

/** pdfkit's text options with a font size and colour. */
export type TextStyle = PDFKit.Mixins.TextOptions & { size?: number; color?: string };

/**
 * Opens an A4 tagged PDF in Swedish with title metadata shown in the viewer's title bar, with the
 * DejaVu fonts registered (`PDF_FONT`) so that every letter of a comment or place name prints.
 */
export function openPdf(meta: {
  title: string;
  subject: string;
  author: string;
  /** The publication instant: the same version always gives the same document. */
  createdAt: string;
}): PdfWriter {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Creator: 'Löften',
      CreationDate: new Date(meta.createdAt),
      Keywords: 'medborgarlöfte, uppföljning'
    }
  });
  registerFonts(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let outlineH1: PDFKit.PDFOutline | null = null;
  return {
    doc,
    root,
    heading(level, text, options = {}) {
      const { size, color, ...rest } = options;
      doc
        .font(PDF_FONT.bold)
        .fontSize(size ?? SIZES[level])
        .fillColor(color ?? (level === 1 ? PDF_BRAND : PDF_INK));
      doc.text(text, { ...rest, structParent: root, structType: `H${level}` });
      if (level === 1) outlineH1 = doc.outline.addItem(text, { expanded: true });
      if (level === 2) (outlineH1 ?? doc.outline).addItem(text);
      doc.moveDown(0.3);
    },
    paragraph(text, options = {}) {
      const { size, color, ...rest } = options;
      doc
        .font(PDF_FONT.regular)
        .fontSize(size ?? 10.5)
        .fillColor(color ?? PDF_INK);
      doc.text(text, { ...rest, structParent: root, structType: 'P' });
    },
    artifact(draw) {
      doc.markContent('Artifact', { type: 'Layout' });
      draw();
      doc.endMarkedContent();
    },
    async finish() {
      root.end();
      doc.end();
      return ended;
    }
  };
}

/** A date-time instant as a Swedish calendar day in Stockholm: "27 november 2026". */
export function swedishDay(isoInstant: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    day: 'numeric',
    month: 'long',
    year: 'numeric'
  }).format(new Date(isoInstant));
}
