import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3Server, type TestS3Server } from '../../../../test/support/s3';
import type { PhotoStoreConfig } from '../config';
import { photoStore } from './photo-store';

const id = () => crypto.randomUUID();
const jpeg = (text: string) => Buffer.from(`\xff\xd8${text}`, 'latin1');

let s3: TestS3Server;
let dir: string;
beforeAll(async () => {
  s3 = await startTestS3Server();
  dir = mkdtempSync(join(tmpdir(), 'loften-photo-store-'));
});
afterAll(async () => {
  await s3?.close();
  rmSync(dir, { recursive: true, force: true });
});

const stores: { name: string; config: () => PhotoStoreConfig }[] = [
  { name: 'a folder (PHOTO_DIR)', config: () => ({ kind: 'file', dir }) },
  { name: 'an S3-compatible bucket (s3rver)', config: () => s3.photos }
];

describe.each(stores)('the photo store in $name', ({ config }) => {
  it('gives back the bytes it was given, by id', async () => {
    const store = photoStore(config());
    const a = id();
    const b = id();
    await store.put(a, jpeg('first'));
    await store.put(b, jpeg('second'));
    expect((await store.get(a))?.toString('latin1')).toBe('\xff\xd8first');
    expect((await store.get(b))?.toString('latin1')).toBe('\xff\xd8second');
  });

  it('answers null for a photo it does not have', async () => {
    expect(await photoStore(config()).get(id())).toBeNull();
  });

  it('refuses anything but a photo id as a name, so no path or key can be smuggled in', async () => {
    const store = photoStore(config());
    for (const bad of ['../../etc/passwd', 'a.jpg', `${id()}/x`, id().toUpperCase()]) {
      await expect(store.put(bad, jpeg('x'))).rejects.toThrow(/Not a photo id/);
      await expect(store.get(bad)).rejects.toThrow(/Not a photo id/);
    }
  });

  it('is made once per configuration', () => {
    const c = config();
    expect(photoStore(c)).toBe(photoStore(c));
  });
});

describe('the folder store', () => {
  it('writes <id>.jpg readable by the app’s user and group only', async () => {
    const a = id();
    await photoStore({ kind: 'file', dir }).put(a, jpeg('x'));
    expect(statSync(join(dir, `${a}.jpg`)).mode & 0o777).toBe(0o640);
  });
});

describe('the S3 store', () => {
  it('writes <prefix><id>.jpg as image/jpeg in the bucket', async () => {
    const a = id();
    await photoStore(s3.photos).put(a, jpeg('x'));
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: 'eu-north-1',
      forcePathStyle: true,
      credentials: s3.photos.credentials!
    });
    const listed = await client.send(
      new ListObjectsV2Command({ Bucket: s3.photos.bucket, Prefix: `test/${a}` })
    );
    expect(listed.Contents?.map((o) => o.Key)).toEqual([`test/${a}.jpg`]);
    client.destroy();
  });

  it('throws, naming the object, when the store refuses the credentials', async () => {
    const wrong = photoStore({
      ...s3.photos,
      credentials: { accessKeyId: 'WRONG', secretAccessKey: 'WRONG' }
    });
    await expect(wrong.put(id(), jpeg('x'))).rejects.toThrow(
      /^Photo store: could not write s3:\/\/loften-photos\/test\/[0-9a-f-]+\.jpg: InvalidAccessKeyId \(403\)$/
    );
    await expect(wrong.get(id())).rejects.toThrow(/could not read .*InvalidAccessKeyId/);
  });

  it('throws for a bucket that does not exist, rather than calling every photo missing', async () => {
    const none = photoStore({ ...s3.photos, bucket: 'no-such-bucket' });
    await expect(none.get(id())).rejects.toThrow(
      /could not read s3:\/\/no-such-bucket\/.*NoSuchBucket \(404\)/
    );
    await expect(none.put(id(), jpeg('x'))).rejects.toThrow(/NoSuchBucket/);
  });
});
