import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible } from './helpers';

/**
 * Signs in once the sign-in page has hydrated: under load, hydration after typing could empty the
 * e-mail field (helpers.signIn does not wait for it).
 */
async function signIn(page: Page, email: string) {
  await page.goto('/logga-in', { waitUntil: 'networkidle' });
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/logga-in'));
}

const FREE_TEXT =
  'Ring 070-123 45 67 eller mejla anna@exempel.se, jag är 811228-9874. Knark säljs vid skolan.';

/** An editor creates a safety survey from the template and opens it; returns its id. */
async function createOpenSurvey(page: Page): Promise<string> {
  await signIn(page, 'kommun@demo.loften.se');
  await page.goto('/kommuner/2417/enkater');
  await expect(page.getByText('Webbenkät inför medborgarlöftet 2019 (demo)')).toBeVisible();
  await page.getByLabel('Rubrik', { exact: true }).fill('Trygghetsenkät e2e');
  await page.getByLabel('Områden (en per rad)').fill('Norsjö tätort\nBastuträsk');
  await page.getByRole('button', { name: 'Skapa enkäten' }).click();
  await page.waitForURL(/\/kommuner\/2417\/enkater\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').at(-1)!;
  // Opening is the first action on the survey's page, above its questions.
  await page.getByRole('button', { name: 'Öppna enkäten', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Ändringen är sparad');
  return id;
}

test('a survey is answered anonymously without JavaScript on a phone, and counts', async ({
  browser,
  page
}) => {
  const id = await createOpenSurvey(page);

  const phone = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 375, height: 800 }
  });
  const anon = await phone.newPage();
  await anon.goto(`/enkat/${id}`);
  await expect(anon.getByRole('heading', { level: 1 })).toHaveText('Trygghetsenkät e2e');
  // Nothing sticks out sideways at 375 px.
  const overflow = await anon.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(0);

  await anon
    .getByRole('group', { name: /Var bor du/ })
    .getByLabel('Bastuträsk')
    .check();
  await anon
    .getByRole('group', { name: /inbrott i bostäder/ })
    .getByLabel('Ganska stort problem')
    .check();
  await anon.getByLabel(/Vad skulle göra din kommun tryggare/).fill(FREE_TEXT);
  await anon.getByRole('button', { name: 'Skicka svaren' }).click();
  await expect(anon.getByRole('heading', { level: 1 })).toHaveText('Tack för dina svar!');

  // The same form in English.
  await anon.goto(`/enkat/${id}?lang=en`);
  await expect(anon.getByRole('button', { name: 'Send your answers' })).toBeVisible();
  await expect(anon.getByText('Where do you live?')).toBeVisible();
  await phone.close();

  // axe runs as a script, so the public form is checked in an anonymous phone with JavaScript.
  const scripted = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const form = await scripted.newPage();
  await form.goto(`/enkat/${id}`);
  await expectAccessible(form);
  await scripted.close();

  await page.goto(`/kommuner/2417/enkater/${id}/analys`);
  await expect(page.getByText('1 räknade svar')).toBeVisible();
  // One answer: no table may show "Bastuträsk 1 (100 %)" beside that person's text.
  await expect(
    page.getByText('Färre än fem svar än: resultaten visas när minst fem har svarat.')
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Svar per fråga' })).toHaveCount(0);
  await expect(page.getByText('Bastuträsk')).toHaveCount(0);
  await expectAccessible(page);

  // The owner sees the free text as written …
  await page.goto(`/kommuner/2417/enkater/${id}/kodning`);
  await expect(page.getByText(FREE_TEXT)).toBeVisible();
  await expect(page.getByText(/Narkotika: föreslaget/)).toBeVisible();
});

test('an analyst who does not own the survey sees personal data masked', async ({ browser }) => {
  const owner = await browser.newPage();
  const id = await createOpenSurvey(owner);
  const question = `q_${await firstTextQuestion(owner, id)}`;
  const send = (text: string) =>
    owner.request.post(`/enkat/${id}`, {
      form: { [question]: text },
      headers: { origin: new URL(owner.url()).origin }
    });
  await send(FREE_TEXT);
  const analyst = await browser.newPage();
  await signIn(analyst, 'lasare@demo.loften.se');
  // With one answer the analyst sees that there is a text, not the text.
  await analyst.goto(`/kommuner/2417/enkater/${id}/kodning`);
  await expect(analyst.getByText('1 fritextsvar.')).toBeVisible();
  await expect(analyst.getByText(/Färre än fem svar än/)).toBeVisible();
  await expect(analyst.getByText(/Knark säljs/)).toHaveCount(0);
  for (const i of [1, 2, 3, 4]) await send(`Mer ljus vid busshållplats ${i}`);
  await analyst.goto(`/kommuner/2417/enkater/${id}/kodning`);
  await expect(
    analyst.getByText(
      'Ring [telefonnummer] eller mejla [e-post], jag är [personnummer]. Knark säljs vid skolan.'
    )
  ).toBeVisible();
  await expect(analyst.getByText('811228-9874')).toHaveCount(0);
});

/** The id of the survey's last free-text question, read from the public form. */
async function firstTextQuestion(page: Page, id: string): Promise<string> {
  await page.goto(`/enkat/${id}`);
  const name = await page.locator('textarea').last().getAttribute('name');
  return name!.replace(/^q_/, '');
}

test('the demo survey’s results are labelled demo and hide small areas', async ({ page }) => {
  await signIn(page, 'polis@demo.loften.se');
  await page.goto('/kommuner/2417/enkater');
  await page.getByRole('link', { name: 'Webbenkät inför medborgarlöftet 2019 (demo)' }).click();
  await page.getByRole('link', { name: 'Resultat' }).click();
  await expect(page.getByText('150 räknade svar')).toBeVisible();
  await expect(page.getByText(/påhittade demodata/)).toBeVisible();
  await expect(page.getByText(/med färre än fem svarande/).first()).toBeVisible();
  await expect(page.getByRole('img', { name: /Problemindex per fråga/ })).toBeVisible();
  await expectAccessible(page);
});
