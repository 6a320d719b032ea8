import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../../../../test/support/databases';
import { makeUser, openNorsjoDemo } from '../../../../../test/support/factories';
import { SYSTEM } from '../../auth/policy';
import { loadConfig } from '../../config';
import type { Ctx } from '../../context';
import { addContact } from '../../services/publication/public-contact.service';
import { openDataCatalogue } from '../../services/publication/catalogue.service';
import { planWalk, walkableMeasures } from '../../services/walks/walk.service';
import { catalogueRdf } from './dcat-rdf';

/**
 * The official DCAT-AP 3.0.0 SHACL shapes (github.com/SEMICeu/DCAT-AP, releases/3.0.0), copied
 * unchanged into test/fixtures/dcat-ap: see its README for which file checks what.
 */
const FIXTURES = join(process.cwd(), 'test/fixtures/dcat-ap');
const MANDATORY = ['dcat-ap-SHACL.ttl', 'shapes.ttl', 'range.ttl'];
const RECOMMENDED = ['shapes_recommended.ttl'];

async function turtle(files: string[]) {
  const dataset = rdf.dataset();
  for (const f of files) {
    const quads = rdf.formats.parsers.import(
      'text/turtle',
      Readable.from([readFileSync(join(FIXTURES, f), 'utf8')])
    )!;
    // An RDF/JS stream is a Node readable at run time: iterate it as one.
    for await (const q of quads as unknown as AsyncIterable<Parameters<typeof dataset.add>[0]>)
      dataset.add(q);
  }
  return dataset;
}

/** Parses RDF/XML with a real, standards-following parser (not our own writer's assumptions). */
async function rdfXml(xml: string, base: string) {
  const dataset = rdf.dataset();
  const parser = new RdfXmlParser({ baseIRI: base, dataFactory: rdf });
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (q) => dataset.add(q));
    parser.on('error', reject);
    parser.on('end', () => resolve());
    parser.write(xml);
    parser.end();
  });
  return dataset;
}

type Finding = { severity: string; focus: string; path: string; message: string };

async function validate(shapeFiles: string[], data: Awaited<ReturnType<typeof rdfXml>>) {
  const validator = new SHACLValidator(await turtle(shapeFiles), { factory: rdf });
  const report = await validator.validate(data);
  const findings: Finding[] = report.results.map((r) => ({
    severity: r.severity?.value.split('#')[1] ?? '',
    focus: r.focusNode?.value ?? '',
    path: r.path?.value ?? '',
    message: r.message.map((m) => m.value).join(' ')
  }));
  return { conforms: report.conforms, findings };
}

const ORIGIN = 'https://loften.example.se';
const DCT = 'http://purl.org/dc/terms/';
const DCAT = 'http://www.w3.org/ns/dcat#';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';

