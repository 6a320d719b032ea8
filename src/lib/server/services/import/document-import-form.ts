import { parseTarget } from '../../../core';
import type { DocumentDraft, ReviewItem } from '../../../core/loefte-import';
import { MUNICIPALITIES } from '../../reference/sweden';
import type { FieldError } from '../shared/errors';

/** The id of the form field a review item or an error is about, on the review page. */
export function fieldIdOf(path: string): string {
  const m = /^measures\.(\d+)\.(\w+)/.exec(path);
  if (m)
    return `m-${m[1]}-${m[2] === 'target' ? 'targetText' : m[2] === 'focusAreaKeys' ? 'focus' : m[2]}`;
  const u = /^unrecognised\.(\d+)/.exec(path);
  if (u) return `u-${u[1]}`;
  if (path === 'period.end' || path === 'periodEnd') return 'periodEnd';
  if (path.startsWith('period')) return 'periodStart';
  if (path.startsWith('municipality')) return 'municipalityCode';
  // No focus areas: the measures sit in one group, whose heading is the nearest field.
  if (path === 'focusAreas') return 'g-0-title';
  // A result that matches no measure: the list of reported results.
  if (path.startsWith('outcomes.')) return 'resultat';
  return path;
}

/**
 * The reviewed draft from the big form: the stored draft with what the form changed. Measures
 * are numbered through all groups (m-0, m-1, …), as in the review items' paths.
 */
export function draftFromForm(
  stored: DocumentDraft,
  form: FormData
): { draft: DocumentDraft; policeAreaId: string | null } {
  const str = (k: string, fallback = '') => {
    const v = form.get(k);
    return typeof v === 'string' ? v.trim() : fallback;
  };
  const all = (k: string) => form.getAll(k).filter((v): v is string => typeof v === 'string');
  const code = str('municipalityCode', stored.municipality.code ?? '');
  const municipality = MUNICIPALITIES.find((m) => m.code === code);
  let k = 0;
  const draft: DocumentDraft = {
    ...stored,
    title: { ...stored.title, value: str('title', stored.title.value) },
    municipality: municipality
      ? { code: municipality.code, name: municipality.name, lines: stored.municipality.lines }
      : { code: null, name: null, lines: stored.municipality.lines },
    period: {
      ...stored.period,
      start: str('periodStart') || null,
      end: str('periodEnd') || null,
      text: str('periodText', stored.period.text)
    },
    situationSummary: {
      ...stored.situationSummary,
      value: str('situationSummary', stored.situationSummary.value)
    },
    communication: {
      ...stored.communication,
      value: str('communication', stored.communication.value)
    },
    focusAreas: stored.focusAreas.map((f, i) => ({
      ...f,
      title: str(`fa-${i}-title`, f.title),
      description: str(`fa-${i}-description`, f.description)
    })),
    effects: stored.effects
      .map((e, i) => ({ ...e, title: str(`ef-${i}-title`, e.title) }))
      .filter((e) => e.title),
    groups: stored.groups
      .map((g, gi) => ({
        ...g,
        title: str(`g-${gi}-title`, g.title),
        measures: g.measures
          .map((m) => {
            const i = k++;
            if (form.get(`m-${i}-remove`)) return null;
            const targetText = str(`m-${i}-targetText`, m.targetText);
            const responsible = str(`m-${i}-responsible`, m.responsible ?? '') || null;
            const parties = form.has(`m-${i}-seen`) ? all(`m-${i}-parties`) : m.parties;
            return {
              ...m,
              title: str(`m-${i}-title`, m.title),
              description: str(`m-${i}-description`, m.description),
              targetText,
              target: targetText ? parseTarget(targetText) : null,
              responsible,
              parties: [...new Set([...(responsible ? [responsible] : []), ...parties])],
              focusAreaKeys: form.has(`m-${i}-seen`) ? all(`m-${i}-focus`) : m.focusAreaKeys
            };
          })
          .filter((m): m is NonNullable<typeof m> => m !== null)
      }))
      .filter((g) => g.measures.length)
  };
  return { draft, policeAreaId: str('policeAreaId') || null };
}

/** Errors from creating the agreement, pointed at the review form's fields with readable names. */
export function reviewErrors(
  errors: FieldError[],
  draft: DocumentDraft
): { errors: FieldError[]; labels: Record<string, string> } {
  const labels: Record<string, string> = {
    title: 'Titel',
    municipalityCode: 'Kommun',
    policeAreaId: 'Polisområde',
    periodStart: 'Startdatum',
    periodEnd: 'Slutdatum'
  };
  const offsets: number[] = [];
  draft.groups.reduce((n, g) => (offsets.push(n), n + g.measures.length), 0);
  const NAMES: Record<string, string> = {
    targetText: 'målet',
    title: 'titeln',
    description: 'beskrivningen',
    responsiblePartyId: 'ansvarig',
    partyIds: 'parter',
    focusAreaKeys: 'fokusområden'
  };
  const out = errors.map((e) => {
    const m = /^plan\.groups\.(\d+)\.measures\.(\d+)\.(\w+)/.exec(e.field);
    if (m) {
      const k = (offsets[Number(m[1])] ?? 0) + Number(m[2]);
      const f =
        m[3] === 'responsiblePartyId' ? 'responsible' : m[3] === 'focusAreaKeys' ? 'focus' : m[3]!;
      const id = `m-${k}-${f}`;
      labels[id] = `Åtgärd ${k + 1}, ${NAMES[m[3]!] ?? m[3]}`;
      return { field: id, message: e.message };
    }
    return {
      field: fieldIdOf(e.field === 'municipalityIds' ? 'municipality' : e.field),
      message: e.message
    };
  });
  return { errors: out, labels };
}

/** Review items with the id of the field each is about. */
export const reviewLinks = (items: ReviewItem[]) =>
  items.map((r) => ({ ...r, fieldId: fieldIdOf(r.path) }));
