import type { S3Client } from '@aws-sdk/client-s3';
import type { PhotoStoreConfig } from '../config';
import type { PhotoStore } from './photo-store';

type S3Config = Extract<PhotoStoreConfig, { kind: 's3' }>;
type Sdk = typeof import('@aws-sdk/client-s3');

/** What an SDK error carries: its name (the S3 error code) and the HTTP status. */
const failure = (e: unknown) => ({
  name: (e as { name?: string }).name ?? '',
  status: (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
});

/**
 * Photos as private objects `<prefix><id>.jpg` in a bucket of an S3-compatible store (Amazon S3,
 * MinIO, Ceph, Garage and the like). Nothing is public in the bucket: the app reads the bytes and
 * serves them itself, to the public only once an editor approves the observation.
 */
export function s3PhotoStore(config: S3Config): PhotoStore {
  // The SDK loads with the first photo, so a site that keeps photos in a folder never loads it.
  let opened: Promise<{ sdk: Sdk; s3: S3Client }> | undefined;
  const open = () =>
    (opened ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: config.region,
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        forcePathStyle: config.pathStyle,
        ...(config.credentials ? { credentials: config.credentials } : {}),
        // Checksums only where S3 requires them: S3-compatible stores differ in their support of
        // the SDK's newer default (CRC32 on every request), and TLS already guards the bytes.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3,
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 }
      })
    })));
  const key = (id: string) => `${config.prefix}${id}.jpg`;
  const where = (id: string) => `s3://${config.bucket}/${key(id)}`;
  return {
    async put(id, jpeg) {
      const { sdk, s3 } = await open();
      try {
        await s3.send(
          new sdk.PutObjectCommand({
            Bucket: config.bucket,
            Key: key(id),
            Body: jpeg,
            ContentType: 'image/jpeg',
            CacheControl: 'private, no-store'
          })
        );
      } catch (e) {
        const f = failure(e);
        throw new Error(`Photo store: could not write ${where(id)}: ${f.name} (${f.status})`, {
          cause: e
        });
      }
    },
    async get(id) {
      const { sdk, s3 } = await open();
      try {
        const answer = await s3.send(
          new sdk.GetObjectCommand({ Bucket: config.bucket, Key: key(id) })
        );
        if (!answer.Body) return null;
        return Buffer.from(await answer.Body.transformToByteArray());
      } catch (e) {
        const f = failure(e);
        // A missing photo is not there; a missing bucket or a refusal is the operator's to fix.
        if (f.name === 'NoSuchKey' || (f.status === 404 && f.name !== 'NoSuchBucket')) return null;
        throw new Error(`Photo store: could not read ${where(id)}: ${f.name} (${f.status})`, {
          cause: e
        });
      }
    }
  };
}
