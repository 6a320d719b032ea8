import { XMLParser } from 'fast-xml-parser';
import { expect, test, type Page } from '@playwright/test';
import { readPdf } from '../support/pdf-text';
import { expectAccessible, signIn } from './helpers';

/** Opens Norsjö's agreement (found through the open API, as the start page may change) and returns its address. */
async function openAgreement(page: Page): Promise<string> {
  const list = (await (await page.request.get('/api/v1/agreements')).json()) as {
    id: string;
    title: string;
  }[];
  const norsjo = list.find((a) => a.title === 'Norsjö – medborgarlöften');
  expect(norsjo).toBeDefined();
  await page.goto(`/avtal/${norsjo!.id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Norsjö – medborgarlöften' })
  ).toBeVisible();
  return `/avtal/${norsjo!.id}`;
}

test.describe.configure({ mode: 'serial' });

test('an editor publishes a yearly report, the public reads it as a page and PDFs, and a correction adds version 2', async ({
  page
}) => {
  await signIn(page, 'kommun@demo.loften.se');
  await openAgreement(page);
  await page.getByRole('link', { name: 'Rapporter', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Uppföljningsrapporter' })
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Ett år').check();
  await page.getByLabel('År (för tertial och år)').fill('2023');
  await page.getByRole('button', { name: 'Skapa utkast' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Rapport för år 2023' })).toBeVisible();
  await expect(page.getByText('påhittade demodata').first()).toBeVisible();
  await page.getByLabel('Inledning').fill('Ett år då polis och kommun gjorde det mesta de lovade.');
  await page
    .getByLabel('Kommentar till Trafikkontroller')
    .fill('Färre kontroller i juli på grund av semester.');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByText('Ändringen är sparad.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Spara och publicera' }).click();
  await expect(page.getByText('Version 1 är publicerad')).toBeVisible();

  await page.getByRole('link', { name: 'läs den som allmänheten ser den' }).click();
  await expect(page).toHaveURL(/\/kommuner\/2417\/rapporter\/[0-9a-f-]+\/v\/1$/);
  const v1Url = new URL(page.url()).pathname;
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Uppföljning av medborgarlöftena i Norsjö kommun, år 2023'
    })
  ).toBeVisible();
  await expect(page.getByText('påhittade demodata')).toBeVisible();
  const table = page.getByRole('table', { name: 'Åtgärder, mål och utfall, år 2023' });
  const traffic = table.getByRole('row', { name: /Trafikkontroller/ });
  await expect(traffic).toContainText(/Uppfyllt|Ej uppfyllt/);
  await expect(traffic).toContainText('Färre kontroller i juli på grund av semester.');
  await expect(
    page.getByRole('img', { name: /andel åtgärder som höll målet per fokusområde/ })
  ).toBeVisible();
  await expectAccessible(page);

  const pdf = await readPdf(await (await page.request.get(`${v1Url}/rapport.pdf`)).body());
  expect(pdf.tagged).toBe(true);
  expect(pdf.info.Title).toBe('Uppföljning av medborgarlöftena i Norsjö kommun, år 2023');
  expect(pdf.text).toContain('DEMO');
  expect(pdf.text).toContain('Trafikkontroller');
  expect(pdf.text).toContain('Kommentar: Färre kontroller i juli på grund av semester.');
  const summary = await readPdf(
    await (await page.request.get(`${v1Url}/sammanfattning.pdf`)).body()
  );
  expect(summary.pages).toHaveLength(1);
  expect(summary.text).toMatch(/\d+ av \d+ bedömda åtgärder höll målet under år 2023/);

  // A correction: the editor explains it; version 1 stays readable and points to version 2.
  await page.goBack();
  await page.getByLabel('Vad rättas').fill('Kommentaren om trafikkontroller var ofullständig.');
  await page
    .getByLabel('Kommentar till Trafikkontroller')
    .fill('Färre kontroller i juli på grund av semester och en sjukskrivning.');
  await page.getByRole('button', { name: 'Publicera rättelse (version 2)' }).click();
  await expect(page.getByText('Version 2 är publicerad')).toBeVisible();
  await page.goto(v1Url);
  await expect(page.getByText('Det här är en äldre version.')).toBeVisible();
  await expect(page.getByRole('table', { name: /Åtgärder, mål och utfall/ })).toContainText(
    'Färre kontroller i juli på grund av semester.'
  );
  await page.getByRole('link', { name: 'Läs den senaste versionen (2)' }).click();
  await expect(
    page.getByText('Rättelse: Kommentaren om trafikkontroller var ofullständig.').first()
  ).toBeVisible();
});

test('a wrong year is named and kept, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'polis@demo.loften.se');
  const path = await openAgreement(page);
  await page.goto(`${path}/rapporter`);
  await page.getByLabel('Ett tertial').check();
  await page.getByLabel('År (för tertial och år)').fill('2015');
  await page.getByRole('button', { name: 'Skapa utkast' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('År');
  await expect(summary).toContainText('Perioden ligger utanför överenskommelsen');
  await expect(page.getByLabel('År (för tertial och år)')).toHaveValue('2015');
  await context.close();
});

test('news reach the public page and the Atom feed, which the report list links to', async ({
  page
}) => {
  await signIn(page, 'polis@demo.loften.se');
  await openAgreement(page);
  await page.getByRole('link', { name: 'Nyheter', exact: true }).click();
  await page.getByLabel('Rubrik').fill('Trafikkontroller vid skolorna');
  await page.getByLabel('Text').fill('Kort.');
  await page.getByRole('button', { name: 'Spara nyheten' }).click();
  await expect(page.getByRole('alert')).toContainText('Text: Skriv texten, minst 10 tecken.');
  await expect(page.getByLabel('Rubrik')).toHaveValue('Trafikkontroller vid skolorna');
  await expectAccessible(page);
  await page
    .getByLabel('Text')
    .fill('Polisen kontrollerar hastigheten vid skolorna i Norsjö hela december.');
  await page.getByRole('button', { name: 'Spara nyheten' }).click();
  await expect(page.getByText('Nyheten är sparad.')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/kommuner/2417/rapporter');
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    'href',
    '/kommuner/2417/flode.atom'
  );
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Nyheter', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Trafikkontroller vid skolorna' })
  ).toBeVisible();
  await expectAccessible(page);

  const response = await page.request.get('/kommuner/2417/flode.atom');
  expect(response.headers()['content-type']).toContain('application/atom+xml');
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(
    await response.text()
  ).feed as { id: string; entry: { id: string; title: { '#text': string } }[] };
  const titles = feed.entry.map((e) => e.title['#text']);
  expect(titles).toContain('Trafikkontroller vid skolorna');
  expect(titles.some((t) => t.startsWith('Uppföljning av medborgarlöftena i Norsjö kommun'))).toBe(
    true
  );
  for (const e of feed.entry) expect(e.id).toMatch(/^urn:uuid:/);
});
