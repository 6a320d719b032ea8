/** English for the messages the public survey form can show (the services write Swedish). */
const EN: Record<string, string> = {
  'Skriv ett svar på frågan.': 'Please write an answer.',
  'Välj ett svar på frågan.': 'Please choose an answer.',
  'Välj ett alternativ.': 'Choose one option.',
  'Välj bland svarsalternativen.': 'Choose among the options.',
  'Skriv koden från ditt brev eller kort.': 'Type the code from your letter or card.',
  'Koden finns inte eller har redan använts. Kontrollera den.':
    'The code does not exist or has been used already. Please check it.',
  'Svara på minst en fråga.': 'Answer at least one question.',
  'Enkäten tar inte emot svar just nu.': 'The survey is not taking answers at the moment.',
  'Många svar har skickats från samma uppkoppling. Försök igen om en timme.':
    'Many answers have been sent from the same connection. Please try again in an hour.',
  'Många svar har skickats från samma uppkoppling. Försök igen om en timme, eller be din lärare om en klasskod.':
    'Many answers have been sent from the same connection. Please try again in an hour, or ask your teacher for a class code.',
  'Klasskoden har redan använts av så många som den räcker till. Fråga din lärare.':
    'The class code has already been used as many times as it allows. Ask your teacher.',
  'Klasskoden finns inte för den här enkäten. Kontrollera den.':
    'The class code does not exist for this survey. Please check it.'
};

/** The English of a Swedish form message, or the Swedish when there is none. */
export const englishMessage = (sv: string): string =>
  EN[sv] ??
  (sv.startsWith('Skriv högst')
    ? sv.replace('Skriv högst', 'Write at most').replace('tecken (nu', 'characters (now')
    : sv);
