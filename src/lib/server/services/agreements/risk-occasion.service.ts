import { z } from 'zod';
import { isoDate, parseInput } from '../shared/validation';
import {
  defaultRiskOccasions,
  isIsoDate,
  riskWeekendOf,
  RISK_OCCASION_NAMES,
  swedishHolidays
} from '../../../core';
import { can, type Actor, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import { municipalityOfficialName } from '../../reference/sweden';
import { findMunicipalityByCode } from '../../db/repositories/accounts/organisation.repository';
import {
  riskOccasionsOf,
  upsertRiskOccasion
} from '../../db/repositories/agreements/risk-occasion.repository';
import { auditedChange } from '../shared/audit.service';
import { municipalityToEdit } from './municipality-editing';
import { NotFoundError, ValidationError } from '../shared/errors';

/** A municipality's risk calendar for a year: each occasion with its date, its risk weekend and whether the municipality set it. */
export async function riskCalendar(ctx: Ctx, actor: Actor | null, code: string, year: number) {
  const municipality = await findMunicipalityByCode(ctx.db, code);
  if (!municipality) throw new NotFoundError(`Det finns ingen kommun med kommunkod ${code}.`);
  // A date saved before dates were checked strictly must not break the page.
  const own = (await riskOccasionsOf(ctx.db, [municipality.id], year, year)).filter((o) =>
    isIsoDate(o.occurs_on)
  );

  const overrides = Object.fromEntries(own.map((o) => [o.key, o.occurs_on]));
  const names = Object.fromEntries(own.map((o) => [o.key, o.name]));
  return {
    municipality: {
      id: municipality.id,
      code,
      name: municipality.name,
      officialName: municipalityOfficialName(municipality.name)
    },
    year,
    editable: can(actor, 'agreement.edit', [municipality.id]),
    occasions: defaultRiskOccasions(year, overrides).map((o) => ({
      ...o,
      name: names[o.key] ?? o.name,
      setByMunicipality: o.key in overrides,
      weekend: riskWeekendOf(o.date)
    })),
    missing: (['skolavslutning', 'studenten'] as const)
      .filter((k) => !(k in overrides))
      .map((k) => ({ key: k, name: RISK_OCCASION_NAMES[k] })),
    holidays: swedishHolidays(year)
  };
}

const input = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000, { message: 'Ange ett år.' })
    .max(2100, { message: 'Ange ett år.' }),
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, {
      message: 'Nyckeln får bara ha små bokstäver a–z, siffror och bindestreck.'
    }),
  name: z
    .string()
    .trim()
    .min(1, { message: 'Skriv tillfällets namn, till exempel "Skolavslutning".' })
    .max(100),
  date: isoDate()
});

/** Sets or moves one of a municipality's risk occasions for a year (its editors may). */
export async function setRiskOccasion(
  ctx: Ctx,
  actor: Changer,
  code: string,
  raw: unknown
): Promise<void> {
  const municipality = await municipalityToEdit(
    ctx,
    actor,
    code,
    'Bara kommunens redaktörer får ändra riskhelgerna.'
  );
  const v = parseInput(input, raw);
  if (!v.date.startsWith(String(v.year)))
    throw new ValidationError([{ field: 'date', message: `Datumet ska ligga under ${v.year}.` }]);
  await auditedChange(
    ctx,
    actor,
    {
      organisationId: municipality.id,
      action: 'risk-occasion.set',
      entity: 'risk_occasion',
      entityId: `${municipality.id}/${v.year}/${v.key}`,
      after: v
    },
    async (trx) => {
      await upsertRiskOccasion(trx, {
        id: newId(),
        municipality_id: municipality.id,
        year: v.year,
        key: v.key,
        name: v.name,
        occurs_on: v.date
      });
    }
  );
}
