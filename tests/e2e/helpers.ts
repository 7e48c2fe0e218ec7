/**
 * Shared steps of the browser tests: reading the page's test hook, waiting for frames, and
 * measuring screenshots of the sheet. Screenshots are decoded inside the browser (PNG decoding
 * needs no extra package there) and only the measurements come back.
 */
import { expect, type Page } from '@playwright/test';
import type { LuminanceSample, PageSnapshot } from '../../src/ui/test-hook.ts';
import { type Oklab, oklabDistance, oklabOfLinear } from '../../src/view/colour.ts';
import { maxFlashesPerWindow } from './flashes.ts';

export type Snapshot = PageSnapshot;

/** The sheet's background, 0x0a0e18 (src/view/palette.ts). */
const BACKGROUND_RGB = [0x0a, 0x0e, 0x18] as const;

/** Console errors and uncaught exceptions of a page, from now on. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('crash', () => problems.push('the page crashed'));
  return problems;
}

export async function snapshot(page: Page): Promise<Snapshot> {
  const result = await page.evaluate(() => window.__refractory?.snapshot() ?? null);
  if (!result) throw new Error('the page exposes no window.__refractory');
  return result;
}

/**
 * The longest a test waits for a state the page must reach (a simulated time, a seizure-like
 * event, a service worker). Tests wait for states, never for a fixed time; this bound only turns
 * a hang into a failure, and is sized for a 2-core machine with one core busy elsewhere, where
 * the sheet may run at a fraction of real time.
 */
export const SIM_WAIT_MS = 120_000;

/** Wait until `predicate` holds for the page's snapshot. */
export async function waitForSnapshot(
  page: Page,
  predicate: (s: Snapshot) => boolean,
  message: string,
  timeoutMs = 60_000,
): Promise<Snapshot> {
  await expect
    .poll(async () => predicate(await snapshot(page).catch(() => null as unknown as Snapshot)), {
      message,
      timeout: timeoutMs,
      intervals: [100, 200, 250],
    })
    .toBe(true);
  return snapshot(page);
}

/**
 * Wait until the worker has confirmed a pause (every chunk asked for before it has landed), then
 * check that time stands still: a frame asked of the worker afterwards finds the simulation at
 * the same time. Returns the snapshot at the pause.
 */
export async function waitForPause(page: Page): Promise<Snapshot> {
  const paused = await waitForSnapshot(page, (s) => s.paused && s.idle, 'the worker confirms the pause');
  await page.evaluate(() => window.__refractory?.requestFrame());
  const later = await waitForSnapshot(
    page,
    (s) => s.framesReceived > paused.framesReceived && s.paused && s.idle,
    'a later frame from the paused worker',
  );
  expect(later.timeMs).toBe(paused.timeMs);
  expect(later.buildId).toBe(paused.buildId);
  return paused;
}

/** Fewest rendered frames a luminance recording holds: enough to resolve 3 flashes a second and more. */
export const MIN_RECORDED_FRAMES = 40;

/**
 * The sheet's luminance at every frame the page renders (whole and per quarter) while the
 * simulation advances by `simulatedMs`, and for at least MIN_RECORDED_FRAMES frames: a state to
 * wait for, not a wall-clock time, so a slow machine records longer rather than less.
 */
export async function recordLuminance(page: Page, simulatedMs: number): Promise<LuminanceSample[]> {
  const start = await snapshot(page);
  await page.evaluate(() => window.__refractory?.recordLuminance());
  await waitForSnapshot(
    page,
    (s) =>
      s.buildId === start.buildId &&
      (s.timeMs ?? 0) >= (start.timeMs ?? 0) + simulatedMs &&
      s.framesDrawn >= start.framesDrawn + MIN_RECORDED_FRAMES,
    `${simulatedMs} ms of simulated time and ${MIN_RECORDED_FRAMES} rendered frames`,
    120_000,
  );
  const samples = await page.evaluate(() => window.__refractory?.takeLuminance() ?? []);
  expect(samples.length).toBeGreaterThanOrEqual(MIN_RECORDED_FRAMES);
  return samples;
}

export async function openPage(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await waitForSnapshot(page, (s) => s?.framesDrawn >= 3, 'the sheet draws its first frames');
}

export async function setGaba(page: Page, gaba: number): Promise<void> {
  await page.getByLabel('GABA_A strength (×)').fill(String(gaba));
  await expect(page.locator('#engine-gaba')).toHaveText(`${gaba.toFixed(2)}×`);
}

export async function sheetScreenshot(page: Page): Promise<Buffer> {
  return page.locator('#sheet canvas').screenshot();
}

export interface ImageMeasure {
  width: number;
  height: number;
  meanRgb: [number, number, number];
  /** Mean colour in linear light (what the eye averages from a distance), 0…1 per channel. */
  meanLinear: [number, number, number];
  /** Pixels clearly different from the sheet's background. */
  drawnFraction: number;
  /** Pixels of an interneuron's teal (green and blue well above red, green not far below blue). */
  tealFraction: number;
  /** Drawn pixels that are not teal: the pyramidal cells' slate-to-amber. */
  otherDrawnFraction: number;
}

export interface ScreenshotMeasures {
  images: ImageMeasure[];
  /**
   * Over every pixel: the largest difference of WCAG relative luminance between any two images
   * (NaN when they differ in size).
   */
  maxLuminanceChange: number;
}

