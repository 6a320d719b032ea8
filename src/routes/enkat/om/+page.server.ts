import { marked } from 'marked';
import type { PageServerLoad } from './$types';
import doc from '../../../../docs/SURVEYS.md?raw';

// The rules are written once, in docs/SURVEYS.md; the page shows its Swedish part for everyone.
const start = doc.indexOf('## Svenska');
const end = doc.indexOf('\n## ', start + 5);
const html = marked.parse(
  `# Så fungerar enkäterna\n\n${doc.slice(start, end === -1 ? undefined : end).replace(/^## .*\n/, '')}`,
  { async: false }
);

export const load: PageServerLoad = () => ({ html });
