import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNorsjoDemo } from '../../../../../test/support/factories';
import { DATABASES } from '../../../../../test/support/databases';
import { openApiDocument } from '../../api/openapi';
import { SYSTEM } from '../../auth/policy';
import type { JsonSchema, OpenApiDocument } from '../../api/openapi-types';
import type { Ctx } from '../../context';
import {
  loadRevisionContent,
  listRevisions
} from '../../db/repositories/agreements/plan.repository';
import { createAgreement } from '../agreements/agreement.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { getOpenAgreement, getOpenFollowUp, listOpenAgreements } from './open-data.service';
import { updateMeasure } from '../agreements/plan.service';

/**
 * Problems of `value` against a schema of the OpenAPI document: the subset of JSON Schema the
 * document uses, enough to keep the presenters and the published contract in step.
 */
function conformance(value: unknown, schema: JsonSchema, at = '$'): string[] {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return conformance(value, openApiDocument.components.schemas[name]!, at);
  }
  if (schema.oneOf) {
    const fits = schema.oneOf.filter((s) => conformance(value, s, at).length === 0).length;
    return fits === 1 ? [] : [`${at}: fits ${fits} of oneOf`];
  }
  const types = [schema.type ?? []].flat();
  const typeOf = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
  const actual = typeOf(value);
  if (types.length && !types.some((t) => t === actual || (t === 'number' && actual === 'integer')))
    return [`${at}: ${actual} is not ${types.join('|')}`];
  const out: string[] = [];
  if (schema.const !== undefined && value !== schema.const) out.push(`${at}: not ${schema.const}`);
  if (schema.enum && !schema.enum.includes(value as string))
    out.push(`${at}: ${value} not in enum`);
  if (schema.format === 'date' && typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    out.push(`${at}: ${value} is not a date`);
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) => out.push(...conformance(v, schema.items!, `${at}[${i}]`)));
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const k of schema.required ?? []) if (!(k in obj)) out.push(`${at}.${k}: missing`);
    for (const [k, v] of Object.entries(obj)) {
      const prop = schema.properties?.[k];
      if (prop) out.push(...conformance(v, prop, `${at}.${k}`));
      else if (typeof schema.additionalProperties === 'object')
        out.push(...conformance(v, schema.additionalProperties, `${at}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${at}.${k}: not in the schema`);
    }
  }
  return out;
}
const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** The field names of a ValidationError thrown by `run`. */
async function invalidFields(run: () => Promise<unknown>): Promise<string[]> {
  const e = await run().catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).fields.map((f) => f.field);
}

