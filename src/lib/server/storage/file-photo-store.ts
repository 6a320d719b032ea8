import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PhotoStore } from './photo-store';

/** Photos as `<id>.jpg` in a folder outside the public one (PHOTO_DIR), readable by the app only. */
export function filePhotoStore(dir: string): PhotoStore {
  const file = (id: string) => join(dir, `${id}.jpg`);
  return {
    async put(id, jpeg) {
      await mkdir(dir, { recursive: true });
      await writeFile(file(id), jpeg, { mode: 0o640 });
    },
    async get(id) {
      try {
        return await readFile(file(id));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    }
  };
}
