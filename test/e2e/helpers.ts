import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The demo password printed at start-up. */
export const DEMO_PASSWORD = 'norsjo-demo-2019';

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await attemptSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/logga-in'));
}

/** Fills in and sends the sign-in form without waiting for success. */
export async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto('/logga-in');
  // Let the page hydrate first, so that typed values are not replaced under a busy machine.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** Runs axe with the WCAG 2.1 A and AA rules and expects no violations. */
export async function expectAccessible(page: Page) {
  // Colours are measured as painted: wait until fade-ins (also inside shadow roots, such as the
  // widget's) have ended, or axe sees half-transparent text.
  await page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    return Promise.all(
      roots.flatMap((root) => root.getAnimations().map((a) => a.finished.catch(() => undefined)))
    );
  });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
  );
  expect(summary).toEqual([]);
}

/** Opens Norsjö's agreement page the way a resident would: start page, municipality, agreement. */
export async function openNorsjo(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Medborgarlöftet i Norsjö' }).click();
  await page.getByRole('link', { name: 'Hela överenskommelsen och planen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Norsjö – medborgarlöften' })
  ).toBeVisible();
  return page.url();
}
