/** Field names of the measure form in Swedish, for error summaries. */
export const MEASURE_LABELS: Record<string, string> = {
  title: 'Åtgärd',
  description: 'Beskrivning',
  targetText: 'Mål i ord',
  responsiblePartyId: 'Ansvarig',
  partyIds: 'Samverkan',
  focusAreaKeys: 'Fokusområden',
  followUpMethod: 'Uppföljning',
  visibility: 'Synlighet',
  changeReason: 'Skäl',
  reason: 'Skäl att ta bort',
  groupId: 'Rubrik',
  newGroupTitle: 'Ny rubrik',
  year: 'År',
  manualKind: 'Sort (handinställt mål)',
  manualCount: 'Antal (handinställt mål)',
  manualPer: 'Per (handinställt mål)',
  manualEvery: 'Var N:e (handinställt mål)',
  manualIntervalUnit: 'Intervallets enhet (handinställt mål)',
  manualQuietDays: 'Dagar utan aktivitet (handinställt mål)'
};
