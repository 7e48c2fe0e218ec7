import { expect, type Page, test } from '@playwright/test';
import { LFP_TRACE, RASTER_E, RASTER_I, RATE_E, RATE_I } from '../../src/view/plots/plot-palette.ts';
import {
  MARGIN_BOTTOM_CSS,
  MARGIN_LEFT_CSS,
  MARGIN_RIGHT_CSS,
  MARGIN_TOP_CSS,
} from '../../src/view/plots/plot-surface.ts';
import type {} from '../../src/view/plots/probe.ts';
import { maxFlashesPerWindow, type Sample } from './flashes.ts';
import {
  collectPageProblems,
  MIN_RECORDED_FRAMES,
  openPage,
  SIM_WAIT_MS,
  snapshot,
  waitForSnapshot,
} from './helpers.ts';

/*
 * A blank canvas can still "render": these tests count pixels of the data's own colours inside
 * each plot's plotting rectangle (the axes' text and grid use other colours, and lie outside it
 * or are far from them).
 */

interface ColourCount {
  /** Pixels within `tolerance` (sum of |ΔR|+|ΔG|+|ΔB|) of the colour, in the upper and lower part of the plot. */
  upper: number;
  lower: number;
  /** Pixels in the plotting rectangle. */
  total: number;
}

/** Count pixels near `rgb` in the plotting rectangle of the canvas of figure `.plot-<key>`, split at `splitFraction` of its height. */
async function countColour(page: Page, key: string, rgb: number, tolerance: number, splitFraction = 0.5) {
  return page.evaluate(
    ({ key, rgb, tolerance, splitFraction, margins }): ColourCount => {
      const canvas = document.querySelector<HTMLCanvasElement>(`.plot-${key} canvas`);
      if (!canvas) throw new Error(`no canvas for ${key}`);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      const dpr = canvas.width / canvas.clientWidth;
      // Two pixels in from the frame lines.
      const left = Math.round(margins.left * dpr) + 2;
      const right = canvas.width - Math.round(margins.right * dpr) - 2;
      const top = Math.round(margins.top * dpr) + 2;
      const bottom = canvas.height - Math.round(margins.bottom * dpr) - 2;
      const data = context.getImageData(left, top, right - left, bottom - top).data;
      const width = right - left;
      const height = bottom - top;
      const split = Math.round(height * splitFraction);
      const [r, g, b] = [(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff];
      let upper = 0;
      let lower = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const p = 4 * (y * width + x);
          const distance = Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b);
          if (distance <= tolerance) {
            if (y < split) upper++;
            else lower++;
          }
        }
      }
      return { upper, lower, total: width * height };
    },
    {
      key,
      rgb,
      tolerance,
      splitFraction,
      margins: { left: MARGIN_LEFT_CSS, right: MARGIN_RIGHT_CSS, top: MARGIN_TOP_CSS, bottom: MARGIN_BOTTOM_CSS },
    },
  );
}

async function plotsFramesDrawn(page: Page): Promise<number> {
  return page.evaluate(() => window.__refractoryPlots?.framesDrawn() ?? 0);
}

