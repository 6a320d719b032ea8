import type { FollowUpStatus, PeriodResult } from '../../../core';
import {
  reportPeriodLabel,
  summariseReport,
  type ReportContent,
  type ReportFigures,
  type ReportKind,
  type ReportMeasure
} from '../../../core/report';
import { STATUS_SV } from '../../../i18n/status';
import type { Ctx } from '../../context';
import { stockholmDate } from '../../../core/stockholm-date';
import { getAgreementView } from '../agreements/agreement-view.service';
import { agreementFollowUp } from '../follow-up/follow-up.service';

/** What a report is made from: its agreement, period, lead text and commentary per measure. */
export type ReportSource = {
  agreementId: string;
  kind: ReportKind;
  start: string;
  end: string;
  lead: string;
  comments: ReadonlyMap<string, string>;
};

/** A status in Swedish words (never colour alone). */
export const statusWords = (status: FollowUpStatus): string => STATUS_SV[status] ?? status;

/** Expected and done over a measure's periods inside the report (normally exactly one). */
function combine(periods: readonly PeriodResult[]): {
  expected: number | null;
  done: number;
  status: FollowUpStatus;
} {
  if (!periods.length) return { expected: null, done: 0, status: 'not-applicable' };
  const expected = periods.some((p) => p.expected !== null)
    ? periods.reduce((s, p) => s + (p.expected ?? 0), 0)
    : null;
  // The last period's status is the report's verdict; earlier ones only add their counts.
  return {
    expected,
    done: periods.reduce((s, p) => s + p.done, 0),
    status: periods[periods.length - 1]!.status
  };
}

/**
 * Each measure's figures for a report's period as the public follow-up shows them today (public
 * measures, published activities), computed exactly as `buildReportContent` does, in one call.
 */
export async function liveReportFigures(
  ctx: Ctx,
  source: Pick<ReportSource, 'agreementId' | 'kind' | 'start' | 'end'>
): Promise<Map<string, ReportFigures>> {
  const followUp = await agreementFollowUp(ctx, source.agreementId, {
    period: source.kind,
    from: source.start,
    to: source.end
  });
  return new Map(
    followUp.measures.map((m) => {
      const r = combine(m.periods);
      return [m.key, { ...r, statusText: statusWords(r.status) }];
    })
  );
}

/**
 * Renders a report from the data as the public sees it (public measures, published activities):
 * the content that publishing freezes and the preview shows.
 */
export async function buildReportContent(ctx: Ctx, source: ReportSource): Promise<ReportContent> {
  const today = stockholmDate(ctx.now());
  const [view, followUp] = await Promise.all([
    getAgreementView(ctx, source.agreementId, { year: Number(source.end.slice(0, 4)) }),
    agreementFollowUp(ctx, source.agreementId, {
      period: source.kind,
      from: source.start,
      to: source.end
    })
  ]);
  const planned = new Map(
    (view.revision?.groups ?? []).flatMap((g) => g.measures).map((m) => [m.key, m])
  );
  const focusTitles = new Map(view.focusAreas.map((f) => [f.id, f.title]));
  const period = { start: source.start, end: source.end };
  const label = reportPeriodLabel(source.kind, period);
  const measures: ReportMeasure[] = followUp.measures.map((m) => {
    const r = combine(m.periods);
    return {
      key: m.key,
      title: m.title,
      group: m.group,
      targetText: m.target.text,
      targetDescription: m.targetDescription,
      responsible: planned.get(m.key)?.responsibleParty?.name ?? null,
      focusAreas: m.focusAreaIds.map((id) => focusTitles.get(id) ?? '').filter((t) => !!t),
      ...r,
      statusText: statusWords(r.status),
      comment: source.comments.get(m.key) ?? ''
    };
  });
  const place = view.municipalities.map((m) => m.officialName).join(' och ');
  return {
    format: 1,
    title: `Uppföljning av medborgarlöftena${place ? ` i ${place}` : ''}, ${label}`,
    agreement: {
      id: view.id,
      title: view.title,
      municipalities: view.municipalities.map((m) => ({
        code: m.code,
        name: m.name,
        officialName: m.officialName
      })),
      policeArea: view.policeArea?.name ?? null
    },
    period: { ...period, kind: source.kind, label },
    asOf: today < source.end ? today : source.end,
    demo: followUp.demo || view.demo,
    lead: source.lead,
    measures,
    summary: summariseReport(
      measures,
      view.focusAreas.map((f) => f.title),
      label,
      statusWords
    )
  };
}
