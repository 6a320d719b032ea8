import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type TestServer } from '../support/http';

/**
 * Issue 13, item 7, through the public page: Norsjö's agreement shows its own period 2019–2022,
 * notes that the document also says 2019–2023, and labels the demo prolongation as demo.
 */
describe.each(DATABASES)('Norsjö’s public page is honest about its period on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  }, 180_000);
  afterAll(() => server?.close());

  it('shows 2019–2022, the document’s other years and the prolongation as demo', async () => {
    const res = await server.client().get('/kommuner/2417');
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('det här tillsammans 2019–2022');
    expect(text).not.toMatch(/tillsammans 2019–20(?!22)/);
    expect(text).toContain('Dokumentet säger också 2019–2023');
    expect(text).toMatch(
      /<span class="badge demo[^"]*">Demo<\/span> Överenskommelsen gällde 2019-01-01–2022-12-31\. I demon är den förlängd till och med \d{4}-12-31/
    );
  });
});
