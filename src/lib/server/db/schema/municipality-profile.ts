/**
 * A municipality's own look and contact for its public page, reports and widget: a logo (PNG or
 * JPEG, stored as base64 text so both databases keep it alike), a colour that passes WCAG AA
 * with white text, and the contact residents see.
 */
export type MunicipalityProfileTable = {
  organisation_id: string;
  /** '#rrggbb', or null for the product's own colour. */
  colour: string | null;
  logo_type: 'image/png' | 'image/jpeg' | null;
  /** The logo's bytes as base64. */
  logo_data: string | null;
  /** A short description of the logo for screen readers, e.g. "Norsjö kommuns logotyp". */
  logo_alt: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  /** The walk maps' tile address: https, with {z}, {x} and {y}; null for no map (lists only). */
  map_tile_url: string | null;
  /** The tiles' attribution, as their licence asks (required with a tile address). */
  map_attribution: string;
  updated_at: string;
  updated_by: string | null;
};
