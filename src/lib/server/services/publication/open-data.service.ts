import { z } from 'zod';
import {
  isIsoDate,
  PERIOD_KINDS,
  type FollowUpStatus,
  type PeriodKind,
  type Target
} from '../../../core';
import type { Ctx } from '../../context';
import { findAgreement } from '../../db/repositories/agreements/agreement.repository';
import { findOrganisation } from '../../db/repositories/accounts/organisation.repository';
import { listAgreements } from '../agreements/agreement.service';
import {
  getAgreementView,
  type AgreementView,
  type MeasureView
} from '../agreements/agreement-view.service';
import { fieldErrorsFromZod, NotFoundError, ValidationError } from '../shared/errors';
import { strictYear } from '../shared/validation';
import { agreementFollowUp } from '../follow-up/follow-up.service';
import { municipalityId } from '../accounts/organisation.service';

// The open-data API (/api/v1): public, no sign-in. Every field below is chosen by a presenter,
// so nothing internal (internal measures, drafts, notes for staff) reaches it by accident.

/** An agreement in the public list. */
export type OpenAgreementSummary = {
  id: string;
  title: string;
  status: 'signed' | 'ended';
  demo: boolean;
  municipalities: { code: string; name: string }[];
  period: { start: string; end: string };
};

/** A public measure of the plan revision in force. */
export type OpenMeasure = {
  id: string;
  key: string;
  title: string;
  description: string;
  group: string;
  focusAreas: string[];
  target: Target;
  targetDescription: string;
  followUpMethod: string | null;
  responsibleParty: { id: string; name: string } | null;
  parties: { id: string; name: string }[];
  startsOn: string | null;
  endsOn: string | null;
  changeReason: string | null;
};

/** Share of periods in which a promise was kept. */
export type OpenFulfilment = { met: number; judged: number; share: number | null };

/** The public follow-up of an agreement. */
export type OpenFollowUp = {
  agreementId: string;
  today: string;
  span: { start: string; end: string };
  period: PeriodKind;
  /** True when invented demo activities are counted: show it wherever this is shown. */
  demo: boolean;
  measures: {
    id: string;
    key: string;
    title: string;
    target: Target;
    targetDescription: string;
    periods: {
      start: string;
      end: string;
      expected: number | null;
      done: number;
      status: FollowUpStatus;
      /** Police work published later: the count runs only through this day (null: all of it). */
      publishedThrough: string | null;
      /** Targets in hours only: activities without a duration ("saknar tid"), not in `done`; else null. */
      untimed: number | null;
    }[];
    fulfilment: OpenFulfilment;
  }[];
  fulfilment: {
    total: OpenFulfilment;
    byFocusArea: Record<string, OpenFulfilment>;
    byResponsibleParty: Record<string, OpenFulfilment>;
  };
};

/** The published agreement: everything a resident may read, nothing an editor keeps internal. */
export type OpenAgreement = ReturnType<typeof presentAgreement>;

// An empty query parameter (`?kommun=`) means "not given", as an HTML form sends it.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'Skriv ett riktigt datum som ÅÅÅÅ-MM-DD, t.ex. 2020-01-31.' });

export const listQuery = z.object({
  kommun: optional(
    z.string().regex(/^\d{4}$/, { message: 'Kommunkoden har fyra siffror, t.ex. 2417.' })
  )
});
export const agreementQuery = z.object({
  // Four digits only: '2e3', '0x7E4', ' 2020' and '2020.0' are not years.
  ar: optional(strictYear())
});
export const followUpQuery = z.object({
  from: optional(isoDate),
  to: optional(isoDate),
  asOf: optional(isoDate),
  period: optional(
    z.enum(PERIOD_KINDS, { message: 'period ska vara month, tertial, year eller agreement.' })
  )
});

function parse<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  return parsed.data;
}

/** Drafts are work in progress of the editors: the API answers as if they did not exist. */
const isPublished = (status: string): status is OpenAgreementSummary['status'] =>
  status === 'signed' || status === 'ended';
const notPublished = () => new NotFoundError('Överenskommelsen finns inte.');

/** Published agreements (drafts are not), optionally of one municipality by its four-digit code. */
export async function listOpenAgreements(
  ctx: Ctx,
  query: unknown
): Promise<OpenAgreementSummary[]> {
  const { kommun } = parse(listQuery, query);
  if (kommun && !(await findOrganisation(ctx.db, municipalityId(kommun))))
    throw new ValidationError([{ field: 'kommun', message: `Ingen kommun har koden ${kommun}.` }]);
  const rows = await listAgreements(
    ctx,
    kommun ? { municipalityId: municipalityId(kommun) } : undefined
  );
  return rows.flatMap(({ status, ...a }) =>
    isPublished(status)
      ? [
          {
            id: a.id,
            title: a.title,
            status,
            demo: a.demo,
            municipalities: a.municipalities.map((m) => ({ code: m.code, name: m.name })),
            period: { start: a.period.start, end: a.period.end }
          }
        ]
      : []
  );
}

