import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';
import { SYSTEM } from '../../src/lib/server/auth/policy';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import {
  createReport,
  publishReport
} from '../../src/lib/server/services/publication/report.service';

/**
 * Issue 17 item 11: with ?lang=en the public municipality page, agreement page and report page
 * have English headings (marked lang="en"), while the agreement's own texts stay Swedish.
 */
describe.each(DATABASES)('English headings on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let agreementId: string;
  let reportId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    agreementId = (await findNorsjoAgreementId(server.ctx))!;
    ({ id: reportId } = await createReport(server.ctx, SYSTEM, agreementId, {
      kind: 'year',
      year: 2020
    }));
    await publishReport(server.ctx, SYSTEM, agreementId, reportId);
  }, 180_000);
  afterAll(() => server?.close());

  const h2s = async (path: string) =>
    [...(await (await anon.get(path)).text()).matchAll(/<h2[^>]*>([^<]*)/g)].map((m) =>
      m[1]!.trim()
    );

  it('translates the municipality page’s headings, and keeps them Swedish by default', async () => {
    expect(await h2s('/kommuner/2417?lang=en')).toEqual(
      expect.arrayContaining(['What we have promised', 'Effects we want to achieve', 'Contact'])
    );
    const en = await (await anon.get('/kommuner/2417?lang=en')).text();
    expect(en).toMatch(/<h2 id="lofte" lang="en"[^>]*>What we have promised</);
    expect(await h2s('/kommuner/2417?lang=sv')).toEqual(
      expect.arrayContaining(['Det här har vi lovat', 'Kontakt'])
    );
  });

  it('writes the municipality page’s and the report page’s charts in English when asked', async () => {
    const chart = (html: string) => /<svg role="img"[\s\S]*?<\/svg>/.exec(html)![0];
    const page = await (await anon.get('/kommuner/2417?lang=en')).text();
    const svg = chart(page);
    expect(svg).toContain('aria-label="Bar chart: share of measure-years that met their target');
    expect(svg).toMatch(/\d+ % \(\d+ of \d+\)/);
    expect(svg).not.toMatch(/\bav\b|Stapeldiagram|procent|bedömt/);
    expect(page).toContain('This counts the public measures');
    expect(page).toMatch(/\d+ per cent \(\d+ of \d+ measure-years judged\)/);
    const report = chart(
      await (await anon.get(`/kommuner/2417/rapporter/${reportId}/v/1?lang=en`)).text()
    );
    expect(report).toContain('aria-label="Bar chart: share of measures that met their target');
    expect(report).toMatch(/\d+ % \(\d+ of \d+\)/);
    expect(report).not.toMatch(/\bav\b|Stapeldiagram|höll målet/);
    const swedish = chart(await (await anon.get('/kommuner/2417?lang=sv')).text());
    expect(swedish).toMatch(/aria-label="Stapeldiagram: [^"]*\d+ procent/);
    expect(swedish).toMatch(/\d+ % \(\d+ av \d+\)/);
  });

  it('translates the agreement page’s headings and status words', async () => {
    const page = await (await anon.get(`/avtal/${agreementId}?lang=en`)).text();
    expect(page).toContain('Joint picture of the situation');
    expect(page).toContain('Implementation plan');
    expect(page).toContain('signed and published');
    expect(page).not.toContain('Gemensam lägesbild</h2>');
  });

  it('translates the report page’s headings and column names', async () => {
    const page = await (await anon.get(`/kommuner/2417/rapporter/${reportId}/v/1?lang=en`)).text();
    expect(page).toMatch(/<h2[^>]*lang="en"[^>]*>Summary</);
    expect(page).toMatch(/<h2[^>]*lang="en"[^>]*>The measures</);
    expect(page).toMatch(/<th[^>]*lang="en"[^>]*>Comment</);
    expect(page).toMatch(/class="status-quiet[^"]*">Quiet</);
    expect(page).toContain('data-label="Target"');
  });
});
