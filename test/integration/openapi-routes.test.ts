import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import {
  listRevisions,
  loadRevisionContent
} from '../../src/lib/server/db/repositories/agreements/plan.repository';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';
import { documentedAnswer, schemaChecker } from '../support/openapi';

/**
 * Issue 12 item 6 and issue 16 item 11, through the routes: the OpenAPI document is served as
 * JSON and as a readable page, and what the API really answers (status and body) is what the
 * document says for that operation.
 */
describe.each(DATABASES)('the API contract over HTTP on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  const check = schemaChecker();

  /** Asserts the answer's status is documented for the operation and its body fits the schema. */
  async function answers(res: Response, method: string, path: string, status: number) {
    expect(res.status, `${method} ${path}`).toBe(status);
    const schema = documentedAnswer(method, path, status);
    const text = await res.text();
    if (schema === null) {
      expect(text).toBe('');
      return null;
    }
    const body = JSON.parse(text) as unknown;
    if (schema !== 'object') expect(check(schema, body), `${method} ${path} ${status}`).toEqual([]);
    return body as Record<string, unknown>;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
  }, 180_000);
  afterAll(() => server?.close());

  it('serves the document as JSON, exactly as generated', async () => {
    const res = await anon.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it('shows it at /api as a readable HTML page, with no script and nothing from elsewhere', async () => {
    const res = await anon.get('/api', { accept: 'text/html' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<h1>API för medborgarlöften</h1>');
    for (const [path, item] of Object.entries(openApiDocument.paths))
      for (const method of Object.keys(item))
        expect(html, `${method} ${path}`).toContain(`<code>${method.toUpperCase()} ${path}</code>`);
    expect(html).toContain('id="schema-Activity"');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it('answers the activity operations as documented, from logging to restoring', async () => {
    const editor = await server.signIn('kommun@demo.loften.se');
    const id = (await findNorsjoAgreementId(server.ctx))!;
    const revisions = await listRevisions(server.ctx.db, id);
    const content = await loadRevisionContent(server.ctx.db, revisions.at(-1)!.id);

    // Without a token or a session: 401, as documented.
    await answers(
      await anon.json('POST', '/api/v1/activities', { measureId: 'x' }),
      'POST',
      '/api/v1/activities',
      401
    );
    // A token that is unknown: refused before any route runs, for open data too.
    await answers(
      await anon.json('GET', '/api/v1/agreements', undefined, 'okand-nyckel'),
      'GET',
      '/api/v1/agreements',
      401
    );
    const invalid = await answers(
      await editor.json('POST', '/api/v1/activities', {
        measureId: content.measures[0]!.id,
        count: 0
      }),
      'POST',
      '/api/v1/activities',
      400
    );
    expect(invalid).toMatchObject({ fields: [expect.objectContaining({ field: 'count' })] });

    let logged: Record<string, unknown> | null = null;
    for (const m of content.measures) {
      const res = await editor.json('POST', '/api/v1/activities', {
        measureId: m.id,
        date: '2026-03-02',
        count: 2,
        shifts: 1,
        place: 'Torget',
        idempotencyKey: `openapi-${m.id}`
      });
      if (res.status === 400) continue;
      logged = await answers(res, 'POST', '/api/v1/activities', 201);
      break;
    }
    expect(logged).not.toBeNull();
    const path = `/api/v1/activities/${String(logged!.id)}`;
    const changed = await answers(
      await editor.json('PATCH', path, { count: 3 }),
      'PATCH',
      '/api/v1/activities/{id}',
      200
    );
    expect(changed).toMatchObject({ count: 3 });
    await answers(
      await anon.json('PATCH', path, { count: 4 }),
      'PATCH',
      '/api/v1/activities/{id}',
      401
    );
    await answers(await editor.json('DELETE', path), 'DELETE', '/api/v1/activities/{id}', 204);
    await answers(await editor.json('DELETE', path), 'DELETE', '/api/v1/activities/{id}', 404);
    await answers(
      await editor.json('POST', `${path}/restore`),
      'POST',
      '/api/v1/activities/{id}/restore',
      204
    );
    const page = await answers(
      await editor.get(`/api/v1/activities?agreementId=${id}&pageSize=5`),
      'GET',
      '/api/v1/activities',
      200
    );
    expect((page!.items as unknown[]).length).toBeGreaterThan(0);
    await answers(
      await anon.get(`/api/v1/activities?agreementId=${id}&includeDeleted=true`),
      'GET',
      '/api/v1/activities',
      403
    );
    await answers(
      await anon.get('/api/v1/activities?agreementId=finns-inte'),
      'GET',
      '/api/v1/activities',
      404
    );
  }, 60_000);

  it('answers the widget, the open data and a preflight as documented', async () => {
    const widget = await answers(
      await anon.get('/api/v1/widget/2417'),
      'GET',
      '/api/v1/widget/{code}',
      200
    );
    expect(widget).toMatchObject({ municipality: { code: '2417', name: 'Norsjö' } });
    await answers(await anon.get('/api/v1/widget/9999'), 'GET', '/api/v1/widget/{code}', 404);
    await answers(await anon.get('/api/v1/agreements'), 'GET', '/api/v1/agreements', 200);
    await answers(
      await anon.get('/api/v1/agreements/finns-inte'),
      'GET',
      '/api/v1/agreements/{id}',
      404
    );
    await answers(
      await anon.fetch('/api/v1/agreements', { method: 'OPTIONS' }),
      'OPTIONS',
      '/api/v1/agreements',
      204
    );
    await answers(await anon.get('/api/v1/health'), 'GET', '/api/v1/health', 200);
  });

  it('answers an unknown path and a wrong method with the JSON the introduction describes', async () => {
    const unknown = await anon.get('/api/v1/finns-inte');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not-found' });
    const wrong = await anon.json('PUT', '/api/v1/agreements', {});
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toMatchObject({ error: 'method-not-allowed' });
  });
});