describe.each(DATABASES)('the open-data API on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let id: string;
  beforeAll(async () => {
    ({ ctx, close, id } = await openNorsjoDemo(kind));
  });
  afterAll(() => close());

  it('lists Norsjö with its municipality code, also when filtered by that code', async () => {
    const all = await listOpenAgreements(ctx, {});
    expect(all).toEqual([
      {
        id,
        title: 'Norsjö – medborgarlöften',
        status: 'signed',
        demo: false,
        municipalities: [{ code: '2417', name: 'Norsjö' }],
        period: { start: '2019-01-01', end: '2026-12-31' }
      }
    ]);
    expect(await listOpenAgreements(ctx, { kommun: '2417' })).toEqual(all);
    expect(await listOpenAgreements(ctx, { kommun: '0180' })).toEqual([]);
  });

  it('names kommun when the code is malformed or no municipality has it', async () => {
    expect(await invalidFields(() => listOpenAgreements(ctx, { kommun: 'Norsjö' }))).toEqual([
      'kommun'
    ]);
    expect(await invalidFields(() => listOpenAgreements(ctx, { kommun: '9999' }))).toEqual([
      'kommun'
    ]);
  });

  it('publishes the agreement with fourteen measures, Trafikkontroller as 10 per month', async () => {
    const a = await getOpenAgreement(ctx, id, { ar: '2019' });
    expect(a.revision).toEqual({
      year: 2019,
      note: 'Genomförandeplan 2019 enligt medborgarlöftet.',
      demo: false
    });
    expect(a.revisions.map((r) => r.year)).toEqual([2019, 2020]);
    expect(a.measures).toHaveLength(14);
    expect(a.focusAreas).toHaveLength(4);
    expect(a.measureGroups).toHaveLength(6);
    expect(a.effects.every((e) => e.indicators.length > 0)).toBe(true);
    const traffic = a.measures.find((m) => m.title === 'Trafikkontroller')!;
    expect(traffic.target).toMatchObject({ kind: 'count', count: 10, per: 'month' });
    // The document names no responsible party and no follow-up method: null, never invented.
    expect(traffic.responsibleParty).toBeNull();
    expect(traffic.followUpMethod).toBeNull();
    expect(traffic.parties.map((p) => p.name)).toEqual(['Lokalpolisområde Skellefteå']);
    expect(a.measureGroups.map((g) => g.id)).toContain(traffic.group);
    const focusIds = a.focusAreas.map((f) => f.id);
    expect(a.measures.every((m) => m.focusAreas.every((f) => focusIds.includes(f)))).toBe(true);
    // Nothing from the tables beyond what the presenter names.
    expect(Object.keys(traffic).sort()).toEqual(
      [
        'changeReason',
        'description',
        'endsOn',
        'focusAreas',
        'followUpMethod',
        'group',
        'id',
        'key',
        'parties',
        'responsibleParty',
        'startsOn',
        'target',
        'targetDescription',
        'title'
      ].sort()
    );
  });

  it('shows the plan of the year asked for: 2020 has three door-knockings, with the reason', async () => {
    const a = await getOpenAgreement(ctx, id, { ar: '2020' });
    expect(a.revision?.year).toBe(2020);
    const knock = a.measures.find((m) => m.key === 'dorrknackning')!;
    expect(knock.target.text).toBe('3 gånger per år');
    expect(knock.changeReason).toContain('Demo');
  });

  it('names ar when the year is not a year, and answers NotFound for an unknown id', async () => {
    expect(await invalidFields(() => getOpenAgreement(ctx, id, { ar: 'i fjol' }))).toEqual(['ar']);
    await expect(getOpenAgreement(ctx, 'no-such-id', {})).rejects.toThrow('finns inte');
    await expect(getOpenFollowUp(ctx, 'no-such-id', {})).rejects.toThrow('finns inte');
  });

  it('marks a month without activities for a monthly target as missed, without the internal detail', async () => {
    const f = await getOpenFollowUp(ctx, id, {
      period: 'month',
      from: '2020-01-01',
      to: '2020-12-31',
      asOf: '2022-06-01'
    });
    expect(f.span).toEqual({ start: '2020-01-01', end: '2020-12-31' });
    const rb = f.measures.find((m) => m.key === 'rattegangsbalken')!;
    const july = rb.periods.find((p) => p.start === '2020-07-01');
    expect(july).toEqual({
      start: '2020-07-01',
      end: '2020-07-31',
      expected: 1,
      done: 0,
      status: 'missed',
      publishedThrough: null,
      // Not a target in hours: no count of activities without a duration.
      untimed: null
    });
    expect(f.measures.flatMap((m) => m.periods).some((p) => 'detail' in p)).toBe(false);
    // This year, police controls are published as a monthly count: counted through October.
    const now = await getOpenFollowUp(ctx, id, { period: 'year' });
    const controls = now.measures.find((m) => m.key === 'trafikkontroller')!;
    expect(controls.periods.at(-1)?.publishedThrough).toBe('2026-10-31');
    expect(rb.fulfilment).toEqual({ met: 11, judged: 12, share: 11 / 12 });
    expect(f.fulfilment.total.judged).toBeGreaterThan(0);
  });

  it('names the wrong parameter of a follow-up: period=week, a malformed or impossible from-date', async () => {
    expect(await invalidFields(() => getOpenFollowUp(ctx, id, { period: 'week' }))).toEqual([
      'period'
    ]);
    expect(await invalidFields(() => getOpenFollowUp(ctx, id, { from: '2020-1-1' }))).toEqual([
      'from'
    ]);
    expect(await invalidFields(() => getOpenFollowUp(ctx, id, { from: '2020-02-30' }))).toEqual([
      'from'
    ]);
    expect(
      await invalidFields(() => getOpenFollowUp(ctx, id, { from: '2021-01-01', to: '2020-01-01' }))
    ).toEqual(['to']);
  });

  it('answers exactly as the OpenAPI document says, for every endpoint', async () => {
    const list = await listOpenAgreements(ctx, {});
    expect(conformance(list, schemaRef('AgreementSummaries'))).toEqual([]);
    for (const ar of ['2019', '2020'])
      expect(conformance(await getOpenAgreement(ctx, id, { ar }), schemaRef('Agreement'))).toEqual(
        []
      );
    for (const period of ['month', 'tertial', 'year', 'agreement']) {
      const f = await getOpenFollowUp(ctx, id, { period, asOf: '2021-05-15' });
      expect(conformance(f, schemaRef('FollowUp'))).toEqual([]);
    }
    // The checker itself notices a stray field and a wrong kind.
    const a = await getOpenAgreement(ctx, id, {});
    const [first, ...rest] = a.measures;
    const stray = { ...a, measures: [{ ...first, visibility: 'public' }, ...rest] };
    expect(conformance(stray, schemaRef('Agreement'))).toEqual([
      '$.measures[0].visibility: not in the schema'
    ]);
    expect(conformance({ kind: 'count', text: 'x' }, schemaRef('Target'))).toEqual([
      '$: fits 0 of oneOf'
    ]);
  });

  it('keeps drafts out: not listed, and 404 for the agreement and its follow-up', async () => {
    const draft = await createAgreement(ctx, SYSTEM, {
      title: 'Stockholm – utkast',
      municipalityIds: ['kommun-0180'],
      periodStart: '2025-01-01',
      periodEnd: '2026-12-31',
      plan: { year: 2025, groups: [] }
    });
    expect(await listOpenAgreements(ctx, { kommun: '0180' })).toEqual([]);
    expect((await listOpenAgreements(ctx, {})).map((a) => a.id)).not.toContain(draft.id);
    await expect(getOpenAgreement(ctx, draft.id, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOpenFollowUp(ctx, draft.id, {})).rejects.toBeInstanceOf(NotFoundError);
  });

  // Last: it changes the plan of 2020.
  it('leaves a measure out of the agreement and its follow-up once it is made internal', async () => {
    const revision = (await listRevisions(ctx.db, id)).find((r) => r.year === 2020)!;
    const content = await loadRevisionContent(ctx.db, revision.id);
    const m = content.measures.find((x) => x.measure_key === 'rattegangsbalken')!;
    await updateMeasure(ctx, SYSTEM, m.id, {
      title: m.title,
      description: m.description,
      targetText: m.target_text,
      responsiblePartyId: m.responsible_party_id,
      partyIds: content.parties.filter((p) => p.measure_id === m.id).map((p) => p.id),
      focusAreaKeys: content.focusAreas
        .filter((f) => f.measure_id === m.id)
        .map((f) => f.focus_area_id),
      followUpMethod: m.follow_up_method,
      visibility: 'internal',
      changeReason: 'Test: hålls internt under 2020.'
    });
    const a = await getOpenAgreement(ctx, id, { ar: '2020' });
    expect(a.measures).toHaveLength(13);
    expect(a.measures.some((x) => x.key === 'rattegangsbalken')).toBe(false);
    expect(JSON.stringify(a)).not.toContain(m.id);
    const f = await getOpenFollowUp(ctx, id, { from: '2020-01-01', to: '2020-12-31' });
    expect(f.measures.some((x) => x.key === 'rattegangsbalken')).toBe(false);
    // 2019's plan still has it in public.
    const earlier = await getOpenAgreement(ctx, id, { ar: '2019' });
    expect(earlier.measures.some((x) => x.key === 'rattegangsbalken')).toBe(true);
  });
});

