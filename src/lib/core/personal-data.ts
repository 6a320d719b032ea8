/**
 * Finding and masking personal data in free text (survey answers) before anyone but a survey's
 * owners sees it: Swedish personal identity and coordination numbers (checked by their control
 * digit), phone numbers, e-mail addresses, street addresses and names where they can be found.
 * Pure: no I/O. The limits of name finding are written in docs/SURVEYS.md.
 */

/** What kind of personal data was found. */
export type PersonalDataKind = 'personnummer' | 'phone' | 'email' | 'address' | 'name';

/** The mark that replaces each kind in masked text. */
export const MASKS: Record<PersonalDataKind, string> = {
  personnummer: '[personnummer]',
  phone: '[telefonnummer]',
  email: '[e-post]',
  address: '[adress]',
  name: '[namn]'
};

/** The Luhn control digit of nine digits (the last digit of a Swedish personnummer). */
export function luhnControlDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const p = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += p > 9 ? p - 9 : p;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * True for a personal identity number or coordination number (day + 60) with a possible date
 * and a correct control digit: YYMMDD-XXXX, YYMMDD+XXXX, YYMMDDXXXX, YYYYMMDD-XXXX or YYYYMMDDXXXX.
 */
export function isPersonnummer(text: string): boolean {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})$/.exec(text.trim());
  if (!m) return false;
  const [, century, yy, mm, dd, last] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string
  ];
  if (century && century !== '18' && century !== '19' && century !== '20') return false;
  const month = Number(mm);
  const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const ten = `${yy}${mm}${dd}${last}`;
  return luhnControlDigit(ten.slice(0, 9)) === Number(ten[9]);
}

const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)*\.\p{L}{2,}/gu;
/** " at ", "(at)", "[at]", " snabel-a " between the parts of an e-mail address. */
const AT_WORD = String.raw`(?:\s*[([{]\s*(?:at|snabel-?a)\s*[)\]}]\s*|\s+(?:at|snabel-?a)\s+)`;
/** ".", " dot ", "(dot)", " punkt ", "[punkt]" between the parts of a domain. */
const DOT_WORD = String.raw`(?:\s*[([{]\s*(?:dot|punkt)\s*[)\]}]\s*|\s+(?:dot|punkt)\s+|\.)`;
/**
 * An e-mail address written to dodge filters: "kalle at gmail dot com", "kalle(at)gmail.com",
 * "kalle [at] gmail punkt com". Only with a common top-level domain at the end, so ordinary
 * sentences that happen to contain "at" are left alone.
 */
const OBFUSCATED_EMAIL = new RegExp(
  String.raw`(?<![\p{L}0-9._%+-])[\p{L}0-9._%+-]+${AT_WORD}[\p{L}0-9-]+(?:${DOT_WORD}[\p{L}0-9-]+)*?${DOT_WORD}(?:se|com|nu|net|org|info|eu|io|me|dk|no|fi|de|uk)(?![\p{L}0-9])`,
  'giu'
);
const PERSONNUMMER = /(?<![\d-])(?:\d{2})?\d{6}[-+ ]?\d{4}(?![\d])/g;
const PHONE =
  /(?<![\d\w+])(?:(?:\+|00)46[\s-]?(?:\(0\)\s?)?[1-9]\d{0,3}|0[1-9]\d{0,3})(?:[\s-]?\d{1,8}){1,5}(?![\d])/g;
const STREET_SUFFIXES = [
  'gatan',
  'gata',
  'vägen',
  'väg',
  'stigen',
  'gränd',
  'gränden',
  'backen',
  'backe',
  'plan',
  'torget',
  'torg',
  'allén',
  'allé',
  'leden',
  'gången',
  'slingan',
  'platsen',
  'liden',
  'udden',
  'svängen',
  'vägen'
];
const ADDRESS = new RegExp(
  `(?<![\\p{L}])(?:\\p{Lu}\\p{Ll}+ )?\\p{L}+(?:${STREET_SUFFIXES.join('|')}) \\d{1,4}(?: ?[A-Za-z](?![\\p{L}]))?`,
  'gu'
);

