import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReporters } from '../../scripts/reliability/fixtures';
import { actorFor } from '../../src/lib/server/services/accounts/auth.service';
import { findUserIdByEmail } from '../../src/lib/server/services/accounts/user.service';
import { planWalk, walkableMeasures } from '../../src/lib/server/services/walks/walk.service';
import { discoverHints, ownActivities } from '../../scripts/reliability/fuzz/hints';
import { formatResult, runFuzz, type OperationResult } from '../../scripts/reliability/fuzz/run';
import { DATABASES } from '../support/databases';
import { startTestServer, type TestServer } from '../support/http';

/**
 * Issue 15 item 6, the small version of `npm run fuzz`: every operation of the OpenAPI document
 * the server serves gets 30 generated requests (fixed seed), valid and invalid, anonymous and
 * with a reporter's token; no answer is a 5xx and every answer is what the document declares.
 */
describe.each(DATABASES)('fuzzing the API from its OpenAPI document on $kind', ({ kind }) => {
  let server: TestServer;
  let results: OperationResult[];
  let token: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const { reporters, measures, agreementId } = await makeReporters(server.ctx, 1);
    token = reporters[0]!.token;
    // A walk to come in Norsjö, planned by its editor, for the walk endpoints to reach.
    const editor = await actorFor(
      server.ctx,
      (await findUserIdByEmail(server.ctx, 'kommun@demo.loften.se'))!
    );
    const { measures: walkable } = await walkableMeasures(server.ctx, editor, agreementId);
    await planWalk(server.ctx, editor, agreementId, {
      measureKey: walkable[0]!.key,
      kind: 'trygghetsvandring',
      area: 'Centrum',
      meetingPoint: 'Torget',
      date: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      startTime: '18:00',
      endTime: '20:00',
      invitedGroups: 'Boende'
    });
    const walks = await server.ctx.db.selectFrom('walks').select('id').execute();
    const hints = await discoverHints(server.url, token, {
      measureId: measures.map((m) => m.id),
      'walks.id': walks.map((w) => w.id),
      'activities.id': await ownActivities(server.url, token, measures)
    });
    results = await runFuzz({ baseUrl: server.url, runs: 30, seed: 20261204, token, hints });
  }, 240_000);
  afterAll(() => server?.close());

  it('covers every operation of the document, each with its 30 requests', () => {
    expect(results.length).toBeGreaterThanOrEqual(20);
    for (const r of results) expect(r.requests, r.id).toBeGreaterThanOrEqual(30);
    const ids = results.map((r) => r.id);
    for (const id of ['logActivity', 'updateActivity', 'recordWalkObservation', 'getFollowUp'])
      expect(ids).toContain(id);
  });

  it('never answers 5xx, and every answer matches the document', () => {
    const failures = results.filter((r) => r.failure).map(formatResult);
    expect(failures).toEqual([]);
  });

  it('reaches the services: valid writes with the token succeed, bad ones are refused', () => {
    const statuses = (id: string) => results.find((r) => r.id === id)!.statuses;
    expect(statuses('logActivity')['201'] ?? 0).toBeGreaterThan(0);
    expect(statuses('logActivity')['400'] ?? 0).toBeGreaterThan(0);
    expect(statuses('logActivity')['401'] ?? 0).toBeGreaterThan(0);
    expect(statuses('updateActivity')['200'] ?? 0).toBeGreaterThan(0);
    expect(statuses('getAgreement')['200'] ?? 0).toBeGreaterThan(0);
    expect(statuses('getAgreement')['404'] ?? 0).toBeGreaterThan(0);
    expect(statuses('recordWalkObservation')['201'] ?? 0).toBeGreaterThan(0);
    expect(statuses('listWalkObservations')['200'] ?? 0).toBeGreaterThan(0);
  });

  it('answers a NUL character in an id or a parameter as not found or invalid, never 500', async () => {
    // What the fuzzer found on PostgreSQL, which refuses text with U+0000.
    const api = server.client();
    const list = await api.json('GET', '/api/v1/activities?agreementId=%00', undefined, token);
    expect(list.status).toBe(400);
    expect(await list.json()).toMatchObject({ fields: [{ field: 'agreementId' }] });
    for (const [method, path] of [
      ['DELETE', '/api/v1/activities/%00'],
      ['PATCH', '/api/v1/activities/a%00b'],
      ['POST', '/api/v1/activities/%00/restore']
    ] as const) {
      const res = await api.json(
        method,
        path,
        method === 'PATCH' ? { count: 2 } : undefined,
        token
      );
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });
});

describe.each(DATABASES)('a NUL character from outside on $kind', ({ kind }) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    token = (await makeReporters(server.ctx, 1)).reporters[0]!.token;
  });
  afterAll(() => server?.close());

  it('answers a NUL in a JSON body, a form or a page address as 400 or 404, and others are served meanwhile', async () => {
    const api = server.client();
    const [measure] = await server.ctx.db.selectFrom('measures').select('id').limit(1).execute();
    // Lookups that arrive together go as one query (db/coalesce.ts): a NUL beside good requests
    // must fail only its own.
    const [bad, ...good] = await Promise.all([
      api.json('POST', '/api/v1/activities', { measureId: 'a\u0000b', count: 1 }, token),
      ...[1, 2, 3].map(() => api.json('GET', `/api/v1/agreements`, undefined, token))
    ]);
    expect(bad!.status).toBe(400);
    expect(await bad!.json()).toMatchObject({ fields: [{ field: 'measureId' }] });
    for (const res of good) expect(res.status).toBe(200);
    const note = await api.json(
      'POST',
      '/api/v1/activities',
      { measureId: measure!.id, count: 1, note: 'x\u0000' },
      token
    );
    expect(note.status).toBe(400);
    expect(await note.json()).toMatchObject({ fields: [{ field: 'note' }] });
    const page = await api.get('/enkat/a%00b');
    expect(page.status).toBe(404);
    expect(await page.text()).not.toMatch(/at .+\.js:\d+/);
    const apiPath = await api.json('GET', '/api/v1/agreements/a%00b', undefined, token);
    expect(apiPath.status).toBe(404);
    const form = await api.postForm('/logga-in', {
      email: 'x\u0000@demo.loften.se',
      password: 'x'
    });
    expect(form.status).toBeLessThan(500);
  });
});
