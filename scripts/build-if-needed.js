// Builds the server when the sources are newer than the build (used by `npm start` and `npm run bench`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) => {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};

const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
const sources = Math.max(newest('src'), newest('static'), statSync('package.json').mtimeMs);
if (built < sources) {
  console.log('Bygger Löften (building)…');
  const b = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    { stdio: 'inherit' }
  );
  if (b.status !== 0) process.exit(b.status ?? 1);
}
