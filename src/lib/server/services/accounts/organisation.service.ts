import type { Ctx } from '../../context';
import type { OrganisationTable, PoliceLevel } from '../../db/schema';
import {
  countOrganisations,
  findOrganisation,
  findOrganisationsByName,
  insertOrganisations,
  searchOrganisations
} from '../../db/repositories/accounts/organisation.repository';
import { COUNTY_REGIONS, MUNICIPALITIES, municipalityOfficialName } from '../../reference/sweden';

/** An organisation as pages and the API see it. */
export type OrganisationView = {
  id: string;
  kind: OrganisationTable['kind'];
  name: string;
  code: string | null;
  level: PoliceLevel | null;
  parentId: string | null;
  ownerId: string | null;
  partyType: string | null;
  /** The name in running text: "Norsjö kommun", "Göteborgs stad". */
  displayName: string;
};

/** Shapes an organisation row for output. */
export const presentOrganisation = (r: OrganisationTable): OrganisationView => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  code: r.code,
  level: r.level,
  parentId: r.parent_id,
  ownerId: r.owner_id,
  partyType: r.party_type,
  displayName: displayName(r)
});

/** How an organisation is named in running text: a municipality as "Norsjö kommun". */
export const displayName = (o: { name: string; kind: string }): string =>
  o.kind === 'municipality' ? municipalityOfficialName(o.name) : o.name;

/** Stable ids for reference organisations
, so every instance and every test names them alike. */
export const municipalityId = (code: string) => `kommun-${code}`;
export const regionId = (region: string) =>
  `polisregion-${region
    .toLowerCase()
    .replace(/å|ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')}`;

/** Creates the seven police regions and the 290 municipalities when they are missing. */
export async function ensureReferenceData(ctx: Ctx): Promise<{ created: number }> {
  if ((await countOrganisations(ctx.db, 'municipality')) >= MUNICIPALITIES.length)
    return { created: 0 };
  const at = ctx.now().toISOString();
  const regions = [...new Set(COUNTY_REGIONS.map((c) => c.region))];
  const rows: OrganisationTable[] = [
    ...regions.map((region) => ({
      id: regionId(region),
      kind: 'police_area' as const,
      name: `Polisregion ${region}`,
      code: null,
      level: 'polisregion' as const,
      parent_id: null,
      county_code: null,
      party_type: null,
      owner_id: null,
      created_at: at
    })),
    ...MUNICIPALITIES.map((m) => ({
      id: municipalityId(m.code),
      kind: 'municipality' as const,
      name: m.name,
      code: m.code,
      level: null,
      parent_id: null,
      county_code: m.countyCode,
      party_type: null,
      owner_id: null,
      created_at: at
    }))
  ];
  await ctx.db.transaction().execute((trx) => insertOrganisations(trx, rows));
  return { created: rows.length };
}

/** Municipalities matching a search, paged by name. */
export async function searchMunicipalities(
  ctx: Ctx,
  q: string,
  limit = 50,
  offset = 0
): Promise<OrganisationView[]> {
  // 290 rows: matching in JavaScript treats Å/å, "norsjo"/"Norsjö" and codes alike on both databases.
  const words = fold(q);
  const all = (await searchOrganisations(ctx.db, 'municipality', '', 1000, 0)).map(
    presentOrganisation
  );
  const hits = words
    ? all.filter((m) => fold(m.name).includes(words) || (m.code ?? '').startsWith(words))
    : all;
  return hits.sort((a, b) => a.name.localeCompare(b.name, 'sv')).slice(offset, offset + limit);
}

/** Lower case without accents or Swedish dots, so "NORSJO" finds Norsjö. */
const fold = (s: string) =>
  s
    .trim()
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** Police areas, paged by name. */
export async function listPoliceAreas(
  ctx: Ctx,
  limit = 100,
  offset = 0
): Promise<OrganisationView[]> {
  return (await searchOrganisations(ctx.db, 'police_area', '', limit, offset)).map(
    presentOrganisation
  );
}

/** Finds one organisation from an id, a municipality code or an exact name; null if none or several. */
export async function resolveOrganisation(ctx: Ctx, ref: string): Promise<OrganisationView | null> {
  const byId = await findOrganisation(ctx.db, ref);
  if (byId) return presentOrganisation(byId);
  if (/^\d{4}$/.test(ref)) {
    const byCode = await findOrganisation(ctx.db, municipalityId(ref));
    if (byCode) return presentOrganisation(byCode);
  }
  const byName = await findOrganisationsByName(ctx.db, ref);
  return byName.length === 1 && byName[0] ? presentOrganisation(byName[0]) : null;
}
