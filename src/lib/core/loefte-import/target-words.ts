import { parseTarget } from '../target-parser';
import type { Target } from '../target';

/**
 * The target words inside a measure's own sentence ("Polisen ska genomföra trafikkontroller minst
 * 2 gånger per månad vid skolor" → "minst 2 gånger per månad"). Every phrase is a verbatim part of
 * the sentence: nothing is rewritten, so what the reviewer sees is what the document says.
 */

const L = '[\\p{L}\\p{N}]';
const word = (source: string, flags = 'iu') => new RegExp(`(?<!${L})(?:${source})(?!${L})`, flags);

const NUMBER =
  '\\d{1,3}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|fyrtio|femtio';
const UNIT = '(?:dygn(?:et)?|dag(?:en)?|vecka|veckan|månad(?:en)?|tertial(?:et)?|år(?:et)?)';
const PER = `(?:(?:per|i|om|varje|\\/)\\s*${UNIT}|årligen|månadsvis|veckovis|dagligen)`;
const FLOOR = '(?:(?:minst|åtminstone|högst|cirka|ca|upp till)\\s+)?';
const WEEKDAY = '(?:mån|tis|ons|tors|fre|lör|sön)(?:dag|dags)\\p{L}*-?';

/** Candidate phrases, most specific first; the first one the target grammar reads is chosen. */
const PHRASES: RegExp[] = [
  // "minst 2 gånger per månad", "8 trygghetsskapande patrulleringar per månad", "2 gånger/år"
  word(`${FLOOR}(?:${NUMBER})\\s+(?:[\\p{L}-]+\\s+){0,3}?${PER}`),
  // "Varje år kommer minst en tillsyn"
  word(
    `(?:varje|per|en gång per)\\s+${UNIT}[^.;:]{0,40}?(?:minst|åtminstone)\\s+(?:${NUMBER})(?:\\s+[\\p{L}-]+)?`
  ),
  // "var tredje helg", "varje arbetspass", "varje vecka", "varje helg"
  word(
    '(?:var|varje|alla|samtliga)\\s+(?:(?:annan|tredje|fjärde|\\d{1,2}(?::e|:a|e)?)\\s+)?(?:helg|helger|veckoslut|vecka|månad|dag|dygn|arbetspass|pass)'
  ),
  // "alla fredags- och lördagskvällar", "varje fredag och lördag"
  word(`(?:alla|varje|samtliga)\\s+${WEEKDAY}(?:\\s*(?:,|och|samt)\\s*${WEEKDAY})*`),
  // "under riskhelger: valborg, studenten och nyår", "vid valborg och skolavslutningen"
  word(
    '(?:under|vid|på|inför)\\s+(?:riskhelg\\p{L}*|risktillfälle\\p{L}*|valborg\\p{L}*|midsommar\\p{L}*|skolavslutning\\p{L}*|studenten|halloween|nyår\\p{L}*)(?::\\s*[^.;]+|(?:\\s*(?:,|och|samt)\\s*[\\p{L}]+)*)'
  ),
  // "vid behov", "om det uppkommer önskemål"
  word(
    'vid behov|efter behov|när behov (?:finns|uppstår)|om behov (?:finns|uppstår|uppkommer)|vid förfrågan|på (?:begäran|förfrågan)|efter önskemål|vid önskemål|om önskemål (?:finns|uppstår|uppkommer)|om det (?:uppkommer|finns|kommer|uppstår) (?:önskemål|behov|förfrågan|förfrågningar)'
  ),
  // "kontinuerligt", "löpande under året"
  word(
    '(?:kontinuerligt|löpande|fortlöpande|fortgående|ständigt)(?:\\s+under\\s+(?:året|hela året|perioden))?|hela tiden|året runt'
  )
];

/** Time words the grammar cannot read but a reviewer must see: "under 2026", "senast hösten 2027". */
const DEADLINE = word(
  '(?:under|senast|före|innan|till|inom)\\s+(?:(?:våren|hösten|sommaren|vintern|år|året|utgången av)\\s+)?20\\d\\d'
);

/**
 * The target words of a sentence and what the grammar reads in them. A phrase the grammar reads
 * wins; else the whole sentence when the grammar reads it; else a deadline phrase (reviewed as
 * uncertain); else nothing (reviewed as missing).
 */
export function targetInSentence(sentence: string): { text: string; target: Target } | null {
  const s = sentence.trim().replace(/\.$/, '');
  for (const re of PHRASES) {
    const m = re.exec(s);
    if (!m) continue;
    const text = m[0].trim().replace(/[,:;]$/, '');
    const target = parseTarget(text);
    if (target.kind !== 'unparsed') return { text, target };
  }
  const whole = parseTarget(s);
  if (whole.kind !== 'unparsed') return { text: s, target: whole };
  const deadline = DEADLINE.exec(s);
  return deadline ? { text: deadline[0], target: parseTarget(deadline[0]) } : null;
}
