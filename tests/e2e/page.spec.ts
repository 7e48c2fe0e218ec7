import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectPageProblems, openPage, snapshot, waitForPause } from './helpers.ts';

test('the page loads, runs and says what it is, with no console errors and nothing fetched from elsewhere', async ({
  page,
  baseURL,
}) => {
  const problems = collectPageProblems(page);
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${baseURL}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });

  await openPage(page);

  await expect(page).toHaveTitle(/Refractory/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Refractory');
  await expect(page.locator('header .disclaimer')).toContainText('An educational model, not medical advice.');
  // The header leads to the teaching panels further down.
  await page.getByRole('link', { name: 'Lessons: why drugs fail' }).click();
  await expect(page.locator('#lessons-panel-title')).toBeInViewport();
  await expect(page.locator('#sheet canvas')).toBeVisible();
  // The status speaks in words once the monitors have a first record.
  await expect(page.getByRole('status')).toContainText(/excitatory cells fire at [\d.]+ Hz/);
  await expect(page.getByRole('status')).toContainText(/seizure-like event/i);
  const s = await snapshot(page);
  expect(s.timeMs).toBeGreaterThan(0);
  expect(s.restarts).toBe(0);

  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});

test('pause stops the simulation and play resumes it', async ({ page }) => {
  await openPage(page);
  const button = page.getByRole('button', { name: 'Pause' });
  await button.click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await waitForPause(page);
  await expect(page.getByRole('status')).toContainText('Paused at');

  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await snapshot(page)).timeMs ?? 0).toBeGreaterThan((paused.timeMs ?? 0) + 100);
});

test('addresses carry parameters, and a bad one is reported and left out', async ({ page }) => {
  await page.goto('/?side=24&gaba=9');
  await expect(page.locator('#address-notice')).toContainText('gaba=9 is not allowed');
  await expect.poll(async () => (await snapshot(page)).side).toBe(24);
  expect((await snapshot(page)).engineGaba).toBe(1);
});

test('has no serious accessibility violations (axe)', async ({ page }) => {
  await openPage(page);
  await expect(page.getByRole('status')).toContainText('Hz');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
});

test('with reduced motion asked for, it starts paused but still shows the sheet, and Play starts it', async ({
  browser,
}) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('reduced motion');
  // One frame of no time is fetched, so the sheet is drawn and the engine's value shown.
  await expect(page.locator('#engine-gaba')).toHaveText('1.00×');
  const still = await snapshot(page);
  expect(still.framesDrawn).toBeGreaterThanOrEqual(1);
  expect(still.timeMs).toBe(0);

  await page.getByLabel('GABA_A strength (×)').fill('0.6');
  await expect(page.locator('#engine-gaba')).toHaveText('0.60×');
  expect((await snapshot(page)).timeMs).toBe(0);

  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await snapshot(page)).timeMs ?? 0).toBeGreaterThan(200);
  expect(problems).toEqual([]);
  await context.close();
});
