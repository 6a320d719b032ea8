import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, signIn } from './helpers';

const SEED = readFileSync('data/reference/norsjo-medborgarloften-2019.txt');

test('an editor uploads the Norsjö seed, reviews it beside the text and accepts a draft agreement', async ({
  page
}) => {
  await signIn(page, 'kommun@demo.loften.se');
  await page.goto('/avtal/ny');
  await page.getByRole('link', { name: 'Importera ett befintligt löfte' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Importera ett befintligt medborgarlöfte'
  );
  await expectAccessible(page);
  await page.getByLabel('Fil').setInputFiles({
    name: 'norsjo-medborgarloften-2019.txt',
    mimeType: 'text/plain',
    buffer: SEED
  });
  await page.getByRole('button', { name: 'Läs in och granska' }).click();
  await page.waitForURL(/\/avtal\/importera\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Att granska (1)' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Perioden står på två sätt/ })).toBeVisible();
  await expect(page.locator('#rad-19')).toHaveText('Medborgarlöfte 2019-2023');
  await expect(page.locator('#rad-19')).toHaveClass(/flagged/);
  await expect(page.getByLabel('Polisområde')).toHaveValue('lpo-skelleftea');
  await expect(page.locator('fieldset.document-import-measure')).toHaveCount(14);
  await expectAccessible(page);
  // Focusing a measure lights up its source line.
  await page.locator('#m-11-title').focus();
  await expect(page.locator('#rad-51')).toHaveClass(/lit/);
  await page.locator('#m-11-targetText').fill('3 gånger per år');
  await page.getByRole('button', { name: 'Godkänn och skapa utkast' }).click();
  await page.waitForURL(/\/avtal\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Norsjö – medborgarlöften');
});

test('a file that is not a medborgarlöfte gives a readable message and keeps the pasted text', async ({
  page
}) => {
  await signIn(page, 'kommun@demo.loften.se');
  await page.goto('/avtal/importera');
  await page.getByLabel('Fil').setInputFiles({
    name: 'bild.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3])
  });
  await page.getByRole('button', { name: 'Läs in och granska' }).click();
  await expect(page.getByRole('alert')).toContainText('varken text, Word (.docx) eller PDF');
  await page.getByLabel('Fil').setInputFiles([]);
  await page.getByLabel('…eller klistra in texten').fill('Inköpslista\n\nMjölk och bröd.');
  await page.getByRole('button', { name: 'Läs in och granska' }).click();
  await expect(page.getByRole('alert')).toContainText('inte ut som ett medborgarlöfte');
  await expect(page.getByLabel('…eller klistra in texten')).toHaveValue(
    'Inköpslista\n\nMjölk och bröd.'
  );
  await expectAccessible(page);
});

test('the upload page asks a reader to sign in', async ({ page }) => {
  await page.goto('/avtal/importera');
  await expect(page).toHaveURL(/\/logga-in\?next=%2Favtal%2Fimportera/);
});
