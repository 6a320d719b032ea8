import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import { recentImports } from '../../db/repositories/dialogue/statistics.repository';
import { readBraCsv } from './crime-statistics-reader';
import { crimeTrends, importBraStatistics } from './crime-statistics.service';
import { ForbiddenError } from '../shared/errors';

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/${name}`));

describe('readBraCsv', () => {
  it('finds the header below title lines and reads Swedish numbers, reporting what it cannot read', () => {
    const { rows, problems } = readBraCsv(fixture('bra-anmalda-brott-kommun.csv'));
    expect(rows[0]).toEqual({
      line: 5,
      municipality: '2417 Norsjö',
      category: 'Narkotikabrott',
      year: 2015,
      count: 21,
      per100k: 506.3
    });
    expect(rows.find((r) => r.municipality.startsWith('0180'))).toMatchObject({
      count: 1234,
      per100k: 126.4
    });
    expect(rows).toHaveLength(10);
    expect(problems).toEqual([{ line: 16, message: 'Året "tjugo" är inte ett årtal som 2018.' }]);
  });

  it('reads a wide table with a column per year and a comma separator', () => {
    const { rows } = readBraCsv(fixture('bra-anmalda-brott-bred.csv'));
    expect(rows.map((r) => [r.category, r.year, r.count])).toEqual([
      ['Inbrottsstöld', 2016, 12],
      ['Inbrottsstöld', 2017, 9],
      ['Inbrottsstöld', 2018, 15],
      ['Misshandel inkl. grov', 2016, 10],
      ['Misshandel inkl. grov', 2017, 14],
      ['Misshandel inkl. grov', 2018, 11]
    ]);
  });

  it('says what to do with a file that has no such table', () => {
    const r = readBraCsv(new TextEncoder().encode('a;b\n1;2\n'));
    expect(r.problems[0]?.message).toMatch(/Hittar ingen rubrikrad/);
  });
});

describe.each(DATABASES)('importing Brå statistics on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let clock: TestClock;
  beforeAll(async () => {
    ({ ctx, close, clock } = await openTestContext(kind));
  });
  afterAll(() => close());

  it('upserts by municipality, category and year and records each import with its counts', async () => {
    const file = { name: 'bra.csv', bytes: fixture('bra-anmalda-brott-kommun.csv') };
    const first = await importBraStatistics(ctx, SYSTEM, file);
    expect(first).toMatchObject({ read: 10, added: 9, updated: 0, unchanged: 0, skipped: 1 });
    expect(first.problems.map((p) => p.message)).toContain(
      'Kommunen "9999 Ingenstans" finns inte.'
    );
    clock.advance(60_000);
    const again = await importBraStatistics(ctx, SYSTEM, file);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 9 });
    const imports = await recentImports(ctx.db, 'crime-statistics', 5);
    expect(imports.map((i) => [i.rows_read, i.rows_added])).toEqual([
      [10, 0],
      [10, 9]
    ]);
    const trends = await crimeTrends(ctx, 'kommun-2417', 2015, 2018);
    expect(
      trends.categories.find((c) => c.category === 'Narkotikabrott')?.years.map((y) => y.count)
    ).toEqual([21, 24, 30, 35]);
  });

  it('updates a changed count and lets only the operator or an admin import', async () => {
    const changed = new TextEncoder().encode(
      'Kommun;Brottskategori;År;Antal\nNorsjö;Narkotikabrott;2018;36\n'
    );
    expect(
      await importBraStatistics(ctx, SYSTEM, { name: 'ny.csv', bytes: changed })
    ).toMatchObject({ updated: 1 });
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    await expect(
      importBraStatistics(ctx, editor, { name: 'x.csv', bytes: changed })
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
