/**
 * `npm run import:accuracy`: reads every document of the import corpus
 * (test/fixtures/import-corpus) and prints, per document and in total, the measures found, missed
 * and invented and the targets read to the right count and period. `--write` records the figures
 * in the ratchet (test/fixtures/import-corpus/accuracy.json) and the table in docs/IMPORT.md;
 * `--verbose` lists what was missed and invented.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  accuracyTable,
  corpusIds,
  ratchetOf,
  RATCHET_FILE,
  scoreDocument
} from '../src/lib/server/services/import/import-accuracy';

const args = new Set(process.argv.slice(2));
const scores = [];
for (const id of corpusIds()) scores.push(await scoreDocument(id));
const table = accuracyTable(scores);
console.log(table);
if (args.has('--verbose'))
  for (const s of scores) {
    for (const m of s.missed) console.log(`${s.id}: saknas: ${m}`);
    for (const m of s.invented) console.log(`${s.id}: påhittad: ${m}`);
    if (s.refused) console.log(`${s.id}: vägrad: ${s.refused}`);
  }
if (args.has('--write')) {
  writeFileSync(RATCHET_FILE, `${JSON.stringify(ratchetOf(scores), null, 2)}\n`);
  const doc = 'docs/IMPORT.md';
  const text = readFileSync(doc, 'utf8');
  const start = '<!-- import-accuracy:start -->';
  const end = '<!-- import-accuracy:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error(`${doc} saknar markeringarna ${start} … ${end}`);
  writeFileSync(doc, `${text.slice(0, i + start.length)}\n${table}\n${text.slice(j)}`);
  console.log(`Skrev ${RATCHET_FILE} och tabellen i ${doc}.`);
}
