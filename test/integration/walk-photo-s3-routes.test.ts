import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/core/dates';
import { stockholmDate } from '../../src/lib/core/stockholm-date';
import type { Actor } from '../../src/lib/server/auth/policy';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { setObservationPublic } from '../../src/lib/server/services/walks/observation.service';
import { planWalk, walkableMeasures } from '../../src/lib/server/services/walks/walk.service';
import { DATABASES } from '../support/databases';
import { makeUser } from '../support/factories';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';
import { startTestS3Server, type TestS3Server } from '../support/s3';

/**
 * Issue 18 item 2 through the routes: with PHOTO_S3_BUCKET set, a reporter's photo goes to the
 * S3-compatible store (s3rver, a real S3 server in Node, started here) without its metadata, and
 * /vandringar/foto/[id] serves it from there, to the public only once an editor approves it.
 */
describe.each(DATABASES)('walk photos in an S3-compatible bucket on $kind', ({ kind }) => {
  let s3: TestS3Server;
  let server: TestServer;
  let reporter: HttpClient;
  let anon: HttpClient;
  let editor: Actor;
  let agreementId: string;
  let walkId: string;

  beforeAll(async () => {
    s3 = await startTestS3Server('walk-photos', 'loften/photos/');
    server = await startTestServer(kind, {
      env: {
        PHOTO_S3_BUCKET: 'walk-photos',
        PHOTO_S3_ENDPOINT: s3.endpoint,
        PHOTO_S3_REGION: 'eu-north-1',
        PHOTO_S3_PREFIX: 'loften/photos',
        PHOTO_S3_ACCESS_KEY_ID: 'S3RVER',
        PHOTO_S3_SECRET_ACCESS_KEY: 'S3RVER'
      }
    });
    anon = server.client();
    reporter = await server.signInAs('reporter', 'kommun-2417');
    agreementId = (await findNorsjoAgreementId(server.ctx))!;
    editor = (await makeUser(server.ctx, 'editor', 'kommun-2417')).actor;
    const measureKey = (await walkableMeasures(server.ctx, editor, agreementId)).measures[0]!.key;
    ({ id: walkId } = await planWalk(server.ctx, editor, agreementId, {
      measureKey,
      kind: 'trygghetsvandring',
      area: 'Fotoområdet',
      meetingPoint: 'Torget',
      date: addDays(stockholmDate(new Date()), 3),
      startTime: '18:00',
      endTime: '19:30'
    }));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await s3?.close();
  });

  it('keeps the photo in the bucket without its metadata and serves it only as allowed', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Anna Andersson' }, IFD3: { GPSLatitudeRef: 'N' } })
      .toBuffer();
    const form = new FormData();
    form.set('category', 'skadegorelse');
    form.set('description', 'Krossad ruta i busskuren');
    form.set('idempotencyKey', 's3-photo-0001');
    form.set('photo', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'IMG_0001.jpg');
    const res = await reporter.fetch(`/avtal/${agreementId}/vandringar/${walkId}?/observe`, {
      method: 'POST',
      body: form,
      headers: { origin: server.url, accept: 'text/html' }
    });
    expect(res.status).toBe(200);
    const row = await server.ctx.db
      .selectFrom('walk_observations')
      .select(['id', 'photo_ref'])
      .where('idempotency_key', '=', 's3-photo-0001')
      .executeTakeFirstOrThrow();

    const client = new S3Client({
      endpoint: s3.endpoint,
      region: 'eu-north-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
    });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'walk-photos' }));
    client.destroy();
    expect(listed.Contents?.map((o) => o.Key)).toEqual([`loften/photos/${row.photo_ref}.jpg`]);

    const photo = await reporter.get(`/vandringar/foto/${row.id}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await photo.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.exif]).toEqual([40, undefined]);
    expect(bytes.toString('latin1')).not.toContain('Anna Andersson');
    expect((await anon.get(`/vandringar/foto/${row.id}`)).status).toBe(404);

    await setObservationPublic(server.ctx, editor, row.id, true);
    const open = await anon.get(`/vandringar/foto/${row.id}`);
    expect(open.status).toBe(200);
    expect(Buffer.from(await open.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
