import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type TestServer } from '../support/http';

describe.each(DATABASES)('the app over HTTP on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  }, 120_000);
  afterAll(() => server?.close());

  it('serves Norsjö’s public page to anyone and signs a demo editor in', async () => {
    const page = await server.client().get('/kommuner/2417');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Norsjö');

    const editor = await server.signIn('kommun@demo.loften.se');
    const account = await editor.get('/konto');
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('kommun@demo.loften.se');
  });

  it('signs in a user made for the test in another municipality', async () => {
    const other = await server.signInAs('editor', await server.orgId('2482'));
    const account = await other.get('/konto');
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(other.user.email);
  });
});
