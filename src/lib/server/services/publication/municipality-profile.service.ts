import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AA_TEXT, contrastRatio, isHexColour } from '../../../core/contrast';
import { changerId, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findMunicipalityByCode } from '../../db/repositories/accounts/organisation.repository';
import {
  findLogo,
  findProfile,
  saveProfile
} from '../../db/repositories/publication/municipality-profile.repository';
import { municipalityToEdit } from '../agreements/municipality-editing';
import { recordAudit } from '../shared/audit.service';
import { mapTilesInput } from './map-tiles.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { parseInput } from '../shared/validation';

/** The largest logo accepted: a logo on a page needs no more, and it is stored in the database. */
export const LOGO_MAX_BYTES = 200 * 1024;

/** The white of text on the colour (page band, PDF header, widget heading). */
const ON_COLOUR = '#ffffff';

const ratio = (n: number) => n.toFixed(1).replace('.', ',');

const profileInput = z.object({
  colour: z
    .string()
    .trim()
    .transform((v) => v.toLowerCase())
    .superRefine((v, c) => {
      if (!v) return;
      if (!isHexColour(v)) {
        c.addIssue({
          code: 'custom',
          message: 'Skriv färgen som #rrggbb, till exempel #1a4d8f, eller lämna fältet tomt.'
        });
        return;
      }
      const r = contrastRatio(v, ON_COLOUR);
      if (r < AA_TEXT)
        c.addIssue({
          code: 'custom',
          message: `Färgen ${v} ger för låg kontrast mot vit text (${ratio(r)}:1). Välj en mörkare färg med minst 4,5:1, så att texten går att läsa.`
        });
    })
    .default(''),
  logoAlt: z
    .string()
    .trim()
    .max(200, { message: 'Beskriv logotypen med högst 200 tecken.' })
    .default(''),
  contactName: z
    .string()
    .trim()
    .max(120, { message: 'Skriv namnet med högst 120 tecken.' })
    .default(''),
  contactEmail: z
    .string()
    .trim()
    .max(200)
    .refine((v) => !v || z.email().safeParse(v).success, {
      message: 'Skriv en e-postadress som namn@kommun.se, eller lämna fältet tomt.'
    })
    .default(''),
  contactPhone: z
    .string()
    .trim()
    .refine((v) => !v || /^\+?[0-9][0-9 ()-]{4,19}$/.test(v), {
      message: 'Skriv telefonnumret med siffror, till exempel 0918-140 00, eller lämna fältet tomt.'
    })
    .default('')
});

/** An uploaded logo as the route hands it over: its bytes (empty when no file was chosen). */
export type LogoUpload = { bytes: Uint8Array; remove?: boolean };

/** The image type of a logo from its first bytes: PNG or JPEG, else null. */
export function logoType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

function readLogo(upload: LogoUpload | undefined) {
  if (!upload || upload.remove) return upload?.remove ? { type: null, data: null } : undefined;
  if (!upload.bytes.length) return undefined;
  if (upload.bytes.length > LOGO_MAX_BYTES)
    throw new ValidationError([
      {
        field: 'logo',
        message: `Logotypen är ${Math.ceil(upload.bytes.length / 1024)} kB. Den får vara högst ${LOGO_MAX_BYTES / 1024} kB: spara den mindre och försök igen.`
      }
    ]);
  const type = logoType(upload.bytes);
  if (!type)
    throw new ValidationError([
      {
        field: 'logo',
        message:
          'Logotypen måste vara en PNG- eller JPEG-bild. SVG och andra format tas inte emot, eftersom rapporternas PDF inte kan visa dem.'
      }
    ]);
  return { type, data: Buffer.from(upload.bytes).toString('base64') };
}

/** The profile as its settings page shows it. */
export async function profileForEditing(ctx: Ctx, actor: Changer, code: string) {
  const m = await municipalityToEdit(
    ctx,
    actor,
    code,
    'Bara kommunens redaktörer får ändra kommunens inställningar.'
  );
  const p = await findProfile(ctx.db, m.id);
  return {
    municipality: { code, name: m.name },
    colour: p?.colour ?? '',
    logoAlt: p?.logo_alt ?? '',
    hasLogo: !!p?.logo_type,
    logoHref: p?.logo_type ? logoHref(code, p.updated_at) : null,
    contactName: p?.contact_name ?? '',
    contactEmail: p?.contact_email ?? '',
    contactPhone: p?.contact_phone ?? '',
    mapTileUrl: p?.map_tile_url ?? '',
    mapAttribution: p?.map_attribution ?? ''
  };
}

