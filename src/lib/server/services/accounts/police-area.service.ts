import { z } from 'zod';
import { isAdmin, SYSTEM, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  findOrganisation,
  insertOrganisations,
  searchOrganisations
} from '../../db/repositories/accounts/organisation.repository';
import { COUNTY_REGIONS, MUNICIPALITIES } from '../../reference/sweden';
import { auditedChange } from '../shared/audit.service';
import { fieldErrorsFromZod, ForbiddenError, ValidationError } from '../shared/errors';
import { regionId } from './organisation.service';

// The Police publish no list of local police areas (lokalpolisområden) we could load as reference
// data, so an instance admin adds the ones an instance needs, each under one of the seven regions.

const REGIONS = [...new Set(COUNTY_REGIONS.map((c) => c.region))];

const fold = (s: string) =>
  s
    .trim()
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** The region's short name ("Nord") from "Nord", "polisregion nord", "Polisregion Nord" or its id. */
const regionOf = (ref: string): string | undefined => {
  const q = fold(ref).replace(/^polisregion[\s-]+/, '');
  return REGIONS.find((r) => fold(r) === q || regionId(r) === fold(ref));
};

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

const policeAreaInput = z
  .object({
    region: z
      .string({ message: 'Ange polisregionen, till exempel Nord.' })
      .trim()
      .min(1, { message: 'Ange polisregionen, till exempel Nord.' })
      .transform((v, c) => {
        const region = regionOf(v);
        if (region) return region;
        c.addIssue({
          code: 'custom',
          message: `Det finns ingen polisregion "${v}". Välj en av: ${REGIONS.join(', ')}.`
        });
        return z.NEVER;
      }),
    name: z
      .string({ message: 'Skriv polisområdets namn, till exempel "Lokalpolisområde Umeå".' })
      .trim()
      .min(3, { message: 'Skriv polisområdets namn, till exempel "Lokalpolisområde Umeå".' })
      .max(120, { message: 'Namnet får vara högst 120 tecken.' }),
    // A list, or the CLI's "2401,2403".
    municipalities: z
      .union([z.array(z.string()), z.string()], {
        message: 'Skriv kommunkoder, till exempel 2480,2482.'
      })
      .optional()
      .transform((v, c) => {
        const codes = (typeof v === 'string' ? v.split(',') : (v ?? []))
          .map((x) => x.trim())
          .filter(Boolean);
        for (const code of codes.filter((x) => !byCode.has(x)))
          c.addIssue({
            code: 'custom',
            message: `${code} är ingen kommunkod. Skriv fyrsiffriga koder, till exempel 2480,2482.`
          });
        return codes.flatMap((x) => byCode.get(x) ?? []);
      })
  })
  .superRefine(
    (v, c) => {
      const counties = new Set(
        COUNTY_REGIONS.filter((x) => x.region === v.region).map((x) => x.countyCode)
      );
      for (const m of v.municipalities.filter((x) => !counties.has(x.countyCode)))
        c.addIssue({
          code: 'custom',
          path: ['municipalities'],
          message: `${m.name} (${m.code}) ligger i ${m.county}, som inte hör till polisregion ${v.region}.`
        });
    },
    // Also when the name or a code is wrong, so every wrong field is named at once; the known
    // municipalities are then checked against a region that was found.
    {
      when: (p) =>
        !p.issues.some((i) => i.path?.[0] === 'region') &&
        Array.isArray((p.value as { municipalities?: unknown }).municipalities)
    }
  );

/** A police area as created: where it sits and the municipalities it was said to cover. */
export type CreatedPoliceArea = {
  id: string;
  name: string;
  region: string;
  regionId: string;
  municipalities: { code: string; name: string }[];
};

/** The id of a local police area, from its name: "Lokalpolisområde Umeå" → lpo-lokalpolisomrade-umea. */
export const policeAreaId = (name: string) =>
  `lpo-${fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

/**
 * Creates a local police area (lokalpolisområde) under a police region. Only an instance admin
 * (or the system, for the CLI) may. The region must be one of the seven, the name new in the
 * instance, and every municipality code (optional) a municipality in the region's counties.
 */
export async function addPoliceArea(
  ctx: Ctx,
  actor: Changer,
  input: unknown
): Promise<CreatedPoliceArea> {
  if (actor !== SYSTEM && !isAdmin(actor))
    throw new ForbiddenError('Bara administratörer får lägga till polisområden.');
  // Every wrong field at once: the schema's, and a name the instance already has.
  const parsed = policeAreaInput.safeParse(input);
  const fields = parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues);
  const name = parsed.success
    ? parsed.data.name
    : z.object({ name: z.string().trim().min(3) }).safeParse(input).data?.name;
  const id = name ? policeAreaId(name) : '';
  const taken = name
    ? ((await findOrganisation(ctx.db, id)) ??
      (await searchOrganisations(ctx.db, 'police_area', '', 5000, 0)).find(
        (o) => fold(o.name) === fold(name)
      ))
    : undefined;
  if (taken)
    fields.push({
      field: 'name',
      message: `Det finns redan ett polisområde som heter ${taken.name}.`
    });
  if (!parsed.success || fields.length) throw new ValidationError(fields);
  const v = parsed.data;
  const { region, municipalities } = v;

  const parentId = regionId(region);
  const countyCodes = [...new Set(municipalities.map((m) => m.countyCode))];
  const created: CreatedPoliceArea = {
    id,
    name: v.name,
    region,
    regionId: parentId,
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name }))
  };
  await auditedChange(
    ctx,
    actor,
    {
      organisationId: id,
      action: 'police-area.create',
      entity: 'organisation',
      entityId: id,
      after: created
    },
    (trx) =>
      insertOrganisations(trx, [
        {
          id,
          kind: 'police_area',
          name: v.name,
          code: null,
          level: 'lokalpolisomrade',
          parent_id: parentId,
          // One county when the municipalities share it (school holidays and the like go by county).
          county_code: countyCodes.length === 1 ? countyCodes[0]! : null,
          party_type: null,
          owner_id: null,
          created_at: ctx.now().toISOString()
        }
      ])
  );
  return created;
}

/** A police region with the areas under it, for the administration page. */
export type PoliceRegionView = {
  id: string;
  name: string;
  areas: { id: string; name: string; level: string | null; within: string | null }[];
};

/** The seven police regions, each with the police areas under it (at any depth), by name. */
export async function listPoliceRegions(ctx: Ctx): Promise<PoliceRegionView[]> {
  const all = await searchOrganisations(ctx.db, 'police_area', '', 5000, 0);
  const byId = new Map(all.map((o) => [o.id, o]));
  const regionOfArea = (id: string | null, depth = 0): string | null => {
    const o = id ? byId.get(id) : undefined;
    if (!o || depth > 5) return null;
    return o.level === 'polisregion' ? o.id : regionOfArea(o.parent_id, depth + 1);
  };
  const sv = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');
  return all
    .filter((o) => o.level === 'polisregion')
    .sort(sv)
    .map((r) => ({
      id: r.id,
      name: r.name,
      areas: all
        .filter((o) => o.id !== r.id && regionOfArea(o.parent_id) === r.id)
        .sort(sv)
        .map((o) => ({
          id: o.id,
          name: o.name,
          level: o.level,
          // The polisområde an area sits in, when it is not directly under the region.
          within: o.parent_id && o.parent_id !== r.id ? (byId.get(o.parent_id)?.name ?? null) : null
        }))
    }));
}
