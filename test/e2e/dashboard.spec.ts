import { expect, test } from '@playwright/test';
import { expectAccessible, openNorsjo } from './helpers';

test('the dashboard shows its charts as SVG with table alternatives, without JavaScript', async ({
  browser
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const url = await openNorsjo(page);
  await page.goto(`${url}/oversikt`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Översikt över uppföljningen' })
  ).toBeVisible();
  await expect(page.getByText('påhittade demodata')).toBeVisible();

  // Every measure's status now, with words. Police work published monthly is "not judged yet"
  // early in a month: nothing of the month is published, so nothing is owed.
  await expect(page.getByRole('columnheader', { name: /Denna månad/ })).toBeVisible();
  const traffic = page.getByRole('row', { name: /Trafikkontroller/ }).first();
  await expect(traffic.getByRole('cell').first()).toContainText(
    /I fas|Efter|Uppfyllt|Ej uppfyllt|Bedöms ej än/
  );

  // Three server-rendered charts, each one image with a Swedish name.
  const charts = page.locator('.chart svg[role="img"]');
  await expect(charts).toHaveCount(3);
  await expect(
    page.getByRole('img', { name: /^Värmekarta: status per månad för 14 åtgärder/ })
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /per fokusområde/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /per ansvarig part/ })).toBeVisible();

  // The heat map's table alternative opens without JavaScript: 14 measures × 48 months.
  await page.getByText('Värmekartan som tabell').click();
  const heatTable = page.getByRole('table', { name: /Status per åtgärd och månad/ });
  await expect(heatTable.locator('tbody tr')).toHaveCount(14);
  await expect(heatTable.locator('thead th')).toHaveCount(49);
  await page.getByText('Per fokusområde som tabell').click();
  await expect(page.getByRole('rowheader', { name: 'Insatser mot narkotika' })).toBeVisible();

  // The party filter is a plain GET form.
  await page.getByLabel('Part', { exact: true }).selectOption({ label: 'Hälsocentralen' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/oversikt\?part=norsjo-halsocentralen/);
  await expect(
    page.getByText('Visar 1 åtgärd där Hälsocentralen är ansvarig eller samverkar')
  ).toBeVisible();
  await context.close();
});

test('a measure’s page lists its target over the plans, its months and its activities', async ({
  page
}) => {
  const url = await openNorsjo(page);
  await page.goto(`${url}/oversikt`);
  await page.getByRole('link', { name: 'Dörrknackning i valda områden' }).click();
  await expect(page).toHaveURL(/\/matt\/dorrknackning$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Dörrknackning i valda områden' })
  ).toBeVisible();
  const plans = page.getByRole('table', { name: /Målet i varje års plan/ });
  await expect(plans.getByRole('row', { name: /^2019/ })).toContainText('2 gånger per år');
  await expect(plans.getByRole('row', { name: /^2020/ })).toContainText(
    'Skäl: Demo: fler bostadsinbrott'
  );
  await expect(page.getByRole('img', { name: /antal gjorda per månad/ })).toBeVisible();
  const activities = page.getByRole('table', { name: /Aktiviteter, sida 1/ });
  await expect(activities.locator('tbody tr').first()).toContainText('demo');
});

test('the dashboard and a measure’s page pass axe with WCAG 2.1 A/AA rules', async ({ page }) => {
  test.setTimeout(120_000);
  const url = await openNorsjo(page);
  for (const path of ['/oversikt', '/oversikt?part=lpo-skelleftea', '/matt/trafikkontroller']) {
    await page.goto(url + path);
    await expectAccessible(page);
  }
  // With the table alternatives open, too.
  await page.goto(`${url}/oversikt`);
  for (const summary of await page.locator('summary').all()) await summary.click();
  await expectAccessible(page);
});
