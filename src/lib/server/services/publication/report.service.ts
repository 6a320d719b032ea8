import { z } from 'zod';
import { reportPeriod, reportPeriodLabel, REPORT_KINDS, shortText } from '../../../core/report';
import { changerId, type Changer } from '../../auth/policy';
import { newId, type Ctx } from '../../context';
import {
  agreementMunicipalityIds,
  findAgreement,
  loadAgreementHead
} from '../../db/repositories/agreements/agreement.repository';
import {
  commentsOf,
  findReport,
  findReportForPeriod,
  insertReport,
  insertVersion,
  listReportRows,
  listVersions,
  saveComment,
  updateReport
} from '../../db/repositories/publication/report.repository';
import type { ReportTable } from '../../db/schema';
import { assertCanEdit } from '../agreements/agreement.service';
import { assertMayActInMunicipality } from '../agreements/agreement-consent.service';
import { recordAudit } from '../shared/audit.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { NotFoundError, ValidationError } from '../shared/errors';
import { buildReportContent } from './report-content.service';
import { parseInput } from '../shared/validation';

const createInput = z
  .object({
    kind: z.enum(REPORT_KINDS, { message: 'Välj tertial, år eller hela avtalsperioden.' }),
    year: z.coerce
      .number({ message: 'Skriv ett år med fyra siffror, till exempel 2025.' })
      .int({ message: 'Skriv ett år med fyra siffror, till exempel 2025.' })
      .min(2000, { message: 'Skriv ett år med fyra siffror, till exempel 2025.' })
      .max(2100, { message: 'Skriv ett år med fyra siffror, till exempel 2025.' })
      .optional(),
    tertial: z.coerce
      .number()
      .int()
      .min(1, { message: 'Välj tertial 1, 2 eller 3.' })
      .max(3, { message: 'Välj tertial 1, 2 eller 3.' })
      .optional()
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'agreement' && v.year === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['year'],
        message: 'Skriv vilket år rapporten gäller.'
      });
    if (v.kind === 'tertial' && v.tertial === undefined)
      ctx.addIssue({ code: 'custom', path: ['tertial'], message: 'Välj tertial 1, 2 eller 3.' });
  });

/** Starts a draft report of an agreement for a period (or finds the one already started). Editors may. */
export async function createReport(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown
): Promise<{ id: string; created: boolean }> {
  await assertMayActInMunicipality(ctx, actor, agreementId);
  const v = parseInput(createInput, input);
  const agreement = (await findAgreement(ctx.db, agreementId))!;
  const span = { start: agreement.period_start, end: agreement.period_end };
  const range = reportPeriod(v.kind, span, v.year, v.tertial as 1 | 2 | 3 | undefined);
  if (!range)
    throw new ValidationError([
      {
        field: 'year',
        message: `Perioden ligger utanför överenskommelsen (${span.start} – ${span.end}). Välj ett år inom den.`
      }
    ]);
  if (range.start > stockholmDate(ctx.now()))
    throw new ValidationError([
      { field: 'year', message: 'Perioden har inte börjat än. Välj en period som har börjat.' }
    ]);
  const existing = await findReportForPeriod(ctx.db, agreementId, v.kind, range.start);
  if (existing) return { id: existing.id, created: false };
  const at = ctx.now().toISOString();
  const row: ReportTable = {
    id: newId(),
    agreement_id: agreementId,
    period_kind: v.kind,
    period_start: range.start,
    period_end: range.end,
    lead: '',
    published_version: 0,
    created_at: at,
    created_by: changerId(actor),
    updated_at: at
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertReport(trx, row);
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: (await agreementMunicipalityIds(trx, agreementId))[0] ?? null,
      action: 'report.create',
      entity: 'report',
      entityId: row.id,
      after: { agreementId, kind: v.kind, start: range.start, end: range.end }
    });
  });
  return { id: row.id, created: true };
}

/** The agreement a report page is about: its title and the municipality code of its public pages. */
async function agreementRef(ctx: Ctx, agreementId: string) {
  const agreement = (await findAgreement(ctx.db, agreementId))!;
  const { municipalities } = await loadAgreementHead(ctx.db, agreementId);
  return {
    id: agreement.id,
    title: agreement.title,
    code: municipalities[0]?.code ?? null,
    period: { start: agreement.period_start, end: agreement.period_end }
  };
}

/** The agreement's title, period and public municipality code, for its editors' report and news pages. */
export async function editableAgreementRef(ctx: Ctx, actor: Changer, agreementId: string) {
  await assertCanEdit(ctx, actor, agreementId);
  return agreementRef(ctx, agreementId);
}

/** An agreement's reports for its editors: drafts and published ones with their newest version. */
export async function listAgreementReports(ctx: Ctx, actor: Changer, agreementId: string) {
  await assertCanEdit(ctx, actor, agreementId);
  const rows = await listReportRows(ctx.db, agreementId);
  return {
    agreement: await agreementRef(ctx, agreementId),
    reports: rows.map((r) => ({
      id: r.id,
      kind: r.period_kind,
      period: { start: r.period_start, end: r.period_end },
      label: reportPeriodLabel(r.period_kind, { start: r.period_start, end: r.period_end }),
      publishedVersion: r.published_version,
      title: r.title,
      publishedAt: r.published_at,
      updatedAt: r.updated_at
    }))
  };
}

