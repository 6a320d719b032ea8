import type { Catalogue, CatalogueDataset } from '../../services/publication/catalogue.service';
import { LANGUAGE, THEME } from '../../services/publication/catalogue.service';
import { escapeXml as x } from '../shared/chart-svg';

const text = (tag: string, value: { sv: string; en: string }) =>
  `<${tag} xml:lang="sv">${x(value.sv)}</${tag}><${tag} xml:lang="en">${x(value.en)}</${tag}>`;
const ref = (tag: string, uri: string) => `<${tag} rdf:resource="${x(uri)}"/>`;
const agent = (a: { uri: string; name: string }) =>
  `<dct:publisher><foaf:Agent rdf:about="${x(a.uri)}"><foaf:name xml:lang="sv">${x(a.name)}</foaf:name>` +
  `${ref('dct:type', 'http://purl.org/adms/publishertype/LocalAuthority')}</foaf:Agent></dct:publisher>`;

function dataset(d: CatalogueDataset, licence: string): string {
  const distributions = d.distributions
    .map(
      (s) =>
        `<dcat:distribution><dcat:Distribution rdf:about="${x(s.url)}#distribution">` +
        text('dct:title', s.title) +
        ref('dcat:accessURL', s.url) +
        ref('dcat:downloadURL', s.url) +
        ref('dcat:mediaType', `http://www.iana.org/assignments/media-types/${s.mediaType}`) +
        ref(
          'dct:format',
          `http://publications.europa.eu/resource/authority/file-type/${s.format}`
        ) +
        ref('dct:license', licence) +
        `</dcat:Distribution></dcat:distribution>`
    )
    .join('');
  const contact =
    `<dcat:contactPoint><vcard:Organization><vcard:fn>${x(d.contact.name)}</vcard:fn>` +
    (d.contact.email ? ref('vcard:hasEmail', `mailto:${d.contact.email}`) : '') +
    ref('vcard:hasURL', d.contact.url) +
    `</vcard:Organization></dcat:contactPoint>`;
  return (
    `<dcat:dataset><dcat:Dataset rdf:about="${x(d.uri)}">` +
    `<dct:identifier>${x(d.identifier)}</dct:identifier>` +
    text('dct:title', d.title) +
    text('dct:description', d.description) +
    agent(d.publisher) +
    contact +
    ref('dcat:theme', THEME) +
    ref('dct:language', LANGUAGE) +
    ref('dcat:landingPage', d.landingPage) +
    ref('dct:license', licence) +
    ref(
      'dct:accessRights',
      'http://publications.europa.eu/resource/authority/access-right/PUBLIC'
    ) +
    d.keywords.map((k) => `<dcat:keyword xml:lang="sv">${x(k)}</dcat:keyword>`).join('') +
    `<dct:temporal><dct:PeriodOfTime><dcat:startDate rdf:datatype="http://www.w3.org/2001/XMLSchema#date">${d.temporal.start}</dcat:startDate>` +
    `<dcat:endDate rdf:datatype="http://www.w3.org/2001/XMLSchema#date">${d.temporal.end}</dcat:endDate></dct:PeriodOfTime></dct:temporal>` +
    distributions +
    `</dcat:Dataset></dcat:dataset>`
  );
}

/** The catalogue as DCAT-AP-SE RDF/XML, what Sweden's data portal (dataportal.se) harvests. */
export function catalogueRdf(c: Catalogue): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#" ` +
    `xmlns:dct="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/" xmlns:vcard="http://www.w3.org/2006/vcard/ns#">\n` +
    `<dcat:Catalog rdf:about="${x(c.uri)}">` +
    text('dct:title', c.title) +
    text('dct:description', c.description) +
    agent(c.publisher) +
    ref('foaf:homepage', c.homepage) +
    ref('dct:license', c.licence) +
    ref('dct:language', LANGUAGE) +
    ref('dcat:themeTaxonomy', 'http://publications.europa.eu/resource/authority/data-theme') +
    c.datasets.map((d) => '\n' + dataset(d, c.licence)).join('') +
    `\n</dcat:Catalog>\n</rdf:RDF>\n`
  );
}
