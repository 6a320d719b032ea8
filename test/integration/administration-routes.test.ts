import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/http';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp';

const ADMIN = 'admin@demo.loften.se';
const NEW_PASSWORD = 'Malå har en lång mening som lösenord';

/** Every row of a table, to prove that a refused call changed nothing. */
const snapshot = async (server: TestServer) =>
  JSON.stringify([
    await server.ctx.db.selectFrom('users').selectAll().orderBy('id').execute(),
    await server.ctx.db.selectFrom('memberships').selectAll().orderBy('user_id').execute(),
    await server.ctx.db.selectFrom('one_time_logins').select('user_id').execute(),
    await server.ctx.db.selectFrom('oidc_providers').selectAll().execute()
  ]);

describe.each(DATABASES)('administration over HTTP on $kind', ({ kind }) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer(kind, {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'loften@example.se' }
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('a Skellefteå editor cannot reach the administration pages, and nothing changes', async () => {
    const editor = await server.signInAs('editor', await server.orgId('2482'));
    const before = await snapshot(server);
    for (const path of ['/admin', '/admin/inloggning']) {
      const res = await editor.get(path);
      expect(res.status, path).toBe(403);
      expect(await res.text()).not.toContain('Bjud in en person');
    }
    const posts: [string, Record<string, string>][] = [
      [
        '/admin?/invite',
        { email: 'smyg@mala.se', name: 'Smyg', organisation: '2418', role: 'admin' }
      ],
      ['/admin?/role', { email: editor.user.email, organisation: '2482', role: 'admin' }],
      ['/admin?/deactivate', { userId: editor.user.id }],
      [
        '/admin/inloggning?/configure',
        {
          organisation: '2482',
          name: 'Smyg',
          issuer: 'https://evil.example',
          clientId: 'x',
          clientSecret: 'y',
          enabled: 'on'
        }
      ]
    ];
    for (const [path, form] of posts) {
      const res = await editor.postForm(path, form);
      expect(res.status, path).toBe(403);
      await res.arrayBuffer();
    }
    expect(await snapshot(server)).toBe(before);
    expect(smtp.received.filter((m) => m.to.includes('smyg@mala.se'))).toEqual([]);
    const anon = await server.client().get('/admin');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/logga-in/);
  });

  it('an admin invites an editor for Malå; the mailed one-time link signs in, a password is set, and deactivation ends the session and API key', async () => {
    const admin = await server.signIn(ADMIN, DEMO_PASSWORD);
    const page = await admin.get('/admin');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<label for="invite-email">E-postadress</label>');

    // Bad input: a summary naming the fields, no 500.
    const bad = await admin.postForm('/admin?/invite', {
      email: 'inte en adress',
      name: '',
      organisation: '2418',
      role: 'editor'
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#invite-email"');
    expect(badHtml).toContain('href="#invite-name"');

    const res = await admin.postForm('/admin?/invite', {
      email: 'maja@mala.se',
      name: 'Maja Malå',
      organisation: '2418',
      role: 'editor'
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('maja@mala.se är inbjuden som redaktör i Malå kommun');
    const mail = smtp.received.find((m) => m.to.includes('maja@mala.se'));
    expect(mail?.subject).toBe('Inbjudan till Löften för Malå kommun');
    const link = mail!.text.match(/http:\/\/127\.0\.0\.1:\d+\/logga-in\/engang\/[\w-]+/)?.[0];
    expect(link, 'the link uses the configured public address').toBeTruthy();
    expect(new URL(link!).origin).toBe(server.url);

    const maja = server.client();
    const opened = await maja.get(new URL(link!).pathname);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/konto?forsta=1');
    const again = await server.client().get(new URL(link!).pathname);
    expect(again.status).toBe(410);
    await again.arrayBuffer();
    const pw = await maja.postForm('/konto?/password', {
      next: NEW_PASSWORD,
      repeat: NEW_PASSWORD
    });
    expect(pw.status).toBe(200);
    await pw.arrayBuffer();

    const signedIn = await server.signIn('maja@mala.se', NEW_PASSWORD);
    const user = await server.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'maja@mala.se')
      .executeTakeFirstOrThrow();
    expect(
      await server.ctx.db
        .selectFrom('memberships')
        .select(['organisation_id', 'role'])
        .where('user_id', '=', user.id)
        .execute()
    ).toEqual([{ organisation_id: await server.orgId('2418'), role: 'editor' }]);
    // An editor, not an admin: the administration stays closed to her.
    const closed = await signedIn.get('/admin');
    expect(closed.status).toBe(403);
    await closed.arrayBuffer();

    const tokenPage = await signedIn.postForm('/konto?/createToken', { name: 'robot' });
    const token = (await tokenPage.text()).match(/<code>([^<…]{20,})<\/code>/)?.[1];
    expect(token).toBeTruthy();
    const ok = await signedIn.json('GET', '/api/v1/health', undefined, token);
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();

    const off = await admin.postForm('/admin?/deactivate', { userId: user.id });
    expect(off.status).toBe(200);
    expect(await off.text()).toContain('Kontot är avstängt');
    const after = await signedIn.get('/konto');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/logga-in/);
    const refused = await server.client().json('GET', '/api/v1/health', undefined, token);
    expect(refused.status).toBe(401);
    await refused.arrayBuffer();
    const retry = await server.client().postForm('/logga-in', {
      email: 'maja@mala.se',
      password: NEW_PASSWORD
    });
    expect(retry.status).not.toBe(303);
    await retry.arrayBuffer();

    const adminId = (
      await server.ctx.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', ADMIN)
        .executeTakeFirstOrThrow()
    ).id;
    const audited = await server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', user.id)
      .where('actor_id', '=', adminId)
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual([
      'membership.set',
      'user.create',
      'user.disable',
      'user.invite'
    ]);
  }, 120_000);
});
