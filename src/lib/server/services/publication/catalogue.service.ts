import type { Ctx } from '../../context';
import { listOpenAgreements } from './open-data.service';
import { LICENCE } from './public-data.service';
import { listContacts } from './public-contact.service';

/** A distribution of a dataset: one way to get the data. */
export type CatalogueDistribution = {
  url: string;
  title: { sv: string; en: string };
  mediaType: string;
  format: string;
};

/** A dataset per published agreement, as DCAT-AP-SE describes it. */
export type CatalogueDataset = {
  uri: string;
  identifier: string;
  title: { sv: string; en: string };
  description: { sv: string; en: string };
  landingPage: string;
  publisher: { uri: string; name: string };
  contact: { name: string; email: string | null; url: string };
  keywords: string[];
  temporal: { start: string; end: string };
  demo: boolean;
  distributions: CatalogueDistribution[];
};

/** The catalogue: who publishes, under which licence, and the datasets. */
export type Catalogue = {
  uri: string;
  homepage: string;
  title: { sv: string; en: string };
  description: { sv: string; en: string };
  publisher: { uri: string; name: string };
  licence: string;
  datasets: CatalogueDataset[];
};

/** The EU data theme "Justice, legal system and public safety", and Swedish as the language. */
export const THEME = 'http://publications.europa.eu/resource/authority/data-theme/JUST';
export const LANGUAGE = 'http://publications.europa.eu/resource/authority/language/SWE';

/** The open-data catalogue of every published agreement, with absolute URLs under `origin`. */
export async function openDataCatalogue(ctx: Ctx, origin: string): Promise<Catalogue> {
  const agreements = await listOpenAgreements(ctx, {});
  const datasets: CatalogueDataset[] = [];
  for (const a of agreements) {
    const m = a.municipalities[0];
    const name = m?.name ?? a.title;
    const page = m ? `${origin}/kommuner/${m.code}` : `${origin}/avtal/${a.id}`;
    const email = (await listContacts(ctx, a.id)).find((c) => c.email)?.email ?? null;
    const demo = a.demo ? ' Innehåller demodata.' : '';
    datasets.push({
      uri: `${origin}/data/${a.id}#dataset`,
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
        name
      },
      contact: { name, email, url: `${page}#kontakt` },
      keywords: ['medborgarlöfte', 'brottsförebyggande', 'trygghet', 'polisen', name],
      temporal: a.period,
      demo: a.demo,
      distributions: [
        {
          url: `${origin}/api/v1/agreements/${a.id}`,
          title: { sv: 'Överenskommelsen som JSON', en: 'The agreement as JSON' },
          mediaType: 'application/json',
          format: 'JSON'
        },
        {
          url: `${origin}/data/${a.id}/plan.csv`,
          title: { sv: 'Planen som CSV', en: 'The plan as CSV' },
          mediaType: 'text/csv',
          format: 'CSV'
        },
        {
          url: `${origin}/data/${a.id}/uppfoljning.csv`,
          title: {
            sv: 'Uppföljningen per tertial som CSV',
            en: 'The follow-up per tertial as CSV'
          },
          mediaType: 'text/csv',
          format: 'CSV'
        }
      ]
    });
  }
  return {
    uri: `${origin}/data/katalog.rdf#catalog`,
    homepage: `${origin}/data`,
    title: { sv: 'Medborgarlöften – öppna data', en: 'Citizen promises – open data' },
    description: {
      sv: 'Medborgarlöften mellan polisen och kommuner: planer, uppföljning och API.',
      en: 'Citizen promises between the Swedish Police and municipalities: plans, follow-up and API.'
    },
    publisher: { uri: `${origin}/#organisation`, name: 'Löften' },
    licence: LICENCE.url,
    datasets
  };
}
