import type {
  Catalogue,
  CatalogueAgent,
  CatalogueDataset,
  CatalogueDistribution,
  CataloguePlace
} from './dcat-model';
import { LANGUAGE, THEME } from './dcat-model';
import { escapeXml as x } from '../shared/chart-svg';

// Every referenced resource is written with its class (dct:LicenseDocument, skos:Concept, …): the
// DCAT-AP 3 range shapes check the class, and a harvester then needs no external vocabulary.
const EU = 'http://publications.europa.eu/resource/authority';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const WKT = 'http://www.opengis.net/ont/geosparql#wktLiteral';

const text = (tag: string, value: { sv: string; en: string }) =>
  `<${tag} xml:lang="sv">${x(value.sv)}</${tag}><${tag} xml:lang="en">${x(value.en)}</${tag}>`;
const ref = (tag: string, uri: string) => `<${tag} rdf:resource="${x(uri)}"/>`;
/** A property whose value is a resource of a class, e.g. typed(dct:license, dct:LicenseDocument, …). */
const typed = (tag: string, cls: string, uri: string, inner = '') =>
  `<${tag}><${cls} rdf:about="${x(uri)}">${inner}</${cls}></${tag}>`;
const date = (tag: string, value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `<${tag} rdf:datatype="${XSD}date">${x(value)}</${tag}>`
    : `<${tag} rdf:datatype="${XSD}dateTime">${x(value)}</${tag}>`;

/** A concept of a controlled vocabulary, with the label the shapes ask for. */
const concept = (tag: string, uri: string, label: { sv: string; en: string }) =>
  typed(tag, 'skos:Concept', uri, text('skos:prefLabel', label));
/** Labels of the concepts used here, as their vocabularies name them. */
const LABELS: Record<string, { sv: string; en: string }> = {
  'http://purl.org/adms/publishertype/LocalAuthority': {
    sv: 'Lokal myndighet',
    en: 'Local Authority'
  },
  'http://purl.org/adms/publishertype/NationalAuthority': {
    sv: 'Nationell myndighet',
    en: 'National authority'
  },
  [THEME]: {
    sv: 'Rättvisa, rättsliga system och allmän säkerhet',
    en: 'Justice, legal system and public safety'
  }
};
const label = (uri: string) => LABELS[uri] ?? { sv: uri, en: uri };

const agent = (tag: string, a: CatalogueAgent) =>
  typed(
    tag,
    'foaf:Agent',
    a.uri,
    `<foaf:name xml:lang="sv">${x(a.name)}</foaf:name>` + concept('dct:type', a.type, label(a.type))
  );
const place = (p: CataloguePlace) =>
  typed(
    'dct:spatial',
    'dct:Location',
    p.uri,
    (p.name ? `<locn:geographicName xml:lang="sv">${x(p.name)}</locn:geographicName>` : '') +
      (p.bbox ? `<dcat:bbox rdf:datatype="${WKT}">${x(p.bbox)}</dcat:bbox>` : '') +
      (p.centroid ? `<dcat:centroid rdf:datatype="${WKT}">${x(p.centroid)}</dcat:centroid>` : '')
  );
// CC0 (LICENCE in public-data.service): a public-domain dedication in the ADMS licence types.
const licence = (uri: string) =>
  typed(
    'dct:license',
    'dct:LicenseDocument',
    uri,
    concept('dct:type', 'http://purl.org/adms/licencetype/PublicDomain', {
      sv: 'Allmän egendom',
      en: 'Public domain'
    })
  );
const language = typed('dct:language', 'dct:LinguisticSystem', LANGUAGE);

function distribution(s: CatalogueDistribution, licenceUri: string): string {
  return (
    `<dcat:distribution><dcat:Distribution rdf:about="${x(s.url)}#distribution">` +
    text('dct:title', s.title) +
    text('dct:description', s.description) +
    typed('dcat:accessURL', 'rdfs:Resource', s.url) +
    typed('dcat:downloadURL', 'rdfs:Resource', s.url) +
    typed(
      'dcat:mediaType',
      'dct:MediaType',
      `http://www.iana.org/assignments/media-types/${s.mediaType}`
    ) +
    typed('dct:format', 'dct:MediaTypeOrExtent', `${EU}/file-type/${s.format}`) +
    // Served by the site itself, as long as it runs: "available", not "stable" or "temporary".
    concept('dcatap:availability', `${EU}/planned-availability/AVAILABLE`, {
      sv: 'Tillgänglig',
      en: 'available'
    }) +
    licence(licenceUri) +
    `</dcat:Distribution></dcat:distribution>`
  );
}

function dataset(d: CatalogueDataset, licenceUri: string): string {
  const contact =
    `<dcat:contactPoint><vcard:Kind rdf:about="${x(d.contact.url)}">` +
    ref('rdf:type', 'http://www.w3.org/2006/vcard/ns#Organization') +
    `<vcard:fn>${x(d.contact.name)}</vcard:fn>` +
    (d.contact.email ? ref('vcard:hasEmail', `mailto:${d.contact.email}`) : '') +
    ref('vcard:hasURL', d.contact.url) +
    `</vcard:Kind></dcat:contactPoint>`;
  return (
    `<dcat:dataset><dcat:Dataset rdf:about="${x(d.uri)}">` +
    `<dct:identifier>${x(d.identifier)}</dct:identifier>` +
    text('dct:title', d.title) +
    text('dct:description', d.description) +
    agent('dct:publisher', d.publisher) +
    (d.police ? agent('dct:creator', d.police) : '') +
    contact +
    concept('dcat:theme', THEME, label(THEME)) +
    language +
    typed('dcat:landingPage', 'foaf:Document', d.landingPage) +
    typed('dct:accessRights', 'dct:RightsStatement', `${EU}/access-right/PUBLIC`) +
    date('dct:issued', d.issued) +
    date('dct:modified', d.modified) +
    d.keywords.map((k) => `<dcat:keyword xml:lang="sv">${x(k)}</dcat:keyword>`).join('') +
    d.spatial.map(place).join('') +
    `<dct:temporal><dct:PeriodOfTime>${date('dcat:startDate', d.temporal.start)}` +
    `${date('dcat:endDate', d.temporal.end)}</dct:PeriodOfTime></dct:temporal>` +
    d.distributions.map((s) => distribution(s, licenceUri)).join('') +
    `</dcat:Dataset></dcat:dataset>`
  );
}

/** The catalogue as DCAT-AP-SE RDF/XML, what Sweden's data portal (dataportal.se) harvests. */
export function catalogueRdf(c: Catalogue): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" ` +
    `xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dcatap="http://data.europa.eu/r5r/" ` +
    `xmlns:dct="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/" ` +
    `xmlns:locn="http://www.w3.org/ns/locn#" xmlns:skos="http://www.w3.org/2004/02/skos/core#" ` +
    `xmlns:vcard="http://www.w3.org/2006/vcard/ns#">\n` +
    `<dcat:Catalog rdf:about="${x(c.uri)}">` +
    text('dct:title', c.title) +
    text('dct:description', c.description) +
    agent('dct:publisher', c.publisher) +
    typed('foaf:homepage', 'foaf:Document', c.homepage) +
    licence(c.licence) +
    language +
    (c.issued ? date('dct:issued', c.issued) : '') +
    (c.modified ? date('dct:modified', c.modified) : '') +
    c.spatial.map(place).join('') +
    typed(
      'dcat:themeTaxonomy',
      'skos:ConceptScheme',
      `${EU}/data-theme`,
      text('dct:title', { sv: 'Datateman', en: 'Data theme' })
    ) +
    c.datasets.map((d) => '\n' + dataset(d, c.licence)).join('') +
    `\n</dcat:Catalog>\n</rdf:RDF>\n`
  );
}
