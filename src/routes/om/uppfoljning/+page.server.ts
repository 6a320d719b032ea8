import { marked } from 'marked';
import type { PageServerLoad } from './$types';
import rules from '../../../../docs/FOLLOW-UP.md?raw';

// The rules are written once, in docs/FOLLOW-UP.md, and shown here so anyone can check the
// arithmetic. The page shows the part in the reader's language, without the note for developers
// at the top of the file.
function section(heading: string): string {
  const start = rules.indexOf(`## ${heading}`);
  const rest = rules.slice(start).replace(/^## .*\n/, '');
  const end = rest.search(/\n---\n|\n## /);
  return end === -1 ? rest : rest.slice(0, end);
}

const html = {
  sv: marked.parse(`# Så räknas uppföljningen\n\n${section('Svenska')}`, { async: false }),
  en: marked.parse(`# How the follow-up is calculated\n\n${section('English')}`, { async: false })
};

export const load: PageServerLoad = ({ locals }) => ({
  html: locals.lang === 'en' ? html.en : html.sv
});