/** A published agreement with its public measures, for the plan year `?ar=` (else the latest plan). */
export async function getOpenAgreement(
  ctx: Ctx,
  id: string,
  query: unknown
): Promise<OpenAgreement> {
  const { ar } = parse(agreementQuery, query);
  const view = await getAgreementView(ctx, id, { year: ar, includeInternal: false });
  if (!isPublished(view.status)) throw notPublished();
  return presentAgreement(view);
}

/** The follow-up of a published agreement's public measures (see docs/FOLLOW-UP.md). */
export async function getOpenFollowUp(ctx: Ctx, id: string, query: unknown): Promise<OpenFollowUp> {
  const q = parse(followUpQuery, query);
  const agreement = await findAgreement(ctx.db, id);
  if (!agreement || !isPublished(agreement.status)) throw notPublished();
  const f = await agreementFollowUp(ctx, id, q, { includeInternal: false });
  return {
    agreementId: f.agreementId,
    today: f.today,
    span: { start: f.span.start, end: f.span.end },
    period: f.period,
    demo: f.demo,
    measures: f.measures.map((m) => ({
      id: m.measureId,
      key: m.key,
      title: m.title,
      target: presentTarget(m.target),
      targetDescription: m.targetDescription,
      // `detail` is a technical note for staff and stays out.
      periods: m.periods.map((p) => ({
        start: p.start,
        end: p.end,
        expected: p.expected,
        done: p.done,
        status: p.status,
        publishedThrough: p.publishedThrough ?? null,
        untimed: p.untimed ?? null
      })),
      fulfilment: presentFulfilment(m.fulfilment)
    })),
    fulfilment: {
      total: presentFulfilment(f.fulfilment.total),
      byFocusArea: presentFulfilments(f.fulfilment.byFocusArea),
      byResponsibleParty: presentFulfilments(f.fulfilment.byResponsibleParty)
    }
  };
}

/** Shapes an agreement view for the API; signatories (people's names) and removed measures stay out. */
export function presentAgreement(v: AgreementView) {
  const groups = v.revision?.groups ?? [];
  return {
    id: v.id,
    title: v.title,
    status: v.status,
    demo: v.demo,
    period: { start: v.period.start, end: v.period.end, text: v.period.text },
    signedOn: v.signedOn,
    municipalities: v.municipalities.map((m) => ({ code: m.code, name: m.name })),
    policeArea: v.policeArea ? { id: v.policeArea.id, name: v.policeArea.name } : null,
    parties: v.parties.map((p) => ({ id: p.id, name: p.name })),
    situationSummary: v.situationSummary,
    communication: v.communication,
    revision: v.revision
      ? { year: v.revision.year, note: v.revision.note, demo: v.revision.demo }
      : null,
    revisions: v.revisions.map((r) => ({ year: r.year, note: r.note, demo: r.demo })),
    focusAreas: v.focusAreas.map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      preventionTypes: [...f.preventionTypes],
      specialAttention: f.specialAttention
    })),
    effects: v.effects.map((e) => ({
      id: e.id,
      title: e.title,
      direction: e.direction,
      indicators: e.indicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        source: i.source
      }))
    })),
    measureGroups: groups.map((g) => ({ id: g.id, title: g.title })),
    measures: groups.flatMap((g) => g.measures.filter(isPublic).map(presentMeasure))
  };
}

// getAgreementView already leaves internal measures out; this second guard keeps the promise local.
const isPublic = (m: MeasureView) => m.visibility === 'public';

function presentMeasure(m: MeasureView): OpenMeasure {
  return {
    id: m.id,
    key: m.key,
    title: m.title,
    description: m.description,
    group: m.groupId,
    focusAreas: [...m.focusAreaIds],
    target: presentTarget(m.target),
    targetDescription: m.targetDescription,
    // null where the agreement states no follow-up method (it is never invented).
    followUpMethod: m.followUpMethod || null,
    responsibleParty: m.responsibleParty
      ? { id: m.responsibleParty.id, name: m.responsibleParty.name }
      : null,
    parties: m.parties.map((p) => ({ id: p.id, name: p.name })),
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    changeReason: m.changeReason
  };
}

/** Copies a target field by field per kind, so stray keys in stored JSON never reach the API. */
export function presentTarget(t: Target): Target {
  switch (t.kind) {
    case 'count':
      return {
        kind: t.kind,
        text: t.text,
        count: t.count,
        per: t.per,
        ...(t.unit !== undefined && { unit: t.unit }),
        ...(t.perUnit && { perUnit: { label: t.perUnit.label, values: [...t.perUnit.values] } }),
        ...(t.weekdays && { weekdays: [...t.weekdays] })
      };
    case 'interval':
      return { kind: t.kind, text: t.text, every: t.every, unit: t.unit };
    case 'continuous':
      return { kind: t.kind, text: t.text, quietAfterDays: t.quietAfterDays };
    case 'occasions':
      return {
        kind: t.kind,
        text: t.text,
        occasions: Array.isArray(t.occasions) ? [...t.occasions] : t.occasions
      };
    case 'every-shift':
    case 'on-demand':
    case 'unparsed':
      return { kind: t.kind, text: t.text };
  }
}

const presentFulfilment = (f: OpenFulfilment): OpenFulfilment => ({
  met: f.met,
  judged: f.judged,
  share: f.share
});

const presentFulfilments = (map: Record<string, OpenFulfilment>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, presentFulfilment(v)]));
