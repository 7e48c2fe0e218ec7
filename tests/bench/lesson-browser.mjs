#!/usr/bin/env node
/**
 * How long a lesson takes in the browser, from "Run the simulation" to the reveal, as a person
 * would run it (the live sheet keeps running beside it, showing the lesson's condition). Builds the
 * app, serves it with `vite preview`, opens it in headless Chromium, picks the lesson, chooses the
 * first prediction and runs it.
 *
 *   npm run bench:lesson -- [--lesson 3] [--runs 3] [--cores 1]
 *
 * --lesson is the lesson's place in the list (1 = the first). --cores makes the page see that
 * many cores (navigator.hardwareConcurrency), which sets how many lesson workers it starts
 * (src/ui/lessons/lesson-runner.ts): `--cores 1` times the lesson on one worker, for comparison.
 * Prints each run's wall time, the live sheet's achieved speed meanwhile (it should hold 1×), and
 * the median. Not part of `npm test`: a benchmark reports and
 * never fails on a figure.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium.mjs';
import { flagReader, median } from './bench-args.mjs';
import { buildAndServe } from './serve-app.mjs';

const args = process.argv.slice(2);
const flag = flagReader(args);
const lessonPlace = Number(flag('lesson', 3));
const runs = Number(flag('runs', 3));
const cores = flag('cores', null);
if (!(Number.isInteger(lessonPlace) && lessonPlace >= 1 && lessonPlace <= 20)) {
  console.error(`--lesson must be a place in the lesson list, 1…20, not ${flag('lesson')}`);
  process.exit(2);
}
if (!(Number.isInteger(runs) && runs >= 1 && runs <= 20)) {
  console.error(`--runs must be a whole number in 1…20, not ${flag('runs')}`);
  process.exit(2);
}
if (cores !== null && !(Number.isInteger(Number(cores)) && Number(cores) >= 1 && Number(cores) <= 64)) {
  console.error(`--cores must be a whole number in 1…64, not ${cores}`);
  process.exit(2);
}

const PORT = 4332;
const OUT = 'node_modules/.cache/refractory-bench-lesson-dist';

const server = await buildAndServe(OUT, PORT);
try {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const times = [];
  let title = '';
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    if (cores !== null) {
      await context.addInitScript((n) => {
        Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
      }, Number(cores));
    }
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => (window.__refractory?.snapshot().framesDrawn ?? 0) > 3, null, {
      timeout: 60_000,
    });
    const panel = page.locator('#lessons-panel');
    const entry = panel
      .getByRole('navigation', { name: 'Lessons' })
      .getByRole('button')
      .nth(lessonPlace - 1);
    title = (await entry.innerText()).split('\n')[0];
    await entry.click();
    await panel.getByRole('radio').first().check();
    const started = performance.now();
    await panel.getByRole('button', { name: 'Run the simulation' }).click();
    // The live sheet takes the lesson's main condition (a new network): its clock from there on.
    const liveFirst = await page.evaluate(async () => {
      const first = window.__refractory.snapshot().buildId;
      while (window.__refractory.snapshot().buildId === first) await new Promise((r) => setTimeout(r, 20));
      const s = window.__refractory.snapshot();
      return { timeMs: s.timeMs ?? 0, wallMs: performance.now() };
    });
    await panel
      .locator('.lesson-reveal')
      .getByRole('heading', { name: 'What the simulation did' })
      .waitFor({ timeout: 1_200_000 });
    const wallS = (performance.now() - started) / 1000;
    const liveLast = await page.evaluate(() => ({
      timeMs: window.__refractory.snapshot().timeMs ?? 0,
      wallMs: performance.now(),
    }));
    const liveSpeed = (liveLast.timeMs - liveFirst.timeMs) / (liveLast.wallMs - liveFirst.wallMs);
    const seenCores = await page.evaluate(() => navigator.hardwareConcurrency);
    times.push(wallS);
    console.log(
      `run ${r + 1}: "${title}" in ${wallS.toFixed(1)} s (the page saw ${seenCores} cores); the live sheet meanwhile at ${liveSpeed.toFixed(2)}× real time`,
    );
    await context.close();
  }
  console.log(`median of ${runs}: "${title}" in ${median(times).toFixed(1)} s`);
  await browser.close();
} finally {
  server.close();
}
