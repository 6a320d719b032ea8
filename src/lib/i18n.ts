/** Interface languages: Swedish first, English second. */
export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Picks a language from a cookie or query value, defaulting to Swedish. */
export const pickLang = (value: string | null | undefined): Lang => (value === 'en' ? 'en' : 'sv');

const TEXTS = {
  skip: { sv: 'Hoppa till innehållet', en: 'Skip to content' },
  home: { sv: 'Start', en: 'Home' },
  municipalities: { sv: 'Kommuner', en: 'Municipalities' },
  signIn: { sv: 'Logga in', en: 'Sign in' },
  signOut: { sv: 'Logga ut', en: 'Sign out' },
  account: { sv: 'Konto', en: 'Account' },
  log: { sv: 'Logga aktivitet', en: 'Log activity' },
  due: { sv: 'Att göra', en: 'To do' },

  admin: { sv: 'Administration', en: 'Administration' },
  language: { sv: 'In English', en: 'På svenska' },
  tagline: {
    sv: 'Medborgarlöften mellan polisen och kommunen: planera, följ upp och berätta vad som görs.',
    en: 'Citizen promises between the police and the municipality: plan, follow up and tell the public.'
  },
  demo: {
    sv: 'Demoläge: konton och aktiviteter märkta demo är påhittade.',
    en: 'Demo mode: accounts and activities marked demo are invented.'
  },
  accessibility: { sv: 'Tillgänglighet', en: 'Accessibility' },
  openData: { sv: 'Öppna data', en: 'Open data' }
} as const;

export type TextKey = keyof typeof TEXTS;

/** The interface text for a key in a language. */
export const t = (lang: Lang, key: TextKey): string => TEXTS[key][lang];
