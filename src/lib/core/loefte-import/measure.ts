import { parseTarget } from '../target-parser';
import { focusAreasOf } from './focus';
import {
  isPartyListOnly,
  leadingParties,
  parsePartyList,
  weInSentence,
  type NamedParty
} from './parties';
import type { DocumentDraft, ImportedMeasure, ReviewItem } from './schema';
import { targetInSentence } from './target-words';
import { capitalise, sentences, slug, spanOf, titleOf, uniqueKey } from './text';
import type { Group, Item } from './walk';

/** What building measures needs from the rest of the draft, and where it reports. */
export type MeasureContext = {
  focusAreas: DocumentDraft['focusAreas'];
  keys: Set<string>;
  party: (p: NamedParty, lines: [number, number]) => string;
  review: (r: Omit<ReviewItem, 'id'>) => void;
  path: string;
};

const SEGMENT =
  /(?:^|[.;,]\s*)(samverkan\p{L}*|i samverkan med|ansvarig\p{L}*|ansvar|mål|frekvens)\s*:\s*/giu;

/** "(Som minst 1 gång i månaden. Samverkan: Polisen.)" → target words and labelled parts. */
function parenthesis(inner: string): {
  target?: string;
  responsible?: string;
  collaborators?: string;
} {
  const parts: { label: string | null; text: string }[] = [];
  let last = 0;
  let label: string | null = null;
  for (const m of inner.matchAll(SEGMENT)) {
    parts.push({ label, text: inner.slice(last, m.index) });
    label = m[1]!.toLocaleLowerCase('sv');
    last = m.index + m[0].length;
  }
  parts.push({ label, text: inner.slice(last) });
  const out: { target?: string; responsible?: string; collaborators?: string } = {};
  for (const p of parts) {
    const text = p.text
      .trim()
      .replace(/[.;,]$/, '')
      .trim();
    if (!text) continue;
    if (!p.label || /^(mål|frekvens)/.test(p.label)) out.target ??= text;
    else if (p.label.startsWith('ansvar')) out.responsible = text;
    else out.collaborators = text;
  }
  return out;
}

/** Title and description: "Klassrumsbesök - Kunskapshöjning …" splits; else the first sentence is the title. */
function titleAndDescription(text: string, group: Group): { title: string; description: string } {
  if (group.paragraphs && group.items.length === 1)
    return { title: group.title, description: text };
  const first = sentences(text)[0] ?? text;
  const dash = /^([^.]{2,40}?)\s+[-–—]\s+(\p{Lu}.*)$/u.exec(text);
  if (dash && dash[1]!.split(/\s+/).length <= 4)
    return { title: titleOf(dash[1]!), description: dash[2]! };
  const title = titleOf(first);
  return {
    title: title.length > 160 ? `${title.slice(0, 157).trimEnd()}…` : title,
    description: text
  };
}

