import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

test('a reporter sees what is behind first, with a link to log it, and gets a working calendar address', async ({
  page
}) => {
  await signIn(page, 'rapportor@demo.loften.se');
  await page.goto('/att-gora');
  await expect(page.getByRole('heading', { level: 1, name: 'Att göra' })).toBeVisible();
  const behind = page.getByRole('list', { name: 'Åtgärder som ligger efter' });
  await expect(behind.getByRole('listitem').first()).toContainText(/ – /);
  await expect(page.getByRole('list', { name: /Kommande riskhelger/ })).toContainText('riskhelg');
  const log = behind.getByRole('link', { name: /^Logga / }).first();
  await expect(log).toHaveAttribute('href', /^\/logga\?atgard=/);

  await page.getByRole('button', { name: 'Skapa kalenderadress' }).click();
  const url = (await page.locator('code.feed-url').textContent()) ?? '';
  expect(url).toMatch(/\/att-gora\/kalender\.ics\?nyckel=kal_/);
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const ics = await feed.text();
  expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toMatch(/SUMMARY:.*\(riskhelg\)/);
  await expectAccessible(page);

  await log.click();
  await expect(page).toHaveURL(/\/logga\?atgard=/);
});

test('the page works without JavaScript, and an unknown calendar address finds nothing', async ({
  browser,
  request
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'rapportor@demo.loften.se');
  await page.goto('/att-gora');
  // The first test may already have made one: then the button makes a new one.
  await page.getByRole('button', { name: /^Skapa (ny )?kalenderadress$/ }).click();
  await expect(page.locator('code.feed-url')).toContainText('kalender.ics?nyckel=kal_');
  await expect(page.getByText('Veckobrev med e-post är inte påslaget')).toBeVisible();
  await context.close();
  const missing = await request.get('/att-gora/kalender.ics?nyckel=kal_' + 'x'.repeat(43));
  expect(missing.status()).toBe(404);
});

test('someone signed out is sent to sign in', async ({ page }) => {
  await page.goto('/att-gora');
  await expect(page).toHaveURL(/\/logga-in\?next=%2Fatt-gora/);
});
