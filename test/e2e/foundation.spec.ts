import { expect, test } from '@playwright/test';
import { attemptSignIn, expectAccessible, signIn } from './helpers';

test('the start page is in Swedish, shows Norsjö and offers sign-in', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Löften' })).toBeVisible();
  await expect(page.getByText('Norsjö', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
  await expect(page.getByText(/Demoläge/)).toBeVisible();
});

test('a demo editor signs in, sees the account page, and signs out', async ({ page }) => {
  await signIn(page, 'kommun@demo.loften.se');
  await page.goto('/konto');
  await expect(page.getByRole('heading', { name: 'Ditt konto' })).toBeVisible();
  await expect(page.getByText('kommun@demo.loften.se')).toBeVisible();
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
});

test('a wrong password says so and keeps the e-mail typed', async ({ page }) => {
  await attemptSignIn(page, 'lasare@demo.loften.se', 'fel lösenord');
  await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord');
  await expect(page.getByLabel('E-postadress')).toHaveValue('lasare@demo.loften.se');
});

test('sign-in works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'polis@demo.loften.se');
  await page.goto('/konto');
  await expect(page.getByRole('heading', { name: 'Ditt konto' })).toBeVisible();
  await context.close();
});

test('the interface switches to English', async ({ page }) => {
  await page.goto('/?lang=en');
  // The content stays Swedish (lang="sv"); the menus and notices follow the chosen language.
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.locator('header.site')).toHaveAttribute('lang', 'en');

  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('every page that exists passes axe with WCAG 2.1 A/AA rules', async ({ page }) => {
  test.setTimeout(120_000);

  for (const path of [
    '/',
    '/kommuner',
    '/kommuner?q=Nors',
    '/kommuner/2417',
    '/kommuner/2417/riskhelger',
    '/logga-in',
    '/tillganglighet',
    '/sidan-finns-inte'
  ]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await signIn(page, 'admin@demo.loften.se');
  for (const path of ['/konto', '/avtal/ny', '/kommuner/2417/riskhelger']) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test('anyone can report an accessibility problem, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'Tillgänglighet' }).click();
  await page
    .getByLabel('Vad fungerade inte?')
    .fill('Diagrammet på översikten går inte att förstora.');
  await page.getByRole('button', { name: 'Skicka rapporten' }).click();
  await expect(page.getByRole('status')).toContainText('Tack! Din rapport har kommit fram.');
  await context.close();
});