/** One measure from what was found, with review items for what is missing or contradicts itself. */
export function buildMeasure(
  item: Item,
  group: Group,
  groupFocus: string | null,
  c: MeasureContext
): ImportedMeasure {
  const lines = spanOf(item.lines);
  const review = (kind: ReviewItem['kind'], what: string, message: string) =>
    c.review({ kind, path: `${c.path}.${what}`, message, lines });
  let text = item.text.trim();
  let inParens: ReturnType<typeof parenthesis> = {};
  let trailing: NamedParty[] = [];
  const paren = /\s*\(([^()]*)\)\s*\.?\s*$/.exec(text);
  if (paren) {
    const inner = paren[1]!;
    if (isPartyListOnly(inner)) trailing = parsePartyList(inner);
    else inParens = parenthesis(inner);
    text = text.slice(0, paren.index).trim();
  }
  const lead = leadingParties(text);
  if (lead && lead.rest) text = lead.rest;
  const we = lead ? null : weInSentence(text);
  text = capitalise(text);
  const { title, description } = titleAndDescription(
    item.fields.description
      ? `${text}${/[.!?]$/.test(text) ? '' : '.'} ${item.fields.description}`
      : text,
    group
  );
  const fromField = item.fields.responsible ? parsePartyList(item.fields.responsible) : [];
  const fromParen = inParens.responsible ? parsePartyList(inParens.responsible) : [];
  const named = [
    {
      how: `"Ansvarig: ${item.fields.responsible ?? inParens.responsible ?? ''}"`,
      parties: fromField.length ? fromField : fromParen
    },
    { how: `"(${trailing.map((p) => p.name).join(', ')})"`, parties: trailing },
    {
      how: `"${lead?.parties.map((p) => p.name).join(' och ')} ska …"`,
      parties: lead && !lead.we ? lead.parties : []
    }
  ].filter((n) => n.parties.length);
  const collaborators = parsePartyList(
    [item.fields.collaborators, inParens.collaborators].filter(Boolean).join(', ')
  );
  const [first, second] = named;
  if (first && second && first.parties[0]!.key !== second.parties[0]!.key)
    review(
      'conflict',
      'responsible',
      `Två olika ansvariga står i texten: ${first.how} och ${second.how}. Välj vem som är ansvarig.`
    );
  else if (first && first.how.startsWith('"Ansvarig') && first.parties.length > 1)
    review(
      'uncertain',
      'responsible',
      `Flera ansvariga står i texten (${first.parties.map((p) => p.name).join(', ')}); en åtgärd har en ansvarig part. ${first.parties[0]!.name} är vald – ändra om det behövs.`
    );
  // "vi" names nobody: read as the police and the municipality together, and always reviewed.
  const ours = lead?.we ? lead.parties : we;
  const context = named.length ? [] : (ours ?? item.context ?? []);
  if (!named.length && (ours || (item.context?.length && item.we)))
    review(
      'uncertain',
      'responsible',
      `Texten säger "vi" utan att säga vem. Det är tolkat som polisen och kommunen tillsammans, med ${context[0]!.name.toLocaleLowerCase('sv')} som ansvarig – kontrollera vem som gör vad.`
    );
  const all = [...named.flatMap((n) => n.parties), ...context, ...collaborators];
  const keys = [...new Set(all.map((p) => c.party(p, lines)))];
  if (!keys.length)
    review(
      'missing',
      'responsible',
      'Ingen ansvarig part hittades. Välj vem som ansvarar för åtgärden.'
    );
  const explicitTarget = item.fields.target ?? inParens.target;
  const inSentence = explicitTarget ? null : targetInSentence(text);
  const targetText = (explicitTarget ?? inSentence?.text ?? '').trim();
  const target = targetText ? (inSentence?.target ?? parseTarget(targetText)) : null;
  if (!targetText)
    review(
      'missing',
      'target',
      'Inget mål hittades. Skriv hur ofta eller hur mycket, till exempel "minst 4 gånger per år".'
    );
  else if (target?.kind === 'unparsed')
    review(
      'uncertain',
      'target',
      `Målet "${targetText}" kunde inte tolkas som antal eller frekvens. Skriv om det, till exempel "2 gånger per år".`
    );
  const focusAreaKeys = focusAreasOf(
    c.focusAreas,
    group.title,
    `${title} ${description}`,
    groupFocus
  );
  if (!focusAreaKeys.length && c.focusAreas.length)
    review(
      'missing',
      'focusAreaKeys',
      'Åtgärden kunde inte knytas till något fokusområde. Välj ett eller flera.'
    );
  return {
    key: uniqueKey(slug(title, 3), c.keys),
    title,
    description,
    targetText,
    target,
    // "Samverkan: …" names who takes part, not who answers for the measure: no responsible then.
    responsible: named.length || context.length ? (keys[0] ?? null) : null,
    parties: keys,
    focusAreaKeys,
    // Lowered by the review items about the measure once the whole draft is read (index.ts).
    confidence: 1,
    lines
  };
}
