import { fold, isHeadingText, type Line } from './text';

export type SectionKind =
  'situation' | 'focus' | 'measures' | 'effects' | 'communication' | 'signatures';
export type Section = { kind: SectionKind; heading: Line; lines: Line[] };

const KINDS: [SectionKind, RegExp][] = [
  ['situation', /lagesbild|bakgrund|nulage|problembild|utgangspunkt/],
  ['effects', /effekt|forvantat resultat|onskat resultat|vad vill vi uppna/],
  ['communication', /kommunikation|aterrapport|redovisning|sa foljer vi upp|uppfoljning/],
  ['signatures', /underskrift|undertecknad|signatur/],
  [
    'measures',
    /medborgarlofte|loften|loftet|vi lovar|atgarder|aktiviteter|genomforandeplan|handlingsplan|vara lofte/
  ],
  ['focus', /fokusomrad|prioriterade omraden|prioriteringar|insatsomraden/]
];

/** The kind of section a heading opens; "Våra fokusområden och löften" opens measures. */
export function sectionKind(heading: string): SectionKind | null {
  const f = fold(heading);
  if (/fokusomrad|prioriterade/.test(f) && !/lofte|loften|atgard|aktivitet/.test(f)) return 'focus';
  return KINDS.find(([, re]) => re.test(f))?.[0] ?? null;
}

/** Splits the lines after the title into the preamble and the sections their headings open. */
export function splitSections(lines: Line[]): { preamble: Line[]; sections: Section[] } {
  const preamble: Line[] = [];
  const sections: Section[] = [];
  lines.forEach((l, i) => {
    const t = l.text.trim();
    const standalone = (i === 0 || !lines[i - 1]!.text.trim()) && !lines[i + 1]?.text.trim();
    const kind = standalone && isHeadingText(t) ? sectionKind(t) : null;
    const inMeasures = sections[sections.length - 1]?.kind === 'measures';
    if (kind && !(inMeasures && (kind === 'measures' || kind === 'focus')))
      sections.push({ kind, heading: l, lines: [] });
    else if (sections.length) sections[sections.length - 1]!.lines.push(l);
    else preamble.push(l);
  });
  return { preamble, sections };
}

/** Paragraphs (runs of non-blank lines). */
export function paragraphs(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    if (l.text.trim()) cur.push(l);
    else if (cur.length) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