/** Common Swedish first names (a sample of the most frequent; others are found only after "heter"). */
export const COMMON_FIRST_NAMES: readonly string[] = (
  'Anna Eva Maria Karin Kristina Lena Sara Kerstin Emma Ingrid Marie Malin Jenny Hanna Linda ' +
  'Annika Susanne Elin Monica Birgitta Sofia Johanna Carina Elisabeth Ulla Julia Katarina Linnea ' +
  'Emelie Ida Helena Camilla Åsa Anneli Sandra Gunilla Anette Marianne Margareta Maja Ebba Elsa ' +
  'Alice Wilma Astrid Saga Agnes Freja Stina Lisa Ellen Moa Frida Matilda Amanda Josefin Louise ' +
  'Lars Mikael Anders Johan Erik Per Karl Peter Thomas Jan Daniel Fredrik Hans Bengt Andreas ' +
  'Stefan Mats Magnus Mattias Jonas Niklas Marcus Martin Björn Bo Oskar Gustav Axel Filip Emil ' +
  'Alexander Viktor Anton Jakob Lucas Liam William Hugo Elias Noah Oliver Adam Leo Olle Nils ' +
  'Kalle Pelle Sven Göran Leif Rolf Kjell Åke Stig Ulf Tommy Patrik Robert Joakim Henrik ' +
  'Sebastian Simon Linus Albin Isak Melvin Ali Mohammed Ahmed Hassan'
).split(' ');

const FIRST_NAMES = new Set(COMMON_FIRST_NAMES);
/**
 * Names that are also ordinary Swedish words ("per dag", "hans bil", "en stig", "en björn", "en
 * saga", "axel", "en karl", "en lisa", "linda in", "linnea"): masked only when capitalised inside
 * a sentence, never in all lower or upper case, where they are far more often the word.
 */
const AMBIGUOUS_NAMES = new Set([
  'per',
  'bo',
  'hans',
  'stig',
  'saga',
  'björn',
  'axel',
  'jan',
  'karl',
  'lisa',
  'linda',
  'linnea'
]);
const FIRST_NAMES_ANY_CASE = new Set(
  COMMON_FIRST_NAMES.map((n) => n.toLowerCase()).filter((n) => !AMBIGUOUS_NAMES.has(n))
);
/** Words after "heter" that are not names ("vad heter det", "det heter att …"). */
const NOT_NAMES = new Set(
  (
    'det den de dom han hon hen jag du vi ni man sig så att som inte ju nog väl också en ett ' +
    'något någon ingen ingenting vad hur är var och eller men på i till the'
  ).split(' ')
);
const SURNAME_ENDINGS =
  /(?:sson|son|berg|ström|lund|qvist|kvist|gren|dahl|dal|holm|lin|stedt|ander|ström|sköld|mark|fors|by)$/;
const INTRODUCERS = /\b(?:heter|kallas|hette|namnet)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)/gu;
/** "heter kalle andersson", "HETER KALLE": the same in lower or upper case. */
const INTRODUCERS_ANY_CASE =
  /(?<!\p{L})(?:heter|kallas|hette|namnet)\s+(\p{L}+)(?:(\s+)(\p{L}+))?(?!\p{L})/giu;
/** All lower case or all upper case (not "Storgatan", not "McDonald"). */
const uncapitalised = (word: string): boolean =>
  word === word.toLowerCase() || (word.length > 1 && word === word.toUpperCase());
const surnameLike = (word: string): boolean =>
  SURNAME_ENDINGS.test(word.toLowerCase()) && word.length > 4;

