import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, openNorsjo, signIn } from './helpers';

/**
 * Issue 18 on a phone (390 px): maps as a progressive enhancement and the walk page offline.
 * Map tiles come from a made-up https host that the browser's requests to are answered by the
 * test (a small PNG) or refused (unreachable), so nothing leaves the machine.
 */
test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: 'serial' });

const TILES = 'https://kartbilder.test';
// A 1×1 grey PNG, drawn by Leaflet as each 256 px tile.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGO4e/cuAAUQAonyZrvVAAAAAElFTkSuQmCC',
  'base64'
);
const PHONE = { viewport: { width: 390, height: 844 } };

let walkPath = '';

/** A page of a fresh phone context opened at `url` (no session). */
async function openAnonymous(browser: import('@playwright/test').Browser, url: string) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}
let publicPath = '';

async function tilesWork(context: BrowserContext) {
  await context.route(`${TILES}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: PNG })
  );
}
const tilesFail = (context: BrowserContext) =>
  context.route(`${TILES}/**`, (route) => route.abort('namenotresolved'));

const imgSrc = async (page: Page, path: string) => {
  const res = await page.request.get(path);
  return /img-src ([^;]*)/.exec(res.headers()['content-security-policy'] ?? '')?.[1];
};

test('an editor sets map tiles (a wrong address is named) and plans a walk', async ({ page }) => {
  await signIn(page, 'kommun@demo.loften.se');
  await page.goto('/kommuner/2417/installningar');
  await page.getByLabel('Adress till kartbilderna (valfri)').fill(`http://kartbilder.test/{z}.png`);
  await page.getByLabel('Kartans upphovsangivelse').fill('© Testkartan');
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  await expect(page.getByRole('alert')).toContainText('Adress till kartbilderna');
  await expect(page.getByRole('alert')).toContainText('måste börja med https://');
  await page.getByLabel('Adress till kartbilderna (valfri)').fill(`${TILES}/{z}/{x}/{y}.png`);
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Adress till kartbilderna (valfri)')).toHaveValue(
    `${TILES}/{z}/{x}/{y}.png`
  );

  const agreement = new URL(await openNorsjo(page)).pathname;
  await page.goto(`${agreement}/vandringar`);
  const select = page.getByLabel('Vilken åtgärd i planen hör den till?');
  const keys = await select
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  await select.selectOption(keys.includes('trygghetsvandring') ? 'trygghetsvandring' : keys[0]!);
  await page.getByLabel('Område').fill('Centrum');
  await page.getByLabel('Var samlas ni?').fill('Torget');
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Datum').fill(day);
  await page.getByLabel('Börjar klockan').fill('18:00');
  await page.getByLabel('Slutar klockan').fill('20:00');
  await page.getByRole('button', { name: 'Planera och annonsera' }).click();
  await page.waitForURL(/\/vandringar\/[^/?]+\?planerad/);
  walkPath = new URL(page.url()).pathname;
  publicPath = `/kommuner/2417/vandringar/${walkPath.split('/').pop()}`;

  // Exactly the tile host is allowed on the walk pages, and nowhere else.
  expect(await imgSrc(page, walkPath)).toBe(`'self' data: ${TILES}`);
  expect(await imgSrc(page, publicPath)).toBe(`'self' data: ${TILES}`);
  expect(await imgSrc(page, '/kommuner/2417')).toBe(`'self' data:`);
  expect(await imgSrc(page, `${agreement}/vandringar`)).toBe(`'self' data:`);
});

test('a resident points out a place without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(publicPath);
  await expect(page.locator('.leaflet-container')).toHaveCount(0);
  await page.getByLabel('Var är det, och vad är problemet?').fill('Mörk gångtunnel under vägen');
  await page.getByLabel('Latitud').fill('64,9105');
  await page.getByLabel('Longitud').fill('19.4823');
  await page.getByRole('button', { name: 'Skicka platsen' }).click();
  await expect(page.getByRole('status')).toContainText('Tack! Platsen är skickad');
  // (axe needs JavaScript in the page: the same page is checked with it in the next tests.)
  await context.close();
});

test('without reachable tiles the map gives way to the list and the typed position', async ({
  browser
}) => {
  const context = await browser.newContext(PHONE);
  await tilesFail(context);
  const page = await context.newPage();
  await page.goto(publicPath);
  await expect(page.getByText('Kartan kunde inte visas')).toBeVisible();
  await expect(page.locator('.walk-map-wrap')).toBeHidden();
  await expect(page.getByLabel('Latitud')).toBeVisible();
  await expect(page.getByLabel('Longitud')).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test('with tiles, a resident places a pin that fills in the position', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  await tilesWork(context);
  const page = await context.newPage();
  await page.goto(publicPath);
  const map = page.getByRole('region', { name: 'Karta där du kan sätta en nål på platsen' });
  await expect(map).toBeVisible();
  await expect(page.locator('.leaflet-tile-loaded').first()).toBeAttached();
  await expect(page.getByText('© Testkartan')).toBeVisible();
  await page.getByRole('button', { name: 'Sätt nålen mitt på kartan' }).click();
  await expect(page.getByLabel('Latitud')).toHaveValue(/^-?\d+\.\d{6}$/);
  const before = await page.getByLabel('Longitud').inputValue();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.5);
  await expect(page.getByLabel('Longitud')).not.toHaveValue(before);
  await expectAccessible(page);
  await context.close();
});

test('the walk page reopens without network after one visit, queues an observation, and forgets the copy on signing out', async ({
  browser
}) => {
  const context = await browser.newContext(PHONE);
  await tilesWork(context);
  const page = await context.newPage();
  await signIn(page, 'kommun@demo.loften.se');
  await page.goto(walkPath);
  // The place the resident pointed out is on the map (P1) and in the list.
  await expect(page.getByText('Mörk gångtunnel under vägen')).toBeVisible();
  await expect(page.locator('.walk-marker', { hasText: 'P1' })).toBeVisible();
  await expectAccessible(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() =>
      page.evaluate(async () => !!(await caches.match(location.pathname, { ignoreSearch: true })))
    )
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Centrum/ })).toBeVisible();
  await page.getByLabel('Vad såg ni?').fill('Trasig gatlampa vid skolan');
  await page.getByRole('button', { name: 'Spara iakttagelsen' }).click();
  await expect(page.getByRole('heading', { name: 'Väntar på nätet (1)' })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByText('1 väntande iakttagelse är nu sparade.')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: /1\. .*Trasig gatlampa vid skolan/ })
  ).toBeVisible();

  // Signing out removes the kept page: offline, it is no longer there.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.waitForURL(/utloggad/);
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).includes('loften-logga')))
    .toBe(false);
  await context.setOffline(true);
  const offline = await page.goto(walkPath).catch((e: Error) => e);
  expect(offline instanceof Error || !offline?.ok()).toBe(true);
  await context.close();
});

test('the check of issue 18 on a phone: three observations made offline are sent once, one with a photo; one is given to an owner, fixed through the link without JavaScript, and shows as fixed in the public protocol with its photo stripped of EXIF', async ({
  browser
}) => {
  test.setTimeout(150_000); // the whole flow, four people and two axe checks
  const context = await browser.newContext(PHONE);
  await tilesWork(context);
  const page = await context.newPage();
  await signIn(page, 'kommun@demo.loften.se');
  await page.goto(walkPath);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() =>
      page.evaluate(async () => !!(await caches.match(location.pathname, { ignoreSearch: true })))
    )
    .toBe(true);
  const observations = page.locator('article[id^="iakttagelse-"]');
  const before = await observations.count();

  // Offline: three observations wait on the phone.
  const seen = [
    'Klotter på cykelstället',
    'Buske skymmer övergångsstället',
    'Trasigt staket vid lekplatsen'
  ];
  await context.setOffline(true);
  await page.reload();
  for (const description of seen) {
    await page.getByLabel('Vad såg ni?').fill(description);
    await page.getByRole('button', { name: 'Spara iakttagelsen' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Väntar på nätet (3)' })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText('3 väntande iakttagelser är nu sparade.')).toBeVisible();
  // Sent once: after another reload (which would send anything still waiting) each is there once.
  await page.reload();
  await expect(observations).toHaveCount(before + 3);
  for (const description of seen)
    await expect(page.getByRole('heading', { name: new RegExp(description) })).toHaveCount(1);

  // Online, a photo taken with a camera that writes EXIF (here: made with its EXIF by sharp).
  const photo = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 60 } }
  })
    .withExif({ IFD0: { Make: 'Testkamera', Copyright: 'Demo' } })
    .jpeg()
    .toBuffer();
  expect(photo.includes(Buffer.from('Exif'))).toBe(true);
  await page.getByLabel('Vad såg ni?').fill('Mörk passage bakom skolan');
  await page.getByLabel('Foto (valfritt)').setInputFiles({
    name: 'passage.jpg',
    mimeType: 'image/jpeg',
    buffer: photo
  });
  await page.getByRole('button', { name: 'Spara iakttagelsen' }).click();
  await expect(observations).toHaveCount(before + 4);
  const withPhoto = observations.filter({ hasText: 'Mörk passage bakom skolan' });
  const src = await withPhoto.locator('img.walk-photo').getAttribute('src');
  const stored = await (await page.request.get(src!)).body();
  expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  expect(stored.includes(Buffer.from('Exif'))).toBe(false);
  expect(stored.includes(Buffer.from('Testkamera'))).toBe(false);

  // One is given to an owner outside the agreement: a link, valid for some weeks.
  const fence = observations.filter({ hasText: 'Trasigt staket vid lekplatsen' });
  await fence.getByText('Ägare och sista dag').click();
  await fence.getByLabel('Vem äger frågan?').fill('Fastighetskontoret');
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await fence.getByLabel('Sista dag').fill(due);
  await fence.getByRole('button', { name: /Spara/ }).first().click();
  const link = await fence.getByLabel('Länk till ägaren').inputValue();
  expect(link).toMatch(/\/vandringar\/agare\/[\w-]{20,}$/);
  for (const a of [fence, withPhoto])
    await a.getByRole('button', { name: 'Godkänn för publicering' }).click();
  await expect(fence.getByText('Publik', { exact: false }).first()).toBeVisible();

  // The owner, with no account and no JavaScript, marks it fixed.
  const owner = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const ownerPage = await owner.newPage();
  await ownerPage.goto(link);
  await expect(ownerPage.getByRole('heading', { level: 1 })).toContainText('Trasigt staket');
  // The owner's page in a browser with JavaScript, for the accessibility check (same markup).
  const checker = await openAnonymous(browser, link);
  await expectAccessible(checker.page);
  await checker.context.close();
  await ownerPage.getByLabel('Hur går det?').selectOption({ label: 'Åtgärdad' });
  await ownerPage.getByLabel('Vad görs, eller varför inte?').fill('Staketet är lagat.');
  await ownerPage.getByRole('button', { name: 'Spara' }).click();
  await expect(
    ownerPage.getByRole('listitem').filter({ hasText: 'Staketet är lagat.' })
  ).toHaveCount(1);
  await owner.close();

  // The public protocol shows it fixed, with what was done; the photo is served without EXIF.
  const resident = await browser.newContext(PHONE);
  const pub = await resident.newPage();
  await pub.goto(publicPath);
  const item = pub.locator('ol.protocol > li').filter({ hasText: 'Trasigt staket vid lekplatsen' });
  await expect(item.locator('.badge')).toHaveText('Åtgärdad');
  await expect(item).toContainText('Vad som görs: Staketet är lagat.');
  await expect(item).toContainText('Ansvarig: Fastighetskontoret');
  const publicPhoto = pub.locator('ol.protocol > li').filter({ hasText: 'Mörk passage' });
  const publicSrc = await publicPhoto.locator('img').getAttribute('src');
  const served = await (await pub.request.get(publicSrc!)).body();
  expect(served.includes(Buffer.from('Exif'))).toBe(false);
  // Not approved, not public: the three offline ones stay off the protocol.
  await expect(pub.getByText('Klotter på cykelstället')).toHaveCount(0);
  await expectAccessible(pub);
  await resident.close();
  await context.close();
});
