import { expect, test } from '@playwright/test';
import { expectAccessible, openNorsjo, signIn } from './helpers';

test('Norsjö’s agreement shows its focus areas and fourteen measures with targets, without JavaScript', async ({
  browser
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await openNorsjo(page);
  await page.goto(page.url() + '?ar=2019');
  await expect(page.getByRole('heading', { name: 'Fokusområden' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Insatser mot narkotika' })
  ).toBeVisible();
  // Six headings, fourteen measures: one row per measure in the plan's tables.
  await expect(page.locator('section[aria-labelledby="plan"] tbody tr')).toHaveCount(14);
  await expect(page.getByText('Minst 10 kontroller per månad')).toBeVisible();
  await expect(page.getByText('Tolkat: minst 10 kontroller per månad')).toBeVisible();
  await context.close();
});

test('the follow-up table labels demo data and says what each cell means', async ({ page }) => {
  const url = await openNorsjo(page);
  await page.goto(`${url}/uppfoljning?period=month&ar=2020`);
  await expect(page.getByText('påhittade demodata')).toBeVisible();
  const row = page.getByRole('row', { name: /Trafikkontroller/ });
  await expect(row.getByRole('cell').first()).toContainText('/10');
  await expect(page.getByRole('columnheader', { name: 'jul 2020' })).toBeVisible();
});

test('comparing the 2019 and 2020 plans shows the changed target and its reason', async ({
  page
}) => {
  const url = await openNorsjo(page);
  await page.goto(`${url}/plan?fran=2019&till=2020`);
  await expect(page.getByText('Ändrad: Dörrknackning i valda områden')).toBeVisible();
  await expect(page.getByText('3 gånger per år')).toBeVisible();
  await expect(page.getByText(/Skäl: Demo: fler bostadsinbrott/)).toBeVisible();
});

test('an editor changes a target, sees how it is understood as they type, and finds the change in the diff', async ({
  page
}) => {
  await signIn(page, 'polis@demo.loften.se');
  const url = await openNorsjo(page);
  await page.goto(`${url}/plan`);
  await page.getByLabel('År').fill('2021');
  await page.getByRole('button', { name: 'Starta planen' }).click();
  await expect(page).toHaveURL(/ar=2021/);
  await page.getByRole('link', { name: 'Ändra Trafikkontroller' }).click();
  const target = page.getByLabel('Mål i ord');
  await target.fill('Minst tolv kontroller i månaden');
  await expect(page.getByText('Tolkas som: minst 12 kontroller per månad')).toBeVisible();
  await target.fill('Polisen ska synas');
  await expect(page.getByText('Ej tolkat mål.')).toBeVisible();
  await target.fill('Minst 12 kontroller per månad');
  await page.getByLabel('Skäl till ändringen').fill('Fler trafikolyckor på väg 365 under 2020.');
  await page.getByRole('button', { name: 'Spara ändringen' }).click();
  await page.goto(`${url}/plan?fran=2020&till=2021`);
  await expect(page.getByText('Ändrad: Trafikkontroller')).toBeVisible();
  await expect(page.getByText('Skäl: Fler trafikolyckor på väg 365 under 2020.')).toBeVisible();
});

test('a missing reason is named and the typed target is kept', async ({ page }) => {
  await signIn(page, 'kommun@demo.loften.se');
  const url = await openNorsjo(page);
  await page.getByRole('link', { name: 'Ändra Trygghetsvandring' }).click();
  await page.getByLabel('Mål i ord').fill('3 gånger per år');
  await page.getByLabel('Skäl till ändringen').fill(' ');
  await page.getByRole('button', { name: 'Spara ändringen' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv varför åtgärden ändras');
  await expect(page.getByLabel('Mål i ord')).toHaveValue('3 gånger per år');
  expect(url).toContain('/avtal/');
});

test('a viewer sees no edit links and is refused the edit page', async ({ page }) => {
  await signIn(page, 'lasare@demo.loften.se');
  const url = await openNorsjo(page);
  await expect(page.getByRole('link', { name: 'Redigera överenskommelsen' })).toHaveCount(0);
  const response = await page.goto(`${url}/redigera`);
  expect(response?.status()).toBe(403);
});

test('agreement pages pass axe with WCAG 2.1 A/AA rules', async ({ page }) => {
  test.setTimeout(120_000);
  const url = await openNorsjo(page);

  for (const path of [
    '',
    '/uppfoljning',
    '/uppfoljning?period=year',
    '/plan?fran=2019&till=2020'
  ]) {
    await page.goto(url + path);
    await expectAccessible(page);
  }
  await page.goto('/om/uppfoljning');
  await expectAccessible(page);
  await signIn(page, 'kommun@demo.loften.se');
  await page.goto(url);
  for (const path of ['/redigera', '/atgard/ny?ar=2019']) {
    await page.goto(url + path);
    await expectAccessible(page);
  }
  await page.goto(url);
  await page.getByRole('link', { name: 'Ändra Trafikkontroller' }).click();
  await expectAccessible(page);
});

test('an editor creates a draft agreement, names a wrong field, and adds a first measure', async ({
  page
}) => {
  await signIn(page, 'kommun@demo.loften.se');
  await page.goto('/avtal/ny');
  await page.getByLabel('Titel').fill('Norsjö – medborgarlöfte 2023–2026');
  await page.getByLabel('Kommunkod').fill('24 17');
  await page.getByLabel('Startdatum').fill('2023-01-01');
  await page.getByLabel('Slutdatum').fill('2026-12-31');
  await page.getByRole('button', { name: 'Skapa utkast' }).click();
  await expect(page.getByRole('alert')).toContainText('fyra siffror');
  await expect(page.getByLabel('Titel')).toHaveValue('Norsjö – medborgarlöfte 2023–2026');
  await page.getByLabel('Kommunkod').fill('2417');
  await page.getByRole('button', { name: 'Skapa utkast' }).click();
  await expect(page.getByRole('heading', { name: 'Redigera överenskommelsen' })).toBeVisible();
  await page.getByRole('link', { name: /Norsjö – medborgarlöfte 2023–2026/ }).click();
  await page.getByRole('link', { name: 'Ny åtgärd i planen 2023' }).click();
  await page.getByLabel('eller en ny rubrik').fill('Trafik');
  await page.getByLabel('Åtgärd', { exact: true }).fill('Hastighetskontroller vid skolor');
  await page.getByLabel('Mål i ord').fill('Minst två kontroller i veckan');
  await expect(page.getByText('Tolkas som: minst 2 kontroller per vecka')).toBeVisible();
  await page.getByLabel('Varför läggs åtgärden till?').fill('Önskemål från föräldrar i dialogen.');
  await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
  await expect(page.getByRole('cell', { name: /Hastighetskontroller vid skolor/ })).toBeVisible();
});
