/**
 * The theme frame for coding free-text answers, and suggestions from Swedish keywords and word
 * stems. A suggestion is only a suggestion: a person confirms or rejects it.
 * A keyword "knark" matches the word exactly, "narkotika*" any word that starts with it
 * (narkotikan, narkotikahandel), "*inbrott*" any word that contains it (bilinbrott).
 */

/** A theme: a stable key, its Swedish label and the keywords that suggest it. */
export type Theme = { key: string; label: string; keywords: readonly string[] };

/** The default frame, from what the Norsjö dialogues and the police's safety surveys ask about. */
export const DEFAULT_THEMES: readonly Theme[] = [
  {
    key: 'narkotika',
    label: 'Narkotika',
    keywords: [
      'knark*',
      'narkotika*',
      'narkoman*',
      'langning',
      'langa*',
      'langar*',
      'droger',
      'drog',
      'drogen',
      '*droger*',
      'hasch*',
      'cannabis',
      'gräs',
      'tjack*',
      'amfetamin*',
      'kokain*',
      'pundare',
      '*knark*',
      'påverkade'
    ]
  },
  {
    key: 'trafik',
    label: 'Trafik',
    keywords: [
      'trafik*',
      'fortkörning*',
      'fort',
      'hastighet*',
      'moped*',
      'epa',
      'epor',
      'epa-*',
      'epatraktor*',
      'a-traktor*',
      'mopedbil*',
      'rattfyll*',
      'buskörning*',
      'busköra*',
      'bilar',
      'bil',
      'bilarna',
      'körning',
      'kör',
      'rejs*',
      'rally',
      'vårdslös*',
      'övergångsställe*',
      'crossar',
      'cross',
      '*hastighet*',
      'skoterkörning'
    ]
  },
  {
    key: 'inbrott-stold',
    label: 'Inbrott och stöld',
    keywords: [
      '*inbrott*',
      'stöld*',
      'stjäl*',
      'stal',
      'stulen',
      'stulna',
      'stulit',
      'tjuv*',
      'tillgrepp*',
      'dieselstöld*',
      'sommarstug*',
      'snatteri*'
    ]
  },
  {
    key: 'skadegorelse',
    label: 'Skadegörelse',
    keywords: [
      'skadegörelse*',
      'klotter*',
      'klottr*',
      'sönder*',
      'förstör*',
      'vandalis*',
      'krossa*',
      'anlagd*',
      'brand',
      'bränder'
    ]
  },
  {
    key: 'ungdomar',
    label: 'Ungdomar',
    keywords: [
      'ungdom*',
      'unga',
      'tonåring*',
      'gäng*',
      'skola*',
      'skolan',
      'elever',
      'fritidsgård*',
      'ungdomsgård*',
      'fester',
      'fest',
      'kids',
      'barn',
      'barnen',
      'högstadie*'
    ]
  },
  {
    key: 'belysning-miljo',
    label: 'Belysning och miljö',
    keywords: [
      'belysning*',
      'mörk*',
      'lampor',
      'lampa',
      'gatlyk*',
      'gatljus',
      '*belysning*',
      'buskar',
      'sly',
      'upplyst*',
      'ljus'
    ]
  },
  {
    key: 'polisnarvaro',
    label: 'Polisnärvaro',
    keywords: [
      'polis*',
      'poliser*',
      'närvaro',
      'synas',
      'synlig*',
      'patrull*',
      'polisstation*',
      'långt',
      'kommunpolis*',
      'ingripa*'
    ]
  },
  {
    key: 'nedskrapning',
    label: 'Nedskräpning',
    keywords: [
      'nedskräp*',
      'skräp*',
      'skräpig*',
      'sopor',
      'soptunn*',
      'fimpar',
      'burkar',
      'flaskor'
    ]
  },
  {
    key: 'alkohol',
    label: 'Alkohol och fylla',
    keywords: [
      'alkohol*',
      'fylla',
      'full',
      'fulla',
      'berusad*',
      'sprit*',
      'smuggel*',
      'hembränt',
      'fyllo*'
    ]
  }
];

/** The words of a text, in lower case (Swedish letters kept, hyphens kept inside words). */
export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter(Boolean);

/** Does one keyword (exact, "stem*" or "*part*") match one word? */
export function keywordMatches(keyword: string, word: string): boolean {
  const k = keyword.toLowerCase();
  const starts = k.startsWith('*');
  const ends = k.endsWith('*');
  const core = k.replace(/^\*|\*$/g, '');
  if (!core) return false;
  if (starts && ends) return word.includes(core);
  if (ends) return word.startsWith(core);
  if (starts) return word.endsWith(core);
  return word === core;
}

/** A suggested theme for a text, with the words that suggested it. */
export type ThemeSuggestion = { key: string; words: string[] };

/** The themes a text suggests, in frame order, each with the words that matched. */
export function suggestThemes(text: string, frame: readonly Theme[]): ThemeSuggestion[] {
  const words = [...new Set(wordsOf(text))];
  return frame.flatMap((theme) => {
    const hits = words.filter((w) => theme.keywords.some((k) => keywordMatches(k, w)));
    return hits.length ? [{ key: theme.key, words: hits }] : [];
  });
}

/** Parses keywords written one per line or separated by commas (trimmed, lower case, no duplicates). */
export const parseKeywords = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\n,;]+/)
      .map((k) => k.trim().toLowerCase())
      .filter((k) => k.replace(/\*/g, '').length >= 2)
  )
];
