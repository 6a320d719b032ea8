import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations/index';

const dir = new URL('./migrations/', import.meta.url);
const lock = JSON.parse(
  readFileSync(new URL('./migrations-lock.json', import.meta.url), 'utf8')
) as Record<string, string>;

/** The SHA-256 of a migration's source, line endings normalised. */
const hashOf = (file: string) =>
  createHash('sha256')
    .update(readFileSync(new URL(file, dir), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');

const files = readdirSync(dir)
  .filter((f) => /^\d{4}-.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
  .sort();

describe('migrations are history', () => {
  it('never change once landed: each file still has the hash it was pinned with', () => {
    const changed = files
      .map((f) => f.replace(/\.ts$/, ''))
      .filter((name) => name in lock && lock[name] !== hashOf(`${name}.ts`));
    expect(
      changed,
      'a landed migration was edited: write a new migration instead (see docs/ARCHITECTURE.md)'
    ).toEqual([]);
  });

  it('pins every migration, and every pinned one still exists', () => {
    const names = files.map((f) => f.replace(/\.ts$/, ''));
    const unpinned = names.filter((n) => !(n in lock));
    expect(
      unpinned,
      'pin new migrations with `node scripts/pin-migrations.js` (it adds, never changes)'
    ).toEqual([]);
    expect(Object.keys(lock).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('lists every migration file for the bundled server, in order', () => {
    expect(Object.keys(migrations).sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
  });
});
