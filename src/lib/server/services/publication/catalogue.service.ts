import type { Ctx } from '../../context';
import { findOrganisation } from '../../db/repositories/accounts/organisation.repository';
import { findAgreement } from '../../db/repositories/agreements/agreement.repository';
import { municipalityOfficialName } from '../../reference/sweden';
import { agreementsWithWalks } from '../walks/walk-public.service';
import { listOpenAgreements } from './open-data.service';
import { LICENCE } from './public-data.service';
import { listContacts } from './public-contact.service';

// The catalogue's shape is the renderer's input (render/publication/dcat-model.ts); re-exported here.
export type {
  Catalogue,
  CatalogueAgent,
  CatalogueDataset,
  CatalogueDistribution,
  CataloguePlace,
  ContactSource
} from '../../render/publication/dcat-model';
export { LANGUAGE, THEME } from '../../render/publication/dcat-model';
import type {
  Catalogue,
  CatalogueDataset,
  CatalogueDistribution,
  CataloguePlace,
  ContactSource
} from '../../render/publication/dcat-model';

/** Sweden in the EU country list. */
export const SWEDEN: CataloguePlace = {
  uri: 'http://publications.europa.eu/resource/authority/country/SWE',
  name: null,
  // Sweden's extreme points (Koster 10.96° E, Haparanda 24.17° E, Smygehuk 55.34° N, Treriksröset
  // 69.06° N); the centroid given is the middle of that box, an approximation.
  bbox: 'POLYGON((10.96 55.34,24.17 55.34,24.17 69.06,10.96 69.06,10.96 55.34))',
  centroid: 'POINT(17.57 62.2)'
};
/** The ADMS publisher types (DCAT-AP's recommended vocabulary). */
const LOCAL_AUTHORITY = 'http://purl.org/adms/publishertype/LocalAuthority';
const NATIONAL_AUTHORITY = 'http://purl.org/adms/publishertype/NationalAuthority';
/** In demo mode only: an address under the demo domain, labelled demo like the demo accounts. */
export const DEMO_CONTACT_EMAIL = 'kontakt@demo.loften.se';

/** The contact e-mail: a public contact's, else PUBLIC_CONTACT_EMAIL, else (demo only) a demo address. */
function contactEmail(
  ctx: Ctx,
  contacts: { email: string | null }[]
): { email: string | null; source: ContactSource } {
  const own = contacts.find((c) => c.email)?.email;
  if (own) return { email: own, source: 'public-contact' };
  if (ctx.config.instance.contactEmail)
    return { email: ctx.config.instance.contactEmail, source: 'instance' };
  if (ctx.config.demo) return { email: DEMO_CONTACT_EMAIL, source: 'demo' };
  return { email: null, source: 'none' };
}

const csv = (url: string, sv: string, en: string, excel: boolean): CatalogueDistribution => ({
  url,
  title: excel ? { sv: `${sv} (för Excel)`, en: `${en} (for Excel)` } : { sv, en },
  description: excel
    ? {
        sv: `${sv}, med semikolon som avgränsare och decimalkomma, så att svenska Excel öppnar filen direkt. UTF-8 med BOM.`,
        en: `${en}, separated by semicolons with decimal commas, so Excel in Swedish opens it directly. UTF-8 with BOM.`
      }
    : {
        sv: `${sv}, kommaseparerad enligt RFC 4180, UTF-8.`,
        en: `${en}, comma-separated as RFC 4180, UTF-8.`
      },
  mediaType: 'text/csv',
  format: 'CSV'
});
/**
 * The walks of an agreement as a dataset of its own (issue 18): observations an editor approved,
 * without authors, history or photos, as CSV and GeoJSON, and the walks as JSON. Publisher,
 * contact and places are the agreement's.
 */
function walkDataset(
  base: CatalogueDataset,
  a: { id: string; title: string; demo: boolean },
  m: { code: string; name: string },
  origin: string,
  changed: string
): CatalogueDataset {
  const data = `${origin}/data/${a.id}`;
  return {
    ...base,
    uri: `${data}/iakttagelser#dataset`,
    identifier: `${a.id}-vandringar`,
    title: {
      sv: `${a.title} – trygghetsvandringar och iakttagelser`,
      en: `Safety walks in ${m.name}: observations and what was done`
    },
    description: {
      sv: `Trygghetsvandringar, dörrknackning och nattvandring i ${m.name}: iakttagelser med kategori, position, vem som åtgärdar, sista dag, status och vad som gjordes. Bara det som en redaktör har godkänt för allmänheten, utan namn och foton.${a.demo ? ' Innehåller demodata.' : ''}`,
      en: `Safety walks, door-knocking and night walks in ${m.name}: observations with category, position, owner, due date, status and what was done. Only what an editor approved for the public, without names or photos.${a.demo ? ' Contains demo data.' : ''}`
    },
    landingPage: `${origin}/kommuner/${m.code}/vandringar`,
    keywords: ['trygghetsvandring', 'medborgarlöfte', 'trygghet', 'polisen', m.name],
    modified: changed > base.modified ? changed : base.modified,
    distributions: [
      {
        url: `${origin}/api/v1/walks?kommun=${m.code}`,
        title: { sv: 'Vandringarna som JSON', en: 'The walks as JSON' },
        description: {
          sv: 'Vandringarna i kommunen från det öppna API:t; varje vandrings iakttagelser finns under /api/v1/walks/{id}/observations.',
          en: "The municipality's walks from the open API; each walk's observations are at /api/v1/walks/{id}/observations."
        },
        mediaType: 'application/json',
        format: 'JSON'
      },
      csv(`${data}/iakttagelser.csv`, 'Iakttagelserna som CSV', 'The observations as CSV', false),
      {
        url: `${data}/iakttagelser.geojson`,
        title: { sv: 'Iakttagelserna som GeoJSON', en: 'The observations as GeoJSON' },
        description: {
          sv: 'Iakttagelserna med position som GeoJSON (RFC 7946), koordinater [longitud, latitud] i WGS 84.',
          en: 'The observations with a position as GeoJSON (RFC 7946), coordinates [longitude, latitude] in WGS 84.'
        },
        mediaType: 'application/geo+json',
        format: 'GEOJSON'
      }
    ]
  };
}