/**
 * Saves a municipality's colour (refused below WCAG AA 4.5:1 with white text), logo (PNG or JPEG,
 * at most 200 kB; or removed), contact and walk map tiles (an https template with {z}/{x}/{y} and
 * its attribution, or none). Only its own editors may; the change is audited.
 */
export async function saveMunicipalityProfile(
  ctx: Ctx,
  actor: Changer,
  code: string,
  input: unknown,
  logo?: LogoUpload
): Promise<void> {
  const m = await municipalityToEdit(
    ctx,
    actor,
    code,
    'Bara kommunens redaktörer får ändra kommunens inställningar.'
  );
  const v = parseInput(profileInput.and(mapTilesInput), input);
  const image = readLogo(logo);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await saveProfile(trx, m.id, {
      colour: v.colour || null,
      logo_alt: v.logoAlt,
      contact_name: v.contactName,
      contact_email: v.contactEmail,
      contact_phone: v.contactPhone,
      map_tile_url: v.mapTileUrl || null,
      map_attribution: v.mapTileUrl ? v.mapAttribution : '',
      ...(image ? { logo_type: image.type, logo_data: image.data } : {}),
      updated_at: at,
      updated_by: changerId(actor)
    });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: m.id,
      action: 'municipality.profile',
      entity: 'organisation',
      entityId: m.id,
      after: {
        colour: v.colour || null,
        contact: v.contactName,
        mapTiles: v.mapTileUrl || null,
        logo: image === undefined ? 'unchanged' : image.type ? 'replaced' : 'removed'
      }
    });
  });
}

/** The logo's address, changing whenever the profile changes so caches never show an old one. */
const logoHref = (code: string, updatedAt: string) =>
  `/kommuner/${code}/logotyp?v=${createHash('sha256').update(updatedAt).digest('hex').slice(0, 10)}`;

/** What public pages, reports and the widget use of a municipality's profile; nulls where unset. */
export type PublicProfile = {
  colour: string | null;
  logo: { href: string; alt: string } | null;
  contact: { name: string; email: string; phone: string } | null;
};

/** A municipality's public profile by its id and code. */
export async function publicProfile(
  ctx: Ctx,
  municipalityId: string,
  code: string
): Promise<PublicProfile> {
  const p = await findProfile(ctx.db, municipalityId);
  if (!p) return { colour: null, logo: null, contact: null };
  const hasContact = !!(p.contact_name || p.contact_email || p.contact_phone);
  return {
    colour: p.colour,
    logo: p.logo_type ? { href: logoHref(code, p.updated_at), alt: p.logo_alt } : null,
    contact: hasContact
      ? { name: p.contact_name, email: p.contact_email, phone: p.contact_phone }
      : null
  };
}

/** A municipality's logo bytes and type, for its address and for the PDF header, or NotFound. */
export async function municipalityLogo(ctx: Ctx, code: string) {
  const m = await findMunicipalityByCode(ctx.db, code);
  const logo = m ? await findLogo(ctx.db, m.id) : undefined;
  if (!logo?.logo_data || !logo.logo_type)
    throw new NotFoundError(`Kommunen med kommunkod ${code} har ingen logotyp.`);
  return { type: logo.logo_type, bytes: Buffer.from(logo.logo_data, 'base64') };
}

/** A municipality's colour and logo bytes for its reports' PDFs (nulls where unset). */
export async function reportBrand(
  ctx: Ctx,
  code: string
): Promise<{ colour: string | null; logo: Buffer | null }> {
  const m = await findMunicipalityByCode(ctx.db, code);
  const p = m ? await findProfile(ctx.db, m.id) : undefined;
  if (!m || !p) return { colour: null, logo: null };
  const logo = p.logo_type ? await findLogo(ctx.db, m.id) : undefined;
  return {
    colour: p.colour,
    logo: logo?.logo_data ? Buffer.from(logo.logo_data, 'base64') : null
  };
}
