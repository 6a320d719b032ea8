import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

// A phone that fits (issue 17 item 3): at 390 px nothing needs a sideways swipe, tables become
// stacked rows that keep their table semantics, and axe passes at phone width.

const PHONE = { width: 390, height: 844 };

/** Addresses found in the demo data by the first test; the pages are then checked one by one. */
const found = { agreement: '', report: '', version: '', survey: '' };

/** The page's whole width in CSS pixels; more than the viewport means a sideways swipe. */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

async function expectFitsPhone(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState('networkidle');
  expect(await pageWidth(page), `${path} is wider than the phone`).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page);
}

async function phonePage(browser: Browser, email?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  if (email) await signIn(page, email);
  return page;
}

test.describe.configure({ mode: 'serial' });

test('the demo has a published report, a survey and an agreement to look at', async ({
  browser
}) => {
  const page = await phonePage(browser, 'kommun@demo.loften.se');
  const agreements = (await (await page.request.get('/api/v1/agreements')).json()) as {
    id: string;
    title: string;
  }[];
  const norsjo = agreements.find((a) => a.title === 'Norsjö – medborgarlöften');
  expect(norsjo).toBeDefined();
  found.agreement = `/avtal/${norsjo!.id}`;

  // A yearly report for 2024 (the report spec publishes 2023, the demo 2025), published unless already there.
  await page.goto('/kommuner/2417/rapporter');
  let report = page.locator('main a[href^="/kommuner/2417/rapporter/"]').first();
  if ((await report.count()) === 0) {
    await page.goto(`${found.agreement}/rapporter`);
    await page.getByLabel('Ett år').check();
    await page.getByLabel('År (för tertial och år)').fill('2024');
    await page.getByRole('button', { name: 'Skapa utkast' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Rapport för år 2024' })
    ).toBeVisible();
    await page
      .getByLabel('Kommentar till Trafikkontroller')
      .fill('En lång kommentar om hur kontrollerna gick, så att kolumnen har något att bära.');
    await page.getByRole('button', { name: 'Spara och publicera' }).click();
    await expect(page.getByText('Version 1 är publicerad')).toBeVisible();
    await page.goto('/kommuner/2417/rapporter');
    report = page.locator('main a[href^="/kommuner/2417/rapporter/"]').first();
  }
  // The list links to a report's latest version; the report's own page shows it too.
  const href = (await report.getAttribute('href'))!;
  found.report = href.replace(/\/v\/\d+$/, '');
  found.version = /\/v\/\d+$/.test(href) ? href : `${found.report}/v/1`;

  await page.goto('/kommuner/2417/enkater');
  const survey = page.locator('main a[href^="/kommuner/2417/enkater/"]').first();
  found.survey = `/enkat/${(await survey.getAttribute('href'))!.split('/')[4]}`;
  expect(found.survey).toMatch(/^\/enkat\/[0-9a-f-]{36}$/);
  await page.context().close();
});

// Each page is its own test, with its own time limit: in CI they run beside PostgreSQL's tests,
// and seventeen pages with axe in one test did not fit in one minute there.
const PUBLIC_PAGES: [string, () => string][] = [
  ['the front page', () => '/'],
  ['the municipality page', () => '/kommuner/2417'],
  ['the report list', () => '/kommuner/2417/rapporter'],
  ['a report', () => found.report],
  ['a report version', () => found.version],
  ['Ni sa – vi gör', () => '/kommuner/2417/ni-sa-vi-gor'],
  ['open data', () => '/data'],
  ['how the follow-up counts', () => '/om/uppfoljning'],
  ['a survey', () => found.survey],
  ['the accessibility statement', () => '/tillganglighet'],
  ['the audit page', () => '/granskning'],
  ['an agreement', () => found.agreement],
  ['an agreement overview', () => `${found.agreement}/oversikt`],
  ['the survey list', () => '/kommuner/2417/enkater'],
  ['subscribing', () => '/kommuner/2417/prenumerera'],
  ['the safety walks', () => '/kommuner/2417/vandringar'],
  ['the national picture', () => '/sverige']
];

for (const [name, path] of PUBLIC_PAGES) {
  test(`${name} fits a 390 px phone without a sideways swipe and passes axe`, async ({
    browser
  }) => {
    const page = await phonePage(browser);
    await expectFitsPhone(page, path());
    await page.context().close();
  });
}

test('on a phone the promise and report tables are stacked rows that still read as tables', async ({
  browser
}) => {
  const page = await phonePage(browser);
  await page.goto('/kommuner/2417');
  const promises = page.getByRole('table', { name: /^Åtgärder under / }).first();
  await expect(promises.getByRole('columnheader', { name: /^Läget \d{4}$/ })).toHaveCount(1);
  const row = promises.getByRole('row').nth(1);
  await expect(row.getByRole('rowheader')).toHaveCount(1);
  // Each cell shows its column header as a label, and lies within the screen.
  const cell = row.getByRole('cell').last();
  expect(
    await cell.evaluate((td) => getComputedStyle(td, '::before').content.startsWith('"Läget'))
  ).toBe(true);
  const box = (await cell.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

  await page.goto(found.version);
  const measures = page.getByRole('table', { name: /^Åtgärder, mål och utfall/ });
  for (const header of ['Gjort', 'Förväntat', 'Status', 'Kommentar']) {
    await expect(measures.getByRole('columnheader', { name: header, exact: true })).toHaveCount(1);
  }
  const comment = measures.getByRole('row').nth(1).getByRole('cell').last();
  await expect(comment).toBeVisible();
  const commentBox = (await comment.boundingBox())!;
  expect(commentBox.x + commentBox.width).toBeLessThanOrEqual(PHONE.width);
  await page.context().close();
});

test('the police overview and the dialogue page fit a phone for signed-in staff', async ({
  browser
}) => {
  const police = await phonePage(browser, 'polis@demo.loften.se');
  await expectFitsPhone(police, '/polis/polisregion-nord');
  await police.context().close();

  const municipality = await phonePage(browser, 'kommun@demo.loften.se');
  await expectFitsPhone(municipality, `${found.agreement}/dialog`);
  await expectFitsPhone(municipality, `${found.agreement}/oversikt`);
  await municipality.context().close();
});