/** The open-data catalogue of every published agreement, with absolute URLs under `origin`. */
export async function openDataCatalogue(ctx: Ctx, origin: string): Promise<Catalogue> {
  const agreements = await listOpenAgreements(ctx, {});
  const walks = await agreementsWithWalks(
    ctx,
    agreements.map((a) => a.id)
  );
  const datasets: CatalogueDataset[] = [];
  for (const a of agreements) {
    const m = a.municipalities[0];
    const name = m?.name ?? a.title;
    const official = m ? municipalityOfficialName(m.name) : a.title;
    const page = m ? `${origin}/kommuner/${m.code}` : `${origin}/avtal/${a.id}`;
    const row = await findAgreement(ctx.db, a.id);
    const area = row?.police_area_id ? await findOrganisation(ctx.db, row.police_area_id) : null;
    const demo = a.demo ? ' Innehåller demodata.' : '';
    const data = `${origin}/data/${a.id}`;
    const dataset: CatalogueDataset = {
      uri: `${data}#dataset`,
      identifier: a.id,
      title: {
        sv: `${a.title} – plan och uppföljning`,
        en: `Citizen promise of ${name}: plan and follow-up`
      },
      description: {
        sv: `Medborgarlöftet mellan polisen och ${name} ${a.period.start.slice(0, 4)}–${a.period.end.slice(0, 4)}: åtgärder med mål, parter och fokusområden, och uppföljningen per åtgärd och period.${demo}`,
        en: `The citizen promise between the Swedish Police and ${name}: measures with targets, parties and focus areas, and their follow-up per measure and period.${a.demo ? ' Contains demo data.' : ''}`
      },
      landingPage: page,
      publisher: {
        uri: m ? `${origin}/kommuner/${m.code}#organisation` : `${origin}/#organisation`,
        name: official,
        type: LOCAL_AUTHORITY
      },
      police: area
        ? {
            uri: `${origin}/#polis-${area.id}`,
            name: `Polisen, ${area.name}`,
            type: NATIONAL_AUTHORITY
          }
        : null,
      contact: {
        name: official,
        url: `${page}#kontakt`,
        ...contactEmail(ctx, await listContacts(ctx, a.id))
      },
      keywords: ['medborgarlöfte', 'brottsförebyggande', 'trygghet', 'polisen', name],
      temporal: a.period,
      spatial: [
        SWEDEN,
        ...(m ? [{ uri: `${origin}/kommuner/${m.code}#omrade`, name: official }] : [])
      ],
      issued: row?.signed_on ?? (row?.created_at ?? a.period.start).slice(0, 10),
      modified: row?.updated_at ?? a.period.start,
      demo: a.demo,
      distributions: [
        {
          url: `${origin}/api/v1/agreements/${a.id}`,
          title: { sv: 'Överenskommelsen som JSON', en: 'The agreement as JSON' },
          description: {
            sv: 'Överenskommelsen med åtgärder, mål och parter från det öppna API:t (se /api/v1/openapi.json).',
            en: 'The agreement with measures, targets and parties from the open API (see /api/v1/openapi.json).'
          },
          mediaType: 'application/json',
          format: 'JSON'
        },
        csv(`${data}/plan.csv`, 'Planen som CSV', 'The plan as CSV', false),
        csv(`${data}/plan-excel.csv`, 'Planen som CSV', 'The plan as CSV', true),
        csv(
          `${data}/uppfoljning.csv`,
          'Uppföljningen per tertial som CSV',
          'The follow-up per tertial as CSV',
          false
        ),
        csv(
          `${data}/uppfoljning-excel.csv`,
          'Uppföljningen per tertial som CSV',
          'The follow-up per tertial as CSV',
          true
        )
      ]
    };
    datasets.push(dataset);
    const walksChanged = walks.get(a.id);
    if (walksChanged && m) datasets.push(walkDataset(dataset, a, m, origin, walksChanged));
  }
  const issued = datasets.map((d) => d.issued).sort()[0] ?? null;
  const modified =
    datasets
      .map((d) => d.modified)
      .sort()
      .at(-1) ?? null;
  return {
    uri: `${origin}/data/katalog.rdf#catalog`,
    homepage: `${origin}/data`,
    title: { sv: 'Medborgarlöften – öppna data', en: 'Citizen promises – open data' },
    description: {
      sv: 'Medborgarlöften mellan polisen och kommuner: planer, uppföljning och API.',
      en: 'Citizen promises between the Swedish Police and municipalities: plans, follow-up and API.'
    },
    // The organisation that runs this site (INSTANCE_PUBLISHER), not the software.
    publisher: {
      uri: `${origin}/#utgivare`,
      name: ctx.config.instance.publisher,
      type: LOCAL_AUTHORITY
    },
    licence: LICENCE.url,
    issued,
    modified,
    spatial: [SWEDEN],
    datasets
  };
}
