import type { PhotoStoreConfig } from '../config';
import { filePhotoStore } from './file-photo-store';
import { s3PhotoStore } from './s3-photo-store';

/**
 * Where walk photos' bytes are kept, by photo id: a folder or an S3-compatible bucket (config
 * decides). `get` answers null for a photo that is not there; any other failure is thrown.
 */
export type PhotoStore = {
  put: (id: string, jpeg: Buffer) => Promise<void>;
  get: (id: string) => Promise<Buffer | null>;
};

/** A photo id as the walk service makes them (a UUID): nothing else becomes a file name or key. */
export const PHOTO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const checked = (id: string) => {
  if (!PHOTO_ID.test(id)) throw new Error(`Not a photo id: ${JSON.stringify(id.slice(0, 40))}`);
  return id;
};

// One store per configuration, so an S3 client (and its connections) is made once per process.
const stores = new WeakMap<PhotoStoreConfig, PhotoStore>();

/** The photo store a configuration names (PHOTO_DIR, or PHOTO_S3_BUCKET and its settings). */
export function photoStore(config: PhotoStoreConfig): PhotoStore {
  const known = stores.get(config);
  if (known) return known;
  const inner = config.kind === 's3' ? s3PhotoStore(config) : filePhotoStore(config.dir);
  const store: PhotoStore = {
    put: async (id, jpeg) => inner.put(checked(id), jpeg),
    get: async (id) => inner.get(checked(id))
  };
  stores.set(config, store);
  return store;
}
