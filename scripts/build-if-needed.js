// Builds the server when the sources are newer than the build (used by `npm start` and `npm run bench`).
import { spawnSync } from 'node:child_process';
import { buildIsCurrent } from './build-state.js';

if (!buildIsCurrent()) {
  console.log('Bygger Löften (building)…');
  const b = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    { stdio: 'inherit' }
  );
  if (b.status !== 0) process.exit(b.status ?? 1);
}
