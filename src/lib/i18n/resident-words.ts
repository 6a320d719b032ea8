import type { Lang } from './index';

/**
 * The words of the public subscription pages (/kommuner/[code]/prenumerera, /prenumeration/*)
 * and of a survey's public results (/kommuner/[code]/enkater/[id]/resultat), Swedish first.
 * Names and the survey's own texts stay as written; messages from the server stay Swedish.
 */
const R = {
  // Subscribing.
  subscribeTitle: { sv: 'Få nyheter via e-post', en: 'Get news by e-mail' },
  subscribeIntro: {
    sv: 'Få ett mejl när polisen och kommunen publicerar en uppföljningsrapport, skriver en nyhet eller bjuder in till ett evenemang om medborgarlöftet.',
    en: 'Get an e-mail when the police and the municipality publish a follow-up report, write news or invite you to an event about the citizen promise.'
  },
  checkMail: { sv: 'Titta i din e-post', en: 'Check your e-mail' },
  sentTo: { sv: 'Vi har skickat ett mejl till', en: 'We have sent an e-mail to' },
  openWithin: { sv: 'Öppna länken i det inom', en: 'Open the link in it within' },
  daysToConfirm: {
    sv: 'dagar för att bekräfta. Först då får du nyheter från',
    en: 'days to confirm. Only then will you get news from'
  },
  noMail: {
    sv: 'Syns inget mejl? Titta i skräpposten. Bekräftar du inte raderar vi adressen efter',
    en: 'No e-mail? Look in your spam folder. If you do not confirm, we delete the address after'
  },
  days: { sv: 'dagar', en: 'days' },
  noMailHere: {
    sv: 'Prenumeration med e-post finns inte här. Du kan ändå följa',
    en: 'E-mail subscriptions are not available here. You can still follow'
  },
  followFeed: {
    sv: 'Följ rapporter och nyheter i ett flöde',
    en: 'Follow reports and news in a feed'
  },
  addCalendar: {
    sv: 'Lägg till evenemangen i din kalender',
    en: 'Add the events to your calendar'
  },
  yourEmail: { sv: 'Din e-postadress', en: 'Your e-mail address' },
  sendConfirmation: { sv: 'Skicka bekräftelsemejl', en: 'Send a confirmation e-mail' },
  whatWeKeep: { sv: 'Det här sparar vi', en: 'What we keep' },
  whatWeKeepText: {
    sv: 'Bara din e-postadress och, tills du bekräftar, en kod för länken i bekräftelsemejlet. Bekräftar du inte inom {days} dagar raderas adressen. Vi använder den bara till de här mejlen.',
    en: 'Only your e-mail address and, until you confirm, a code for the link in the confirmation e-mail. If you do not confirm within {days} days, the address is deleted. We use it only for these e-mails.'
  },
  howToStop: { sv: 'Så slutar du', en: 'How to stop' },
  howToStopText: {
    sv: 'Varje mejl har en länk "Avsluta prenumerationen". Ett klick på den, och en knapp till, så raderas adressen direkt. Du behöver inget konto.',
    en: 'Every e-mail has a link "Unsubscribe". One click on it, and one more button, and the address is deleted at once. You need no account.'
  },
  noAddress: { sv: 'Vill du inte lämna någon adress?', en: 'Rather not leave an address?' },
  followTheFeed: { sv: 'Följ flödet', en: 'Follow the feed' },
  orAddCalendar: {
    sv: 'eller lägg till evenemangen i din kalender',
    en: 'or add the events to your calendar'
  },
  // Confirming.
  confirmTitle: { sv: 'Bekräfta prenumerationen', en: 'Confirm your subscription' },
  confirmedTitle: { sv: 'Klart: du prenumererar nu', en: 'Done: you are subscribed' },
  confirmedText: {
    sv: 'Du får ett mejl när {name} publicerar en rapport, en nyhet eller ett evenemang om medborgarlöftet.',
    en: 'You will get an e-mail when {name} publishes a report, news or an event about the citizen promise.'
  },
  unsubscribeAny: {
    sv: 'Varje mejl har en länk för att avsluta. Du kan också',
    en: 'Every e-mail has a link to unsubscribe. You can also'
  },
  unsubscribeNow: { sv: 'avsluta prenumerationen nu', en: 'unsubscribe now' },
  toPromise: { sv: 'Till medborgarlöftet i', en: 'To the citizen promise in' },
  confirmQuestion: {
    sv: 'Vill du få e-post när {name} publicerar rapporter, nyheter och evenemang om medborgarlöftet?',
    en: 'Do you want e-mail when {name} publishes reports, news and events about the citizen promise?'
  },
  yesConfirm: { sv: 'Ja, bekräfta', en: 'Yes, confirm' },
  dontWant: {
    sv: 'Vill du inte? Stäng sidan. Utan bekräftelse raderas adressen inom sju dagar.',
    en: 'Changed your mind? Close the page. Without confirmation the address is deleted within seven days.'
  },
  linkBroken: { sv: 'Länken fungerar inte', en: 'The link does not work' },
  findMunicipality: { sv: 'Hitta din kommun', en: 'Find your municipality' },
  // Unsubscribing.
  unsubscribeTitle: { sv: 'Avsluta prenumerationen', en: 'Unsubscribe' },
  unsubscribedTitle: { sv: 'Prenumerationen är avslutad', en: 'You are unsubscribed' },
  removed: {
    sv: 'Vi har raderat din e-postadress. Du får inga fler mejl.',
    en: 'We have deleted your e-mail address. You will get no more e-mails.'
  },
  alreadyRemoved: {
    sv: 'Prenumerationen var redan avslutad. Vi har inte kvar din adress.',
    en: 'The subscription had already ended. We no longer have your address.'
  },
  unsubscribeQuestion: {
    sv: 'Vill du sluta få e-post om medborgarlöftet i {name}? Din adress raderas direkt.',
    en: 'Do you want to stop getting e-mail about the citizen promise in {name}? Your address is deleted at once.'
  },
  unsubscribeButton: {
    sv: 'Avsluta och radera min adress',
    en: 'Unsubscribe and delete my address'
  },
  alreadyEndedTitle: {
    sv: 'Prenumerationen är redan avslutad',
    en: 'The subscription has already ended'
  },
  alreadyEndedText: {
    sv: 'Vi har inte kvar någon adress för den här länken. Du får inga fler mejl.',
    en: 'We have no address left for this link. You will get no more e-mails.'
  },
  findAMunicipality: { sv: 'Hitta en kommun', en: 'Find a municipality' },
  // Survey results.
  results: { sv: 'Resultat', en: 'Results' },
  surveys: { sv: 'Enkäter', en: 'Surveys' },
  demoSurvey: {
    sv: 'Enkäten och svaren är påhittade, för att visa hur det ser ut.',
    en: 'The survey and its answers are invented, to show what it looks like.'
  },
  stillOpen: { sv: 'Enkäten tar emot svar', en: 'The survey is taking answers' },
  until: { sv: 'till och med', en: 'until' },
  shownWhenClosed: {
    sv: 'Resultatet visas här när den har stängt.',
    en: 'The results are shown here once it has closed.'
  },
  answerSurvey: { sv: 'Svara på enkäten', en: 'Answer the survey' },
  personAnswered: { sv: 'person svarade', en: 'person answered' },
  peopleAnswered: { sv: 'personer svarade', en: 'people answered' },
  closedOn: { sv: 'Enkäten stängde', en: 'The survey closed on' },
  onlySums: {
    sv: 'Här visas bara summor. En grupp med färre än {n} svarande visas aldrig för sig, så att ingen kan pekas ut, och fritextsvar visas inte.',
    en: 'Only totals are shown. A group of fewer than {n} respondents is never shown on its own, so nobody can be singled out, and free-text answers are not shown.'
  },
  whatWeDo: {
    sv: 'Det här gör polisen och kommunen',
    en: 'What the police and the municipality do'
  },
  from: { sv: 'Ur', en: 'From' },
  approvedBoth: { sv: 'godkänd av båda parter', en: 'approved by both parties on' },
  focusArea: { sv: 'Fokusområde', en: 'Focus area' },
  measures: { sv: 'Åtgärder', en: 'Measures' },
  notYet: {
    sv: 'Polisen och kommunen har ännu inte skrivit vad de gör med resultatet. Det kommer under',
    en: 'The police and the municipality have not yet written what they will do with the results. It will come under'
  },
  youSaid: { sv: 'Ni sa – vi gör', en: 'You said – we do' },
  readMore: { sv: 'Läs mer under Ni sa – vi gör', en: 'Read more under You said – we do' },
  tooFew: {
    sv: 'Färre än {n} svarade, så inga resultat per fråga visas.',
    en: 'Fewer than {n} answered, so no results per question are shown.'
  },
  howBig: { sv: 'Hur stora är problemen?', en: 'How big are the problems?' },
  indexAll: { sv: 'Problemindex för alla svar', en: 'Problem index over all answers' },
  of: { sv: 'av', en: 'of' },
  howIndex: { sv: 'Så räknas problemindex', en: 'How the problem index is calculated' },
  indexCaption: { sv: 'Problemindex per fråga', en: 'Problem index per question' },
  problem: { sv: 'Problem', en: 'Problem' },
  index: { sv: 'Index', en: 'Index' },
  withOpinion: { sv: 'Svar med uppfattning', en: 'Answers with an opinion' },
  byAreaAge: { sv: 'Uppdelat på område och ålder', en: 'By area and age' },
  byArea: { sv: 'Per område', en: 'By area' },
  byAge: { sv: 'Per åldersgrupp', en: 'By age group' },
  manyWrote: { sv: 'Det här skrev många om', en: 'What many wrote about' },
  fewerThan: { sv: 'färre än', en: 'fewer than' },
  answers: { sv: 'svar', en: 'answers' },
  perQuestion: { sv: 'Svar per fråga', en: 'Answers per question' },
  openQuestion: {
    sv: 'Öppna en fråga för att se svaren. Om område och ålder står "färre än {n}" när 1–{m} svarade så; då visas inga andelar för den frågan.',
    en: 'Open a question to see the answers. For area and age it says "fewer than {n}" when 1–{m} answered so; then no shares are shown for that question.'
  },
  answersTo: { sv: 'Svar på', en: 'Answers to' },
  answer: { sv: 'Svar', en: 'Answer' },
  count: { sv: 'Antal', en: 'Number' },
  share: { sv: 'Andel', en: 'Share' },
  answeredHidden: { sv: 'Antal svarande visas inte.', en: 'The number who answered is not shown.' },
  answeredQuestion: { sv: 'svarade på frågan.', en: 'answered the question.' }
} as const satisfies Record<string, { sv: string; en: string }>;

export type ResidentWord = keyof typeof R;

/**
 * A word of the subscription and survey results pages in the reader's language; `{name}`-style
 * places are filled from `fill`.
 */
export const residentWord = (
  lang: Lang,
  key: ResidentWord,
  fill: Record<string, string | number> = {}
): string => R[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(fill[k] ?? `{${k}}`));
