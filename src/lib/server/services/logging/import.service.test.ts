import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import { type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { listActivities } from './activity-list.service';
import { logActivity } from './activity.service';
import { getAgreementView } from '../agreements/agreement-view.service';
import { commitImport, previewImport, validateImport } from './import.service';

const MEASURES = ['Trafikkontroller', 'RIKTAD-PATRULLERING', 'Klassrumsbesök', 'trygghetsvandring'];
const day = (i: number) => new Date(Date.UTC(2019, 0, 1) + (i % 2800) * 86_400_000);

/**
 * 10,000 activities as a municipality might keep them: titles or keys in any case, date cells and
 * dates typed as text, identical rows repeated. Three rows are wrong: an unknown measure on
 * row 101, 31 February on row 5002 and a count of 0 on row 9999.
 */
async function bigWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Aktiviteter 2019–2026');
  ws.addRow(['Åtgärd', 'Datum', 'Antal', 'Arbetade pass', 'Årskurs', 'Plats', 'Anteckning']);
  for (let i = 0; i < 10_000; i++) {
    const d = day(i);
    const m = MEASURES[i % 4]!;
    const iso = d.toISOString().slice(0, 10);
    ws.addRow([
      m,
      i % 10 === 3
        ? `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`
        : i % 10 === 7
          ? iso
          : d,
      1 + (i % 3),
      m === 'RIKTAD-PATRULLERING' ? 1 + (i % 2) : null,
      m === 'Klassrumsbesök' ? String(6 + (i % 4)) : null,
      i % 5 === 0 ? 'Norsjö centrum' : null,
      null
    ]);
  }
  ws.getCell('A101').value = 'Hundpatrull';
  ws.getCell('B5002').value = '31/2/2025';
  ws.getCell('C9999').value = 0;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const xlsx = bigWorkbook();

describe.each(DATABASES)('importing activities from spreadsheets on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let reporter: Actor;
  const total = async () =>
    (await listActivities(ctx, reporter, { agreementId, pageSize: 1 })).total;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = await keepNorsjoRunning(ctx);
    reporter = (await makeUser(ctx, 'reporter', 'kommun-2417')).actor;
  });
  afterAll(() => close());

  it('reports the three bad rows of 10,000 by row and column, stores nothing until asked, then 9,997, and nothing twice', async () => {
    const file = { name: 'aktiviteter.xlsx', bytes: await xlsx };
    const t0 = Date.now();
    const preview = await previewImport(ctx, reporter, agreementId, file);
    const t1 = Date.now();
    expect(preview).toMatchObject({ format: 'xlsx', rowCount: 10_000 });
    expect(preview.columns.map((c) => `${c.letter}:${c.header}`)).toEqual([
      'A:Åtgärd',
      'B:Datum',
      'C:Antal',
      'D:Arbetade pass',
      'E:Årskurs',
      'F:Plats',
      'G:Anteckning'
    ]);
    expect(preview.sample).toHaveLength(10);
    expect(preview.sample[0]).toEqual({
      row: 2,
      cells: ['Trafikkontroller', '2019-01-01', '1', '', '', 'Norsjö centrum', '']
    });
    const mapping = preview.mapping;
    expect(mapping).toEqual({
      measure: 0,
      date: 1,
      count: 2,
      shifts: 3,
      grade: 4,
      place: 5,
      note: 6
    });

    const checked = await validateImport(ctx, reporter, preview.uploadId, mapping);
    const t2 = Date.now();
    expect(checked).toMatchObject({ total: 10_000, good: 9_997, badRows: 3, alreadyStored: 0 });
    expect(checked.bad.map(({ row, column, header }) => ({ row, column, header }))).toEqual([
      { row: 101, column: 'A', header: 'Åtgärd' },
      { row: 5002, column: 'B', header: 'Datum' },
      { row: 9999, column: 'C', header: 'Antal' }
    ]);
    expect(checked.bad.map((b) => b.message)).toEqual([
      'Åtgärden "Hundpatrull" finns inte i överenskommelsens plan.',
      '"31/2/2025" är inget datum. Skriv ÅÅÅÅ-MM-DD eller D/M/ÅÅÅÅ.',
      'Antalet måste vara minst 1.'
    ]);

    const before = await total();
    await expect(
      commitImport(ctx, reporter, preview.uploadId, mapping, { includeGoodRowsOnly: false })
    ).rejects.toThrow(/3 rader har fel, så inget sparades/);
    expect(await total()).toBe(before);

    const t3 = Date.now();
    const first = await commitImport(ctx, reporter, preview.uploadId, mapping, {
      includeGoodRowsOnly: true
    });
    const t4 = Date.now();
    expect(first).toMatchObject({ stored: 9_997, existing: 0, skipped: 3 });
    expect(await total()).toBe(before + 9_997);

    const again = await previewImport(ctx, reporter, agreementId, file);
    expect((await validateImport(ctx, reporter, again.uploadId, again.mapping)).alreadyStored).toBe(
      9_997
    );
    const second = await commitImport(ctx, reporter, again.uploadId, again.mapping, {
      includeGoodRowsOnly: true
    });
    const t5 = Date.now();
    expect(second).toMatchObject({ stored: 0, existing: 9_997 });
    expect(await total()).toBe(before + 9_997);

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'activity.import')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => JSON.parse(a.after_json!) as unknown)).toEqual([
      {
        file: 'aktiviteter.xlsx',
        format: 'xlsx',
        rows: 10_000,
        stored: 9_997,
        existing: 0,
        fromExport: 0,
        skipped: 3
      },
      {
        file: 'aktiviteter.xlsx',
        format: 'xlsx',
        rows: 10_000,
        stored: 0,
        existing: 9_997,
        fromExport: 0,
        skipped: 3
      }
    ]);
    console.info(
      `10,000 rows on ${kind}: preview ${t1 - t0} ms, validate ${t2 - t1} ms, commit ${t4 - t3} ms, again (preview, validate, commit) ${t5 - t4} ms`
    );
  }, 60_000);

  it('reads a semicolon CSV with a byte-order mark, decimal commas and Swedish dates, and follows each measure’s publication rule', async () => {
    const csv =
      '\uFEFFåtgärd;datum;antal;pass;anteckning\r\n' +
      'Trafikkontroller;3/11/2026;2,0;;"Kontroll; E12"\r\n' +
      'Riktad patrullering i valda områden;2026-11-02;1;;\r\n' +
      'riktad-patrullering;2026-11-02;1;2;"Två ""lugna"" pass"\r\n' +
      'Trygghetsvandring;1.11.2026;1;;\r\n';
    const preview = await previewImport(ctx, reporter, agreementId, {
      name: 'export från Excel.csv',
      bytes: new TextEncoder().encode(csv)
    });
    expect(preview).toMatchObject({ format: 'csv', rowCount: 4 });
    expect(preview.mapping).toEqual({ measure: 0, date: 1, count: 2, shifts: 3, note: 4 });
    const checked = await validateImport(ctx, reporter, preview.uploadId, preview.mapping);
    expect(checked).toMatchObject({ good: 3, badRows: 1 });
    expect(checked.bad).toEqual([
      {
        row: 3,
        column: 'D',
        header: 'pass',
        field: 'shifts',
        message: 'Skriv hur många arbetspass du arbetade, så att andelen pass kan räknas.'
      }
    ]);
    await commitImport(ctx, reporter, preview.uploadId, preview.mapping, {
      includeGoodRowsOnly: true
    });
    const stored = await listActivities(ctx, reporter, {
      agreementId,
      from: '2026-11-01',
      to: '2026-11-03'
    });
    expect(
      stored.items.map((a) => [a.measureKey, a.date, a.count, a.shifts, a.note, a.publishAfter])
    ).toEqual([
      // Police operations are published only as monthly counts; the walk the day after.
      ['trafikkontroller', '2026-11-03', 2, 0, 'Kontroll; E12', '2026-12-01'],
      ['riktad-patrullering', '2026-11-02', 1, 2, 'Två "lugna" pass', '2026-12-01'],
      ['trygghetsvandring', '2026-11-01', 1, 0, null, '2026-11-02']
    ]);
  });

  it('names a missing mapping, a future date and a date outside the agreement', async () => {
    const csv = 'Åtgärd,Datum\nTrafikkontroller,2026-12-24\nTrafikkontroller,2018-05-01\n';
    const preview = await previewImport(ctx, reporter, agreementId, {
      name: 'a.csv',
      bytes: new TextEncoder().encode(csv)
    });
    await expect(validateImport(ctx, reporter, preview.uploadId, { measure: 0 })).rejects.toThrow(
      /date: Välj vilken kolumn som har datumet/
    );
    await expect(
      validateImport(ctx, reporter, preview.uploadId, { measure: 0, date: 0 })
    ).rejects.toThrow(/date: Samma kolumn är redan vald för Åtgärd/);
    const checked = await validateImport(ctx, reporter, preview.uploadId, preview.mapping);
    expect(checked.bad.map((b) => `${b.row}${b.column}: ${b.message}`)).toEqual([
      '2B: Logga det som är gjort: datumet kan inte vara i framtiden.',
      '3B: Datumet ligger utanför överenskommelsens period 2019-01-01 – 2026-12-31.'
    ]);
    await expect(
      commitImport(ctx, reporter, preview.uploadId, preview.mapping, { includeGoodRowsOnly: true })
    ).rejects.toThrow(/inga korrekta rader/);
  });

  it('refuses viewers, other municipalities, other people’s uploads and files it cannot read', async () => {
    const bytes = new TextEncoder().encode('Åtgärd;Datum\nTrafikkontroller;2026-11-01\n');
    const viewer = (await makeUser(ctx, 'viewer', 'kommun-2417')).actor;
    const other = (await makeUser(ctx, 'reporter', 'kommun-0180')).actor;
    await expect(previewImport(ctx, viewer, agreementId, { name: 'a.csv', bytes })).rejects.toThrow(
      /din organisation/
    );
    await expect(previewImport(ctx, other, agreementId, { name: 'a.csv', bytes })).rejects.toThrow(
      /din organisation/
    );
    await expect(previewImport(ctx, null, agreementId, { name: 'a.csv', bytes })).rejects.toThrow(
      /Logga in/
    );
    const mine = await previewImport(ctx, reporter, agreementId, { name: 'a.csv', bytes });
    const colleague = (await makeUser(ctx, 'reporter', 'kommun-2417')).actor;
    await expect(validateImport(ctx, colleague, mine.uploadId, mine.mapping)).rejects.toThrow(
      /finns inte eller har gått ut/
    );
    await expect(
      previewImport(ctx, reporter, agreementId, {
        name: 'gammal.xls',
        bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])
      })
    ).rejects.toThrow(/file: Det gamla Excel-formatet/);
    await expect(
      previewImport(ctx, reporter, agreementId, { name: 'tom.csv', bytes: new Uint8Array() })
    ).rejects.toThrow(/file: Välj en CSV- eller XLSX-fil/);
  });

  it('points out rows on a measure and day already logged by hand, without refusing them', async () => {
    const view = await getAgreementView(ctx, agreementId, { year: 2026, includeInternal: true });
    const walk = view
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === 'trygghetsvandring')!;
    await logActivity(ctx, reporter, { measureId: walk.id, date: '2026-10-14', count: 1 });
    const csv = 'Åtgärd;Datum\ntrygghetsvandring;2026-10-14\ntrygghetsvandring;2026-10-15\n';
    const preview = await previewImport(ctx, reporter, agreementId, {
      name: 'vandringar.csv',
      bytes: new TextEncoder().encode(csv)
    });
    const checked = await validateImport(ctx, reporter, preview.uploadId, preview.mapping);
    expect(checked).toMatchObject({ good: 2, badRows: 0, alreadyStored: 0, sameDayAsLogged: 1 });
    await commitImport(ctx, reporter, preview.uploadId, preview.mapping, {
      includeGoodRowsOnly: false
    });
    // Once imported, the file's own rows are not "logged another way".
    const again = await previewImport(ctx, reporter, agreementId, {
      name: 'vandringar.csv',
      bytes: new TextEncoder().encode(csv)
    });
    expect(await validateImport(ctx, reporter, again.uploadId, again.mapping)).toMatchObject({
      alreadyStored: 2,
      sameDayAsLogged: 1
    });
  });

  it('forgets uploads after a day', async () => {
    const bytes = new TextEncoder().encode('Åtgärd;Datum\nTrafikkontroller;2026-11-01\n');
    const preview = await previewImport(ctx, reporter, agreementId, { name: 'a.csv', bytes });
    const later = { ...ctx, now: () => new Date(ctx.now().getTime() + 25 * 3_600_000) };
    await expect(
      validateImport(later, reporter, preview.uploadId, preview.mapping)
    ).rejects.toThrow(/gått ut/);
  });
});
