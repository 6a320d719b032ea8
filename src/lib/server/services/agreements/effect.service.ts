import { z } from 'zod';
import type { Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  deleteEffect,
  findEffect,
  findIndicator,
  insertEffect,
  insertIndicators,
  nextPosition,
  updateEffectRow,
  updateIndicatorRow,
  upsertIndicatorValue
} from '../../db/repositories/agreements/agreement-parts.repository';
import { assertCanEdit } from './agreement.service';
import { auditedChange } from '../shared/audit.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { isoDate, parseInput } from '../shared/validation';

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
  await auditedChange(
    ctx,
    actor,
    {
      action: 'effect.create',
      entity: 'effect',
      entityId: id,
      after: v
    },
    async (trx) => {
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
    }
  );
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
  await auditedChange(
    ctx,
    actor,
    {
      action: 'indicator.value',
      entity: 'indicator',
      entityId: indicator.id,
      after: { date: v.date, value: v.value }
    },
    async (trx) => {
      await upsertIndicatorValue(trx, {
        indicator_id: indicator.id,
        measured_on: v.date,
        value: v.value
      });
    }
  );
}

async function existingEffect(ctx: Ctx, agreementId: string, effectId: string) {
  const effect = await findEffect(ctx.db, agreementId, effectId);
  if (!effect) throw new NotFoundError('Effekten finns inte i överenskommelsen.');
  return effect;
}

/** Changes an effect and its (first) indicator; adds the indicator when it had none. */
export async function updateEffect(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  effectId: string,
  input: unknown
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = parse(effectInput, input);
  const before = await existingEffect(ctx, agreementId, effectId);
  if (!v.indicatorName && before.firstIndicatorId)
    throw new ValidationError([
      {
        field: 'indicatorName',
        message: 'Indikatorn kan inte tas bort här, bara ändras: skriv dess namn.'
      }
    ]);
  await auditedChange(
    ctx,
    actor,
    {
      action: 'effect.update',
      entity: 'effect',
      entityId: effectId,
      before: { title: before.title, direction: before.direction },
      after: v
    },
    async (trx) => {
      await updateEffectRow(trx, effectId, { title: v.title, direction: v.direction });
      const indicator = {
        name: v.indicatorName,
        unit: v.indicatorUnit,
        direction: v.direction,
        source: v.indicatorSource
      };
      if (before.firstIndicatorId)
        await updateIndicatorRow(trx, before.firstIndicatorId, indicator);
      else if (v.indicatorName)
        await insertIndicators(trx, [{ id: newId(), effect_id: effectId, ...indicator }]);
    }
  );
}

/** Removes an effect. Refused once its indicator has measured values: they are the follow-up. */
export async function removeEffect(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  effectId: string
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const before = await existingEffect(ctx, agreementId, effectId);
  if (Number(before.values) > 0)
    throw new ValidationError([
      {
        field: 'id',
        message: `Effekten har ${before.values} mätvärden och kan inte tas bort. Ändra texten i stället.`
      }
    ]);
  await auditedChange(
    ctx,
    actor,
    {
      action: 'effect.remove',
      entity: 'effect',
      entityId: effectId,
      before: { title: before.title, direction: before.direction }
    },
    async (trx) => {
      await deleteEffect(trx, effectId);
    }
  );
}