describe('the OpenAPI document', () => {
  const doc = JSON.parse(JSON.stringify(openApiDocument)) as OpenApiDocument;

  it('is plain JSON, OpenAPI 3.1, CC0-licensed', () => {
    expect(doc).toEqual(openApiDocument);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.license.identifier).toBe('CC0-1.0');
  });

  it('describes health and the three agreement endpoints, each operation with a 2xx response', () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/health',
        '/api/v1/agreements',
        '/api/v1/agreements/{id}',
        '/api/v1/agreements/{id}/follow-up'
      ])
    );
    for (const item of Object.values(doc.paths))
      for (const op of Object.values(item))
        expect(
          Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
          op.operationId
        ).toBe(true);
  });

  it('has every $ref pointing at something it defines', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) {
      const path = r.slice(8, -1).replace(/^#\//, '').split('/');
      const found = path.reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        doc
      );
      expect(found, r).toBeDefined();
    }
  });

  it('offers Target as a oneOf over every kind, each with text and kind required', () => {
    const target = doc.components.schemas.Target!;
    expect(target.oneOf).toHaveLength(7);
    for (const variant of target.oneOf ?? []) {
      const name = variant.$ref!.split('/').pop()!;
      expect(doc.components.schemas[name]?.required).toEqual(
        expect.arrayContaining(['kind', 'text'])
      );
    }
  });
});
