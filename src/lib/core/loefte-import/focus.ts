import type { DocumentDraft } from './schema';
import { fold, slug, uniqueKey } from './text';

type FocusArea = DocumentDraft['focusAreas'][number];

/** Themes of medborgarlöften: the key a focus area gets and the words that point to it. */
const THEMES: { key: string; words: RegExp }[] = [
  {
    key: 'narkotika',
    words: /^(?:narkotika\p{L}*|drog|droger|andt|livsstilskriminel\p{L}*|knark\p{L}*)$/u
  },
  { key: 'trafik', words: /^(?:trafik\p{L}*|rattfyll\p{L}*|drograttfyll\p{L}*|hastighet\p{L}*)$/u },
  {
    key: 'tillgrepp',
    words:
      /^(?:tillgrepp\p{L}*|\p{L}*inbrott\p{L}*|stöld\p{L}*|stölder|dörrknackning\p{L}*|grannsamverkan)$/u
  },
  { key: 'trygghet', words: /^(?:trygghet\p{L}*|otrygghet\p{L}*|trygg|trygga|tryggare)$/u },
  {
    key: 'vald',
    words: /^(?:våld\p{L}*|misshandel\p{L}*|relationsvåld\p{L}*|hedersrelaterat\p{L}*)$/u
  },
  { key: 'ungdomar', words: /^(?:ungdom\p{L}*|unga|barn|elever|skol\p{L}*)$/u },
  { key: 'nedskrapning', words: /^(?:nedskräpning\p{L}*|skadegörelse\p{L}*|klotter\p{L}*)$/u },
  { key: 'bedrageri', words: /^(?:bedrägeri\p{L}*|bedragare)$/u },
  {
    key: 'kriminella-natverk',
    words: /^(?:nätverk\p{L}*|gängkriminalitet\p{L}*|gäng\p{L}*|organiserad\p{L}*)$/u
  }
];

const STOP = new Set(
  'insatser insats arbete arbetet mot och för att med i på av till den det de som samt ökad öka minska minskad'.split(
    ' '
  )
);

export const tokens = (s: string): string[] =>
  s
    .toLocaleLowerCase('sv')
    .split(/[^\p{L}0-9]+/u)
    .filter(Boolean);

/** Where a focus area's title ends and its description goes on. */
const TITLE_END =
  /\s+(?:med syfte|med målet|i syfte|så som|såsom|i form av|genom att|för att|bland annat)\b|[,:–—]\s|\.\s/;

/** Prevention types guessed from the words (see docs/IMPORT.md). */
function preventionTypes(s: string): FocusArea['preventionTypes'] {
  const t = s.toLocaleLowerCase('sv');
  const out: FocusArea['preventionTypes'] = [];
  if (
    /nyrekrytering|ungdom|unga\b|föräldr|skola|socialt|sociala|utanförskap|tidiga insatser/.test(t)
  )
    out.push('social');
  if (
    /försvåra|trafik|körning|inbrott|tillgrepp|stöld|kamera|belysning|patrull|kontroll|fysisk miljö|situationell/.test(
      t
    )
  )
    out.push('situational');
  if (/trygghet|otrygg/.test(t)) out.push('safety');
  return out;
}

const ATTENTION =
  /\bsärskil(?:t|d)\b[^.]*?\b(ungdomar|unga|barn|äldre|kvinnor|företagare|landsbygden|centrum)\b/i;

/** A focus area from one list item or heading with its description. */
export function focusArea(
  text: string,
  description: string,
  lines: [number, number],
  taken: Set<string>
): FocusArea {
  const cut = TITLE_END.exec(text);
  const title = (cut ? text.slice(0, cut.index) : text).replace(/\.$/, '').trim();
  const theme = tokens(title)
    .map((w) => THEMES.find((t) => t.words.test(w))?.key)
    .find(Boolean);
  const all = description ? `${text} ${description}` : text;
  return {
    key: uniqueKey(theme ?? slug(title, 3), taken),
    title,
    description: description || text,
    preventionTypes: preventionTypes(all),
    specialAttention: ATTENTION.exec(all)?.[1]?.toLocaleLowerCase('sv') ?? null,
    lines
  };
}

/** The words that point to a focus area: its theme's, else the longer words of its title. */
function matcher(fa: FocusArea): (word: string) => boolean {
  const theme = THEMES.find((t) => t.key === fa.key.replace(/-\d+$/, ''));
  if (theme) return (w) => theme.words.test(w);
  const own = new Set(
    tokens(fa.title)
      .filter((w) => w.length >= 5 && !STOP.has(w))
      .map(fold)
  );
  return (w) => own.has(fold(w));
}

/** Focus areas of a measure: those its group's title points to, then those its own words point to. */
export function focusAreasOf(
  areas: FocusArea[],
  groupTitle: string,
  words: string,
  groupFocus: string | null
): string[] {
  const matchers = areas.map((a) => ({ key: a.key, hit: matcher(a) }));
  const seen = new Map<string, string[]>();
  const keysOf = (w: string) => {
    let keys = seen.get(w);
    if (!keys) seen.set(w, (keys = matchers.filter((m) => m.hit(w)).map((m) => m.key)));
    return keys;
  };
  const hits = (s: string) => {
    const found = new Set(tokens(s).flatMap(keysOf));
    return matchers.filter((m) => found.has(m.key)).map((m) => m.key);
  };
  return [...new Set([...(groupFocus ? [groupFocus] : []), ...hits(groupTitle), ...hits(words)])];
}
