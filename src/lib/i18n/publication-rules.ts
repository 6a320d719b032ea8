/** When a measure's logged activities become public, in Swedish, as the measure form offers it. */
export const PUBLICATION_RULE_SV = {
  public: 'Dagen efter: antal, datum och område visas',
  delayed: 'Efter ett antal dagar (för planerade polisinsatser)',
  monthly: 'Bara som antal per månad, när månaden är slut',
  internal: 'Aldrig: bara parterna ser dem'
} as const;

/** The same rule as a short phrase for a sentence: "aktiviteterna visas …". */
export const PUBLICATION_RULE_PHRASE_SV = {
  public: 'dagen efter, med antal, datum och område',
  delayed: 'först efter ett antal dagar',
  monthly: 'bara som antal per månad, när månaden är slut',
  internal: 'aldrig'
} as const;
