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
  openData: { sv: 'Öppna data', en: 'Open data' },
  surveyAnonymous: {
    sv: 'Enkäten är anonym. Vi sparar inte din IP-adress. Skriv inga namn, personnummer eller telefonnummer.',
    en: 'The survey is anonymous. We do not store your IP address. Do not write names, ID numbers or phone numbers.'
  },
  surveySubmit: { sv: 'Skicka svaren', en: 'Send your answers' },
  surveyRequired: { sv: '(måste besvaras)', en: '(required)' },
  surveyOnlyIf: { sv: 'Svara bara om du svarade', en: 'Answer only if you answered' },
  surveyOnQuestion: { sv: 'på frågan', en: 'to the question' },
  surveyCode: { sv: 'Kod från ditt brev eller kort', en: 'Code from your letter or card' },
  surveyClosed: {
    sv: 'Enkäten tar inte emot svar just nu.',
    en: 'The survey is not taking answers at the moment.'
  },
  surveyCloses: { sv: 'Sista svarsdag', en: 'Last day to answer' },
  surveyErrors: { sv: 'Något behöver rättas', en: 'Something needs correcting' },
  surveyThanks: { sv: 'Tack för dina svar!', en: 'Thank you for your answers!' },
  surveyThanksText: {
    sv: 'Svaren hjälper polisen och kommunen att välja vad de ska arbeta med. Resultatet redovisas på kommunens sida.',
    en: 'Your answers help the police and the municipality choose what to work on. The results are published on the municipality’s page.'
  },
  surveyHoneypot: { sv: 'Lämna detta fält tomt', en: 'Leave this field empty' }
} as const;

export type TextKey = keyof typeof TEXTS;

/** The interface text for a key in a language. */
export const t = (lang: Lang, key: TextKey): string => TEXTS[key][lang];