export async function measureScreenshots(page: Page, pngs: Buffer[]): Promise<ScreenshotMeasures> {
  return page.evaluate(
    async ({ encoded, background }) => {
      const decode = async (base64: string): Promise<ImageData> => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2d context');
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const linear = (c: number): number => {
        const x = c / 255;
        return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      };
      const images = await Promise.all(encoded.map(decode));
      // Pixel by pixel comparison only between pictures of one size (a lecture scene's layout may
      // size the sheet a few pixels differently from another's); the means need no such thing.
      const sameSize = images.every((im) => im.width === images[0].width && im.height === images[0].height);
      const lowest = new Float64Array(sameSize ? images[0].width * images[0].height : 0).fill(Number.POSITIVE_INFINITY);
      const highest = new Float64Array(lowest.length).fill(Number.NEGATIVE_INFINITY);
      const measures = images.map((image) => {
        const pixels = image.width * image.height;
        const d = image.data;
        let r = 0;
        let g = 0;
        let b = 0;
        let lr = 0;
        let lg = 0;
        let lb = 0;
        let drawn = 0;
        let teal = 0;
        for (let p = 0; p < pixels; p++) {
          const pr = d[4 * p];
          const pg = d[4 * p + 1];
          const pb = d[4 * p + 2];
          r += pr;
          g += pg;
          b += pb;
          lr += linear(pr);
          lg += linear(pg);
          lb += linear(pb);
          const distance = Math.abs(pr - background[0]) + Math.abs(pg - background[1]) + Math.abs(pb - background[2]);
          if (distance > 12) {
            drawn++;
            if (pg - pr > 12 && pb - pr > 12 && pb - pg < 12) teal++;
          }
          if (sameSize) {
            const luminance = 0.2126 * linear(pr) + 0.7152 * linear(pg) + 0.0722 * linear(pb);
            if (luminance < lowest[p]) lowest[p] = luminance;
            if (luminance > highest[p]) highest[p] = luminance;
          }
        }
        return {
          width: image.width,
          height: image.height,
          meanRgb: [r / pixels, g / pixels, b / pixels] as [number, number, number],
          meanLinear: [lr / pixels, lg / pixels, lb / pixels] as [number, number, number],
          drawnFraction: drawn / pixels,
          tealFraction: teal / pixels,
          otherDrawnFraction: (drawn - teal) / pixels,
        };
      });
      let maxLuminanceChange = sameSize ? 0 : Number.NaN;
      for (let p = 0; p < lowest.length; p++) maxLuminanceChange = Math.max(maxLuminanceChange, highest[p] - lowest[p]);
      return { images: measures, maxLuminanceChange };
    },
    { encoded: pngs.map((png) => png.toString('base64')), background: BACKGROUND_RGB },
  );
}

/**
 * A projector in a lit lecture room: its black is ambient light on the screen. 0.1 of white is a
 * 10:1 contrast, about what a classroom projector keeps with the lights on (office projectors
 * measure 1000:1 and more in the dark; room light on the screen brings it down to tens or less).
 */
export const PROJECTOR_BLACK_LIFT = 0.1;

/**
 * The mean colour of several screenshots in OKLab: their pixels averaged in linear light (as an
 * eye averages them from the back of a room, and over the moments they were taken). With
 * `blackLift` b, each linear channel c is shown as b + (1 − b)·c: a screen whose black is lifted.
 */
export function meanOklab(images: readonly ImageMeasure[], blackLift = 0): Oklab {
  const sum = [0, 0, 0];
  for (const image of images) for (let k = 0; k < 3; k++) sum[k] += image.meanLinear[k] / images.length;
  const lift = (c: number) => blackLift + (1 - blackLift) * c;
  return oklabOfLinear(lift(sum[0]), lift(sum[1]), lift(sum[2]));
}

/**
 * How far the sheet's mean colour moves between two sets of screenshots, in OKLab: on the screen
 * as captured, and on a projector whose black is lifted to PROJECTOR_BLACK_LIFT.
 */
export function meanColourChange(
  before: readonly ImageMeasure[],
  after: readonly ImageMeasure[],
): { distance: number; projected: number } {
  return {
    distance: oklabDistance(meanOklab(before), meanOklab(after)),
    projected: oklabDistance(meanOklab(before, PROJECTOR_BLACK_LIFT), meanOklab(after, PROJECTOR_BLACK_LIFT)),
  };
}

/**
 * Screenshots of the sheet at `count` moments `everyMs` of simulated time apart, from `fromMs`:
 * a state to wait for at each, never a wall-clock time.
 */
export async function sheetShots(page: Page, fromMs: number, count: number, everyMs: number): Promise<Buffer[]> {
  const shots: Buffer[] = [];
  for (let k = 0; k < count; k++) {
    const atMs = fromMs + k * everyMs;
    await waitForSnapshot(page, (s) => (s.timeMs ?? 0) >= atMs, `${atMs} ms of simulated time`, SIM_WAIT_MS);
    shots.push(await sheetScreenshot(page));
  }
  return shots;
}

/** The most flashes in any second over every recorded region, and each region's largest swing. */
export function flashSummary(samples: readonly LuminanceSample[]): {
  max: number;
  perRegion: number[];
  swing: number[];
} {
  const perRegion: number[] = [];
  const swing: number[] = [];
  for (let r = 0; r < samples[0].regions.length; r++) {
    const series = samples.map((s) => ({ tMs: s.tMs, luminance: s.regions[r] }));
    perRegion.push(maxFlashesPerWindow(series));
    const ls = series.map((s) => s.luminance);
    swing.push(Math.max(...ls) - Math.min(...ls));
  }
  return { max: Math.max(...perRegion), perRegion, swing };
}

/** Dismiss the first-visit notice about flashing, if it shows. */
export async function dismissSafetyNotice(page: Page): Promise<void> {
  const notice = page.locator('#safety-notice');
  if (await notice.isVisible()) await page.locator('#safety-dismiss').click();
  await expect(notice).toBeHidden();
}
