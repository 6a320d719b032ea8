import { expect, test } from '@playwright/test';
import config from '../../playwright.config';
import { expectAccessible, signIn } from './helpers';

// The widget test loads the script across origins on this machine's loopback address, which
// Chromium's local-network-access checks would refuse; real sites are on the public internet.
const launch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...launch,
    args: [
      ...(launch.args ?? []),
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights'
    ]
  }
});

test('Norsjö’s public page works without JavaScript: fourteen measures with a status, and passes axe', async ({
  browser,
  page: checked
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/kommuner/2417');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Medborgarlöftet i Norsjö' })
  ).toBeVisible();
  await expect(page.getByText('Demo', { exact: true }).first()).toBeVisible();
  const rows = page.locator('table.public-measures tbody tr');
  await expect(rows).toHaveCount(14);
  for (const row of await rows.all())
    await expect(row.locator('td').nth(2)).toContainText(
      /Uppfyllt|Ej uppfyllt|I fas|Efter|Pågår|Tyst|Bedöms ej|Kommande/
    );
  await expect(page.getByRole('img', { name: /Stapeldiagram/ })).toBeVisible();
  await context.close();
  // axe itself needs JavaScript: the same page, checked in a context that has it.
  await checked.goto('/kommuner/2417');
  await expectAccessible(checked);
});

test('the public page is small and answers 304 while nothing changed', async ({ request }) => {
  const first = await request.get('/kommuner/2417');
  const html = await first.text();
  expect(html).not.toContain('<script');
  const css = await Promise.all(
    [...html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)].map(
      async (m) => (await (await request.get(m[1]!)).body()).length
    )
  );
  expect(Buffer.byteLength(html) + css.reduce((s, n) => s + n, 0)).toBeLessThan(100 * 1024);
  const etag = first.headers()['etag']!;
  expect(etag).toBeTruthy();
  const again = await request.get('/kommuner/2417', { headers: { 'if-none-match': etag } });
  expect(again.status()).toBe(304);
});

test('the start page finds Norsjö by name without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Sök kommun').fill('norsjo');
  await page.getByRole('button', { name: 'Sök' }).click();
  await expect(page.getByRole('link', { name: 'Medborgarlöftet i Norsjö' })).toBeVisible();
  await page.getByLabel('Sök kommun').fill('Umeå');
  await page.getByRole('button', { name: 'Sök' }).click();
  await expect(page.getByText('Ingen kommun med publicerat medborgarlöfte')).toBeVisible();
  await context.close();
});

test('an editor plans a safety walk, sees a clear error, and the walk shows under Var med and in the feed', async ({
  page,
  request
}) => {
  await signIn(page, 'kommun@demo.loften.se');
  await page.goto('/kommuner/2417');
  await page.getByRole('link', { name: 'Hantera evenemang och kontakter' }).click();
  await expectAccessible(page);
  await page.getByLabel('Vad heter evenemanget?').fill('Trygghetsvandring i Bastuträsk');
  await page.getByLabel('Datum').fill('2030-05-14');
  await page.getByLabel('Börjar klockan').fill('18:00');
  await page.getByLabel('Slutar klockan').fill('17:00');
  await page.getByLabel('Plats').fill('Skolan');
  await page.getByRole('button', { name: 'Spara evenemanget' }).click();
  await expect(page.getByRole('alert')).toContainText('Sluttiden måste vara efter starttiden');
  await expect(page.getByLabel('Vad heter evenemanget?')).toHaveValue(
    'Trygghetsvandring i Bastuträsk'
  );
  await page.getByLabel('Slutar klockan').fill('19:30');
  await page.getByRole('button', { name: 'Spara evenemanget' }).click();
  await expect(page.getByRole('status')).toContainText('Evenemanget är sparat');
  const ics = await (await request.get('/kommuner/2417/evenemang.ics')).text();
  expect(ics).toContain('SUMMARY:Trygghetsvandring i Bastuträsk');
  expect(ics).toContain('DTSTART;TZID=Europe/Stockholm:20300514T180000');
  await page.goto('/logga-ut').catch(() => undefined);
  const anon = await request.get('/kommuner/2417');
  expect(await anon.text()).toContain('Trygghetsvandring i Bastuträsk');
});

test('the widget renders the status in a plain page on another origin', async ({
  page,
  baseURL
}) => {
  const html = `<!doctype html><html lang="sv"><head><title>Kommunens webbplats</title></head><body>
    <main><div data-loften="2417"><a href="${baseURL}/kommuner/2417">Medborgarlöftet i Norsjö</a></div></main>
    <script src="${baseURL}/widget.js" async></script></body></html>`;
  // Another origin on the loopback address (a public host would be refused loopback requests).
  const other = baseURL!.replace('localhost', '127.0.0.1') + '/kommunens-webbplats';
  await page.route(other, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(other);
  const widget = page.locator('[data-loften="2417"]');
  await expect(widget).toHaveAttribute('data-loften-state', 'done');
  await expect(
    widget.getByText(/Läget (jan–apr|maj–aug|sep–dec) \d{4} för 14 åtgärder/)
  ).toBeVisible();
  await expect(
    widget.getByRole('link', { name: 'Se vad som lovats och hur det går' })
  ).toBeVisible();
  await expectAccessible(page);
});

test('the widget keeps its styling on a host page with a strict CSP (no inline styles)', async ({
  page,
  baseURL
}) => {
  const html = `<!doctype html><html lang="sv"><head><title>Strikt kommunwebb</title></head><body>
    <main><div data-loften="2417"><a href="${baseURL}/kommuner/2417">Medborgarlöftet i Norsjö</a></div></main>
    <script src="${baseURL}/widget.js" async></script></body></html>`;
  const other = baseURL!.replace('localhost', '127.0.0.1') + '/strikt-webbplats';
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.route(other, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: {
        // What the snippet page tells a host to allow: our origin for the script and the data.
        'content-security-policy': `default-src 'self'; script-src ${baseURL}; connect-src ${baseURL}; style-src 'self'`
      },
      body: html
    })
  );
  await page.goto(other);
  const widget = page.locator('[data-loften="2417"]');
  await expect(widget).toHaveAttribute('data-loften-state', 'done');
  const box = widget.locator('section.lw');
  await expect(box).toBeVisible();
  // The widget's own border and padding, which only its stylesheet gives.
  await expect(box).toHaveCSS('border-top-width', '1px');
  await expect(box).toHaveCSS('padding-left', '14px');
  expect(violations).toEqual([]);
});

test('the widget page previews the widget under the site’s CSP, and the data pages pass axe', async ({
  page
}) => {
  await page.goto('/kommuner/2417/widget');
  await expect(page.getByLabel(/Kod för Norsjö/)).toHaveValue(/data-loften="2417"/);
  await expect(page.locator('.widget-preview [data-loften]')).toHaveAttribute(
    'data-loften-state',
    'done'
  );
  await expectAccessible(page);
  await page.goto('/data');
  await expect(page.getByRole('heading', { level: 1, name: /Öppna data/ })).toBeVisible();
  await expectAccessible(page);
});