test('the raster, EEG proxy and rate plots draw the activity, with labelled axes', async ({ page }) => {
  const problems = collectPageProblems(page);
  await openPage(page);
  await page.locator('#plots-panel').scrollIntoViewIfNeeded();
  // The first second of a network is a transient (a burst as the cells leave their initial
  // state); six seconds in, the window holds resting activity only.
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 6000, 'six seconds of simulated time');
  const drawnBefore = await plotsFramesDrawn(page);
  await expect.poll(() => plotsFramesDrawn(page)).toBeGreaterThan(drawnBefore);

  // Raster: 160 pyramidal rows above 40 interneuron rows (the divider sits at 80 % of the height).
  const rasterE = await countColour(page, 'raster', RASTER_E, 0, 0.8);
  const rasterI = await countColour(page, 'raster', RASTER_I, 0, 0.8);
  // A resting sheet: ~1 900 raster spikes a second, ~7 600 in the window, most of them E.
  expect(rasterE.upper).toBeGreaterThan(0.01 * rasterE.total);
  expect(rasterE.lower).toBe(0);
  expect(rasterI.lower).toBeGreaterThan(0.002 * rasterI.total);
  expect(rasterI.upper).toBe(0);

  // The LFP proxy is one antialiased line across the plot.
  const lfp = await countColour(page, 'lfp', LFP_TRACE, 60);
  expect(lfp.upper + lfp.lower).toBeGreaterThan(300);
  // Rates: both populations' lines.
  const rateE = await countColour(page, 'rate', RATE_E, 60);
  const rateI = await countColour(page, 'rate', RATE_I, 60);
  expect(rateE.upper + rateE.lower).toBeGreaterThan(150);
  expect(rateI.upper + rateI.lower).toBeGreaterThan(100);

  // Axis titles with units are text in the page; the canvases have accessible names.
  const panel = page.locator('#plots-panel');
  await expect(panel.getByText('EEG proxy', { exact: true })).toBeVisible();
  await expect(panel).toContainText('(pA: excitatory minus 1.65 × inhibitory synaptic current onto pyramidal cells');
  await expect(panel).toContainText('Population rate (Hz per cell, in 10-ms bins)');
  await expect(panel).toContainText('Simulated time (s)');
  await expect(panel).toContainText('Excitatory (solid)');
  await expect(panel).toContainText('Inhibitory (dashed)');
  await expect(panel.getByRole('img', { name: /Spike raster of the last 4 seconds/ })).toBeVisible();
  await expect(panel.getByRole('img', { name: /EEG proxy over the last 4 seconds, in picoamperes/ })).toBeVisible();
  await expect(panel.getByRole('meter', { name: 'Synchrony χ' })).toHaveAttribute('aria-valuenow', /^0\.\d\d$/);
  await expect(panel.locator('.plots-events')).toContainText('None so far.');
  expect(problems).toEqual([]);
});

test('weakened inhibition: the label says "Seizure-like event" and the log lists it with time and place', async ({
  page,
}) => {
  const problems = collectPageProblems(page);
  await openPage(page, '?gaba=0.3');
  await page.locator('#plots-panel').scrollIntoViewIfNeeded();
  const label = page.locator('#plots-panel .plots-state');
  await expect(label).toContainText('Seizure-like event', { timeout: SIM_WAIT_MS });
  await expect(label).toHaveAttribute('data-state', 'seizure');
  const first = page.locator('#plots-panel .plots-events-list li').first();
  await expect(first).toHaveText(
    /^Onset \d+\.\d s · (ongoing|lasted \d+\.\d s) · began at x [0-2]\.\d\d mm, y [0-2]\.\d\d mm(, inside the lesion)?$/,
  );
  await expect(page.locator('#plots-panel .plots-events-empty')).toBeHidden();
  // The raster fills with bursts: far more marks than at rest.
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 5000, 'five seconds of simulated time');
  const rasterE = await countColour(page, 'raster', RASTER_E, 0, 0.8);
  expect(rasterE.upper).toBeGreaterThan(0.03 * rasterE.total);
  expect(problems).toEqual([]);
});

test('a restarted network starts the plots and the event log afresh', async ({ page }) => {
  await openPage(page, '?gaba=0.3');
  await page.locator('#plots-panel').scrollIntoViewIfNeeded();
  const items = page.locator('#plots-panel .plots-events-list li');
  await expect(items).toHaveCount(1, { timeout: SIM_WAIT_MS });
  const before = await snapshot(page);
  await page.getByRole('button', { name: 'Restart' }).click();
  // The same seed seizes again about two simulated seconds in: until then the log is empty, the
  // label waits or reads the new network, and the time axis starts again from 0.
  await expect(page.locator('#plots-panel .plots-events-empty')).toBeVisible();
  await expect(items).toHaveCount(0);
  await waitForSnapshot(page, (s) => s.buildId !== before.buildId, 'frames of the restarted network');
  await expect(items).toHaveCount(1, { timeout: SIM_WAIT_MS });
});

