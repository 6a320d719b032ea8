import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';
import { HTTP_METHODS } from './openapi-types';
import { accessOf, describeApi, rulesOf, spans, typeOf } from './openapi-view';

describe('the readable API page (/api)', () => {
  const view = describeApi(openApiDocument);

  it('shows every operation of the document once, under its tag', () => {
    const shown = view.groups.flatMap((g) => g.operations.map((o) => `${o.method} ${o.path}`));
    const inDoc = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`)
    );
    expect(shown.sort()).toEqual(inDoc.sort());
    expect(new Set(view.groups.flatMap((g) => g.operations.map((o) => o.anchor))).size).toBe(
      shown.length
    );
  });

  it('shows parameters, the body and every response of logging an activity', () => {
    const log = view.groups
      .flatMap((g) => g.operations)
      .find((o) => o.method === 'POST' && o.path === '/api/v1/activities')!;
    expect(log.access).toBe('Kräver API-nyckel (Authorization: Bearer …) eller inloggad session.');
    expect(log.body).toEqual({
      description: [{ text: 'The activity.' }],
      required: true,
      type: [{ text: 'ActivityInput', href: '#schema-ActivityInput' }]
    });
    expect(log.responses.map((r) => r.status)).toEqual([
      '200',
      '201',
      '400',
      '401',
      '403',
      '404',
      '413'
    ]);
    const list = view.groups
      .flatMap((g) => g.operations)
      .find((o) => o.method === 'GET' && o.path === '/api/v1/activities')!;
    expect(list.parameters.find((p) => p.name === 'pageSize')).toMatchObject({
      in: 'fråga',
      required: false,
      type: [{ text: 'integer' }],
      rules: ['minst 1', 'högst 200', 'standard 50']
    });
    expect(list.access).toMatch(/^Öppen för alla; med API-nyckel/);
  });

  it('shows every schema with its fields, linking the named ones', () => {
    expect(view.schemas.map((s) => s.name)).toEqual(
      Object.keys(openApiDocument.components.schemas).sort()
    );
    const activity = view.schemas.find((s) => s.name === 'Activity')!;
    expect(activity.properties.find((p) => p.name === 'publishAfter')).toMatchObject({
      required: true,
      type: [{ text: 'string (date)' }, { text: ' eller ' }, { text: 'null' }]
    });
    const page = view.schemas.find((s) => s.name === 'ActivityPage')!;
    expect(page.properties[0]!.type).toEqual([
      { text: 'lista av ' },
      { text: 'Activity', href: '#schema-Activity' }
    ]);
  });

  it('renders types, rules, access and code spans in words', () => {
    expect(spans('Send `ar` or `asOf`.')).toEqual([
      { text: 'Send ' },
      { text: 'ar', code: true },
      { text: ' or ' },
      { text: 'asOf', code: true },
      { text: '.' }
    ]);
    expect(typeOf({ oneOf: [{ $ref: '#/components/schemas/Party' }, { type: 'null' }] })).toEqual([
      { text: 'Party', href: '#schema-Party' },
      { text: ' eller ' },
      { text: 'null' }
    ]);
    expect(rulesOf({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER })).toEqual([
      'minst 1'
    ]);
    expect(accessOf([])).toBe('Öppen för alla, ingen inloggning.');
  });
});
