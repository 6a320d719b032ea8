import { describeTarget, type Target } from '../../../core';
import { can, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  findAgreement,
  loadAgreementHead
} from '../../db/repositories/agreements/agreement.repository';
import { acceptedParties, assertAgreementVisible } from './agreement-consent.service';
import {
  listRevisions,
  loadRevisionContent
} from '../../db/repositories/agreements/plan.repository';
import {
  findOrganisation,
  organisationNames
} from '../../db/repositories/accounts/organisation.repository';
import { indicatorValuesOf } from '../../db/repositories/agreements/agreement-parts.repository';
import { canEditAgreement } from './agreement.service';
import { NotFoundError } from '../shared/errors';
import { displayName } from '../accounts/organisation.service';
import { municipalityOfficialName } from '../../reference/sweden';

/** A measure as pages and the API show it. */
export type MeasureView = {
  id: string;
  key: string;
  title: string;
  description: string;
  groupId: string;
  target: Target;
  targetDescription: string;
  responsibleParty: { id: string; name: string } | null;
  parties: { id: string; name: string }[];
  focusAreaIds: string[];
  followUpMethod: string;
  visibility: 'public' | 'internal';
  publicationRule: 'public' | 'delayed' | 'monthly' | 'internal';
  publicationDelayDays: number;

  startsOn: string | null;
  endsOn: string | null;
  changeReason: string | null;
};

/** One plan revision's content. */
export type RevisionView = {
  id: string;
  year: number;
  note: string;
  demo: boolean;
  removed: { key: string; title: string; reason: string }[];
  groups: { id: string; title: string; measures: MeasureView[] }[];
};

/** The whole agreement as pages show it, with the revision in force for a year. */
export type AgreementView = Awaited<ReturnType<typeof getAgreementView>>;

/**
 * Loads an agreement with the plan revision for `year` (the latest one at or before it, else the
 * latest). Internal measures are left out unless `includeInternal`.
 */
export async function getAgreementView(
  ctx: Ctx,
  id: string,
  options: { includeInternal?: boolean; year?: number; lang?: 'sv' | 'en' } = {}
) {
  const agreement = await findAgreement(ctx.db, id);
  if (!agreement) throw new NotFoundError('Överenskommelsen finns inte.');
  const [head, revisions, values] = await Promise.all([
    loadAgreementHead(ctx.db, id),
    listRevisions(ctx.db, id),
    indicatorValuesOf(ctx.db, id)
  ]);
  const chosen =
    (options.year !== undefined
      ? [...revisions].reverse().find((r) => r.year <= options.year!)
      : undefined) ?? revisions[revisions.length - 1];
  const revision = chosen ? await presentRevision(ctx, chosen, options) : null;
  const policeArea = agreement.police_area_id
    ? await findOrganisation(ctx.db, agreement.police_area_id)
    : undefined;
  return {
    id: agreement.id,
    title: agreement.title,
    status: agreement.status,
    demo: agreement.demo === 1,
    period: {
      start: agreement.period_start,
      end: agreement.period_end,
      text: agreement.period_text
    },
    signedOn: agreement.signed_on,
    situationSummary: agreement.situation_summary,
    communication: agreement.communication,
    municipalities: head.municipalities.map((m) => ({
      id: m.id,
      code: m.code ?? '',
      name: m.name,
      officialName: municipalityOfficialName(m.name)
    })),
    policeArea: policeArea ? { id: policeArea.id, name: policeArea.name } : null,
    parties: head.parties.map((p) => ({ id: p.id, name: displayName(p), type: p.party_type })),

    signatories: head.signatories.map((s) => ({ name: s.name, title: s.title })),
    focusAreas: head.focusAreas.map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      preventionTypes: JSON.parse(f.prevention_types) as string[],
      specialAttention: f.special_attention
    })),
    effects: head.effects.map((e) => ({
      id: e.id,
      title: e.title,
      direction: e.direction,
      indicators: head.indicators
        .filter((i) => i.effect_id === e.id)
        .map((i) => ({
          id: i.id,
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          source: i.source,
          values: values
            .filter((x) => x.indicator_id === i.id)
            .map((x) => ({ date: x.measured_on, value: Number(x.value) }))
        }))
    })),
    revisions: revisions.map((r) => ({ id: r.id, year: r.year, note: r.note, demo: r.demo === 1 })),
    revision
  };
}

type RevisionRow = Awaited<ReturnType<typeof listRevisions>>[number];

async function presentRevision(
  ctx: Ctx,
  r: RevisionRow,
  options: { includeInternal?: boolean; lang?: 'sv' | 'en' }
): Promise<RevisionView> {
  const content = await loadRevisionContent(ctx.db, r.id);
  const names = new Map(content.parties.map((p) => [p.id, displayName(p)]));
  const responsibleIds = content.measures
    .map((m) => m.responsible_party_id)
    .filter((x): x is string => !!x && !names.has(x));
  if (responsibleIds.length) {
    for (const o of await organisationNames(ctx.db, responsibleIds))
      names.set(o.id, displayName(o));
  }
  const measures: MeasureView[] = content.measures
    .filter((m) => options.includeInternal || m.visibility === 'public')
    .map((m) => {
      const target = JSON.parse(m.target_json) as Target;
      return {
        id: m.id,
        key: m.measure_key,
        title: m.title,
        description: m.description,
        groupId: m.group_id,
        target,
        targetDescription: describeTarget(target, options.lang ?? 'sv'),
        responsibleParty: m.responsible_party_id
          ? { id: m.responsible_party_id, name: names.get(m.responsible_party_id) ?? '' }
          : null,
        parties: content.parties
          .filter((p) => p.measure_id === m.id)
          .map((p) => ({ id: p.id, name: displayName(p) })),
        focusAreaIds: content.focusAreas
          .filter((f) => f.measure_id === m.id)
          .map((f) => f.focus_area_id),
        followUpMethod: m.follow_up_method,
        visibility: m.visibility,
        publicationRule: m.publication_rule,
        publicationDelayDays: m.publication_delay_days,

        startsOn: m.starts_on,
        endsOn: m.ends_on,
        changeReason: m.change_reason
      };
    });
  return {
    id: r.id,
    year: r.year,
    note: r.note,
    demo: r.demo === 1,
    removed: JSON.parse(r.removed_json) as RevisionView['removed'],
    groups: content.groups
      .map((g) => ({
        id: g.id,
        title: g.title,
        measures: measures.filter((m) => m.groupId === g.id)
      }))
      .filter((g) => g.measures.length > 0)
  };
}

/** The view plus whether the actor may edit it. */
export async function getAgreementForActor(
  ctx: Ctx,
  actor: Actor | null,
  id: string,
  year?: number
) {
  // A draft is not public yet: only staff of the organisations it names see it (invited ones too,
  // so that their editors can accept); to anyone else it answers like a missing id.
  await assertAgreementVisible(ctx, actor, id);
  const editable = await canEditAgreement(ctx, actor, id);
  // Reporters (and up) of the agreement's accepted parties log and import activities.
  const member = editable || can(actor, 'activity.log', await acceptedParties(ctx, id));
  const view = await getAgreementView(ctx, id, { includeInternal: editable, year });
  return { view, editable, member };
}
