import { capitalise, slug } from './text';
import type { ImportedParty } from './schema';

/** A party named in the text, before it gets its lines. */
export type NamedParty = Omit<ImportedParty, 'lines'>;

const POLICE =
  /^(?:polis(?:en)?|polismyndigheten|lokalpolis(?:en)?|närpolis(?:en)?|kommunpolis(?:en)?|lpo\b.*|lokalpolisområde(?:t)?\b.*|polisområde\b.*)$/;
const MUNICIPALITY = /^(?:kommun(?:en)?|stad(?:en)?|.+\s(?:kommun|stad))$/;
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

const LEAD =
  /^((?:polis(?:en)?|kommun(?:en)?|vi)(?:\s*(?:,|och|samt)\s*(?:polis(?:en)?|kommun(?:en)?))*)\s+(?:ska|skall|lovar att|åtar sig att|kommer att)\b[:\s]*/i;

/** "Polisen ska …", "Kommun och polis ska …", "Vi lovar att …": who, and the rest of the words. */
export function leadingParties(s: string): { parties: NamedParty[]; rest: string } | null {
  const m = LEAD.exec(s.trim());
  if (!m) return null;
  const who = m[1]!.toLowerCase() === 'vi' ? 'polisen och kommunen' : m[1]!;
  return { parties: parsePartyList(who), rest: s.trim().slice(m[0].length).trim() };
}
