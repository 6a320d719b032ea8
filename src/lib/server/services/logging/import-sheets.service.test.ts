import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { keepNorsjoRunning, makeUser } from '../../../../../test/support/factories';
import { type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { listActivities } from './activity-list.service';
import { logActivity } from './activity.service';
import { exportActivities } from './export.service';
import { getAgreementView } from '../agreements/agreement-view.service';
import { chooseHeaderRow, commitImport, previewImport, validateImport } from './import.service';

const encode = (s: string) => new TextEncoder().encode(s);

describe.each(DATABASES)('spreadsheets as people have them, on $kind', ({ kind }) => {
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

  it('recognises the product’s own export by its ids and stores none of it twice', async () => {
    const view = await getAgreementView(ctx, agreementId, { year: 2026, includeInternal: true });
    const walk = view
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === 'trygghetsvandring')!;
    for (const date of ['2026-11-16', '2026-11-17', '2026-11-18'])
      await logActivity(ctx, reporter, { measureId: walk.id, date, count: 2, note: 'Hand' });
    const before = await total();
    const file = await exportActivities(ctx, reporter, agreementId, {
      format: 'csv',
      from: '2026-11-16',
      to: '2026-11-18'
    });
    const bytes = new Uint8Array(await new Response(file.body).arrayBuffer());
    const preview = await previewImport(ctx, reporter, agreementId, { name: file.fileName, bytes });
    expect(preview.columns.at(-1)?.header).toBe('Id');
    expect(preview.mapping.id).toBe(preview.columns.length - 1);
    const checked = await validateImport(ctx, reporter, preview.uploadId, preview.mapping);
    expect(checked).toMatchObject({ total: 3, good: 0, fromExport: 3, badRows: 0 });
    const result = await commitImport(ctx, reporter, preview.uploadId, preview.mapping, {
      includeGoodRowsOnly: false
    });
    expect(result).toMatchObject({ stored: 0, fromExport: 3 });
    expect(await total()).toBe(before);
  });

  it('finds the header under a merged title, skips a Summa row with a note, and lets the person choose the header row', async () => {
    const csv =
      'Aktiviteter i Norsjö 2026;;\n' +
      ';;\n' +
      'Åtgärd;Datum;Antal\n' +
      'Trafikkontroller;2026-11-02;2\n' +
      'Trygghetsvandring;2026-11-03;1\n' +
      'Summa;;3\n';
    const preview = await previewImport(ctx, reporter, agreementId, {
      name: 'med titel.csv',
      bytes: encode(csv)
    });
    expect(preview).toMatchObject({ headerRow: 3, rowCount: 2 });
    expect(preview.columns.map((c) => c.header)).toEqual(['Åtgärd', 'Datum', 'Antal']);
    expect(preview.mapping).toEqual({ measure: 0, date: 1, count: 2 });
    expect(preview.notes).toEqual([
      'Rubrikraden är rad 3. Raden ovanför (rad 1: ”Aktiviteter i Norsjö 2026”) läses inte in.',
      'Rad 6 är en summarad och läses inte in.'
    ]);
    expect(preview.headerChoices.map((c) => c.row)).toEqual([1, 3, 4, 5, 6]);
    expect(preview.headerChoices[0]!.text).toBe('Aktiviteter i Norsjö 2026');

    // Choosing the title row reads it as the header; choosing row 3 again gives the guess back.
    const wrong = await chooseHeaderRow(ctx, reporter, preview.uploadId, '1');
    expect(wrong).toMatchObject({ headerRow: 1, rowCount: 3 });
    expect(wrong.columns[0]!.header).toBe('Aktiviteter i Norsjö 2026');
    const right = await chooseHeaderRow(ctx, reporter, wrong.uploadId, 3);
    expect(right).toMatchObject({ headerRow: 3, rowCount: 2, mapping: preview.mapping });
    expect(await validateImport(ctx, reporter, right.uploadId, right.mapping)).toMatchObject({
      good: 2,
      badRows: 0
    });

    await expect(chooseHeaderRow(ctx, reporter, right.uploadId, 'tre')).rejects.toThrow(
      /headerRow: Välj rubrikraden med dess radnummer/
    );
    await expect(chooseHeaderRow(ctx, reporter, right.uploadId, 2)).rejects.toThrow(
      /headerRow: Rad 2 är tom eller finns inte/
    );
    await expect(chooseHeaderRow(ctx, reporter, right.uploadId, 6)).rejects.toThrow(
      /headerRow: Det finns inga rader under rad 6/
    );
    const colleague = (await makeUser(ctx, 'reporter', 'kommun-2417')).actor;
    await expect(chooseHeaderRow(ctx, colleague, right.uploadId, 3)).rejects.toThrow(
      /finns inte eller har gått ut/
    );
  });

  it('says a count with a decimal comma is not a whole number, naming the value', async () => {
    const csv =
      'Åtgärd;Datum;Antal;Pass\nTrafikkontroller;2026-11-02;2,5;\nTrafikkontroller;2026-11-02;3;1,5\n';
    const preview = await previewImport(ctx, reporter, agreementId, {
      name: 'decimaler.csv',
      bytes: encode(csv)
    });
    const checked = await validateImport(ctx, reporter, preview.uploadId, preview.mapping);
    expect(checked.bad.map((b) => `${b.row}${b.column}: ${b.message}`)).toEqual([
      '2C: Antalet ska vara ett heltal (2,5 är ett decimaltal).',
      '3D: Antalet pass ska vara ett heltal (1,5 är ett decimaltal).'
    ]);
  });
});
