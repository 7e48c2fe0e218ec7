import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectPageProblems, measureScreenshots, openPage, SIM_WAIT_MS, waitForSnapshot } from './helpers.ts';

/*
 * The compact page for course pages (?embed=1): the sheet, the plots, play/pause, the status and
 * a link to the full simulator; the disclaimer and the flashing notice stay; the controls, the
 * patient panel, saving and lecture mode are left out. `embed=1` stays in the address as the
 * settings change, and the page passes axe and runs inside another page's iframe.
 */

test('?embed=1 shows the compact page, keeps embed in the address, links to the full simulator and passes axe', async ({
  page,
}) => {
  const problems = collectPageProblems(page);
  await openPage(page, '?gaba=0.6&side=32&embed=1');
  for (const kept of [
    '#sheet canvas',
    '#plots-panel canvas >> nth=0',
    '#play',
    '#status',
    '.disclaimer',
    '#safety-notice',
  ]) {
    await expect(page.locator(kept), kept).toBeVisible();
  }
  await expect(page.locator('.disclaimer')).toContainText('An educational model, not medical advice.');
  for (const left of ['#controls-panel', '#patient-panel', '#export-panel', '#lecture-open', '.legend', '#speed']) {
    await expect(page.locator(left), left).toBeHidden();
  }
  await expect(page.locator('#address-notice')).toBeHidden();
  const link = page.getByRole('link', { name: 'Open the full simulator' });
  const origin = new URL(page.url()).origin;
  await expect(link).toHaveAttribute('href', `${origin}/?gaba=0.6&side=32`);
  await expect(link).toHaveAttribute('target', '_blank');

  // Play/pause from the keyboard, as in the full page.
  await page.locator('#play').focus();
  await page.keyboard.press('Enter');
  await waitForSnapshot(page, (s) => !s.playing, 'paused from the compact page');

  // Lecture mode's key does nothing in the compact page (it has no lecture mode).
  await page.locator('#sheet').click();
  await page.keyboard.press('l');
  await expect(page.locator('body')).not.toHaveClass(/\blecture\b/);
  await expect(page.locator('#lecture-title')).toHaveCount(0);

  // A change of settings rewrites the address and keeps embed=1; the link follows.
  await page.evaluate(() => window.__refractory?.setParams({ gaba: 0.5 }));
  await expect.poll(() => new URL(page.url()).search).toBe('?gaba=0.5&side=32&embed=1');
  await link.focus();
  await expect(link).toHaveAttribute('href', `${origin}/?gaba=0.5&side=32`);

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
  await page.screenshot({ path: 'test-results/e2e/embed.png' });
  expect(problems).toEqual([]);
});

test('the compact page runs inside an iframe of a course page', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 900, height: 760 });
  await page.setContent(
    `<main><h1>Week 3: why drugs fail</h1><iframe title="Refractory simulator" src="${baseURL}/?side=32&embed=1" width="860" height="640"></iframe></main>`,
  );
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('#status')).toContainText(/Asynchronous|Interictal|Seizure/, { timeout: SIM_WAIT_MS });
  await expect(frame.getByRole('link', { name: 'Open the full simulator' })).toBeVisible();
  const canvas = await frame.locator('#sheet canvas').screenshot();
  const measured = await measureScreenshots(page, [canvas]);
  expect(measured.images[0].drawnFraction).toBeGreaterThan(0.2);
  await page.screenshot({ path: 'test-results/e2e/embed-iframe.png' });
});
