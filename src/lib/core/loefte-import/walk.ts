import { leadingParties, parsePartyList, type NamedParty } from './parties';
import { leadInWho } from './sections';
import { bulletOf, indentOf, isHeadingText, joinLines, type Line } from './text';

/** What a measure's words are labelled as in tables and "Ansvarig: …" lines. */
export type FieldName =
  'measure' | 'target' | 'responsible' | 'collaborators' | 'description' | 'focus';

/** A measure as found, before it is understood. */
export type Item = {
  text: string;
  lines: Line[];
  fields: Partial<Record<FieldName, string>>;
  /** Parties of a lead-in such as "Polisen lovar att:". */
  context: NamedParty[] | null;
  /** The lead-in said only "vi" ("Vi lovar att:"): read as the police and the municipality. */
  we: boolean;
};

/** A heading with the measures under it. */
export type Group = {
  title: string;
  lines: Line[];
  /** Norsjö style: a list item with paragraphs under it, each a measure. */
  paragraphs: boolean;
  /** A numbered or "Fokusområde:" heading: also a focus area when the document lists none. */
  focusLike: boolean;
  description: string;
  items: Item[];
};

export type Walked = { groups: Group[]; intro: Line[]; loose: Line[][] };

const LABEL =
  /^(åtgärd|aktivitet|insats|mål|målsättning|frekvens|omfattning|ansvarig(?:a)?(?: part(?:er)?)?|ansvar|samverkan\p{L}*|i samverkan med|beskrivning|fokusområde(?:\s+\d+)?)\s*:\s*(.*)$/iu;

export function fieldOf(label: string): FieldName {
  const l = label.toLocaleLowerCase('sv');
  if (/^(åtgärd|aktivitet|insats)/.test(l)) return 'measure';
  if (/^(mål|frekvens|omfattning)/.test(l)) return 'target';
  if (/^ansvar/.test(l)) return 'responsible';
  if (/samverkan/.test(l)) return 'collaborators';
  if (/^fokus/.test(l)) return 'focus';
  return 'description';
}

const cellsOf = (t: string) =>
  t
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

