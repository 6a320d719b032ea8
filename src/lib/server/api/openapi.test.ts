import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../../../test/support/databases';
import { openNorsjoDemo } from '../../../../test/support/factories';
import { schemaChecker } from '../../../../test/support/openapi';
import { SYSTEM } from '../auth/policy';
import type { Ctx } from '../context';
import { listRevisions, loadRevisionContent } from '../db/repositories/agreements/plan.repository';
import { apiFailure } from '../http';
import { editInput, logActivity, logInput } from '../services/logging/activity.service';
import { listActivities, listInput } from '../services/logging/activity-list.service';
import { apiError } from '../services/publication/http-errors';
import { widgetSummary } from '../services/publication/widget.service';
import {
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError
} from '../services/shared/errors';
import { openApiDocument } from './openapi';
import { HTTP_METHODS, type OpenApiDocument, type Parameter } from './openapi-types';
import { ANNOTATION_KEYS, inputSchema } from './openapi-zod';
import { observationsGeoJsonSchema } from '../../core/walks';
import { OBSERVATION_FEATURE_PROPERTIES } from '../services/walks/walk-public.service';

const ROUTES = join(process.cwd(), 'src/routes/api/v1');
const EXPORT =
  /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|fallback)\b/g;

/** Every `+server.ts` under src/routes/api/v1 with the methods it exports. */
function routeFiles(dir = ROUTES): { route: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return routeFiles(path);
    if (e.name !== '+server.ts') return [];
    const route = relative(join(ROUTES, '..', '..'), dir)
      .split(sep)
      .join('/');
    const methods = [...readFileSync(path, 'utf8').matchAll(EXPORT)].map((m) => m[1]!);
    return [{ route: `/${route}`, methods }];
  });
}

/** `/api/v1/activities/[id]` → `/api/v1/activities/{id}`; null for a catch-all (`[...rest]`). */
const openApiPath = (route: string): string | null =>
  route.includes('[...') ? null : route.replace(/\[(\w+)\]/g, '{$1}');

/**
 * What the document leaves out: `METHOD path` for every exported method with no operation,
 * and every operation with no route behind it. A catch-all's `fallback` (unknown paths, wrong
 * methods) must be described in the document's introduction.
 */
function undocumented(routes: { route: string; methods: string[] }[], doc: OpenApiDocument) {
  const missing: string[] = [];
  const served = new Set<string>();
  for (const { route, methods } of routes) {
    const path = openApiPath(route);
    for (const method of methods) {
      if (path === null || method === 'fallback') {
        for (const word of ['404', '"not-found"', '405', '"method-not-allowed"'])
          if (!doc.info.description.includes(word))
            missing.push(`${method} ${route} (the introduction lacks ${word})`);
        continue;
      }
      const m = method.toLowerCase() as (typeof HTTP_METHODS)[number];
      served.add(`${m} ${path}`);
      if (!doc.paths[path]?.[m]) missing.push(`${method} ${path}`);
    }
  }
  for (const [path, item] of Object.entries(doc.paths))
    for (const m of HTTP_METHODS)
      if (item[m] && !served.has(`${m} ${path}`)) missing.push(`no route for ${m} ${path}`);
  return missing;
}

/** The document after a JSON round trip, as a client receives it. */
const served = (): OpenApiDocument => JSON.parse(JSON.stringify(openApiDocument));

describe('the OpenAPI document covers every /api/v1 route', () => {
  it('has an operation for every method every route file exports, and nothing more', () => {
    const routes = routeFiles();
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining(['/api/v1/activities', '/api/v1/widget/[code]'])
    );
    expect(undocumented(routes, served())).toEqual([]);
  });

  it('notices a route the document lacks, and an operation without a route', () => {
    const doc = served();
    delete doc.paths['/api/v1/activities/{id}']!.delete;
    doc.paths['/api/v1/health']!.post = doc.paths['/api/v1/health']!.get;
    doc.info.description = 'Nothing about unknown paths.';
    expect(undocumented(routeFiles(), doc)).toEqual(
      expect.arrayContaining([
        'DELETE /api/v1/activities/{id}',
        'no route for post /api/v1/health',
        'fallback /api/v1/[...rest] (the introduction lacks "method-not-allowed")'
      ])
    );
  });

  it('reads the methods of a route file, however they are exported', () => {
    const src =
      'export const GET = x;\nexport async function POST() {}\nexport const fallback = y;';
    expect([...src.matchAll(EXPORT)].map((m) => m[1])).toEqual(['GET', 'POST', 'fallback']);
  });
});

