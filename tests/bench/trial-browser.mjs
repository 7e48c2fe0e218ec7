#!/usr/bin/env node
/**
 * How long a virtual trial takes in the browser (issue 14: "a 200-patient trial still runs in the
 * browser with its progress bar and Cancel; say how long it takes"). Builds the app, serves it
 * with `vite preview`, opens it in headless Chromium, fills the trial panel as a person would
 * (patients, seed, seconds watched per drug; the default drug sequence), presses "Run the trial"
 * and waits for "N of N patients: done", printing the progress bar's value once a minute.
 *
 *   npm run bench:trial -- [--patients 200] [--seed 2] [--observe-s 120] [--json FILE]
 *
 * Prints the wall time from the click to the last patient, patients per minute, and the trial's
 * figures as the page shows them (data-summary of #trial-results); --json also writes them to a
 * file, so they can be compared with `npm run sim -- cohort` for the same seed and patients (a
 * patient depends only on the seed and its index). Not part of `npm test`: a benchmark reports
 * and never fails on a figure.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium.mjs';
import { flagReader } from './bench-args.mjs';
import { buildAndServe } from './serve-app.mjs';

const args = process.argv.slice(2);
const flag = flagReader(args);
const patients = Number(flag('patients', 200));
const seed = Number(flag('seed', 2));
const observeS = Number(flag('observe-s', 120));
const jsonOut = flag('json', null);
if (!(Number.isInteger(patients) && patients >= 1 && patients <= 2000)) {
  console.error(`--patients must be a whole number in 1…2000, not ${flag('patients')}`);
  process.exit(2);
}
if (!(Number.isInteger(seed) && seed >= 1)) {
  console.error(`--seed must be a whole number ≥ 1, not ${flag('seed')}`);
  process.exit(2);
}
if (!(observeS >= 100 && observeS <= 600)) {
  console.error(`--observe-s must be a number of seconds in 100…600, not ${flag('observe-s')}`);
  process.exit(2);
}
const PORT = 4331;
const OUT = 'node_modules/.cache/refractory-trial-bench-dist';

const server = await buildAndServe(OUT, PORT);
let browser;
try {
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(server.url);
  const panel = page.locator('#trial-panel');
  await panel.getByRole('heading', { name: 'Virtual trial' }).waitFor();
  await panel.getByLabel('Patients (1–2000)').fill(String(patients));
  await panel.getByLabel('Seed').fill(String(seed));
  await panel.getByLabel('Watched per drug, s (100–600)').fill(String(observeS));
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const t0 = Date.now();
  await panel.getByRole('button', { name: 'Run the trial' }).click();
  const progress = page.locator('#trial-progress');
  const text = page.locator('#trial-progress-text');
  const done = `${patients} of ${patients} patients: done`;
  let lastReport = t0;
  for (;;) {
    // A long timeout: the page is busy with the trial, and a slow answer is not a failure.
    const shown = await text.textContent({ timeout: 600_000 });
    if (shown === done) break;
    if (/stopped|failed|error/i.test(shown ?? '')) throw new Error(`the trial stopped: "${shown}"`);
    if (Date.now() - lastReport >= 60_000) {
      lastReport = Date.now();
      const value = await progress.evaluate((p) => p.value, undefined, { timeout: 600_000 });
      console.log(`${((Date.now() - t0) / 60_000).toFixed(1)} min: ${value} of ${patients} patients ("${shown}")`);
    }
    await page.waitForTimeout(1000);
  }
  const wallS = (Date.now() - t0) / 1000;
  const summary = JSON.parse((await page.locator('#trial-results').getAttribute('data-summary')) ?? 'null');
  const line = {
    patients,
    seed,
    observeS,
    workers: cores,
    wallS: Math.round(wallS),
    patientsPerMinute: Number(((patients / wallS) * 60).toFixed(2)),
    drugs: summary?.drugs,
    cumulativeSeizureFree: summary?.cumulativeSeizureFree,
    refractoryFraction: summary?.refractoryFraction,
  };
  console.log(
    `${patients} patients, seed ${seed}, ${observeS} s per drug, ${cores} workers: ${line.wallS} s (${(wallS / 60).toFixed(1)} min, ${line.patientsPerMinute} patients per minute)`,
  );
  console.log(
    `seizure-free after ${(summary?.drugs ?? []).join(', ')}: ${(summary?.cumulativeSeizureFree ?? []).map((x) => `${(100 * x).toFixed(1)} %`).join(' / ')}; refractory ${(100 * (summary?.refractoryFraction ?? Number.NaN)).toFixed(1)} %`,
  );
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ ...line, summary }, null, 1)}\n`);
} finally {
  await browser?.close();
  server.close();
}
