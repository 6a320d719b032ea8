/**
 * Document import: the time to read a generated 50-page medborgarlöfte into a draft, as plain
 * text, as Word (.docx) and as PDF (extraction + parsing). The issue asks for under a second.
 * Run with BENCH_CASES=import (alone or with the other cases).
 */
import { makeDocx, makePdf } from '../test/support/document-files';
import { readLoefte } from '../src/lib/server/services/import/document-import.service';
import { fmtInt, fmtMs, log, timeRuns } from './stats';

const AREAS = ['narkotika', 'trafik', 'inbrott', 'trygghet', 'våld i offentlig miljö'];
const WHO = ['Polisen', 'Kommunen', 'Polisen och kommunen', 'Kommunen, polisen samt föreningar'];
const HOW = [
  '2 gånger per år',
  'Minst 1 gång i månaden',
  'Varje arbetspass',
  'Vid behov',
  'Löpande under året',
  'Minst 10 kontroller per månad'
];

/** A Norsjö-style löfte of about `pages` A4 pages (≈ 3 000 characters a page). */
export function generatedLoefte(pages = 50): string {
  const out = [
    'Norsjö – medborgarlöften (genererat för mätning)',
    '',
    'Avtalet löper på fyra år med början 1/1 2019 och utgör grunden för ett ömsesidigt åtagande.',
    '',
    'Fyra fokusområden',
    '',
    ...AREAS.map((a) => ` • Insatser mot ${a} med syfte att minska brottsligheten.`),
    '',
    'Medborgarlöfte 2019-2023',
    ''
  ];
  let chars = out.join('\n').length;
  for (let g = 0; chars < pages * 3000; g++) {
    const group = [` • Insatser mot ${AREAS[g % AREAS.length]} (${g + 1})`];
    for (let m = 0; m < 6; m++)
      group.push(
        `  Åtgärd ${g + 1}.${m + 1} mot ${AREAS[(g + m) % AREAS.length]} i centrum och i byarna, med information till allmänheten. (${HOW[(g + m) % HOW.length]}. Samverkan: ${WHO[(g * 7 + m) % WHO.length]}.)`,
        ''
      );
    out.push(...group);
    chars += group.join('\n').length;
  }
  out.push(
    'Effekter som eftersträvas',
    '',
    ' • Ökad upplevd trygghet.',
    '',
    'Kommunikation',
    '',
    'Redovisas på hemsidan.'
  );
  return out.join('\n');
}

/** Times the three formats and prints median and p95. */
export async function benchImport(runs = 5): Promise<void> {
  const text = generatedLoefte(50);
  const files = {
    text: new TextEncoder().encode(text),
    docx: await makeDocx(text),
    pdf: await makePdf(text)
  };
  log(
    `\n=== document import (50 pages, ${fmtInt(text.split('\n').length)} lines, ${fmtInt(text.length)} characters) ===`
  );
  for (const [kind, bytes] of Object.entries(files)) {
    const t = await timeRuns(runs, () =>
      readLoefte({ fileName: `loefte.${kind === 'text' ? 'txt' : kind}`, bytes })
    );
    const measures = t.result.draft.groups.reduce((n, g) => n + g.measures.length, 0);
    log(
      `  ${kind.padEnd(4)} ${fmtInt(bytes.length / 1024)} kB: median ${fmtMs(t.median)}, p95 ${fmtMs(t.p95)}, ${fmtInt(measures)} measures ${t.p95 < 1000 ? '(under a second)' : '(OVER A SECOND)'}`
    );
  }
}
