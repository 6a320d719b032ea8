import { focusArea } from './focus';
import { buildMeasure, type MeasureContext } from './measure';
import { matchOutcome, outcomesOf } from './outcomes';
import type { NamedParty } from './parties';
import { choosePeriod, findPeriods } from './period';
import type { DocumentDraft, ReviewItem } from './schema';
import { paragraphs, splitSections, type Section } from './sections';
import {
  bulletOf,
  fold,
  joinLines,
  MAX_LINES,
  normaliseText,
  spanOf,
  toLines,
  type Line
} from './text';
import { walkMeasures } from './walk';

export * from './schema';
export { normaliseText, MAX_LINES } from './text';

/** A municipality the importer may recognise. */
export type MunicipalityName = { code: string; name: string };

/** Why a text is not imported: too long, or nothing that looks like a medborgarlöfte. */
export class NotALoefteError extends Error {}

/** How much a kind of review item leaves of the importer's confidence in what it is about. */
const DOUBT = {
  conflict: 0.3,
  responsible: 0.5,
  target: 0.6,
  uncertain: 0.7,
  unrecognised: 0.5,
  other: 0.8
} as const;
function reviewWeight(r: Omit<ReviewItem, 'id'>): keyof typeof DOUBT {
  if (r.kind === 'conflict') return 'conflict';
  if (r.kind === 'unrecognised') return 'unrecognised';
  if (r.kind === 'missing' && r.path.endsWith('.responsible')) return 'responsible';
  if (r.kind === 'missing' && r.path.endsWith('.target')) return 'target';
  if (r.kind === 'uncertain') return 'uncertain';
  return 'other';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Municipalities named in the text: the exact name in the title ("Medborgarlöfte för Järfälla"),
 * or anywhere the official form, folded ("Norsjö kommun", "NORSJO KOMMUNS", "Göteborgs stad").
 */
function findMunicipality(title: string, lines: Line[], all: readonly MunicipalityName[]) {
  const hits = new Map<string, { m: MunicipalityName; line: number }>();
  const folded = lines.map((l) => fold(l.text));
  const whole = folded.join('\n');
  for (const m of all) {
    const name = fold(m.name);
    if (!whole.includes(name)) continue;
    const inTitle = new RegExp(`(?<![\\p{L}])${escape(m.name)}s?(?![\\p{L}])`, 'u');
    const official = new RegExp(
      `(?<![\\p{L}])${escape(name)}s?\\s+(?:kommuns?|stads?)(?![\\p{L}])`,
      'u'
    );
    if (inTitle.test(title) || official.test(folded[0] ?? '')) hits.set(m.code, { m, line: 1 });
    else if (official.test(whole)) {
      const i = folded.findIndex((x) => official.test(x));
      hits.set(m.code, { m, line: lines[i]!.n });
    }
  }
  return [...hits.values()].sort((a, b) => a.line - b.line);
}

const sectionText = (lines: Line[]) =>
  paragraphs(lines)
    .map((p) => joinLines(p))
    .join('\n\n');

/**
 * Reads the text of a medborgarlöfte into a draft for review. Pure: the caller extracts text from
 * files and passes the municipalities to match. Throws NotALoefteError when there is nothing to import.
 */
export function importLoefte(
  raw: string,
  municipalities: readonly MunicipalityName[]
): { text: string; draft: DocumentDraft } {
  const text = normaliseText(raw);
  const lines = toLines(text);
  if (!lines.length)
    throw new NotALoefteError(
      'Texten är tom. Klistra in texten i medborgarlöftet eller välj en annan fil.'
    );
  if (lines.length > MAX_LINES)
    throw new NotALoefteError(
      `Texten har ${lines.length} rader; högst ${MAX_LINES} går att läsa. Ta bara med själva medborgarlöftet.`
    );
  const review: ReviewItem[] = [];
  const addReview = (r: Omit<ReviewItem, 'id'>) =>
    review.push({ id: `r${review.length + 1}`, ...r });
  const titleLine = lines[0]!;
  const { preamble, sections } = splitSections(lines.slice(1));
  const of = (k: Section['kind']) => sections.filter((s) => s.kind === k);
  const span = (ls: Line[]) => (ls.length ? spanOf(ls.filter((l) => l.text.trim())) : null);

  // Parties, once each, with the lines where they were first named.
  const parties = new Map<string, DocumentDraft['parties'][number]>();
  const party = (p: NamedParty, ls: [number, number]) => {
    const known = parties.get(p.key);
    if (!known) parties.set(p.key, { ...p, lines: ls });
    else if (p.kind === 'police' && p.name !== 'Polisen' && known.name === 'Polisen')
      known.name = p.name;
    return p.key;
  };

  // Situation: a closing sentence that introduces the focus areas below belongs to them.
  const situationLines = of('situation').flatMap((s) => s.lines);
  const situationParas = paragraphs(situationLines).map((p) =>
    p.filter((l) => !/^fokusområdena\b.*\bnedan\b/i.test(l.text.trim()))
  );

  // Focus areas: the list items of the focus section.
  const keys = new Set<string>();
  const focusAreas: DocumentDraft['focusAreas'] = [];
  for (const s of of('focus'))
    for (const l of s.lines) {
      const b = bulletOf(l.text);
      if (b) focusAreas.push(focusArea(b.text, '', [l.n, l.n], keys));
    }

  // Measures: the measure sections; without any, list items in the text before the first heading
  // (a short yearly löfte is often only a list), its opening paragraphs staying the preamble.
  const measureSections = of('measures');
  const walked = walkMeasures(
    measureSections.length ? measureSections.flatMap((s) => s.lines) : preamble
  );
  const preambleLines = measureSections.length ? preamble : walked.intro;
  if (!measureSections.length) walked.intro = [];
  const fromGroups = !focusAreas.length;
  const groupFocus = walked.groups.map((g) => {
    // A heading that repeats a focus area of the list ("Trafiksäkerhet kring skolor").
    if (!fromGroups) return focusAreas.find((f) => fold(f.title) === fold(g.title))?.key ?? null;
    if (!g.focusLike) return null;
    const fa = focusArea(g.title, g.description, spanOf(g.lines), keys);
    focusAreas.push(fa);
    return fa.key;
  });
  const measureKeys = new Set<string>();
  let index = 0;
  const groups: DocumentDraft['groups'] = walked.groups
    .map((g, gi) => ({
      title: g.title,
      lines: spanOf(g.lines),
      measures: g.items.map((item) => {
        const c: MeasureContext = {
          focusAreas,
          keys: measureKeys,
          party,
          review: addReview,
          path: `measures.${index++}`
        };
        return buildMeasure(item, g, groupFocus[gi] ?? null, c);
      })
    }))
    .filter((g) => g.measures.length);

  // Effects: list items (or lines) of the effects section.
  const effects: DocumentDraft['effects'] = of('effects').flatMap((s) =>
    s.lines
      .filter((l) => l.text.trim())
      .map((l) => {
        const title = (bulletOf(l.text)?.text ?? l.text).trim();
        const decrease =
          /^(?:vi vill\s+)?(minska|minskad|minskat|minskade|färre|lägre|mindre)\b/i.test(title);
        return {
          title,
          direction: decrease ? ('decrease' as const) : ('increase' as const),
          lines: [l.n, l.n] as [number, number]
        };
      })
  );

  // Period.
  const { chosen, disagreeing } = choosePeriod(findPeriods(lines));
  const period: DocumentDraft['period'] = chosen
    ? {
        start: chosen.start,
        end: chosen.end,
        untilReplaced: chosen.untilReplaced,
        text: chosen.text,
        lines: [chosen.line, chosen.line]
      }
    : { start: null, end: null, untilReplaced: false, text: '', lines: null };
  if (!chosen)
    addReview({
      kind: 'missing',
      path: 'period',
      message: 'Ingen period hittades. Skriv start- och slutdatum.',
      lines: null
    });
  else if (!chosen.end)
    addReview({
      kind: 'missing',
      path: 'period.end',
      message: `Perioden har inget slutdatum ("${chosen.text}"). Skriv ett slutdatum; löftet kan förlängas senare.`,
      lines: [chosen.line, chosen.line]
    });
  for (const d of disagreeing)
    addReview({
      kind: 'conflict',
      path: 'period',
      message: `Perioden står på två sätt: "${chosen!.text}" (${chosen!.start}–${chosen!.end}) och "${d.text}" (${d.start}–${d.end}). Den första är vald – kontrollera.`,
      lines: [d.line, d.line]
    });

  // Municipality and police area.
  const found = findMunicipality(titleLine.text, lines, municipalities);
  const municipality = found[0] ?? null;
  if (!municipality)
    addReview({
      kind: 'missing',
      path: 'municipality',
      message: 'Ingen av Sveriges 290 kommuner nämns. Välj kommun.',
      lines: null
    });
  else if (found.length > 1)
    addReview({
      kind: 'uncertain',
      path: 'municipality',
      message: `Flera kommuner nämns (${found.map((f) => f.m.name).join(', ')}); ${municipality.m.name} är vald. Ett löfte för flera kommuner: lägg till de andra efteråt.`,
      lines: [municipality.line, municipality.line]
    });
  const lpo = lines
    .map((l) => ({
      l,
      m: /\b([Ll]okalpolisområde|[Pp]olisområde)\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/u.exec(
        l.text
      )
    }))
    .find((x) => x.m);
  const policeName = lpo
    ? `${lpo.m![1]!.charAt(0).toUpperCase()}${lpo.m![1]!.slice(1)} ${lpo.m![2]}`
    : null;
  if (policeName)
    party({ key: 'polisen', name: policeName, kind: 'police', partyType: null }, [
      lpo!.l.n,
      lpo!.l.n
    ]);

  // A bare list outside any measure section counts only when something in it reads as a measure:
  // a party that does it or a target the grammar reads ("Mjölk", "Bröd" is not a löfte).
  const resembles = groups.some((g) =>
    g.measures.some((m) => m.responsible || (m.target && m.target.kind !== 'unparsed'))
  );
  const measureCount = groups.reduce((n, g) => n + g.measures.length, 0);
  if ((!measureCount || (!measureSections.length && !resembles)) && !focusAreas.length)
    throw new NotALoefteError(
      'Texten ser inte ut som ett medborgarlöfte: inga fokusområden eller åtgärder hittades. Kontrollera att det är rätt fil, eller skapa löftet för hand under "Nytt medborgarlöfte".'
    );
  if (!measureCount)
    addReview({
      kind: 'missing',
      path: 'groups',
      message: 'Inga åtgärder hittades. Lägg till dem efter importen.',
      lines: null
    });
  else if (!focusAreas.length)
    addReview({
      kind: 'missing',
      path: 'focusAreas',
      message:
        'Inga fokusområden hittades, så åtgärderna är inte knutna till något. Lägg till fokusområden efter importen och knyt åtgärderna till dem.',
      lines: [groups[0]!.measures[0]!.lines[0], groups.at(-1)!.measures.at(-1)!.lines[1]]
    });

  const unrecognised = walked.loose.map((ls) => ({ text: joinLines(ls), lines: spanOf(ls) }));
  for (const s of of('signatures'))
    if (s.lines.some((l) => l.text.trim()))
      unrecognised.push({ text: sectionText(s.lines), lines: span(s.lines)! });
  unrecognised.forEach((u, i) =>
    addReview({
      kind: 'unrecognised',
      path: `unrecognised.${i}`,
      message: `Texten kunde inte placeras: "${u.text.slice(0, 80)}${u.text.length > 80 ? '…' : ''}". Flytta den dit den hör hemma eller ta bort den.`,
      lines: u.lines
    })
  );

  // Results of a follow-up section belong to the measure they report on; never new measures.
  const allMeasures = groups.flatMap((g) => g.measures);
  const outcomes: DocumentDraft['outcomes'] = of('outcomes').flatMap((s) =>
    outcomesOf(s.lines).map((o, i) => {
      const { measureKey } = matchOutcome(o.text, allMeasures);
      if (!measureKey)
        addReview({
          kind: 'uncertain',
          path: `outcomes.${i}`,
          message: `Resultatet "${o.text.slice(0, 80)}" kunde inte knytas till någon åtgärd. Det blir ingen ny åtgärd; lägg in det som en aktivitet på rätt åtgärd efter importen om det ska räknas.`,
          lines: o.lines
        });
      return { text: o.text, measureKey, lines: o.lines };
    })
  );

  // Confidence: every review item about a measure lowers it; the review lists the most doubtful first.
  allMeasures.forEach((m, k) => {
    const own = review.filter((r) => r.path.startsWith(`measures.${k}.`));
    m.confidence = Math.round(own.reduce((c, r) => c * DOUBT[reviewWeight(r)], 1) * 100) / 100;
  });
  const confidenceOf = (r: ReviewItem) => {
    const k = /^measures\.(\d+)\./.exec(r.path)?.[1];
    return k === undefined ? DOUBT[reviewWeight(r)] : allMeasures[+k]!.confidence;
  };
  const ordered = review
    .map((r, i) => ({ r, i, c: confidenceOf(r) }))
    .sort((a, b) => a.c - b.c || a.i - b.i)
    .map(({ r }, i) => ({ ...r, id: `r${i + 1}` }));

  const draft: DocumentDraft = {
    version: 1,
    title: { value: titleLine.text.trim(), lines: [1, 1] },
    municipality: municipality
      ? {
          code: municipality.m.code,
          name: municipality.m.name,
          lines: [municipality.line, municipality.line]
        }
      : { code: null, name: null, lines: null },
    policeArea: { name: policeName, lines: lpo ? [lpo.l.n, lpo.l.n] : null },
    period,
    preamble: { value: sectionText(preambleLines), lines: span(preambleLines) },
    situationSummary: { value: sectionText(situationParas.flat()), lines: span(situationLines) },
    communication: {
      value: sectionText(of('communication').flatMap((s) => s.lines)),
      lines: span(of('communication').flatMap((s) => s.lines))
    },
    planNote: { value: sectionText(walked.intro), lines: span(walked.intro) },
    parties: [...parties.values()],
    focusAreas,
    effects,
    groups,
    outcomes,
    unrecognised,
    review: ordered
  };
  return { text, draft };
}
