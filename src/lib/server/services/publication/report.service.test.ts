import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { readPdf } from '../../../../../test/support/pdf-text';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { renderReportPdf } from '../../render/publication/report-pdf';
import { renderReportSummaryPdf } from '../../render/publication/report-summary-pdf';
import { logActivity } from '../logging/activity.service';
import { getAgreementView } from '../agreements/agreement-view.service';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import {
  getReportVersion,
  latestReportVersion,
  listPublishedReports,
  type ReportVersionView
} from './report-public.service';
import {
  correctReport,
  createReport,
  getReportDraft,
  listAgreementReports,
  publishReport,
  saveReportDraft
} from './report.service';

const pdfOf = async (v: ReportVersionView) =>
  readPdf(
    await renderReportPdf({
      ...v,
      url: `http://localhost/kommuner/2417/rapporter/x/v/${v.version}`
    })
  );

describe.each(DATABASES)('follow-up reports on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let editor: Actor;
  let measureId: (key: string) => string;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = (await findNorsjoAgreementId(ctx))!;
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    const view = await getAgreementView(ctx, agreementId, { year: 2021 });
    const ids = new Map(view.revision!.groups.flatMap((g) => g.measures).map((m) => [m.key, m.id]));
    measureId = (key) => ids.get(key)!;
  });
  afterAll(() => close());

  const log = (key: string, date: string, count: number) =>
    logActivity(ctx, editor, { measureId: measureId(key), date, count });

  it('refuses those who are not editors of the agreement, and names a missing tertial', async () => {
    const reporter = (await makeUser(ctx, 'reporter', 'kommun-2417')).actor;
    const other = (await makeUser(ctx, 'editor', 'kommun-0180')).actor;
    await expect(
      createReport(ctx, reporter, agreementId, { kind: 'year', year: 2021 })
    ).rejects.toThrow(/redaktörer/);
    await expect(
      createReport(ctx, other, agreementId, { kind: 'year', year: 2021 })
    ).rejects.toThrow(/redaktörer/);
    await expect(
      createReport(ctx, editor, agreementId, { kind: 'tertial', year: 2021 })
    ).rejects.toThrow(/tertial: Välj tertial 1, 2 eller 3/);
    await expect(
      createReport(ctx, editor, agreementId, { kind: 'year', year: 2030 })
    ).rejects.toThrow(/year: Perioden ligger utanför överenskommelsen/);
  });

  it('publishes a yearly report whose web content and PDF name the measures and their counts, frozen against later activities, corrected as version 2', async () => {
    for (let month = 1; month <= 12; month++)
      await log(
        'trafikkontroller',
        `2021-${String(month).padStart(2, '0')}-15`,
        month === 7 ? 4 : 10
      );
    const { id, created } = await createReport(ctx, editor, agreementId, {
      kind: 'year',
      year: 2021
    });
    expect(created).toBe(true);
    expect((await createReport(ctx, editor, agreementId, { kind: 'year', year: 2021 })).id).toBe(
      id
    );
    await saveReportDraft(ctx, editor, agreementId, id, {
      lead: 'Polisen och kommunen har gjort mycket under året.',
      comments: { trafikkontroller: 'I juli blev det bara fyra kontroller på grund av semester.' }
    });
    const draft = await getReportDraft(ctx, editor, agreementId, id);
    const traffic = draft.preview.measures.find((m) => m.key === 'trafikkontroller')!;
    expect(traffic).toMatchObject({
      done: 114,
      expected: 120,
      status: 'missed',
      statusText: 'Ej uppfyllt'
    });
    expect(await listPublishedReports(ctx, '2417')).toEqual({ reports: [], total: 0 });

    expect(await publishReport(ctx, editor, agreementId, id)).toEqual({ version: 1 });
    const v1 = await getReportVersion(ctx, '2417', id, 1);
    expect(v1.content.title).toBe('Uppföljning av medborgarlöftena i Norsjö kommun, år 2021');
    expect(v1.content.measures.find((m) => m.key === 'trafikkontroller')?.comment).toMatch(
      /semester/
    );
    const pdf1 = await pdfOf(v1);
    expect(pdf1.tagged).toBe(true);
    expect(pdf1.info.Title).toBe(v1.content.title);
    expect(pdf1.info.Language).toBe('sv-SE');
    expect(pdf1.outline).toEqual(expect.arrayContaining(['Sammanfattning', 'Åtgärderna']));
    for (const m of v1.content.measures) expect(pdf1.text).toContain(m.title);
    expect(pdf1.text).toContain('Status: Ej uppfyllt. Gjort: 114 av 120 förväntade.');
    expect(pdf1.text).toContain(
      'Kommentar: I juli blev det bara fyra kontroller på grund av semester.'
    );

    // New activities change the live preview, never the published version.
    await log('trafikkontroller', '2021-07-20', 6);
    await log('nattvandring', '2021-06-12', 1);
    const again = await getReportVersion(ctx, '2417', id, 1);
    expect(again.content).toEqual(v1.content);
    expect((await pdfOf(again)).text).toBe(pdf1.text);
    const preview = await getReportDraft(ctx, editor, agreementId, id);
    expect(preview.preview.measures.find((m) => m.key === 'trafikkontroller')?.done).toBe(120);

    await expect(correctReport(ctx, editor, agreementId, id, { note: 'kort' })).rejects.toThrow(
      /note: Skriv vad som rättas/
    );
    expect(
      await correctReport(ctx, editor, agreementId, id, {
        note: 'Sex kontroller i juli hade inte loggats.'
      })
    ).toEqual({ version: 2 });
    const v2 = await getReportVersion(ctx, '2417', id, 2);
    expect(v2.note).toBe('Rättelse: Sex kontroller i juli hade inte loggats.');
    expect(v2.content.measures.find((m) => m.key === 'trafikkontroller')).toMatchObject({
      done: 120,
      status: 'met'
    });
    expect(v2.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await pdfOf(v2)).text).toContain('Rättelse: Sex kontroller i juli hade inte loggats.');
    expect((await getReportVersion(ctx, '2417', id, 1)).content).toEqual(v1.content);
    expect(await latestReportVersion(ctx, '2417', id)).toBe(2);

    const summary = await readPdf(
      await renderReportSummaryPdf({ ...v2, url: 'http://localhost/r' })
    );
    expect(summary.pages).toHaveLength(1);
    expect(summary.text).toContain(v2.content.summary.headline);
    expect(summary.text).toContain(`${v2.content.summary.done}`);
    expect(summary.structTypes).toEqual(expect.arrayContaining(['H1', 'Figure']));

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'report.create',
      'report.publish',
      'report.correct'
    ]);

    const listed = await listPublishedReports(ctx, '2417');
    expect(listed.total).toBe(1);
    expect(listed.reports[0]).toMatchObject({
      id,
      version: 2,
      path: `/kommuner/2417/rapporter/${id}/v/2`
    });
    expect((await listAgreementReports(ctx, editor, agreementId)).reports[0]).toMatchObject({
      id,
      publishedVersion: 2,
      label: 'år 2021'
    });
  });

  it('prints Sámi and Meänkieli letters in both PDFs, and the summary stays one small page', async () => {
    const { id } = await createReport(ctx, editor, agreementId, { kind: 'year', year: 2020 });
    const comment =
      'Kontroller vid Ŋ-bron och i Čohkkiras med Sámiid Nuorra, đ och ž i Kárášjohka.';
    await saveReportDraft(ctx, editor, agreementId, id, {
      lead: 'Sámi och Meänkieli: Ŋ, đ, č, š, ž och ŧ skrivs ut som de skrevs.',
      comments: { trafikkontroller: comment }
    });
    await publishReport(ctx, editor, agreementId, id);
    const v = await getReportVersion(ctx, '2417', id, 1);
    const pdf = await pdfOf(v);
    expect(pdf.text).toContain(`Kommentar: ${comment}`);
    for (const letters of ['Ŋ', 'đ', 'č', 'Sámi']) expect(pdf.text).toContain(letters);
    expect(pdf.text).toContain('Sámi och Meänkieli: Ŋ, đ, č, š, ž och ŧ skrivs ut som de skrevs.');
    expect(pdf.tagged).toBe(true);
    expect(pdf.outline).toEqual(expect.arrayContaining(['Sammanfattning', 'Åtgärderna']));

    const bytes = await renderReportSummaryPdf({ ...v, url: 'http://localhost/r' });
    expect(bytes.length).toBeLessThan(200_000);
    const summary = await readPdf(bytes);
    expect(summary.pages).toHaveLength(1);
    expect(summary.text).toContain('Sámi och Meänkieli: Ŋ, đ, č, š, ž och ŧ');
    expect(summary.info.Language).toBe('sv-SE');
  });

  it('keeps drafts, unknown versions and other municipalities’ addresses out of public reach', async () => {
    const { id } = await createReport(ctx, editor, agreementId, {
      kind: 'tertial',
      year: 2022,
      tertial: 1
    });
    await expect(getReportVersion(ctx, '2417', id, 1)).rejects.toThrow(/inte publicerad/);
    await publishReport(ctx, editor, agreementId, id);
    await expect(getReportVersion(ctx, '2417', id, 7)).rejects.toThrow(/ingen version 7/);
    await expect(getReportVersion(ctx, '0180', id, 1)).rejects.toThrow(/inte publicerad/);
    await expect(publishReport(ctx, editor, agreementId, id)).rejects.toThrow(/redan publicerad/);
  });
});
