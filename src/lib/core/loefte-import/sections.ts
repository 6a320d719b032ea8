import { bulletOf, fold, isHeadingText, type Line } from './text';

export type SectionKind =
  'situation' | 'focus' | 'measures' | 'effects' | 'outcomes' | 'communication' | 'signatures';
export type Section = { kind: SectionKind; heading: Line; lines: Line[] };

const KINDS: [SectionKind, RegExp][] = [
  ['situation', /lagesbild|bakgrund|nulage|problembild|problemomrad|utgangspunkt|situationen/],
  ['effects', /effekt|forvantat resultat|onskat resultat|vill vi uppna/],
  // A follow-up's results ("Utfallet", "Resultat", "Så har det gått"): reported outcomes, not measures.
  [
    'outcomes',
    /^(?:utfall(?:et)?(?: blev)?|resultat(?:et)?|sa (?:har )?(?:har )?det (?:gatt|gick)|sa gick det|det har har vi gjort|genomfort)\b/
  ],
  ['communication', /kommunikation|aterrapport|redovisning|sa foljer vi upp|uppfoljning/],
  ['signatures', /underskrift|undertecknad|signatur/],
  [
    'measures',
    /medborgarlofte|loften|loftet|vi lovar|atgarder|aktiviteter|^insatser$|genomforandeplan|handlingsplan|vara lofte|det har ska vi gora|sa har gor vi/
  ],
  ['focus', /fokusomrad|prioriterade omraden|prioriteringar|insatsomraden/]
];

/** The kind of section a heading opens; "Våra fokusområden och löften" opens measures. */
export function sectionKind(heading: string): SectionKind | null {
  const f = fold(heading);
  if (/fokusomrad|prioriterade/.test(f) && !/lofte|loften|atgard|aktivitet/.test(f)) return 'focus';
  return KINDS.find(([, re]) => re.test(f))?.[0] ?? null;
}

const LEAD_IN =
  /^(.{2,60}?)\s+(?:lovar att|lovar|ska|skall|åtar sig att|kommer att)(?:\s+(?:tillsammans|gemensamt))?\s*:$/i;
/** "Under tiden 1 januari 2023 – 31 december 2024 lovar polisen att:": who comes after "lovar". */
const LEAD_IN_AFTER =
  /^(?:.{0,90}?\s)?(?:lovar|ska|skall)\s+((?:polis|kommun|vi\b)[\p{L} ,]{0,50}?)\s+(?:att|göra)?\s*:$/iu;
const WE_LEAD_IN =
  /^(?:(?:tillsammans|gemensamt|därför|i år)\s+)?(?:lovar|ska|skall) vi(?: att)?\s*:$/i;

/**
 * Who a lead-in to a list of measures names: "Polisen och kommunen lovar att:" → "Polisen och
 * kommunen", "Kommunen ska:" → "Kommunen"; "Vi lovar att:" and "Tillsammans lovar vi att:" → "vi".
 */
export function leadInWho(line: string): string | null {
  const t = line.trim();
  if (WE_LEAD_IN.test(t)) return 'vi';
  const after = LEAD_IN_AFTER.exec(t)?.[1];
  if (after) return /^vi$/i.test(after.trim()) ? 'vi' : after.trim();
  return LEAD_IN.exec(t)?.[1] ?? null;
}

/**
 * Splits the lines after the title into the preamble and the sections their headings open. A
 * heading opens a section when it stands alone, or when a list follows it at once
 * ("Fokusområden" over "1. Trafiksäkerhet kring skolor"). Outside the measures, a lead-in such as
 * "Polisen och kommunen lovar att:" and a heading that repeats a focus area of the list above
 * open the measures, and stay in them as their first line.
 */
export function splitSections(lines: Line[]): { preamble: Line[]; sections: Section[] } {
  const preamble: Line[] = [];
  const sections: Section[] = [];
  const focusNames = new Set<string>();
  lines.forEach((l, i) => {
    const t = l.text.trim();
    const prevBlank = i === 0 || !lines[i - 1]!.text.trim();
    const next = lines[i + 1]?.text ?? '';
    const listAfter = !!bulletOf(next) && !bulletOf(l.text);
    const headingText = prevBlank && isHeadingText(t.replace(/:$/, ''));
    const heading = headingText && (!next.trim() || listAfter);
    // A short known heading right over its text ("Uppföljning" over "Arbetet följs upp …").
    const overText = headingText && /^\p{Lu}/u.test(next.trim()) && t.split(/\s+/).length <= 3;
    const lead = /polis|kommun|^vi$/i.test(leadInWho(t) ?? '');
    // "Medborgarlöftet utgår från tre prioriterade områden:" over a list names the focus areas.
    const areasIntro =
      /:$/.test(t) && listAfter && /prioriterade (?:områden|problem)|fokusområden/i.test(t);
    // "Här är alla punkter:", "För åren 2021–2022 lyder löftet:" over a list: the measures.
    const measuresIntro =
      /:$/.test(t) &&
      listAfter &&
      !lead &&
      /\b(?:punkter(?:na)?|lyder (?:löftet|löftena)|löftet|löftena|åtgärderna|aktiviteterna)\s*:$/i.test(
        t
      );
    // A question ("Vad är medborgarlöften?") explains; it does not open a section.
    const question = /\?$/.test(t);
    const kind = areasIntro
      ? 'focus'
      : measuresIntro
        ? 'measures'
        : (heading || overText) && !lead && !question
          ? sectionKind(t)
          : null;
    const current = sections[sections.length - 1];
    const inMeasures = current?.kind === 'measures';
    const b = current?.kind === 'focus' ? bulletOf(l.text) : null;
    if (b) focusNames.add(fold(b.text.replace(/[.:]$/, '')));
    // "Fokusområde: Trafik" names a group of measures (the walk makes it a focus area too).
    const namedArea = /^fokusområde(?:\s+\d+)?\s*[:–-]\s*\S/i.test(t);
    const opensMeasures =
      !inMeasures &&
      (namedArea || (!kind && (lead || (heading && focusNames.has(fold(t.replace(/:$/, '')))))));
    if (opensMeasures) sections.push({ kind: 'measures', heading: l, lines: [l] });
    else if (kind && !(inMeasures && (kind === 'measures' || kind === 'focus')))
      sections.push({ kind, heading: l, lines: [] });
    else if (current) current.lines.push(l);
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
