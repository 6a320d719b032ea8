import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';
import { makeUser } from '../support/factories';
import type { Actor } from '../../src/lib/server/auth/policy';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { getAgreementView } from '../../src/lib/server/services/agreements/agreement-view.service';
import {
  deleteActivity,
  logActivity
} from '../../src/lib/server/services/logging/activity.service';
import { getReportVersion } from '../../src/lib/server/services/publication/report-public.service';
import {
  createReport,
  publishReport
} from '../../src/lib/server/services/publication/report.service';

/**
 * Issue 13 item 3, through the routes: a published report's page says what changed after
 * publication (frozen against live figures per measure), and says nothing when nothing did.
 */
/** The page's HTML without Svelte's scoping classes and hydration comments, so tests read the markup. */
const markup = async (res: Response) =>
  (await res.text())
    .replace(/<!--[^>]*-->/g, '')
    .replace(/ class="([^"]*)"/g, (_, names: string) => {
      const kept = names.split(/\s+/).filter((n) => n && !/^s-[\w-]{6,}$/.test(n));
      return kept.length ? ` class="${kept.join(' ')}"` : '';
    });

describe.each(DATABASES)('report version page, changed after publication, on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let editor: Actor;
  let agreementId: string;
  let path: string;
  let reportId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    agreementId = (await findNorsjoAgreementId(server.ctx))!;
    editor = (await makeUser(server.ctx, 'editor', 'kommun-2417')).actor;
    ({ id: reportId } = await createReport(server.ctx, editor, agreementId, {
      kind: 'tertial',
      year: 2021,
      tertial: 1
    }));
    await publishReport(server.ctx, editor, agreementId, reportId);
    path = `/kommuner/2417/rapporter/${reportId}/v/1`;
  }, 120_000);
  afterAll(() => server?.close());

  it('shows no section while the live follow-up equals the published figures', async () => {
    const res = await anon.get(path);
    expect(res.status).toBe(200);
    const html = await markup(res);
    expect(html).toContain('<h1>');
    expect(html).not.toContain('Ändrat efter publicering');
  });

  it('lists the measure, published and live, after a back-dated activity; the version stays as published, and the section goes when it is deleted', async () => {
    const before = await getReportVersion(server.ctx, '2417', reportId, 1);
    const frozen = before.content.measures.find((m) => m.key === 'trafikkontroller')!;
    const view = await getAgreementView(server.ctx, agreementId, { year: 2021 });
    const measureId = view
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === 'trafikkontroller')!.id;
    const { activity } = await logActivity(server.ctx, editor, {
      measureId,
      date: '2021-02-10',
      count: 9
    });

    const html = await markup(await anon.get(path));
    expect(html).toContain('<h2 id="andrat">Ändrat efter publicering</h2>');
    expect(html).toContain('<table class="stack" role="table">');
    expect(html).toContain('<caption>Publicerat och i dag, per åtgärd</caption>');
    const section = html.slice(html.indexOf('id="andrat"'), html.indexOf('</section>'));
    expect(section).toContain(frozen.title);
    expect(section).toContain(`data-label="Gjort, publicerat">${frozen.done}</td>`);
    expect(section).toContain(`data-label="Gjort i dag">${frozen.done + 9}</td>`);
    expect(section).toContain(`data-label="Status, publicerat">${frozen.statusText}</td>`);
    expect(section).toMatch(/data-label="Status i dag">[^<]+<\/td>/);
    expect((await getReportVersion(server.ctx, '2417', reportId, 1)).content).toEqual(
      before.content
    );

    await deleteActivity(server.ctx, editor, activity.id);
    expect(await markup(await anon.get(path))).not.toContain('Ändrat efter publicering');
  });
});
