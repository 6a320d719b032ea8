/** What each target kind is called where the public reads roll-ups (Swedish first, English second). */
export const TARGET_KIND_WORDS: Record<string, { sv: string; en: string }> = {
  count: { sv: 'Antal per period', en: 'Count per period' },
  interval: { sv: 'Med jämna mellanrum', en: 'At regular intervals' },
  'every-shift': { sv: 'Varje arbetspass', en: 'Every shift' },
  continuous: { sv: 'Löpande', en: 'Continuous' },
  'on-demand': { sv: 'Vid behov', en: 'On demand' },
  occasions: { sv: 'Vid särskilda tillfällen', en: 'On set occasions' },
  unparsed: { sv: 'Mål med egna ord', en: 'Targets in own words' }
};

/** A target kind in words; an unknown kind as itself. */
export const targetKindWord = (kind: string, lang: 'sv' | 'en' = 'sv'): string =>
  TARGET_KIND_WORDS[kind]?.[lang] ?? kind;
