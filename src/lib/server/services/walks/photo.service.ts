import sharp from 'sharp';
import { changerId, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  findObservation,
  updateObservationRow
} from '../../db/repositories/walks/observation.repository';
import { PHOTO_ID, photoStore } from '../../storage/photo-store';
import { auditedChange } from '../shared/audit.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { walkFor } from './walk-access';

/** The largest photo taken in (a phone's full-size photo fits). */
export const MAX_PHOTO_BYTES = 12 * 1024 * 1024;
/** Stored photos are at most this many pixels on their longest side. */
const MAX_SIDE = 1600;

const field = (message: string) => new ValidationError([{ field: 'photo', message }]);

/**
 * Re-encodes a photo as JPEG, turned upright, at most MAX_SIDE pixels: the new file carries no
 * EXIF, GPS, XMP or IPTC metadata (sharp writes none unless asked), so no position or camera
 * details leave the phone's photo. Anything that is not a readable image is refused by name.
 */
export async function cleanPhoto(bytes: Uint8Array): Promise<Buffer> {
  if (bytes.byteLength > MAX_PHOTO_BYTES)
    throw field('Bilden är för stor: högst 12 MB. Ta en mindre bild eller skicka utan bild.');
  try {
    return await sharp(bytes, { failOn: 'error', limitInputPixels: 60_000_000 })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    throw field(
      'Filen går inte att läsa som en bild. Skicka en JPEG-, PNG-, WebP- eller HEIC-bild.'
    );
  }
}

/**
 * Attaches a photo to an observation (reporters and editors of its walk): stripped of metadata,
 * then kept in the photo store (under PHOTO_DIR, or as a private object in the PHOTO_S3_BUCKET
 * bucket), never in the public folder. It is shown to the public only when an editor approves the
 * observation.
 */
export async function attachPhoto(
  ctx: Ctx,
  actor: Actor | null,
  observationId: string,
  bytes: Uint8Array
): Promise<void> {
  const row = await findObservation(ctx.db, observationId);
  if (!row) throw new NotFoundError('Iakttagelsen finns inte.');
  await walkFor(ctx, actor, row.walk_id, 'reporter');
  const clean = await cleanPhoto(bytes);
  const id = newId();
  await photoStore(ctx.config.photos).put(id, clean);
  await auditedChange(
    ctx,
    actor,
    {
      action: 'observation.photo',
      entity: 'walk_observation',
      entityId: observationId,
      after: { photo: id, by: changerId(actor) }
    },
    (trx) =>
      updateObservationRow(trx, observationId, {
        photo_ref: id,
        updated_at: ctx.now().toISOString()
      })
  );
}

/**
 * An observation's photo: for the walk's staff always, for anyone else only when an editor has
 * approved the observation for the public. Otherwise as if there were none.
 */
export async function observationPhoto(
  ctx: Ctx,
  actor: Actor | null,
  observationId: string
): Promise<{ bytes: Buffer; public: boolean }> {
  const row = await findObservation(ctx.db, observationId);
  if (!row?.photo_ref || !PHOTO_ID.test(row.photo_ref))
    throw new NotFoundError('Bilden finns inte.');
  const open = row.public_approved === 1;
  if (!open) {
    if (!actor) throw new NotFoundError('Bilden finns inte.');
    await walkFor(ctx, actor, row.walk_id, 'reporter');
  }
  const bytes = await photoStore(ctx.config.photos).get(row.photo_ref);
  if (!bytes) throw new NotFoundError('Bilden finns inte.');
  return { bytes, public: open };
}
