// Whether build/ holds the current sources: build/index.js is newer than everything in src/ and
// static/ and than package.json. Used by build-if-needed.js and by the test servers.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} dir @returns {number} the newest modification time under dir, in ms */
const newest = (dir) => {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};

/** @param {string} [root] the project folder @returns {boolean} */
export function buildIsCurrent(root = '.') {
  const index = join(root, 'build/index.js');
  if (!existsSync(index)) return false;
  const sources = Math.max(
    newest(join(root, 'src')),
    newest(join(root, 'static')),
    statSync(join(root, 'package.json')).mtimeMs
  );
  return statSync(index).mtimeMs >= sources;
}
