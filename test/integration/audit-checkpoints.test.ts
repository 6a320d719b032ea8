import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type TestServer } from '../support/http';
import {
  createCheckpoint,
  parseCheckpointFile,
  recordAudit,
  verifyAudit
} from '../../src/lib/server/services/shared/audit.service';

describe.each(DATABASES)('the audit checkpoints over HTTP on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  }, 120_000);
  afterAll(() => server?.close());

  it('publishes the checkpoints to anyone: a page, the footer, JSON and Atom, without personal data', async () => {
    const anon = server.client();
    const ctx = server.ctx;
    await ctx.db.deleteFrom('audit_checkpoints').execute();
    const before = await anon.get('/granskning');
    expect(before.status).toBe(200);
    expect(await before.text()).toContain('Det finns inga kontrollpunkter än');

    await ctx.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        ctx.now(),
        {
          actorId: null,
          organisationId: null,
          action: 'measure.update',
          entity: 'measure',
          entityId: 'm1'
        },
        ctx.config.audit.key
      )
    );
    const c = (await createCheckpoint(ctx))!;
    expect(c.seq).toBeGreaterThan(0);

    const home = await (await anon.get('/kommuner')).text();
    expect(home).toContain(`Granskningskedja: nr ${c.seq}, ${c.head.slice(0, 12)}…`);
    expect(home).toContain('href="/granskning"');

    const page = await (await anon.get('/granskning')).text();
    expect(page).toContain(c.head);
    // The demo instance says its key is the public development key.
    expect(page).toContain('den offentliga utvecklingsnyckeln');

    const res = await anon.get('/granskning/kontrollpunkter.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ developmentKey: true });
    expect(body).not.toMatch(/@|demo\.loften/);
    // A saved copy of the feed is a checkpoint file, and it verifies against the chain.
    const saved = parseCheckpointFile(body);
    expect(saved[0]).toEqual(c);
    expect((await verifyAudit(ctx, { checkpoints: saved })).problems).toEqual([]);

    const atom = await anon.get('/granskning/kontrollpunkter.atom');
    expect(atom.status).toBe(200);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(await atom.text()).toContain(`Kontrollpunkt ${c.day}: post nr ${c.seq}`);
  }, 120_000);
});
