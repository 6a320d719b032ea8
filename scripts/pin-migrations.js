// Pins new migrations in src/lib/server/db/migrations-lock.json by their SHA-256. It only adds:
// a landed migration's hash never changes (the test in migrations.test.ts fails if its file does).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';

const dir = 'src/lib/server/db/migrations/';
const lockPath = 'src/lib/server/db/migrations-lock.json';
const lock = existsSync(lockPath) ? JSON.parse(readFileSync(lockPath, 'utf8')) : {};
let added = 0;
for (const f of readdirSync(dir)
  .filter((f) => /^\d{4}-.+\.ts$/.test(f))
  .sort()) {
  const name = f.replace(/\.ts$/, '');
  if (name in lock) continue;
  lock[name] = createHash('sha256')
    .update(readFileSync(dir + f, 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');
  added++;
  console.log(`pinned ${name}`);
}
const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(lockPath, JSON.stringify(sorted, null, 2) + '\n');
console.log(added ? `${added} new migration(s) pinned.` : 'Nothing new to pin.');
