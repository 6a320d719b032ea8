import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import { startTestS3Server, type TestS3Server } from '../../../../../test/support/s3';
import type { Actor } from '../../auth/policy';
import type { PhotoStoreConfig } from '../../config';
import type { Ctx } from '../../context';
import { recordObservation, setObservationPublic } from './observation.service';
import { attachPhoto, cleanPhoto, observationPhoto } from './photo.service';
import { planWalk, walkableMeasures } from './walk.service';

/** A small JPEG that carries EXIF with a camera, an owner and a GPS position, as phones write. */
const phonePhoto = () =>
  sharp({ create: { width: 120, height: 80, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Telefon', Model: 'X1', Artist: 'Anna Andersson' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '64/1 54/1 3960/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '19/1 28/1 4800/100'
      }
    })
    .toBuffer();

describe('walk photos: metadata stripped before storing', () => {
  it('re-encodes a phone photo without EXIF, GPS, XMP or ICC, keeping the picture', async () => {
    const input = await phonePhoto();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('Anna Andersson');
    const clean = await cleanPhoto(input);
    const after = await sharp(clean).metadata();
    expect(after.format).toBe('jpeg');
    expect([after.width, after.height]).toEqual([120, 80]);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(clean.toString('latin1')).not.toContain('Anna Andersson');
    expect(clean.toString('latin1')).not.toContain('Exif');
  });

  it('refuses what is not an image, naming the field', async () => {
    await expect(cleanPhoto(new TextEncoder().encode('not a picture'))).rejects.toMatchObject({
      fields: [{ field: 'photo' }]
    });
  });
});

/**
 * Where the photos went, as file or object names: the folder's files, or the bucket's keys (read
 * back through the S3 API of the running server).
 */
type StoreUnderTest = {
  store: string;
  start: () => Promise<{
    photos: PhotoStoreConfig;
    stored: () => Promise<string[]>;
    stop: () => Promise<void>;
  }>;
};

const STORES: StoreUnderTest[] = [
  {
    store: 'PHOTO_DIR',
    start: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'loften-photos-'));
      return {
        photos: { kind: 'file', dir },
        stored: async () => readdirSync(dir),
        stop: async () => rmSync(dir, { recursive: true, force: true })
      };
    }
  },
  {
    store: 'an S3-compatible bucket',
    start: async () => {
      const server: TestS3Server = await startTestS3Server();
      const client = new S3Client({
        endpoint: server.endpoint,
        region: server.photos.region,
        forcePathStyle: true,
        credentials: server.photos.credentials!
      });
      return {
        photos: server.photos,
        stored: async () =>
          (
            (await client.send(new ListObjectsV2Command({ Bucket: server.photos.bucket })))
              .Contents ?? []
          ).map((o) => o.Key!.replace(server.photos.prefix, '')),
        stop: async () => {
          client.destroy();
          await server.close();
        }
      };
    }
  }
];

describe.each(DATABASES.flatMap((d) => STORES.map((s) => ({ ...d, ...s }))))(
  'walk photos in $store on $kind',
  ({ kind, start }) => {
    let ctx: Ctx;
    let close: () => Promise<void>;
    let store: Awaited<ReturnType<StoreUnderTest['start']>>;
    let reporter: Actor;
    let editor: Actor;
    let outsider: Actor;
    let observationId: string;
    beforeAll(async () => {
      store = await start();
      ({ ctx, close } = await openTestContext(kind, { config: { photos: store.photos } }));
      const agreementId = await keepNorsjoRunning(ctx);
      editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
      reporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
      outsider = (await makeUser(ctx, 'editor', 'kommun-2482')).actor;
      const measureKey = (await walkableMeasures(ctx, editor, agreementId)).measures[0]!.key;
      const { id: walkId } = await planWalk(ctx, editor, agreementId, {
        measureKey,
        kind: 'nattvandring',
        area: 'Centrum',
        meetingPoint: 'Torget',
        date: '2026-12-03',
        startTime: '21:00',
        endTime: '23:00'
      });
      observationId = (
        await recordObservation(ctx, reporter, walkId, {
          category: 'skrap-klotter',
          description: 'Klotter på busskuren'
        })
      ).observation.id;
    });
    afterAll(async () => {
      await close();
      await store.stop();
    });

    it('stores the cleaned photo and shows it to the public only once approved', async () => {
      await expect(attachPhoto(ctx, outsider, observationId, await phonePhoto())).rejects.toThrow(
        /finns inte/
      );
      expect(await store.stored()).toEqual([]);
      await attachPhoto(ctx, reporter, observationId, await phonePhoto());
      const names = await store.stored();
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(/^[0-9a-f-]{36}\.jpg$/);
      const staff = await observationPhoto(ctx, reporter, observationId);
      expect(staff.public).toBe(false);
      const meta = await sharp(staff.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.format).toBe('jpeg');
      expect(staff.bytes.toString('latin1')).not.toContain('Anna Andersson');
      await expect(observationPhoto(ctx, null, observationId)).rejects.toThrow(/finns inte/);
      await expect(observationPhoto(ctx, outsider, observationId)).rejects.toThrow(/finns inte/);
      await setObservationPublic(ctx, editor, observationId, true);
      expect((await observationPhoto(ctx, null, observationId)).public).toBe(true);
    });
  }
);
