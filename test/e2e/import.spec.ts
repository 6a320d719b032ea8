import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openNorsjo, signIn } from './helpers';

/** A few days ago, so the dates are past and inside the demo agreement (it runs to the year's end). */
const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
const CSV = Buffer.from(
  '\uFEFFÅtgärd;Datum;Antal;Anteckning\r\n' +
    `Trafikkontroller;${day};2;Importerad i e2e\r\n` +
    `trygghetsvandring;${day};1;Importerad i e2e\r\n` +
    `Hundpatrull;${day};1;Importerad i e2e\r\n`
);

async function openImport(page: Page) {
  const agreement = new URL(await openNorsjo(page)).pathname;
  await page.goto(`${agreement}/import`);
  return agreement;
}

async function uploadAndCheck(page: Page) {
  await page
    .getByLabel(/CSV- eller Excel-fil/)
    .setInputFiles({ name: 'aktiviteter.csv', mimeType: 'text/csv', buffer: CSV });
  await page.getByRole('button', { name: 'Ladda upp och förhandsgranska' }).click();
  await expect(page.getByRole('heading', { name: 'aktiviteter.csv' })).toBeVisible();
  await expect(page.getByLabel('Åtgärd (krävs)')).toHaveValue('0');
  await expect(page.getByLabel('Datum (krävs)')).toHaveValue('1');
  await page.getByRole('button', { name: 'Kontrollera raderna' }).click();
  await expect(page.getByText('2 av 3 rader är korrekta. 1 rad har fel.')).toBeVisible();
}

test('an editor imports a CSV without JavaScript: the bad row is named by row and column, the good rows are stored once, and the export has them', async ({
  browser
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'kommun@demo.loften.se');
  const agreement = await openImport(page);
  await uploadAndCheck(page);
  const bad = page.getByRole('table', { name: 'Rader med fel' }).getByRole('row').nth(1);
  await expect(bad.getByRole('cell')).toHaveText([
    '4',
    'A (Åtgärd)',
    'Åtgärden "Hundpatrull" finns inte i överenskommelsens plan.'
  ]);
  await expect(page.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Importera bara de 2 korrekta raderna' }).click();
  await expect(page.getByRole('status')).toContainText('2 aktiviteter sparades, 0 fanns redan.');

  // The same file again stores nothing.
  await uploadAndCheck(page);
  await expect(page.getByText('2 av de korrekta raderna finns redan')).toBeVisible();
  await page.getByRole('button', { name: 'Importera bara de 2 korrekta raderna' }).click();
  await expect(page.getByRole('status')).toContainText('0 aktiviteter sparades, 2 fanns redan.');

  await page.getByRole('link', { name: 'Exportera aktiviteter och uppföljning' }).click();
  await page.getByLabel('Från (valfritt)').first().fill(day);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner aktiviteter (CSV)' }).click()
  ]);
  expect(download.suggestedFilename()).toMatch(/^aktiviteter-norsjö-medborgarlöften-.*\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.match(/Importerad i e2e/g)).toHaveLength(2);
  expect(text).toContain('Datum;Åtgärd;Åtgärdsnyckel;Antal');
  expect(agreement).toMatch(/^\/avtal\//);
  await context.close();
});

test('the import check and the export page are accessible', async ({ page }) => {
  await signIn(page, 'kommun@demo.loften.se');
  const agreement = await openImport(page);
  await uploadAndCheck(page);
  await expectAccessible(page);
  await page.goto(`${agreement}/export`);
  await expectAccessible(page);
});
