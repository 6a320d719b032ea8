import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

test.use({ viewport: { width: 390, height: 844 } });

/** Picks a measure by its title, whether or not it is starred as recently used. */
async function pickMeasure(page: Page, title: string) {
  const value = await page
    .locator('#measureId option', { hasText: new RegExp(`^(★ )?${title}`) })
    .first()
    .getAttribute('value');
  await page.getByLabel('Åtgärd').selectOption(value ?? '');
}

test('a reporter on a phone logs a traffic control in one tap after picking it and sees the month’s count rise', async ({
  page
}) => {
  await signIn(page, 'rapportor@demo.loften.se');
  await page.goto('/logga');
  await pickMeasure(page, 'Trafikkontroller');
  await page.getByRole('button', { name: 'Logga', exact: true }).click();
  const status = page.getByRole('status').filter({ hasText: 'Sparat: Trafikkontroller.' });
  await expect(status).toBeVisible();
  const before = Number((await status.textContent())?.match(/Denna månad: (\d+)/)?.[1]);
  await pickMeasure(page, 'Trafikkontroller');
  await page.getByLabel('Antal').fill('2');
  await page.getByRole('button', { name: 'Logga', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Denna månad: ${before + 2}` })
  ).toBeVisible();
  await expectAccessible(page);
});

test('logging works without JavaScript and names a missing number of shifts', async ({
  browser
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 }
  });
  const page = await context.newPage();
  await signIn(page, 'rapportor@demo.loften.se');
  await page.goto('/logga');
  await pickMeasure(page, 'Riktad patrullering i valda områden');
  await page.getByRole('button', { name: 'Logga', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv hur många arbetspass');
  await page.getByLabel(/Arbetade pass/).fill('1');
  await page.getByRole('button', { name: 'Logga', exact: true }).click();
  await expect(page.getByText('Sparat: Riktad patrullering i valda områden.')).toBeVisible();
  // A second log that is refused shows its error, not the earlier "Sparat" as if it were saved.
  await page.getByLabel(/Arbetade pass/).fill('');
  await page.getByRole('button', { name: 'Logga', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv hur många arbetspass');
  await expect(page.getByText(/^Sparat:/)).toHaveCount(0);
  await context.close();
});

test('offline, two activities wait on the phone; back online, each is stored exactly once', async ({
  page,
  context
}) => {
  await signIn(page, 'rapportor@demo.loften.se');
  await page.goto('/logga');
  const countBefore = async () => {
    const r = await page.request.get('/api/v1/activities?mine=true&pageSize=1');
    return ((await r.json()) as { total: number }).total;
  };
  const before = await countBefore();
  await context.setOffline(true);
  await pickMeasure(page, 'Trafikkontroller');
  await page.getByRole('button', { name: 'Logga', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Väntar på nätet (1)' })).toBeVisible();
  await page.getByLabel('Antal').fill('3');

  await page.getByRole('button', { name: 'Logga', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Väntar på nätet (2)' })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText('2 väntande aktiviteter är nu sparade.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Väntar på nätet/ })).toHaveCount(0);
  expect(await countBefore()).toBe(before + 2);
  // Going offline and online again sends nothing twice.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.reload();
  expect(await countBefore()).toBe(before + 2);
});