describe('the OpenAPI document passes the Redocly linter’s recommended rules', () => {
  const lint = async (doc: unknown) => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config
    });
    return problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`
    );
  };

  it('with no error and no warning (struct checks it against the OpenAPI 3.1 schema)', async () => {
    expect(await lint(served())).toEqual([]);
  }, 30_000);

  it('and the linter notices a document without servers, security or a 4xx', async () => {
    const doc = served();
    delete (doc as Partial<OpenApiDocument>).servers;
    const health = doc.paths['/api/v1/health']!.get!;
    health.responses = { '200': health.responses['200']! };
    delete (health as Partial<typeof health>).security;
    const problems = (await lint(doc)).join('\n');
    expect(problems).toContain('operation-4xx-response');
    expect(problems).toContain('security-defined');
    expect(problems).toContain('no-empty-servers');
  }, 30_000);

  it('declares a bearer token and the session cookie, and every operation says which it takes', () => {
    const doc = served();
    expect(doc.components.securitySchemes).toEqual({
      bearerToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      sessionCookie: expect.objectContaining({
        type: 'apiKey',
        in: 'cookie',
        name: 'loften_session'
      })
    });
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(ops.length).toBeGreaterThanOrEqual(15);
    for (const op of ops) {
      expect(op.security, op.operationId).toBeDefined();
      expect(
        Object.keys(op.responses).some((s) => /^4\d\d$/.test(s)),
        op.operationId
      ).toBe(true);
    }
    // Writes need a token or a session; reading open data needs neither.
    const writes = doc.paths['/api/v1/activities']!.post!.security;
    expect(writes).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(doc.paths['/api/v1/agreements']!.get!.security).toEqual([]);
  });

  it('compiles every component schema as JSON Schema 2020-12, strictly', () => {
    const check = schemaChecker();
    for (const name of Object.keys(openApiDocument.components.schemas))
      expect(() => check(name, null), name).not.toThrow();
  });
});

describe('request parameters and bodies come from the schemas the services validate with', () => {
  const doc = served();
  const strip = (s: object) =>
    Object.fromEntries(
      Object.entries(s).filter(([k]) => !(ANNOTATION_KEYS as readonly string[]).includes(k))
    );

  it('lists exactly the query parameters of GET /api/v1/activities, with their constraints', () => {
    const params = doc.paths['/api/v1/activities']!.get!.parameters as Parameter[];
    expect(params.map((p) => p.name)).toEqual(Object.keys(listInput.shape));
    const generated = inputSchema(listInput).properties!;
    for (const p of params) expect(strip(p.schema), p.name).toEqual(strip(generated[p.name]!));
    expect(params.find((p) => p.name === 'pageSize')!.schema.maximum).toBe(200);
  });

  it('gives the activity bodies the constraints of logInput and the edit schema', () => {
    const body = doc.components.schemas.ActivityInput!;
    expect(body.required).toEqual(['measureId']);
    for (const [zod, name] of [
      [logInput, 'ActivityInput'],
      [editInput, 'ActivityChanges']
    ] as const) {
      const generated = inputSchema(zod).properties!;
      const documented = doc.components.schemas[name]!.properties!;
      expect(Object.keys(documented)).toEqual(Object.keys(generated));
      for (const k of Object.keys(generated))
        expect(strip(documented[k]!), `${name}.${k}`).toEqual(strip(generated[k]!));
    }
    expect(body.properties!.count).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000 });
  });

  it('agrees with the service on what a body may be', () => {
    const check = schemaChecker();
    const bodies = [
      { measureId: 'm1' },
      { measureId: 'm1', count: 3, place: 'Skolan', publication: 'delayed' },
      { measureId: 'm1', count: 1001 },
      { measureId: 'm1', place: 'x'.repeat(201) },
      { measureId: 'm1', publication: 'secret' },
      { count: 1 },
      { measureId: '' }
    ];
    for (const b of bodies)
      expect(check('ActivityInput', b).length === 0, JSON.stringify(b)).toBe(
        logInput.safeParse(b).success
      );
  });

  it('takes the query parameters of the open-data endpoints from their schemas too', () => {
    const names = (path: string) =>
      (doc.paths[path]!.get!.parameters ?? [])
        .filter((p): p is Parameter => 'name' in p && p.in === 'query')
        .map((p) => p.name);
    expect(names('/api/v1/agreements')).toEqual(['kommun']);
    expect(names('/api/v1/agreements/{id}')).toEqual(['ar']);
    expect(names('/api/v1/agreements/{id}/follow-up')).toEqual(['from', 'to', 'asOf', 'period']);
  });

  it('describes the observations GeoJSON with core’s schema, its features carrying the listed fields', () => {
    const geo = doc.components.schemas.WalkObservationsGeoJson!;
    const properties = geo.properties!.features!.items!.properties!.properties!;
    expect(geo).toEqual(observationsGeoJsonSchema(properties));
    expect(properties.required).toEqual([...OBSERVATION_FEATURE_PROPERTIES]);
    const protocol = doc.components.schemas.WalkObservation!.properties!;
    for (const k of OBSERVATION_FEATURE_PROPERTIES)
      expect(properties.properties![k], k).toEqual(protocol[k]);
    const check = schemaChecker();
    const feature = (props: Record<string, unknown>) => ({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'o1',
          geometry: { type: 'Point', coordinates: [19.48, 64.91] },
          properties: props
        }
      ]
    });
    const good = {
      walkId: 'w1',
      category: 'belysning',
      categoryLabel: 'Belysning',
      description: 'Lampan är trasig.',
      owner: null,
      dueOn: null,
      status: 'rapporterad',
      statusLabel: 'Rapporterad',
      reason: null,
      fixedOn: null,
      hasPhoto: false,
      updatedAt: '2026-12-04T09:00:00Z'
    };
    expect(check('WalkObservationsGeoJson', feature(good))).toEqual([]);
    expect(check('WalkObservationsGeoJson', feature({ ...good, status: 'okänd' }))).not.toEqual([]);
    expect(check('WalkObservationsGeoJson', feature({ ...good, lat: 64.91 }))).not.toEqual([]);
  });
});

describe('error answers match their response schemas', () => {
  const check = schemaChecker();
  const body = async (r: Response) => (await r.json()) as unknown;

  it('400, 401, 403, 404 from the services and 413 from the hooks', async () => {
    const invalid = apiFailure(new ValidationError([{ field: 'count', message: 'Minst 1.' }]));
    expect(invalid.status).toBe(400);
    expect(check('Invalid', await body(invalid))).toEqual([]);
    const cases = [
      [new UnauthenticatedError('Logga in.'), 401, 'Unauthenticated'],
      [new ForbiddenError('Nej.'), 403, 'Forbidden'],
      [new NotFoundError('Finns inte.'), 404, 'NotFound']
    ] as const;
    for (const [error, status, schema] of cases) {
      const r = apiFailure(error);
      expect(r.status).toBe(status);
      expect(check(schema, await body(r)), schema).toEqual([]);
    }
    expect(check('TooLarge', await body(apiError(413, 'too-large', 'För stort.')))).toEqual([]);
    // The checker tells them apart.
    expect(check('Forbidden', await body(apiFailure(new NotFoundError('x'))))).not.toEqual([]);
  });
});

describe.each(DATABASES)('real answers match their response schemas on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let id: string;
  const check = schemaChecker();
  beforeAll(async () => {
    ({ ctx, close, id } = await openNorsjoDemo(kind));
  });
  afterAll(() => close());

  it('an activity logged through the service, and the page that lists it', async () => {
    const revisions = await listRevisions(ctx.db, id);
    const content = await loadRevisionContent(ctx.db, revisions.at(-1)!.id);
    let logged: Awaited<ReturnType<typeof logActivity>> | undefined;
    for (const m of content.measures) {
      logged = await logActivity(ctx, SYSTEM, {
        measureId: m.id,
        date: '2026-03-02',
        count: 2,
        shifts: 1,
        place: 'Torget',
        note: 'Test',
        idempotencyKey: 'openapi-test-1'
      }).catch(() => undefined);
      if (logged) break;
    }
    expect(logged?.created).toBe(true);
    expect(check('Activity', logged!.activity)).toEqual([]);
    const page = await listActivities(ctx, null, { agreementId: id, pageSize: '5' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(check('ActivityPage', page)).toEqual([]);
    // A stray field or a wrong type is noticed.
    expect(check('Activity', { ...logged!.activity, count: '2' })).not.toEqual([]);
    expect(check('Activity', { ...logged!.activity, secret: 1 })).not.toEqual([]);
  });

  it('the widget summary of Norsjö', async () => {
    const summary = await widgetSummary(ctx, '2417', 'http://localhost:3000');
    expect(summary.municipality).toEqual({ code: '2417', name: 'Norsjö' });
    expect(check('WidgetSummary', summary)).toEqual([]);
    expect(check('WidgetSummary', { ...summary, url: 'not a url' })).not.toEqual([]);
  });
});
