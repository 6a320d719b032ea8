import type { AgreementDraft } from '../services/agreements/agreement.schema';
import { NORSJO_AGREEMENT, type NorsjoPartyKey } from './norsjo';

/** Norsjö's agreement as a draft, with organisation ids from `partyId`. The importer must produce the same. */
export function norsjoDraft(ids: {
  municipality: string;
  lpo: string;
  party: (k: NorsjoPartyKey) => string;
}): AgreementDraft {
  const a = NORSJO_AGREEMENT;
  return {
    title: a.title,
    municipalityIds: [ids.municipality],
    policeAreaId: ids.lpo,
    partyIds: [],
    status: 'signed',
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    periodText: a.periodText,
    situationSummary: a.situationSummary,
    communication: a.communication,
    signedOn: null,
    signatories: [],
    focusAreas: a.focusAreas.map((f) => ({
      key: f.key,
      title: f.title,
      description: f.description,
      preventionTypes: [...f.preventionTypes],
      specialAttention: f.specialAttention
    })),
    effects: a.effects.map((e) => ({
      title: e.title,
      direction: e.direction,
      // The document names no indicators: demo mode adds suggested ones, labelled as demo.
      indicators: []
    })),
    plan: {
      year: 2019,
      note: 'Genomförandeplan 2019 enligt medborgarlöftet.',
      groups: a.measureGroups.map((g) => ({
        title: g.title,
        measures: g.measures.map((m) => ({
          key: m.key,
          title: m.title,
          description: m.description,
          targetText: m.target,
          // The document names who takes part, never who is responsible or how it is followed up.
          responsiblePartyId: null,
          followUpMethod: '',
          partyIds: m.parties.map((p) => ids.party(p as NorsjoPartyKey)),
          focusAreaKeys: [...m.focusAreas],
          visibility: 'public' as const,
          publicationRule: 'publication' in m ? m.publication : ('public' as const)
        }))
      }))
    }
  };
}
