import { z } from 'zod';
import type { Ctx } from '../../context';
import {
  auditHead,
  listCheckpoints,
  saveCheckpoint
} from '../../db/repositories/shared/audit.repository';
import { stockholmDate } from '../../../core/stockholm-date';
import { hmac } from './audit-record.service';
import { fieldErrorsFromZod, ValidationError } from './errors';

/** A published checkpoint: on `day` the chain's head was entry `seq` with hash `head`. */
export type Checkpoint = { day: string; seq: number; head: string; mac: string };

export const checkpointMac = (key: Buffer, c: Omit<Checkpoint, 'mac'>) =>
  hmac(key, `loften-checkpoint-v1|${c.day}|${c.seq}|${c.head}`);

/**
 * Writes today's checkpoint (Swedish date) of the chain's current head, replacing an earlier one
 * from today. Null while the chain is empty.
 */
export async function createCheckpoint(ctx: Ctx): Promise<Checkpoint | null> {
  const head = await auditHead(ctx.db);
  if (!head || head.seq === 0) return null;
  const now = ctx.now();
  const c = { day: stockholmDate(now), seq: head.seq, head: head.hash };
  const checkpoint = { ...c, mac: checkpointMac(ctx.config.audit.key, c) };
  await saveCheckpoint(ctx.db, {
    day: c.day,
    seq: c.seq,
    head_hash: c.head,
    mac: checkpoint.mac,
    created_at: now.toISOString()
  });
  return checkpoint;
}

/** A checkpoint as published, with when it was made. */
export type PublishedCheckpoint = Checkpoint & { at: string };

/** The newest checkpoints first: public, no personal data (dates, numbers and hashes). */
export async function publicCheckpoints(
  ctx: Pick<Ctx, 'db'>,
  limit = 400
): Promise<PublishedCheckpoint[]> {
  const rows = await listCheckpoints(ctx.db, limit);
  return rows.map((r) => ({
    day: r.day,
    seq: r.seq,
    head: r.head_hash,
    mac: r.mac,
    at: r.created_at
  }));
}

/** The newest checkpoint, for the footer of every page. */
export async function latestCheckpoint(ctx: Pick<Ctx, 'db'>): Promise<PublishedCheckpoint | null> {
  return (await publicCheckpoints(ctx, 1))[0] ?? null;
}

/**
 * The public list of checkpoints (/granskning/kontrollpunkter.json). A saved copy of it, or of
 * one item, is a checkpoint file for `loften audit verify --checkpoint`.
 */
export async function checkpointList(ctx: Pick<Ctx, 'db' | 'config'>, origin: string) {
  return {
    instance: origin,
    /** True when the instance uses the public development key: then the checkpoints prove nothing. */
    developmentKey: ctx.config.audit.development,
    description:
      'Granskningskedjans dagliga kontrollpunkter: kedjans senaste post (nr och kontrollsumma) vid dagens slut. Spara en kopia; den som har nyckeln kan visa att kedjan fortfarande innehåller den.',
    verify: 'loften audit verify --checkpoint <sparad fil>',
    checkpoints: await publicCheckpoints(ctx)
  };
}

const hex64 = z
  .string({ message: 'ska vara 64 hexadecimala tecken' })
  .regex(/^[0-9a-f]{64}$/, { message: 'ska vara 64 hexadecimala tecken' });
const checkpointSchema = z.object({
  day: z
    .string({ message: 'ska vara ett datum, ÅÅÅÅ-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'ska vara ett datum, ÅÅÅÅ-MM-DD' }),
  seq: z
    .number({ message: 'ska vara ett positivt heltal' })
    .int({ message: 'ska vara ett positivt heltal' })
    .positive({ message: 'ska vara ett positivt heltal' }),
  head: hex64,
  mac: hex64
});
const checkpointArraySchema = z
  .array(checkpointSchema)
  .min(1, { message: 'ska innehålla minst en kontrollpunkt' });
/** One checkpoint, a list of them, or the public feed's { checkpoints: [...] }. */
const checkpointFileSchema = (json: unknown) =>
  Array.isArray(json)
    ? checkpointArraySchema
    : json && typeof json === 'object' && 'checkpoints' in json
      ? z.object({ checkpoints: checkpointArraySchema }).transform((f) => f.checkpoints)
      : checkpointSchema.transform((c) => [c]);

/**
 * Reads a saved checkpoint file: one checkpoint, a list, or a saved copy of the public feed
 * (/granskning/kontrollpunkter.json). Bad input names the field, in Swedish.
 */
export function parseCheckpointFile(text: string): Checkpoint[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError([
      { field: 'checkpoint', message: 'Filen är inte JSON. Spara en kontrollpunkt som JSON.' }
    ]);
  }
  const r = checkpointFileSchema(json).safeParse(json);
  if (!r.success)
    throw new ValidationError(
      fieldErrorsFromZod(r.error.issues.map((i) => ({ ...i, path: ['checkpoint', ...i.path] })))
    );
  return r.data;
}
