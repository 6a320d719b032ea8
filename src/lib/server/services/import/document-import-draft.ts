import type { DocumentDraft } from '../../../core/loefte-import';
import { newId, type Executor } from '../../context';
import {
  listPoliceAreas,
  partiesOwnedBy
} from '../../db/repositories/accounts/organisation.repository';
import { latestPoliceAreaOf } from '../../db/repositories/import/document-import.repository';
import type { OrganisationTable } from '../../db/schema';
import type { AgreementDraft } from '../agreements/agreement.schema';
import { municipalityId } from '../accounts/organisation.service';
import { ValidationError } from '../shared/errors';

const fold = (s: string) =>
  s
    .trim()
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** Police areas to choose from, and the one suggested for an imported draft. */
export async function suggestPoliceArea(
  db: Executor,
  draft: DocumentDraft
): Promise<{ id: string | null; why: 'named' | 'earlier-agreement' | null }> {
  if (draft.policeArea.name) {
    const named = fold(draft.policeArea.name);
    const rows = await listPoliceAreas(db);
    const hit = rows.find((r) => fold(r.name) === named);
    if (hit) return { id: hit.id, why: 'named' };
  }
  if (!draft.municipality.code) return { id: null, why: null };
  // The document often says only "polisen": the municipality's earlier agreements name the area.
  const earlier = await latestPoliceAreaOf(db, municipalityId(draft.municipality.code));
  return earlier ? { id: earlier, why: 'earlier-agreement' } : { id: null, why: null };
}

/**
 * An imported draft as the agreement draft createAgreement takes: the municipality and police
 * area by id, other parties matched by name among the municipality's parties (or new ones, created
 * only when `create` is given). The imported draft is the municipality's; police work is the area's.
 */
export async function toAgreementDraft(
  db: Executor,
  draft: DocumentDraft,
  choice: { policeAreaId: string | null; year?: number },
  create?: { at: string; rows: OrganisationTable[] }
): Promise<AgreementDraft> {
  const errors: { field: string; message: string }[] = [];
  const kommun = draft.municipality.code ? municipalityId(draft.municipality.code) : null;
  if (!kommun) errors.push({ field: 'municipality', message: 'Välj kommun.' });
  if (!draft.period.start || !draft.period.end)
    errors.push({ field: 'period', message: 'Skriv periodens start- och slutdatum.' });
  const usesPolice = draft.groups.some((g) =>
    g.measures.some((m) => m.parties.includes('polisen'))
  );
  if (usesPolice && !choice.policeAreaId)
    errors.push({
      field: 'policeAreaId',
      message: 'Välj polisområde: åtgärder har polisen som part.'
    });
  if (errors.length) throw new ValidationError(errors);
  const owned = await partiesOwnedBy(db, kommun!);
  const ids = new Map<string, string>();
  for (const p of draft.parties) {
    if (p.kind === 'police') ids.set(p.key, choice.policeAreaId ?? '');
    else if (p.kind === 'municipality') ids.set(p.key, kommun!);
    else {
      const found = owned.find((o) => fold(o.name) === fold(p.name));
      if (found) ids.set(p.key, found.id);
      else if (create) {
        const id = newId();
        create.rows.push({
          id,
          kind: 'party',
          name: p.name,
          code: null,
          level: null,
          parent_id: null,
          county_code: null,
          party_type: p.partyType,
          owner_id: kommun,
          created_at: create.at
        });
        ids.set(p.key, id);
      } else ids.set(p.key, `new:${p.key}`);
    }
  }
  const party = (key: string) =>
    ids.get(key) ?? (key === 'polisen' ? choice.policeAreaId! : kommun!);
  return {
    title: draft.title.value,
    municipalityIds: [kommun!],
    policeAreaId: choice.policeAreaId,
    partyIds: [],
    status: 'draft',
    periodStart: draft.period.start!,
    periodEnd: draft.period.end!,
    periodText: draft.period.text,
    situationSummary: draft.situationSummary.value,
    communication: draft.communication.value,
    signedOn: null,
    signatories: [],
    focusAreas: draft.focusAreas.map((f) => ({
      key: f.key,
      title: f.title,
      description: f.description,
      preventionTypes: [...f.preventionTypes],
      specialAttention: f.specialAttention
    })),
    effects: draft.effects.map((e) => ({ title: e.title, direction: e.direction, indicators: [] })),
    plan: {
      year: choice.year ?? Number(draft.period.start!.slice(0, 4)),
      note: draft.planNote.value.slice(0, 4000),
      groups: draft.groups.map((g) => ({
        title: g.title,
        measures: g.measures.map((m) => ({
          key: m.key,
          title: m.title,
          description: m.description,
          targetText: m.targetText,
          responsiblePartyId: m.responsible ? party(m.responsible) : null,
          partyIds: m.parties.map(party),
          focusAreaKeys: [...m.focusAreaKeys]
        }))
      }))
    }
  };
}
