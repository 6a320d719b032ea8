import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a PDF says when read back: each page's text, its metadata, outline and tagging. */
export async function readPdf(bytes: Uint8Array | Buffer) {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
    standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/`
  }).promise;
  const pages: string[] = [];
  let structTypes: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .replace(/[ \t]+/g, ' ')
    );
    const tree = await page.getStructTree();
    structTypes = [...structTypes, ...roles(tree)];
  }
  const meta = await doc.getMetadata();
  const outline = (await doc.getOutline()) ?? [];
  const markInfo = await doc.getMarkInfo();
  const result = {
    pages,
    // Lines wrap where the page ends them: compare words, not line breaks.
    text: pages.join(' ').replace(/\s+/g, ' '),
    info: meta.info as Record<string, unknown>,
    outline: outline.flatMap((o) => [o.title, ...o.items.map((c) => c.title)]),
    tagged: !!markInfo?.Marked,
    structTypes: [...new Set(structTypes)]
  };
  await doc.destroy();
  return result;
}

/** Every role in a structure tree (pdf.js gives nodes with a role and children, or content leaves). */
function roles(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as { role?: string; children?: unknown[] };
  return [...(n.role ? [n.role] : []), ...(n.children ?? []).flatMap((c) => roles(c))];
}
