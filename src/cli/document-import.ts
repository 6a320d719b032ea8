import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { DocumentDraft } from '../lib/core/loefte-import/index';
import { SYSTEM } from '../lib/server/auth/policy';
import type { App } from '../lib/server/app';
import { MAX_DOCUMENT_BYTES } from '../lib/server/services/import/document-import-read';
import {
  acceptDocumentImport,
  getDocumentImport,
  readLoefte,
  startDocumentImport
} from '../lib/server/services/import/document-import.service';
import { ValidationError } from '../lib/server/services/shared/errors';

const lineRef = (l: [number, number] | null) =>
  !l ? '' : l[0] === l[1] ? `rad ${l[0]}: ` : `rad ${l[0]}–${l[1]}: `;

/** The draft in a few readable lines, with what to review. */
export function summariseDraft(d: DocumentDraft): string {
  const measures = d.groups.flatMap((g) => g.measures);
  const out = [
    d.title.value,
    `Kommun: ${d.municipality.name ? `${d.municipality.name} (${d.municipality.code})` : 'inte hittad'}`,
    `Period: ${d.period.start ?? '?'} – ${d.period.end ?? (d.period.untilReplaced ? 'tills ett nytt löfte antas' : '?')}${d.period.text ? ` ("${d.period.text}")` : ''}`,
    `Fokusområden: ${d.focusAreas.length}. Åtgärder: ${measures.length} i ${d.groups.length} grupper, ${measures.filter((m) => m.target && m.target.kind !== 'unparsed').length} med tolkat mål. Effekter: ${d.effects.length}. Parter: ${d.parties.map((p) => p.name).join(', ') || 'inga'}.`
  ];
  for (const g of d.groups) {
    out.push(`  ${g.title}`);
    for (const m of g.measures)
      out.push(
        `    – ${m.title} [${m.targetText || 'mål saknas'}] ${m.parties.join(', ') || 'ingen part'}${m.confidence < 1 ? ` (säkerhet ${Math.round(m.confidence * 100)} %)` : ''}`
      );
  }
  if (d.outcomes.length)
    out.push(
      `Redovisade resultat (${d.outcomes.length}, blir inga åtgärder):`,
      ...d.outcomes.map(
        (o) =>
          `  ${lineRef(o.lines)}${o.text} → ${measures.find((m) => m.key === o.measureKey)?.title ?? 'ingen åtgärd hittades'}`
      )
    );
  out.push(
    d.review.length ? `Att granska (${d.review.length}):` : 'Inget att granska.',
    ...d.review.map((r) => `  ${lineRef(r.lines)}${r.message}`)
  );
  return out.join('\n');
}

/** `loften import <file>`: reads a medborgarlöfte (text, .docx, .pdf) into a draft agreement. */
export function registerDocumentImport(
  program: Command,
  withApp: <T>(fn: (app: App) => Promise<T>) => Promise<T>
): void {
  program
    .command('import <file>')
    .description(
      'Läs in ett befintligt medborgarlöfte: text, Word (.docx) eller PDF (import a löfte)'
    )
    .option('--json', 'skriv utkastet som JSON (docs/import-schema.json)')
    .option('--create', 'skapa överenskommelsen som utkast (create the draft agreement)')
    .option('--police <id>', 'polisområdets id, om dokumentet inte räcker för att hitta det')
    .action(async (path: string, o: { json?: boolean; create?: boolean; police?: string }) => {
      const size = await stat(path).catch(() => null);
      if (!size?.isFile())
        throw new ValidationError([{ field: 'file', message: `Filen ${path} finns inte.` }]);
      if (size.size > MAX_DOCUMENT_BYTES)
        throw new ValidationError([
          { field: 'file', message: `Filen är större än ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.` }
        ]);
      const bytes = new Uint8Array(await readFile(path));
      const fileName = path.split('/').pop() ?? path;
      if (!o.create) {
        const { draft } = await readLoefte({ fileName, bytes });
        console.log(o.json ? JSON.stringify(draft, null, 2) : summariseDraft(draft));
        return;
      }
      await withApp(async ({ ctx }) => {
        const { id } = await startDocumentImport(ctx, SYSTEM, { fileName, bytes });
        const view = await getDocumentImport(ctx, SYSTEM, id);
        const { agreementId } = await acceptDocumentImport(ctx, SYSTEM, id, view.draft, {
          policeAreaId: o.police ?? view.policeAreaId
        });
        console.log(o.json ? JSON.stringify(view.draft, null, 2) : summariseDraft(view.draft));
        console.log(`Skapade överenskommelsen ${agreementId} som utkast.`);
      });
    });
}