/** A report the actor may edit, or NotFound when it belongs to another agreement. */
async function editableReport(ctx: Ctx, actor: Changer, agreementId: string, reportId: string) {
  const report = await findReport(ctx.db, reportId);
  if (!report || report.agreement_id !== agreementId)
    throw new NotFoundError('Rapporten finns inte.');
  await assertCanEdit(ctx, actor, agreementId);
  return report;
}

/** A report's source with the commentary as saved. */
async function sourceOf(ctx: Ctx, report: ReportTable) {
  const comments = await commentsOf(ctx.db, report.id);
  return {
    agreementId: report.agreement_id,
    kind: report.period_kind,
    start: report.period_start,
    end: report.period_end,
    lead: report.lead,
    comments: new Map(comments.map((c) => [c.measure_key, c.body]))
  };
}

/** A report for its editors: the live preview of what publishing would freeze, and its versions. */
export async function getReportDraft(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  reportId: string
) {
  const report = await editableReport(ctx, actor, agreementId, reportId);
  const [preview, versions] = await Promise.all([
    buildReportContent(ctx, await sourceOf(ctx, report)),
    listVersions(ctx.db, reportId)
  ]);
  return {
    id: report.id,
    agreement: await agreementRef(ctx, agreementId),
    kind: report.period_kind,
    publishedVersion: report.published_version,
    preview,
    versions: versions.map((v) => ({
      version: v.version,
      note: v.note,
      publishedAt: v.published_at
    }))
  };
}

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${what} får vara högst ${max} tecken. Korta texten.` });
const draftInput = z.object({
  lead: text(1500, 'Inledningen'),
  comments: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,80}$/), text(2000, 'Kommentaren'))
});

/** Saves a report's lead text and commentary per measure (an empty commentary removes it). */
export async function saveReportDraft(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  reportId: string,
  input: unknown
): Promise<void> {
  const report = await editableReport(ctx, actor, agreementId, reportId);
  const r = draftInput.safeParse(input);
  if (!r.success)
    throw new ValidationError(
      r.error.issues.map((i) => ({
        field: i.path[0] === 'comments' ? `comment-${String(i.path[1])}` : String(i.path[0]),
        message: i.message
      }))
    );
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateReport(trx, report.id, { lead: r.data.lead, updated_at: at });
    for (const [key, body] of Object.entries(r.data.comments))
      await saveComment(trx, {
        report_id: report.id,
        measure_key: key,
        body,
        at,
        by: changerId(actor)
      });
  });
}

const correctionInput = z.object({
  note: z
    .string()
    .trim()
    .min(10, {
      message:
        'Skriv vad som rättas, minst 10 tecken, till exempel "Antalet trafikkontroller i mars var fel".'
    })
    .max(500, { message: 'Rättelsen får vara högst 500 tecken.' })
});

/** Publishes a report's first version: the content is frozen as it is now. */
export async function publishReport(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  reportId: string
): Promise<{ version: number }> {
  const report = await editableReport(ctx, actor, agreementId, reportId);
  if (report.published_version > 0)
    throw new ValidationError([
      { field: 'note', message: 'Rapporten är redan publicerad. Gör en rättelse i stället.' }
    ]);
  return freeze(ctx, actor, report, null);
}

/** Publishes a corrected version with a note saying what was corrected; earlier versions stay readable. */
export async function correctReport(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  reportId: string,
  input: unknown
): Promise<{ version: number }> {
  const report = await editableReport(ctx, actor, agreementId, reportId);
  const { note } = parseInput(correctionInput, input);
  if (report.published_version === 0)
    throw new ValidationError([
      { field: 'note', message: 'Rapporten är inte publicerad än. Publicera den först.' }
    ]);
  const words = note.replace(/^rättelse:\s*/i, '');
  return freeze(ctx, actor, report, `Rättelse: ${words}`);
}

/** Renders the report now and stores it as the next version, with an audit entry, in one transaction. */
async function freeze(
  ctx: Ctx,
  actor: Changer,
  report: ReportTable,
  note: string | null
): Promise<{ version: number }> {
  const agreement = (await findAgreement(ctx.db, report.agreement_id))!;
  if (agreement.status === 'draft')
    throw new ValidationError([
      {
        field: 'note',
        message:
          'Överenskommelsen är ett utkast och syns inte för allmänheten. Publicera den först.'
      }
    ]);
  const content = await buildReportContent(ctx, await sourceOf(ctx, report));
  const version = report.published_version + 1;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // The unique (report, version) pair makes a second publisher of the same number fail here.
    await insertVersion(trx, {
      id: newId(),
      report_id: report.id,
      version,
      title: content.title,
      // Lists and the feed show only this line, so it carries the demo label too.
      summary: shortText(
        `${content.demo ? 'Demo, påhittade uppgifter: ' : ''}${content.summary.headline}.` +
          (content.lead ? ` ${content.lead}` : ''),
        280
      ),
      content_json: JSON.stringify(content),
      note,
      published_at: at,
      published_by: changerId(actor)
    });
    await updateReport(trx, report.id, { published_version: version, updated_at: at });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: (await agreementMunicipalityIds(trx, report.agreement_id))[0] ?? null,
      action: note ? 'report.correct' : 'report.publish',
      entity: 'report',
      entityId: report.id,
      after: {
        version,
        note,
        measures: content.measures.length,
        headline: content.summary.headline
      }
    });
  });
  return { version };
}
