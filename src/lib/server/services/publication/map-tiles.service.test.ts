import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import { ValidationError } from '../shared/errors';
import {
  cspWithImages,
  mapOriginsFor,
  mapTiles,
  tileOrigin,
  tileTemplateProblem
} from './map-tiles.service';
import { profileForEditing, saveMunicipalityProfile } from './municipality-profile.service';

const NORSJO = 'kommun-2417';
const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const STRICT =
  "default-src 'self'; script-src 'self' 'sha256-abc'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; frame-ancestors 'none'";

describe('tile templates', () => {
  it('accepts https templates with {z}, {x} and {y} (and {r}), and gives their origin', () => {
    expect(tileTemplateProblem(OSM)).toBeNull();
    expect(tileTemplateProblem('https://maps.example.se:8443/tiles/{z}/{x}/{y}{r}.png?k=1')).toBe(
      null
    );
    expect(tileOrigin('https://maps.example.se:8443/tiles/{z}/{x}/{y}{r}.png')).toBe(
      'https://maps.example.se:8443'
    );
  });

  it('names what is wrong with a template', () => {
    expect(tileTemplateProblem('http://tile.openstreetmap.org/{z}/{x}/{y}.png')).toMatch(
      /måste börja med https:\/\//
    );
    expect(tileTemplateProblem('https://tile.openstreetmap.org/{z}/{x}.png')).toMatch(
      /\{y\} saknas/
    );
    expect(tileTemplateProblem('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toMatch(
      /\{s\} känns inte igen/
    );
    expect(tileTemplateProblem("https://evil.example/{z}/{x}/{y}.png' 'unsafe-eval")).toMatch(
      /ingen giltig webbadress/
    );
    expect(tileTemplateProblem('https://user:pw@tiles.example/{z}/{x}/{y}.png')).toMatch(
      /ingen giltig webbadress/
    );
  });

  it('never lets anything but an https origin into the CSP (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 20 }), (host, path) => {
        const t = `https://${host}/${path}/{z}/{x}/{y}.png`;
        if (tileTemplateProblem(t) !== null) return;
        const origin = tileOrigin(t)!;
        expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+(:\d+)?$/);
        const csp = cspWithImages(STRICT, [origin]);
        expect(csp.split(';').length).toBe(STRICT.split(';').length);
        expect(csp).toContain(`img-src 'self' data: ${origin};`);
      })
    );
  });

  it('adds origins to img-src only, leaving every other directive as it was', () => {
    const csp = cspWithImages(STRICT, ['https://tile.openstreetmap.org']);
    expect(csp).toBe(STRICT.replace('data:;', 'data: https://tile.openstreetmap.org;'));
    expect(cspWithImages(STRICT, [])).toBe(STRICT);
  });
});

const fieldsOf = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).fields;
};

describe.each(DATABASES)('map tiles in the municipality profile on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let editor: Actor;
  let agreementId: string;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    editor = (await makeUser(ctx, 'editor', NORSJO)).actor;
    agreementId = (await findNorsjoAgreementId(ctx))!;
  });
  afterAll(() => close());

  const save = (fields: Record<string, string>) =>
    saveMunicipalityProfile(ctx, editor, '2417', { colour: '', ...fields });

  it('has no tiles until an editor sets them: walk pages keep the strict CSP', async () => {
    expect(await mapTiles(ctx, '2417')).toBeNull();
    expect(await mapOriginsFor(ctx, '/kommuner/2417/vandringar/w1')).toEqual([]);
    expect(await mapOriginsFor(ctx, `/avtal/${agreementId}/vandringar/w1`)).toEqual([]);
  });

  it('refuses a bad template and a missing attribution, naming the field', async () => {
    expect(
      await fieldsOf(
        save({ mapTileUrl: 'http://tiles.example/{z}/{x}/{y}.png', mapAttribution: 'x' })
      )
    ).toEqual([{ field: 'mapTileUrl', message: expect.stringMatching(/https:\/\//) }]);
    expect(
      await fieldsOf(save({ mapTileUrl: 'https://tiles.example/{z}/{y}.png', mapAttribution: 'x' }))
    ).toEqual([{ field: 'mapTileUrl', message: expect.stringMatching(/\{x\} saknas/) }]);
    expect(await fieldsOf(save({ mapTileUrl: OSM, mapAttribution: ' ' }))).toEqual([
      { field: 'mapAttribution', message: expect.stringMatching(/upphovsangivelse/) }
    ]);
    expect(await mapTiles(ctx, '2417')).toBeNull();
  });

  it('saves tiles, shows them for editing, and allows their origin on walk pages only', async () => {
    await save({ mapTileUrl: ` ${OSM} `, mapAttribution: '© OpenStreetMap-bidragsgivare' });
    expect(await mapTiles(ctx, '2417')).toEqual({
      url: OSM,
      attribution: '© OpenStreetMap-bidragsgivare'
    });
    const edit = await profileForEditing(ctx, editor, '2417');
    expect(edit.mapTileUrl).toBe(OSM);
    const origin = ['https://tile.openstreetmap.org'];
    expect(await mapOriginsFor(ctx, '/kommuner/2417/vandringar/w1')).toEqual(origin);
    expect(await mapOriginsFor(ctx, `/avtal/${agreementId}/vandringar/w1`)).toEqual(origin);
    for (const other of [
      '/kommuner/2417',
      '/kommuner/2417/vandringar',
      `/avtal/${agreementId}/vandringar`,
      '/kommuner/2482/vandringar/w1',
      '/kommuner/2417/vandringar/w1/extra'
    ])
      expect(await mapOriginsFor(ctx, other)).toEqual([]);
  });

  it('removes the map when the address is emptied (the attribution goes with it)', async () => {
    await save({ mapTileUrl: '', mapAttribution: '© OpenStreetMap-bidragsgivare' });
    expect(await mapTiles(ctx, '2417')).toBeNull();
    expect((await profileForEditing(ctx, editor, '2417')).mapAttribution).toBe('');
  });
});
