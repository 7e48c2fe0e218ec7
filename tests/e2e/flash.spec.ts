import { expect, type Page, test } from '@playwright/test';
import { maxFlashesPerWindow, type Sample } from './flashes.ts';
import { openPage, recordLuminance, SIM_WAIT_MS, waitForSnapshot } from './helpers.ts';

/*
 * WCAG 2.3.1 in the browser: record the sheet during a seizure-like event and count luminance
 * flashes per second, over the whole sheet and over each quarter of it (each quarter is a large
 * area at any size the page is shown). The default view must stay at or below 3.
 */

/**
 * The most flashes in any second over the whole sheet and each of its quarters, recorded at every
 * rendered frame while the simulation advances by `simulatedMs`.
 */
async function flashesPerSecond(
  page: Page,
  simulatedMs: number,
): Promise<{ max: number; swing: number; samples: number }> {
  const samples = await recordLuminance(page, simulatedMs);
  let max = 0;
  let swing = 0;
  for (let r = 0; r < 5; r++) {
    const series: Sample[] = samples.map((s) => ({ tMs: s.tMs, luminance: s.regions[r] }));
    max = Math.max(max, maxFlashesPerWindow(series));
    const ls = series.map((s) => s.luminance);
    swing = Math.max(swing, Math.max(...ls) - Math.min(...ls));
  }
  return { max, swing, samples: samples.length };
}

test('during a seizure-like event the sheet flashes at most three times per second (WCAG 2.3.1)', async ({ page }) => {
  await openPage(page, '?gaba=0.3');
  await expect(page.locator('#status')).toContainText('Seizure-like event', { timeout: SIM_WAIT_MS });
  const smoothed = await flashesPerSecond(page, 5000);
  expect(smoothed.max).toBeLessThanOrEqual(3);

  // The same measurement does see the raw-spike view, the opt-in one that can flash: its
  // luminance swings are larger than the smoothed view's.
  await page.locator('#view-raw').click();
  await expect(page.locator('#raw-dialog')).toBeVisible();
  await page.getByRole('button', { name: 'Show raw spikes' }).click();
  await expect(page.locator('#view-raw')).toBeChecked();
  await waitForSnapshot(page, (s) => s.framesDrawn > 0, 'frames');
  const raw = await flashesPerSecond(page, 3000);
  console.log(
    `flashes per second: smoothed ${smoothed.max} (swing ${smoothed.swing.toFixed(3)}, ${smoothed.samples} frames); raw ${raw.max} (swing ${raw.swing.toFixed(3)}, ${raw.samples} frames)`,
  );
  expect(raw.swing).toBeGreaterThan(smoothed.swing);
});
