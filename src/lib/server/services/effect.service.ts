import { z } from 'zod';
import { changerId, type Changer } from '../auth/policy';
import type { Ctx } from '../context';
import { newId } from '../context';
import {
  findIndicator,
  insertEffect,
  nextPosition,
  upsertIndicatorValue
} from '../db/repositories/agreement-parts.repository';
import { assertCanEdit } from './agreement.service';
import { recordAudit } from './audit.service';
import { ValidationError } from './errors';
import { isoDate, parseInput } from './validation';

const parse = parseInput;

const effectInput = z.object({
  title: z.string().trim().min(1, { message: 'Skriv effekten.' }).max(1000),
  direction: z.enum(['increase', 'decrease'], { message: 'Välj öka eller minska.' }),
  indicatorName: z.string().trim().max(300).default(''),
  indicatorUnit: z.string().trim().max(50).default(''),
  indicatorSource: z.string().trim().max(300).default('')
});

/** Adds an effect sought, optionally with one indicator measured over time. */
export async function addEffect(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown
): Promise<{ id: string }> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = parse(effectInput, input);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertEffect(
      trx,
      {
        id,
        agreement_id: agreementId,
        position: await nextPosition(trx, 'effects', agreementId),
        title: v.title,
        direction: v.direction
      },
      v.indicatorName
        ? [
            {
              id: newId(),
              effect_id: id,
              name: v.indicatorName,
              unit: v.indicatorUnit,
              direction: v.direction,
              source: v.indicatorSource
            }
          ]
        : []
    );
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: 'effect.create',
      entity: 'effect',
      entityId: id,
      after: v
    });
  });
  return { id };
}

const valueInput = z.object({
  indicatorId: z.string().min(1, { message: 'Välj indikator.' }),
  date: isoDate(),
  value: z.coerce
    .number({ message: 'Skriv värdet som ett tal, till exempel 72,5.' })
    .refine((n) => Number.isFinite(n), { message: 'Skriv värdet som ett tal, till exempel 72,5.' })
});

/** Records a measured value of an effect's indicator, so the effect can be followed over time. */
export async function addIndicatorValue(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const raw = typeof input === 'object' && input ? { ...(input as Record<string, unknown>) } : {};
  // Swedish decimal commas ("72,5") are fine.
  if (typeof raw.value === 'string') raw.value = raw.value.replace(',', '.').trim();
  const v = parse(valueInput, raw);
  const indicator = await findIndicator(ctx.db, agreementId, v.indicatorId);
  if (!indicator)
    throw new ValidationError([
      { field: 'indicatorId', message: 'Indikatorn finns inte i överenskommelsen.' }
    ]);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertIndicatorValue(trx, {
      indicator_id: indicator.id,
      measured_on: v.date,
      value: v.value
    });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: 'indicator.value',
      entity: 'indicator',
      entityId: indicator.id,
      after: { date: v.date, value: v.value }
    });
  });
}
