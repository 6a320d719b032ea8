/** What the DCAT-AP-SE catalogue is made of: the input of dcat-rdf.ts, built by catalogue.service.ts. */

/** A distribution of a dataset: one way to get the data. */
export type CatalogueDistribution = {
  url: string;
  title: { sv: string; en: string };
  description: { sv: string; en: string };
  /** An IANA media type, e.g. text/csv. */
  mediaType: string;
  /** A code of the EU file-type vocabulary, e.g. CSV. */
  format: string;
};

/** An organisation as a foaf:Agent: its URI, name and EU publisher type. */
export type CatalogueAgent = { uri: string; name: string; type: string };

/**
 * A place: a URI of an EU authority list, or our own URI for a municipality with its name; with
 * WKT geometry (WGS 84, longitude first) where we know it.
 */
export type CataloguePlace = {
  uri: string;
  name: string | null;
  bbox?: string;
  centroid?: string;
};

/** Where a dataset's contact e-mail came from (docs/OPEN-DATA.md). */
export type ContactSource = 'public-contact' | 'instance' | 'demo' | 'none';

/** A dataset per published agreement, as DCAT-AP-SE describes it. */
export type CatalogueDataset = {
  uri: string;
  identifier: string;
  title: { sv: string; en: string };
  description: { sv: string; en: string };
  landingPage: string;
  publisher: CatalogueAgent;
  /** The police area that made the promise with the municipality, when it is known. */
  police: CatalogueAgent | null;
  contact: { name: string; email: string | null; url: string; source: ContactSource };
  keywords: string[];
  temporal: { start: string; end: string };
  spatial: CataloguePlace[];
  /** Day the agreement was signed (else created), and the instant of its latest change. */
  issued: string;
  modified: string;
  demo: boolean;
  distributions: CatalogueDistribution[];
};

/** The catalogue: who publishes, under which licence, and the datasets. */
export type Catalogue = {
  uri: string;
  homepage: string;
  title: { sv: string; en: string };
  description: { sv: string; en: string };
  publisher: CatalogueAgent;
  licence: string;
  /** The first dataset's issue day and the latest change of any dataset (null: no datasets). */
  issued: string | null;
  modified: string | null;
  spatial: CataloguePlace[];
  datasets: CatalogueDataset[];
};

/** The EU data theme "Justice, legal system and public safety", and Swedish as the language. */
export const THEME = 'http://publications.europa.eu/resource/authority/data-theme/JUST';
export const LANGUAGE = 'http://publications.europa.eu/resource/authority/language/SWE';