/** Walks the lines of the measure sections: groups, list items, paragraphs, tables, labelled lines. */
export function walkMeasures(lines: Line[]): Walked {
  const out: Walked = { groups: [], intro: [], loose: [] };
  let group: Group | null = null;
  let item: Item | null = null;
  let context: NamedParty[] | null = null;
  let we = false;
  // A lead-in before the first heading ("Polisen och kommunen lovar att:") holds for every group.
  let sectionContext: { parties: NamedParty[]; we: boolean } | null = null;
  let header: (FieldName | null)[] | null = null;
  let para: Line[] = [];
  // The indentation of the list item that is the current measure (-1: not a list item).
  let itemIndent = -1;
  // Lines already read as the continuation of a list item above them.
  const consumed = new Set<Line>();
  const newGroup = (title: string, l: Line, paragraphs: boolean, focusLike: boolean) => {
    flushPara();
    item = null;
    context = sectionContext?.parties ?? null;
    we = sectionContext?.we ?? false;
    header = null;
    group = { title, lines: [l], paragraphs, focusLike, description: '', items: [] };
    out.groups.push(group);
  };
  const addItem = (text: string, ls: Line[], fields: Item['fields'] = {}) => {
    if (!group) {
      // A table straight under the section heading keeps its header row in the group it opens.
      const kept = header;
      newGroup('Åtgärder', ls[0]!, false, false);
      header = kept;
    }
    itemIndent = -1;
    item = { text, lines: ls, fields, context, we };
    group!.items.push(item);
  };
  function flushPara() {
    if (!para.length) return;
    const ls = para;
    para = [];
    const g = group as Group | null;
    // One measure a line, without bullets ("Polisen genomför …." over "Kommunen sätter upp …."):
    // under a heading, lines that each end a sentence and name who does it are measures each.
    if (
      g &&
      !g.paragraphs &&
      ls.length > 1 &&
      ls.every((l) => /[.!]$/.test(l.text.trim()) && /^\p{Lu}/u.test(l.text.trim())) &&
      (ls.every((l) => indentOf(l.text) >= 2) || ls.some((l) => leadingParties(l.text.trim())))
    ) {
      for (const l of ls) addItem(l.text.trim(), [l]);
      return;
    }
    const text = joinLines(ls);
    // A paragraph indented under a list item ("2. Polisen ska …" over an indented "Polisen och
    // stadsdelsförvaltningen ska särskilt …") goes on describing that item.
    const current = item as Item | null;
    if (current && itemIndent >= 0 && indentOf(ls[0]!.text) > itemIndent) {
      current.fields.description = [current.fields.description, text].filter(Boolean).join(' ');
      current.lines.push(...ls);
      return;
    }
    const readsAsMeasure =
      !!leadingParties(text) || /\((?:[^()]*:|[^()]*\b(?:polis|kommun))[^()]*\)\s*\.?$/i.test(text);
    // A paragraph under the section heading that names who does it ("Polisen och kommunen ska …",
    // "… (Polis)") is a measure; any other is the section's introduction.
    if (!g) {
      if (readsAsMeasure) addItem(text, ls);
      else out.intro.push(...ls);
    } else if (g.paragraphs || readsAsMeasure) addItem(text, ls);
    else if (!g.items.length && !g.description) g.description = text;
    else out.loose.push(ls);
  }
  lines.forEach((l, i) => {
    const t = l.text.trim();
    if (!t) return flushPara();
    let j = i + 1;
    while (j < lines.length && !lines[j]!.text.trim()) j++;
    let next = lines[j];
    const prevBlank = i === 0 || !lines[i - 1]!.text.trim();
    if ((t.match(/\|/g) ?? []).length >= 2 || (t.includes(' | ') && !para.length)) {
      flushPara();
      const cells = cellsOf(t);
      if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return;
      const roles = cells.map((c) =>
        /^[\p{L} ]{3,30}$/u.test(c) ? fieldOf(c.replace(/\s+/g, ' ')) : null
      );
      const looksHeader =
        cells.some((c) => /^(aktivitet|åtgärd|insats)/i.test(c)) &&
        cells.some((c) => /^(ansvar|mål|frekvens|samverkan)/i.test(c));
      if (looksHeader) {
        header = roles.map((r, k) =>
          r === 'description' && !/beskrivning/i.test(cells[k]!) ? null : r
        );
        return;
      }
      const h: (FieldName | null)[] = header ?? [
        'measure',
        'responsible',
        'target',
        'collaborators'
      ];
      const fields: Item['fields'] = {};
      cells.forEach((c, k) => {
        const role = h[k];
        if (role && c) fields[role] = c;
      });
      addItem(fields.measure ?? cells[0] ?? t, [l], fields);
      return;
    }
    const label = LABEL.exec(t);
    if (label) {
      flushPara();
      const field = fieldOf(label[1]!);
      const value = label[2]!.trim();
      if (field === 'measure') addItem(value, [l]);
      else if (field === 'focus' && value) newGroup(value, l, false, true);
      else if (item && field !== 'focus') {
        item.fields[field] = value;
        item.lines.push(l);
      } else out.loose.push([l]);
      return;
    }
    const who = leadInWho(t);
    if (who !== null) {
      flushPara();
      item = null;
      we = /^vi$/i.test(who);
      context = parsePartyList(we ? 'polisen och kommunen' : who);
      if (!context.length) out.loose.push([l]);
      else if (!group) sectionContext = { parties: context, we };
      return;
    }
    if (consumed.has(l)) return;
    const b = bulletOf(l.text);
    if (b) {
      flushPara();
      // A list item wrapped onto lines of its own ("• Tillsammans med skola …" over an indented
      // "arbeta och samverka …"): the lines that go on in lower case belong to it.
      const wrapped: Line[] = [];
      for (let k = i + 1; k < lines.length; k++) {
        const w = lines[k]!;
        const wt = w.text.trim();
        if (!wt || bulletOf(w.text) || !/^\p{Ll}/u.test(wt) || indentOf(w.text) < b.indent) break;
        if (/[.:;!?]$/.test((wrapped.at(-1)?.text ?? b.text).trim())) break;
        wrapped.push(w);
      }
      if (wrapped.length) {
        for (const w of wrapped) consumed.add(w);
        b.text = [b.text, ...wrapped.map((w) => w.text.trim())].join(' ');
        j = i + 1 + wrapped.length;
        while (j < lines.length && !lines[j]!.text.trim()) j++;
        next = lines[j];
      }
      const ls = [l, ...wrapped];
      // A deeper list item under a measure says how it is done: it belongs to that measure.
      const current = item as Item | null;
      if (current && itemIndent >= 0 && b.indent > itemIndent && !prevBlank) {
        current.fields.description = [current.fields.description, b.text].filter(Boolean).join(' ');
        current.lines.push(...ls);
        return;
      }
      const nextIsBullet = next ? !!bulletOf(next.text) : false;
      const inList = !prevBlank && !!bulletOf(lines[i - 1]!.text)?.numbered;
      if (b.numbered && isHeadingText(t) && !inList && !(next && bulletOf(next.text)?.numbered))
        return newGroup(b.text, l, false, true);
      const under = next && !nextIsBullet && !/\)\s*\.?$/.test(b.text) && !/[.:]$/.test(b.text);
      if (
        under &&
        !b.numbered &&
        (indentOf(next!.text) > b.indent || /\([^()]+\)\s*\.?$/.test(next!.text))
      )
        return newGroup(b.text, l, true, false);
      addItem(b.text, ls);
      itemIndent = b.indent;
      return;
    }
    const nextBlank = !next || lines[i + 1] !== next;
    if (isHeadingText(t) && prevBlank && (nextBlank || (next && !!bulletOf(next.text)))) {
      const focus = /^fokusområde\b/i.test(t);
      return newGroup(t.replace(/^fokusområde\s*\d*\s*[:–-]?\s*/i, '') || t, l, false, focus);
    }
    para.push(l);
  });
  flushPara();
  return out;
}
