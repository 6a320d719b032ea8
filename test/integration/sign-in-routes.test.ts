import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { makeUser } from '../support/factories';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/http';

const EDITOR = 'kommun@demo.loften.se';

// Where a browser goes with this answer's Location header.
const target = (res: Response, base: string) => new URL(res.headers.get('location') ?? '', base);

describe.each(DATABASES)('signing in over HTTP on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  }, 120_000);
  afterAll(() => server?.close());

  const hostile = [
    '/%5Cevil.example',
    '//evil.example',
    '/%5C%5Cevil.example',
    '/.//evil.example',
    'https://evil.example/',
    'javascript:alert(1)'
  ];

  it('after a POST, sends the browser only to a path on this site', async () => {
    for (const next of hostile) {
      const c = server.client();
      const res = await c.postForm(`/logga-in?next=${next}`, {
        email: EDITOR,
        password: DEMO_PASSWORD
      });
      expect(res.status, next).toBe(303);
      expect(target(res, server.url).origin, next).toBe(server.url);
      expect(res.headers.get('location'), next).toBe('/');
    }
    const c = server.client();
    const res = await c.postForm('/logga-in?next=%2Fkonto%3Fflik%3D1', {
      email: EDITOR,
      password: DEMO_PASSWORD
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/konto?flik=1');
  });

  it('sends someone already signed in only to a path on this site on GET', async () => {
    const editor = await server.signIn(EDITOR);
    for (const next of hostile) {
      const res = await editor.get(`/logga-in?next=${next}`);
      expect(res.status, next).toBe(303);
      expect(target(res, server.url).origin, next).toBe(server.url);
    }
    const ok = await editor.get('/logga-in?next=/konto');
    expect(ok.headers.get('location')).toBe('/konto');
  });

  it('answers 400 with a readable page, not 500, for a tab or CR/LF in "next"', async () => {
    const editor = await server.signIn(EDITOR);
    for (const next of ['/%09/evil.example', '/konto%0D%0ASet-Cookie:%20a=b', '/%0Aevil']) {
      const signedIn = await editor.get(`/logga-in?next=${next}`);
      expect(signedIn.status, next).toBe(400);
      const body = await signedIn.text();
      expect(body).toContain('otillåtna tecken');
      expect(body).not.toMatch(/at \S+\.(ts|js):\d+/);
      expect(signedIn.headers.get('set-cookie') ?? '').not.toContain('a=b');

      const anon = server.client();
      expect((await anon.get(`/logga-in?next=${next}`)).status, next).toBe(400);
      const posted = await anon.postForm(`/logga-in?next=${next}`, {
        email: EDITOR,
        password: DEMO_PASSWORD
      });
      expect(posted.status, next).toBe(400);
      expect(anon.cookies.has('loften_session')).toBe(false);
      expect((await anon.get(`/logga-in/oidc/nagon?next=${next}`)).status, next).toBe(400);
    }
  });

  it('makes the account wait after five wrong passwords, telling how long, even for the right one', async () => {
    const u = await makeUser(server.ctx, 'viewer', await server.orgId('2417'));
    const c = server.client();
    for (let i = 0; i < 5; i++) {
      const wrong = await c.postForm('/logga-in', { email: u.email, password: 'wrong password!' });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain('Fel e-postadress eller lösenord');
    }
    const waiting = await c.postForm('/logga-in', {
      email: u.email,
      password: 'correct horse battery'
    });
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get('retry-after')).toBe('30');
    expect(await waiting.text()).toContain('Vänta 30 sekunder och försök igen');
    expect(c.cookies.has('loften_session')).toBe(false);
  });
});