/** Masks names: after "heter/kallas", known first names, and a capitalised word followed by a surname-like one. */
function maskNames(text: string, found: Set<PersonalDataKind>): string {
  const name = () => {
    found.add('name');
    return MASKS.name;
  };
  const out = text.replace(
    INTRODUCERS,
    (whole, n: string) => whole.slice(0, whole.length - n.length) + name()
  );
  // In lower or upper case: after "heter" any word that is not a pronoun or the like.
  const introduced = out.replace(
    INTRODUCERS_ANY_CASE,
    (whole, first: string, space?: string, second?: string) => {
      if (NOT_NAMES.has(first.toLowerCase()) || !uncapitalised(first)) return whole;
      const head = whole.slice(0, whole.indexOf(first));
      const rest =
        second && surnameLike(second) && uncapitalised(second)
          ? ''
          : (space ?? '') + (second ?? '');
      return head + name() + rest;
    }
  );
  // Runs of capitalised words, judged word by word: "Grannen Göte Lindqvist" → "Grannen [namn]".
  const capitalised = introduced.replace(
    /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)*/gu,
    (run, offset: number, whole: string) => {
      const words = run.split(/\s+/);
      const kept: string[] = [];
      // "Per dag …", "Hans bil …": at the start of a sentence these are the words, not names.
      const sentenceStart = /(?:^|[.!?:]\s*|\n\s*)$/.test(whole.slice(0, offset));
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        const next = words[i + 1];
        const ambiguous = i === 0 && sentenceStart && AMBIGUOUS_NAMES.has(word.toLowerCase());
        if (next && SURNAME_ENDINGS.test(next)) {
          kept.push(name());
          i++;
        } else kept.push(FIRST_NAMES.has(word.split('-')[0]!) && !ambiguous ? name() : word);
      }
      return kept.join(' ');
    }
  );
  // Known first names in lower or upper case ("kalle", "KALLE ANDERSSON"), not those that are
  // also ordinary words; a surname-like word right after goes with it.
  const parts = capitalised.split(/(\p{L}+)/u);
  for (let i = 1; i < parts.length; i += 2) {
    const word = parts[i]!;
    if (!uncapitalised(word) || !FIRST_NAMES_ANY_CASE.has(word.toLowerCase())) continue;
    if (parts[i - 1]!.endsWith('[')) continue;
    parts[i] = name();
    const next = parts[i + 2];
    if (next && /^\s+$/.test(parts[i + 1]!) && uncapitalised(next) && surnameLike(next)) {
      parts[i + 1] = '';
      parts[i + 2] = '';
    }
  }
  return parts.join('');
}

/** The digits of a phone number as dialled inside Sweden (+46 70 … → 070 …). */
const nationalDigits = (phone: string): number =>
  phone
    .replace(/\(0\)/, '')
    .replace(/\D/g, '')
    .replace(/^(?:00)?46/, '0').length;

/** The result of masking: the masked text and which kinds were found. */
export type MaskResult = { masked: string; found: PersonalDataKind[] };

/** Replaces personal data in free text with marks such as "[personnummer]". */
export function maskPersonalData(text: string): MaskResult {
  const found = new Set<PersonalDataKind>();
  const mark = (kind: PersonalDataKind) => () => {
    found.add(kind);
    return MASKS[kind];
  };
  let out = text.replace(EMAIL, mark('email')).replace(OBFUSCATED_EMAIL, mark('email'));
  out = out.replace(PERSONNUMMER, (m) =>
    isPersonnummer(m.replace(' ', '-')) ? mark('personnummer')() : m
  );
  out = out.replace(PHONE, (m) => {
    // A number written after the phone number ("… 45 67 2 gånger") is given back.
    let phone = m;
    let rest = '';
    while (nationalDigits(phone) > 10 && /[\s-]\d+$/.test(phone)) {
      const cut = /[\s-]\d+$/.exec(phone)!.index;
      rest = phone.slice(cut) + rest;
      phone = phone.slice(0, cut);
    }
    const n = nationalDigits(phone);
    return n >= 8 && n <= 10 ? mark('phone')() + rest : m;
  });
  out = out.replace(ADDRESS, mark('address'));
  out = maskNames(out, found);
  const order: PersonalDataKind[] = ['personnummer', 'phone', 'email', 'address', 'name'];
  return { masked: out, found: order.filter((k) => found.has(k)) };
}
