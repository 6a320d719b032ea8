import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import { type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { exportActivities, exportFollowUp, type ExportFile } from './export.service';
import { agreementFollowUp } from '../follow-up/follow-up.service';
import { commitImport, previewImport } from './import.service';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';

const ACTIVITY_HEADERS = [
  'Datum',
  'Åtgärd',
  'Åtgärdsnyckel',
  'Antal',
  'Pass',
  'Tid (timmar)',
  'Årskurs',
  'Plats',
  'Anteckning',
  'Publicering',
  'Publik från',
  'Registrerad',
  'Demo',
  'Id'
];

const bytesOf = async (f: ExportFile) => Buffer.from(await new Response(f.body).arrayBuffer());

/** Reads an exported file back with ExcelJS: each sheet's name and rows of values. */
async function readBack(f: ExportFile | Buffer, format: 'csv' | 'xlsx') {
  const wb = new ExcelJS.Workbook();
  const bytes = Buffer.isBuffer(f) ? f : await bytesOf(f);
  if (format === 'csv')
    // ExcelJS's default CSV mapping tries every value as a date, which is slow: numbers are enough.
    await wb.csv.read(Readable.from(bytes), {
      parserOptions: { delimiter: ';' },
      map: (v: string) => (/^\d+$/.test(v) ? Number(v) : v)
    } as never);
  else await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return { name: ws.name, rows };
  });
}

describe.each(DATABASES)('exporting activities and the follow-up on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let reporter: Actor;
  let outsider: Actor;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx);
    reporter = (await makeUser(ctx, 'reporter', 'kommun-2417')).actor;
    // Signed in, but not party to Norsjö's agreement.
    outsider = (await makeUser(ctx, 'reporter', 'kommun-0180')).actor;
    // 6,000 past activities (more than one page of 5,000), 5 from today (not public until
    // tomorrow) and 3 traffic controls (published only as monthly counts, never one by one).
    const lines = ['Åtgärd;Datum;Antal;Anteckning'];
    for (let i = 0; i < 6000; i++) {
      const d = new Date(Date.UTC(2019, 0, 1) + (i % 2800) * 86_400_000).toISOString();
      lines.push(`Trygghetsvandring;${d.slice(0, 10)};1;rad ${i}`);
    }
    for (let i = 0; i < 5; i++) lines.push(`Trygghetsvandring;2026-11-27;1;i dag ${i}`);
    for (let i = 0; i < 3; i++) lines.push(`Trafikkontroller;2026-10-0${i + 1};1;kontroll ${i}`);
    const preview = await previewImport(ctx, reporter, agreementId, {
      name: 'seed.csv',
      bytes: new TextEncoder().encode(lines.join('\n'))
    });
    await commitImport(ctx, reporter, preview.uploadId, preview.mapping, {
      includeGoodRowsOnly: false
    });
  }, 30_000);
  afterAll(() => close());

  it.each(['csv', 'xlsx'] as const)(
    'exports every activity to %s for a member, oldest first, with Swedish headers and file name',
    async (format) => {
      const file = await exportActivities(ctx, reporter, agreementId, { format });
      expect(file.fileName).toBe(`aktiviteter-norsjö-medborgarlöften-2026-11-27.${format}`);
      expect(file.headers['content-type']).toMatch(format === 'csv' ? /^text\/csv/ : /sheet$/);
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="aktiviteter-norsjo-medborgarloften-2026-11-27.${format}"; filename*=UTF-8''aktiviteter-norsj%C3%B6-medborgarl%C3%B6ften-2026-11-27.${format}`
      );
      const bytes = await bytesOf(file);
      // A byte-order mark, so Excel reads the CSV as UTF-8.
      if (format === 'csv') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [sheet] = await readBack(bytes, format);
      expect(sheet!.rows[0]).toEqual(ACTIVITY_HEADERS);
      expect(sheet!.rows).toHaveLength(1 + 6008);
      const first = sheet!.rows[1]!;
      expect(first.slice(1, 5)).toEqual(['Trygghetsvandring', 'trygghetsvandring', 1, 0]);
      // No time given: the "Tid (timmar)" cell is empty, never 0.
      expect(first[5] ?? '').toBe('');
      expect(first[8]).toMatch(/^rad (0|2800|5600)$/);
      // Imported by hand, not demo data.
      expect(first[12]).toBe('nej');
      expect(new Date(first[0] as string).toISOString().slice(0, 10)).toBe('2019-01-01');
    },
    30_000
  );

  it('is for the agreement’s parties only, and filters by date', async () => {
    // A staff export: anonymous and signed-in outsiders are refused (the public has open data).
    await expect(exportActivities(ctx, null, agreementId, { format: 'csv' })).rejects.toThrow(
      UnauthenticatedError
    );
    await expect(exportActivities(ctx, outsider, agreementId, { format: 'csv' })).rejects.toThrow(
      ForbiddenError
    );
    await expect(exportFollowUp(ctx, null, agreementId, { format: 'csv' })).rejects.toThrow(
      UnauthenticatedError
    );
    await expect(exportFollowUp(ctx, outsider, agreementId, { format: 'csv' })).rejects.toThrow(
      ForbiddenError
    );
    const [recent] = await readBack(
      await exportActivities(ctx, reporter, agreementId, {
        format: 'xlsx',
        from: '2026-11-27',
        to: '2026-11-27'
      }),
      'xlsx'
    );
    expect(recent!.rows).toHaveLength(1 + 5);
    await expect(exportActivities(ctx, reporter, agreementId, { format: 'pdf' })).rejects.toThrow(
      /format: Välj csv eller xlsx/
    );
  });

  it.each(['csv', 'xlsx'] as const)(
    'exports the follow-up to %s, one row per measure and tertial',
    async (format) => {
      const query = { period: 'tertial' as const, from: '2026-01-01', to: '2026-12-31' };
      // A reporter is not an editor: internal measures stay out, as on the page.
      const f = await agreementFollowUp(ctx, agreementId, query, { includeInternal: false });
      const periods = f.measures.reduce((n, m) => n + m.periods.length, 0);
      const file = await exportFollowUp(ctx, reporter, agreementId, { format, ...query });
      expect(file.fileName).toBe(`uppfoljning-norsjö-medborgarlöften-2026-11-27.${format}`);
      const sheets = await readBack(file, format);
      expect(sheets.map((s) => s.name)).toEqual(
        format === 'csv' ? ['sheet1'] : ['Uppföljning', 'Måluppfyllelse', 'Om filen']
      );
      const rows = sheets[0]!.rows;
      expect(rows[0]).toEqual([
        'Åtgärd',
        'Åtgärdsnyckel',
        'Rubrik',
        'Mål',
        'Period',
        'Från',
        'Till',
        'Förväntat',
        'Gjort',
        'Status',
        'Förklaring'
      ]);
      expect(rows).toHaveLength(1 + periods);
      const traffic = rows.filter((r) => r[1] === 'trafikkontroller');
      expect(traffic.map((r) => r[4])).toEqual(['jan–apr 2026', 'maj–aug 2026', 'sep–dec 2026']);
      if (format === 'xlsx') expect(sheets[1]!.rows).toHaveLength(1 + f.measures.length + 1);
    }
  );
});
