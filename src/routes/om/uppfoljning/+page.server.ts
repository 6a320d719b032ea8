import { marked } from 'marked';
import type { PageServerLoad } from './$types';
import rules from '../../../../docs/FOLLOW-UP.md?raw';

// The rules are written once, in docs/FOLLOW-UP.md, and shown here so anyone can check the arithmetic.
const html = marked.parse(rules, { async: false });

export const load: PageServerLoad = () => ({ html });
