import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

/** Norsjö's agreement page address, from the open API (the public pages are being rebuilt). */
async function norsjoUrl(page: Page): Promise<string> {
  const res = await page.request.get('/api/v1/agreements');
  const body = (await res.json()) as
    { data?: { id: string; title: string }[] } | { id: string; title: string }[];
  const list = Array.isArray(body) ? body : (body.data ?? []);
  const norsjo = list.find((a) => a.title === 'Norsjö – medborgarlöften');
  expect(norsjo).toBeTruthy();
  await page.goto(`/avtal/${norsjo!.id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Norsjö – medborgarlöften' })
  ).toBeVisible();
  return `/avtal/${norsjo!.id}`;
}

test('"Ni sa – vi gör" shows what people said next to what is done, labelled demo, without JavaScript', async ({
  browser
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/kommuner/2417/ni-sa-vi-gor');
  await expect(page.getByRole('heading', { level: 1, name: 'Ni sa – vi gör' })).toBeVisible();
  await expect(page.getByText('Demodata: synpunkterna')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ni sa: Narkotika' })).toBeVisible();
  await expect(page.getByText('”Det säljs narkotika nära skolan och busstationen.”')).toBeVisible();
  // Narkotika and Ungdomar both lead to the work against drugs among the young.
  await expect(page.getByText('Fokusområde: Insatser mot narkotika')).toHaveCount(2);
  // Themes nothing answers yet are shown too, saying so.
  await expect(page.getByRole('heading', { name: 'Ni sa: Nedskräpning' })).toBeVisible();
  await expect(
    page.getByText('Inget fokusområde eller åtgärd svarar på detta än.').first()
  ).toBeVisible();
  // Staff dialogues stay internal.
  await expect(page.getByText('Skolpersonal ser tecken')).toHaveCount(0);
  await context.close();
});

test('an editor records an open meeting without JavaScript, and a wrong date is named and kept', async ({
  browser
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'kommun@demo.loften.se');
  const base = await norsjoUrl(page);
  await page.getByRole('link', { name: 'Dialoger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Medborgardialoger' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Öppet möte i Folkets hus (demo)' })).toBeVisible();
  await page.getByRole('link', { name: 'Registrera en dialog' }).click();
  await page.getByLabel('Rubrik').fill('Möte med företagare');
  await page.getByLabel('Datum').fill('2026-11-20');
  await page.getByLabel('Antal deltagare').fill('tolv');
  await page.getByLabel('Synpunkt 1', { exact: true }).fill('Inbrott i verkstaden i våras.');
  await page.getByLabel('Tema för synpunkt 1').selectOption({ label: 'Inbrott och stöld' });
  await page.getByRole('button', { name: 'Spara dialogen' }).click();
  await expect(page.getByRole('alert')).toContainText('Antal deltagare');
  await expect(page.getByLabel('Rubrik')).toHaveValue('Möte med företagare');
  await page.getByLabel('Antal deltagare').fill('12');
  await page.getByRole('button', { name: 'Spara dialogen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Möte med företagare' })).toBeVisible();
  await expect(page.getByText('Inbrott i verkstaden i våras.')).toBeVisible();
  await expect(page.getByText('Inbrott och stöld')).toBeVisible();
  await page.goto(`${base}/lagesbild`);
  await expect(page.getByText('Lägesbilden är godkänd av båda parterna.')).toBeVisible();
  await context.close();
});

test('the situational picture explains its ranking, and editing it asks both parties to approve again', async ({
  page
}) => {
  await signIn(page, 'polis@demo.loften.se');
  const base = await norsjoUrl(page);
  await page.goto(`${base}/lagesbild`);
  await expect(page.getByRole('heading', { level: 1, name: 'Gemensam lägesbild' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Narkotika/ }).first()).toContainText('Möten:');
  await expectAccessible(page);
  await page.getByLabel('Sammanfattning').fill('Ändrad av polisen.');
  await page.getByRole('button', { name: 'Spara lägesbilden' }).click();
  await expect(page.getByText('Polisen: inte godkänd än')).toBeVisible();
  await page.getByRole('button', { name: 'Godkänn för polisen' }).click();
  await expect(page.getByText(/Polisen: godkänd av/)).toBeVisible();
  await expect(page.getByText('Kommunen: inte godkänd än')).toBeVisible();
  await page.goto(`${base}/lagesbild/underlag`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Vad varje åtgärd svarar på' })
  ).toBeVisible();
  await expectAccessible(page);
  for (const path of [`${base}/dialog`, `${base}/dialog/ny`, '/kommuner/2417/ni-sa-vi-gor']) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.goto(`${base}/dialog`);
  await page.getByRole('link', { name: 'Öppet möte i Folkets hus (demo)' }).click();
  await expect(page.getByText('Demodata: mötet och synpunkterna är påhittade.')).toBeVisible();
  await expectAccessible(page);
});
