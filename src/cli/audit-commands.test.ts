import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCli } from '../../test/support/cli';
import { main } from './main';

const cli = useCli('loften-audit-cli-');

// Commands do not migrate: the database is migrated once, as an operator would.
beforeAll(async () => {
  expect(await main(['db', 'migrate'])).toBe(0);
});

describe('loften audit', () => {
  it('checkpoints, verifies against the saved file, and names entries cut from the end', async () => {
    for (const n of [1, 2, 3])
      expect(
        await main([
          'user',
          'add',
          '--email',
          `u${n}@example.se`,
          '--name',
          `U ${n}`,
          '--password',
          'ett långt lösenord'
        ])
      ).toBe(0);
    const file = join(cli.dir, 'kontrollpunkt.json');
    expect(await main(['audit', 'checkpoint', '--out', file])).toBe(0);
    expect(cli.out.join('\n')).toMatch(/Kontrollpunkt \d{4}-\d{2}-\d{2}: post nr \d+/);
    expect(cli.err.join('\n')).toContain('utvecklingsnyckeln');
    expect(await main(['audit', 'verify', '--checkpoint', file])).toBe(0);
    expect(cli.out.at(-1)).toMatch(/^Granskningsloggen stämmer: \d+ poster, 1 kontrollpunkter/);

    // The tamperer deletes the last entry, rewinds the head and drops the stored checkpoints.
    const db = new Database(process.env.SQLITE_PATH!);
    const last = db.prepare('select max(seq) as seq from audit_log').get() as { seq: number };
    const prev = db.prepare('select hash from audit_log where seq = ?').get(last.seq - 1) as {
      hash: string;
    };
    db.prepare('delete from audit_log where seq = ?').run(last.seq);
    db.prepare('update audit_head set seq = ?, hash = ? where id = 1').run(last.seq - 1, prev.hash);
    db.prepare('delete from audit_checkpoints').run();
    db.close();

    expect(await main(['audit', 'verify'])).toBe(0);
    expect(await main(['audit', 'verify', '--checkpoint', file])).toBe(1);
    expect(cli.err.join('\n')).toContain(`post ${last.seq} saknas`);
    expect(cli.err.join('\n')).toContain('(checkpoint head missing)');
  });

  it('a bad checkpoint file gives one line naming the field', async () => {
    const bad = join(cli.dir, 'fel.json');
    await writeFile(bad, JSON.stringify({ day: '2026-12-03', seq: 'tolv', head: 'x', mac: 'y' }));
    expect(await main(['audit', 'verify', '--checkpoint', bad])).toBe(1);
    expect(cli.err).toContain('Fel: checkpoint.seq: ska vara ett positivt heltal');
    expect(await main(['audit', 'verify', '--checkpoint', join(cli.dir, 'finns-inte.json')])).toBe(
      1
    );
    expect(cli.err.at(-1)).toMatch(/^Fel: checkpoint: Kan inte läsa filen/);
  });
});
