import { capitalise, slug } from './text';
import type { ImportedParty } from './schema';

/** A party named in the text, before it gets its lines. */
export type NamedParty = Omit<ImportedParty, 'lines'>;

const POLICE =
  /^(?:polis(?:en)?|polismyndigheten|lokalpolis(?:en)?|närpolis(?:en)?|kommunpolis(?:en)?|lpo\b.*|lokalpolisområde(?:t)?\b.*|polisområde\b.*)$/;
const MUNICIPALITY = /^(?:kommun(?:en|erna)?|stad(?:en)?|.+\s(?:kommun|stad))$/;
const SKIP = /^(?:m\.?\s?fl\.?|m\.?\s?m\.?|med flera|etc\.?|m fl|övriga|andra|fler|med mera)$/;

/** Guessed party types from words in the name. */
const PARTY_TYPES: [RegExp, string][] = [
  [/förebyggarråd|brå\b|brottsförebyggande råd|råd(et)?$/, 'council'],
  [/förening/, 'association'],
  [/organisation/, 'organisation'],
  [/hälsocentral|vårdcentral|region\b|sjukvård/, 'health-centre'],
  [/mentor|skol|elevhälsa|lärare|rektor/, 'school'],
  [/fritidsledare|fritidsgård|fältare|fältgrupp/, 'youth-centre'],
  [/socialtjänst|socialförvaltning/, 'social-services'],
  [/räddningstjänst/, 'rescue-service'],
  [/fastighet|bostad|hyresvärd/, 'housing'],
  [/ungdomar|föräldrar|vuxna|medborgare|invånare|företagare|näringsliv/, 'group']
];

/** One name → a party; police and the municipality get the keys "polisen" and "kommunen". */
export function partyFromName(raw: string): NamedParty | null {
  const name = raw
    .trim()
    .replace(/^(?:och|samt|även|med)\s+/i, '')
    .replace(/[.:;]+$/, '')
    .trim();
  const f = name.toLocaleLowerCase('sv');
  if (!name || SKIP.test(f) || name.length > 80) return null;
  if (POLICE.test(f)) {
    const named = /^(?:lokalpolisområde|polisområde|lpo)\b/.test(f);
    return {
      key: 'polisen',
      name: named ? capitalise(name) : 'Polisen',
      kind: 'police',
      partyType: null
    };
  }
  if (MUNICIPALITY.test(f))
    return {
      key: 'kommunen',
      name: /\s(kommun|stad)$/.test(f) ? name : 'Kommunen',
      kind: 'municipality',
      partyType: null
    };
  const partyType = PARTY_TYPES.find(([re]) => re.test(f))?.[1] ?? null;
  return { key: slug(name, 5), name: capitalise(name), kind: 'other', partyType };
}

/** Splits "Kommunen, polisen samt Förebyggarrådet, föreningar m.fl." into parties, in order, once each. */
export function parsePartyList(s: string): NamedParty[] {
  const cleaned = s
    .replace(/\bm\.\s?fl\.?|\bm\.\s?m\.?|\bmed flera\b|\betc\.?/gi, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ');
  const out: NamedParty[] = [];
  for (const piece of cleaned.split(
    /\s*(?:,|;|\/|&|\+|\boch\b|\bsamt\b|\bi samverkan med\b|\btillsammans med\b)\s*/i
  )) {
    const p = partyFromName(piece);
    if (p && !out.some((o) => o.key === p.key)) out.push(p);
  }
  return out;
}

/** Whether every piece of a list names a party we know the shape of (for "(Polis)" after a measure). */
export function isPartyListOnly(s: string): boolean {
  const pieces = s
    .split(/\s*(?:,|\/|&|\boch\b|\bsamt\b)\s*/i)
    .map((p) => p.trim().toLocaleLowerCase('sv'))
    .filter(Boolean);
  return pieces.length > 0 && pieces.every((p) => POLICE.test(p) || MUNICIPALITY.test(p));
}

/** Who can open a measure's sentence: the police, the municipality ("Grums kommun"), its services. */
const WHO =
  '(?:polis(?:en)?|polismyndigheten|lokalpolis(?:en)?|kommunpolis(?:en)?|kommun(?:en|erna)?|[\\p{L}-]+s? kommun|socialtjänst(?:en)?|socialförvaltning(?:en)?|räddningstjänst(?:en)?|stadsdelsförvaltning(?:en)?|fritidsgård(?:en|arna)?|skola(?:n|orna)?)';
const LEAD = new RegExp(
  `^((?:${WHO}|vi)(?:\\s*(?:,|och|samt)\\s*${WHO})*)(?:\\s+(?:gemensamt|tillsammans))?\\s+(?:(?:ska|skall|lovar att|åtar sig att|kommer att|ansvarar(?:\\s+gemensamt)?\\s+för(?:\\s+att)?)(?![\\p{L}])[:\\s]*|(?=(?:genomför|fortsätter|samverkar|erbjuder|deltar|besöker|utbildar|samordnar|arbetar|bjuder|håller|sätter|gör|ger|informerar|patrullerar|kontrollerar|inför|startar|träffar|medverkar|bidrar|stödjer)(?![\\p{L}])))`,
  'iu'
);
/** "… så lovar vi att …", "vi ska …" inside a sentence: the police and the municipality together. */
const WE =
  /(?<![\p{L}])(?:(?:lovar|ska|skall|kommer) vi|vi (?:lovar|ska|skall|kommer att|åtar oss))(?![\p{L}])/iu;

/** Police and municipality, for "vi": the document does not name them, so the reader must check. */
const US = 'polisen och kommunen';

/**
 * "Polisen ska …", "Kommun och polis ska …", "Kommunen ansvarar för att …", "Vi lovar att …": who,
 * the rest of the words, and whether the parties were only "vi".
 */
export function leadingParties(
  s: string
): { parties: NamedParty[]; rest: string; we: boolean } | null {
  const m = LEAD.exec(s.trim());
  if (!m) return null;
  const we = m[1]!.toLowerCase() === 'vi';
  // "Polisen ska göra …" → "göra …"; "Polisen besöker skolorna" keeps its words as they stand.
  const modal = /(?:ska|skall|lovar att|åtar sig att|kommer att|för|att)[:\s]*$/i.test(m[0]);
  return {
    parties: parsePartyList(we ? US : m[1]!),
    rest: modal ? s.trim().slice(m[0].length).trim() : s.trim(),
    we
  };
}

/** The parties of a "vi" later in the sentence ("… så lovar vi att bistå"), or null. */
export function weInSentence(s: string): NamedParty[] | null {
  return WE.test(s) ? parsePartyList(US) : null;
}