test('in a seizure-like event no large area of the plots flashes (WCAG 2.3.1)', async ({ page }) => {
  await openPage(page, '?gaba=0.3');
  await page.locator('#plots-panel').scrollIntoViewIfNeeded();
  await expect(page.locator('#plots-panel .plots-state')).toContainText('Seizure-like event', { timeout: SIM_WAIT_MS });
  // Every rendered frame while 3 s of simulated time pass (and for at least MIN_RECORDED_FRAMES
  // frames): the mean relative luminance of each plot, whole and per half (left, right; each half
  // of the raster is ~300 × 200 px, of the order of WCAG's large area).
  const series = await page.evaluate(
    async ({ simulatedMs, minFrames }) => {
      const linear = (c: number) => {
        const x = c / 255;
        return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      };
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('#plots-panel canvas')];
      const out = canvases.map(() => [[], [], []] as { tMs: number; luminance: number }[][]);
      const timeMs = () => window.__refractory?.snapshot().timeMs ?? 0;
      const end = timeMs() + simulatedMs;
      let frames = 0;
      await new Promise<void>((resolve) => {
        const tick = () => {
          const tMs = performance.now();
          canvases.forEach((canvas, c) => {
            const context = canvas.getContext('2d');
            if (!context) return;
            const { width, height } = canvas;
            const data = context.getImageData(0, 0, width, height).data;
            const sums = [0, 0, 0];
            const counts = [0, 0, 0];
            for (let y = 0; y < height; y += 2) {
              for (let x = 0; x < width; x += 2) {
                const p = 4 * (y * width + x);
                const l = 0.2126 * linear(data[p]) + 0.7152 * linear(data[p + 1]) + 0.0722 * linear(data[p + 2]);
                const half = x < width / 2 ? 1 : 2;
                sums[0] += l;
                counts[0]++;
                sums[half] += l;
                counts[half]++;
              }
            }
            for (let r = 0; r < 3; r++) out[c][r].push({ tMs, luminance: sums[r] / counts[r] });
          });
          frames++;
          if (timeMs() < end || frames < minFrames) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      return out;
    },
    { simulatedMs: 3000, minFrames: MIN_RECORDED_FRAMES },
  );
  let maxFlashes = 0;
  let swing = 0;
  for (const plot of series) {
    for (const region of plot as Sample[][]) {
      maxFlashes = Math.max(maxFlashes, maxFlashesPerWindow(region));
      const ls = region.map((s) => s.luminance);
      swing = Math.max(swing, Math.max(...ls) - Math.min(...ls));
    }
  }
  console.log(
    `plots: ${series[0][0].length} frames, most flashes in a second ${maxFlashes}, largest swing ${swing.toFixed(4)}`,
  );
  expect(series[0][0].length).toBeGreaterThanOrEqual(MIN_RECORDED_FRAMES);
  // The plots did move (a frozen canvas would pass otherwise)…
  expect(swing).toBeGreaterThan(0.0005);
  // …but no region's luminance swings by a flash, let alone three times a second.
  expect(swing).toBeLessThan(0.1);
  expect(maxFlashes).toBe(0);
});

/*
 * Screenshots for a person to look at (PLOTS_SCREENSHOTS=1): the page at a projector's, a wide
 * screen's and a phone's size, with the plots in a seizure-like state.
 */
const SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '390x844', width: 390, height: 844 },
];
for (const size of SIZES) {
  test(`screenshot at ${size.name}`, async ({ page }) => {
    test.skip(process.env.PLOTS_SCREENSHOTS !== '1', 'screenshots only when asked for (PLOTS_SCREENSHOTS=1)');
    await page.setViewportSize({ width: size.width, height: size.height });
    await openPage(page, '?gaba=0.3');
    await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 6000, 'six seconds of simulated time');
    await page.screenshot({ path: `/tmp/plots-${size.name}-page.png`, fullPage: true });
    await page.locator('#plots-panel').screenshot({ path: `/tmp/plots-${size.name}.png` });
    await page.screenshot({ path: `/tmp/plots-${size.name}-viewport.png` });
  });
}
