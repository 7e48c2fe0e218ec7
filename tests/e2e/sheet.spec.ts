import { expect, test } from '@playwright/test';
import { measureScreenshots, openPage, setGaba, sheetScreenshot, snapshot, waitForSnapshot } from './helpers.ts';

/*
 * A blank canvas can report 60 frames per second: these tests look at the pixels.
 */

test('the canvas draws the sheet, with pyramidal cells and interneurons told apart', async ({ page }) => {
  await openPage(page);
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 500, 'half a second of simulated time');
  const { images } = await measureScreenshots(page, [await sheetScreenshot(page)]);
  const [sheet] = images;
  expect(sheet.width).toBeGreaterThan(200);
  // Square, to a pixel of rounding.
  expect(Math.abs(sheet.height - sheet.width)).toBeLessThanOrEqual(1);
  // 80 % of the dots are pyramidal, 86 % of the spacing wide; 20 % interneurons, 56 % wide.
  expect(sheet.drawnFraction).toBeGreaterThan(0.3);
  expect(sheet.tealFraction).toBeGreaterThan(0.02);
  expect(sheet.otherDrawnFraction).toBeGreaterThan(5 * sheet.tealFraction);
});

test('weaker inhibition shows on the canvas as more active cells', async ({ page }) => {
  await openPage(page);
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 1000, 'one second at rest');
  const rest = await sheetScreenshot(page);

  await setGaba(page, 0.2);
  const changedAt = (await snapshot(page)).timeMs ?? 0;
  // The sheet needs a second or two to tip into its seizure-like state, and the colours follow
  // rates smoothed over 0.2 s. That state is rhythmic bursting, so a single screenshot may catch
  // the pause after a burst: take eight, a quarter of a second apart, and look at the brightest.
  let atMs = changedAt + 2000;
  const excited: Buffer[] = [];
  for (let k = 0; k < 8; k++) {
    await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > atMs, 'seconds with weak inhibition');
    excited.push(await sheetScreenshot(page));
    atMs += 250;
  }

  const { images } = await measureScreenshots(page, [rest, ...excited]);
  const [before, ...afters] = images;
  const after = afters.reduce((best, im) => (im.meanRgb[0] > best.meanRgb[0] ? im : best));
  // Pyramidal cells turn from slate towards amber: red rises, blue falls. The ramp is gentle on
  // purpose (photosensitivity: it spans less than 0.1 of relative luminance), so the shift is a
  // few levels of 255, well above the frame-to-frame noise at rest (a tenth of a level).
  expect(after.meanRgb[0]).toBeGreaterThan(before.meanRgb[0] + 3);
  expect(after.meanRgb[0] - after.meanRgb[2]).toBeGreaterThan(before.meanRgb[0] - before.meanRgb[2] + 3);
});

test('nothing flashes: no pixel changes by 0.1 of relative luminance, from rest to strong excitation', async ({
  page,
}) => {
  // WCAG 2.3.1 counts a flash from a change of 0.1 in relative luminance: the sheet never makes one.
  await openPage(page);
  await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 500, 'half a second at rest');
  const shots = [await sheetScreenshot(page)];
  await setGaba(page, 0);
  // A screenshot every 150 ms of simulated time for 4 simulated seconds.
  const changedAt = (await snapshot(page)).timeMs ?? 0;
  for (let atMs = changedAt + 150; atMs <= changedAt + 4000; atMs += 150) {
    await waitForSnapshot(page, (s) => (s.timeMs ?? 0) >= atMs, `${atMs} ms of simulated time`);
    shots.push(await sheetScreenshot(page));
  }
  const { maxLuminanceChange } = await measureScreenshots(page, shots);
  // The pictures did change (the test would pass on a frozen canvas otherwise)…
  expect(maxLuminanceChange).toBeGreaterThan(0.03);
  // …but never by a flash.
  expect(maxLuminanceChange).toBeLessThan(0.1);
});