describe.each(DATABASES)('the DCAT-AP catalogue on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let id: string;
  let xml: string;
  let data: Awaited<ReturnType<typeof rdfXml>>;

  beforeAll(async () => {
    ({ ctx, close, id } = await openNorsjoDemo(kind));
    // A walk, so the catalogue has the agreement's walk dataset too (issue 18) and the shapes check it.
    const { actor } = await makeUser(ctx, 'editor', 'kommun-2417');
    await planWalk(ctx, actor, id, {
      measureKey: (await walkableMeasures(ctx, actor, id)).measures[0]!.key,
      kind: 'trygghetsvandring',
      area: 'Centrum',
      meetingPoint: 'Torget',
      date: '2026-12-03',
      startTime: '18:00',
      endTime: '20:00',
      invitedGroups: ''
    });
    xml = catalogueRdf(await openDataCatalogue(ctx, ORIGIN));
    data = await rdfXml(xml, `${ORIGIN}/data/katalog.rdf`);
  }, 60_000);
  afterAll(() => close());

  it('passes the official DCAT-AP 3 mandatory and range shapes with no finding at all', async () => {
    const { conforms, findings } = await validate(MANDATORY, data);
    expect(findings).toEqual([]);
    expect(conforms).toBe(true);
  }, 60_000);

  it("passes the recommended shapes, but for the municipality's geometry (documented)", async () => {
    const { findings } = await validate(RECOMMENDED, data);
    // docs/OPEN-DATA.md: we have no coordinates for municipalities, only for Sweden.
    const exception = (f: Finding) =>
      /\/kommuner\/\d{4}#omrade$/.test(f.focus) && /#(bbox|centroid)$/.test(f.path);
    expect(findings.filter((f) => !exception(f))).toEqual([]);
    expect(findings.filter(exception)).toHaveLength(2);
  }, 60_000);

  const objects = (s: string | null, p: string) =>
    [...data.match(s ? rdf.namedNode(s) : null, rdf.namedNode(p))].map((q) => q.object.value);
  const CATALOG = `${ORIGIN}/data/katalog.rdf#catalog`;

  it('names the operating organisation as the catalogue publisher, not the software', () => {
    const [publisher] = objects(CATALOG, `${DCT}publisher`);
    expect(objects(publisher!, `${FOAF}name`)).toEqual([
      'Polisen och kommunerna som publicerar medborgarlöften här'
    ]);
    expect(objects(publisher!, `${DCT}type`)).toHaveLength(1);
  });

  it('dates the catalogue and places it in Sweden', () => {
    expect(objects(CATALOG, `${DCT}issued`)).toHaveLength(1);
    expect(objects(CATALOG, `${DCT}modified`)[0]).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(objects(CATALOG, `${DCT}spatial`)).toEqual([
      'http://publications.europa.eu/resource/authority/country/SWE'
    ]);
  });

  it('gives each dataset its municipality as publisher and place, and the police area as creator', () => {
    const ds = `${ORIGIN}/data/${id}#dataset`;
    const [publisher] = objects(ds!, `${DCT}publisher`);
    expect(objects(publisher!, `${FOAF}name`)).toEqual(['Norsjö kommun']);
    expect(objects(ds!, `${DCT}spatial`)).toContain(`${ORIGIN}/kommuner/2417#omrade`);
    const [creator] = objects(ds!, `${DCT}creator`);
    expect(objects(creator!, `${FOAF}name`)[0]).toMatch(/^Polisen, /);
  });

  it('lists all five distributions, the Excel CSVs too, each with description and availability', () => {
    const ds = `${ORIGIN}/data/${id}#dataset`;
    const urls = objects(ds!, `${DCAT}distribution`);
    expect(urls.map((u) => u.replace(/^.*\/(?=[^/]+#distribution$)/, ''))).toEqual(
      expect.arrayContaining([
        'plan.csv#distribution',
        'plan-excel.csv#distribution',
        'uppfoljning.csv#distribution',
        'uppfoljning-excel.csv#distribution'
      ])
    );
    expect(urls).toHaveLength(5);
    for (const u of urls) {
      expect(objects(u, `${DCT}description`)).toHaveLength(2);
      expect(objects(u, 'http://data.europa.eu/r5r/availability')).toEqual([
        'http://publications.europa.eu/resource/authority/planned-availability/AVAILABLE'
      ]);
    }
  });

  it("lists the agreement's walks as a dataset of its own: walks as JSON, observations as CSV and GeoJSON", () => {
    const walks = `${ORIGIN}/data/${id}/iakttagelser#dataset`;
    expect(objects(CATALOG, `${DCAT}dataset`).sort()).toEqual(
      [`${ORIGIN}/data/${id}#dataset`, walks].sort()
    );
    expect(objects(walks, `${DCAT}landingPage`)).toEqual([`${ORIGIN}/kommuner/2417/vandringar`]);
    const urls = objects(walks, `${DCAT}distribution`);
    expect(urls).toHaveLength(3);
    const access = urls.flatMap((u) => objects(u, `${DCAT}accessURL`)).sort();
    expect(access).toEqual(
      [
        `${ORIGIN}/api/v1/walks?kommun=2417`,
        `${ORIGIN}/data/${id}/iakttagelser.csv`,
        `${ORIGIN}/data/${id}/iakttagelser.geojson`
      ].sort()
    );
    expect(urls.flatMap((u) => objects(u, `${DCT}format`)).sort()).toEqual(
      ['CSV', 'GEOJSON', 'JSON']
        .map((f) => `http://publications.europa.eu/resource/authority/file-type/${f}`)
        .sort()
    );
  });

  const emailOf = async () => {
    const d = (await openDataCatalogue(ctx, ORIGIN)).datasets[0]!;
    const graph = await rdfXml(catalogueRdf(await openDataCatalogue(ctx, ORIGIN)), ORIGIN);
    const [point] = [...graph.match(rdf.namedNode(d.uri), rdf.namedNode(`${DCAT}contactPoint`))];
    const emails = [...graph.match(point!.object as never, rdf.namedNode(`${VCARD}hasEmail`))];
    return { source: d.contact.source, emails: emails.map((q) => q.object.value) };
  };

  it('always gives the contact point an e-mail: a public contact, else the instance, else (demo) a demo address', async () => {
    const config = ctx.config;
    try {
      // Outside demo mode with nothing configured it says so rather than invent an address.
      ctx.config = { ...config, demo: false };
      expect(await emailOf()).toEqual({ source: 'none', emails: [] });
      ctx.config = config;
      expect(await emailOf()).toEqual({
        source: 'demo',
        emails: ['mailto:kontakt@demo.loften.se']
      });
      ctx.config = {
        ...config,
        instance: { ...config.instance, contactEmail: 'registrator@norsjo.se' }
      };
      expect(await emailOf()).toEqual({
        source: 'instance',
        emails: ['mailto:registrator@norsjo.se']
      });
      await addContact(ctx, SYSTEM, id, {
        name: 'Anna Berg',
        role: 'Trygghetssamordnare',
        organisation: 'Norsjö kommun',
        email: 'anna.berg@norsjo.se',
        phone: ''
      });
      expect(await emailOf()).toEqual({
        source: 'public-contact',
        emails: ['mailto:anna.berg@norsjo.se']
      });
    } finally {
      ctx.config = config;
    }
  });
});

describe('the open-data settings', () => {
  it('takes INSTANCE_PUBLISHER and PUBLIC_CONTACT_EMAIL, and names the variable when one is wrong', () => {
    expect(
      loadConfig({
        INSTANCE_PUBLISHER: 'Norsjö kommun',
        PUBLIC_CONTACT_EMAIL: 'registrator@norsjo.se'
      }).instance
    ).toEqual({ publisher: 'Norsjö kommun', contactEmail: 'registrator@norsjo.se' });
    expect(() => loadConfig({ PUBLIC_CONTACT_EMAIL: 'registrator' })).toThrow(
      /^Configuration error: PUBLIC_CONTACT_EMAIL: /
    );
  });
});
