import { expect, type Page, test } from '@playwright/test';
import {
  collectPageProblems,
  dismissSafetyNotice,
  openPage,
  SIM_WAIT_MS,
  snapshot,
  waitForSnapshot,
} from './helpers.ts';

/*
 * The first screen: after the first-visit notice, the sheet and the EEG strip under it (with the
 * state in words) are fully in the window without scrolling — on a projector's laptop
 * (1366 × 768), a wide screen (1920 × 1080) and a phone (390 × 844) — and the strip draws a trace
 * with its time axis and scale bar.
 */

async function fullyInWindow(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error(`${selector} has no box`);
  expect(box.x, `${selector} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${selector} top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${selector} right edge`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `${selector} bottom edge`).toBeLessThanOrEqual(viewport.height);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]) {
  test(`at ${size.width} × ${size.height} the sheet and the EEG strip are on the first screen, with the state in words`, async ({
    page,
  }) => {
    const problems = collectPageProblems(page);
    await page.setViewportSize(size);
    await openPage(page, '?gaba=0.3');
    await dismissSafetyNotice(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await fullyInWindow(page, '#sheet');
    await fullyInWindow(page, '#eeg-strip');
    const sheet = await page.locator('#sheet').boundingBox();
    // Large enough to read from a distance: at least 280 px, or the phone's width less its margins.
    expect(sheet?.width ?? 0).toBeGreaterThan(Math.min(280, size.width - 60));
    await expect(page.locator('#eeg-strip .plots-state-text')).toHaveText('Seizure-like event', {
      timeout: SIM_WAIT_MS,
    });
    await fullyInWindow(page, '#eeg-strip .plots-state-text');
    const drawn = (await snapshot(page)).eegDrawn;
    await waitForSnapshot(page, (s) => s.eegDrawn > drawn + 5, 'the EEG strip keeps drawing', SIM_WAIT_MS);
    await page.screenshot({ path: test.info().outputPath(`first-screen-${size.width}x${size.height}.png`) });
    expect(problems).toEqual([]);
  });
}

test('the EEG strip draws the trace, a time axis in seconds and a scale bar', async ({ page }) => {
  await openPage(page, '?gaba=0.3');
  await expect(page.locator('#eeg-strip .plots-state-text')).toHaveText('Seizure-like event', { timeout: SIM_WAIT_MS });
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 4000, 'four seconds', SIM_WAIT_MS);
  // Read the canvas: the light trace and the light text of the scale bar and the axis.
  const light = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#eeg-strip canvas');
    if (!canvas) return -1;
    const ctx = canvas.getContext('2d');
    if (!ctx) return -1;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let p = 0; p < data.length; p += 4) if (data[p] > 180 && data[p + 1] > 180 && data[p + 2] > 180) count++;
    return count / (canvas.width * canvas.height);
  });
  expect(light).toBeGreaterThan(0.005);
  await expect(page.locator('#eeg-strip canvas')).toHaveAttribute('aria-label', /EEG-like signal.*scale bar/);
});
