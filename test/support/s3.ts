import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { PhotoStoreConfig } from '../../src/lib/server/config';

/** A running S3-compatible server on 127.0.0.1 and a random port, with one empty bucket. */
export type TestS3Server = {
  /** The photo store config that points at it, with its credentials. */
  photos: Extract<PhotoStoreConfig, { kind: 's3' }>;
  endpoint: string;
  close: () => Promise<void>;
};

/**
 * Starts s3rver (a real S3 REST server written in Node: it checks request signatures and keeps
 * objects in a temporary folder) with the bucket `bucket`. Its fixed keys are S3RVER/S3RVER.
 */
export async function startTestS3Server(
  bucket = 'loften-photos',
  prefix = 'test/'
): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'loften-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }]
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    photos: {
      kind: 's3',
      bucket,
      endpoint,
      region: 'eu-north-1',
      prefix,
      pathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
    },
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    }
  };
}
