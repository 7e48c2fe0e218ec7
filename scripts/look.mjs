#!/usr/bin/env node
/**
 * Screenshots of the running app for a person to look at (not a test): each session opens the
 * page at a viewport and address, dismisses the first-visit notice, waits for states of the
 * simulation (simulated time, the status in words; never a wall-clock time) and saves PNGs of
 * the window.
 *
 *   node scripts/look.mjs --base http://127.0.0.1:4500 --out /tmp/look [--only NAME]
 *
 * Serve a build first (npx vite build --outDir DIR && npx vite preview --outDir DIR --port 4500).
 *
 * The seizure series starts at rest and weakens GABA_A to 0.6 (through the store, as the slider
 * does; the `ei-imbalance` scenario's value) after three simulated seconds: "onset" is the first
 * frame whose status says "Seizure-like event", "mid" eight simulated seconds later (an event lasts
 * ~20 s); the event then ends by itself, GABA_A still at 0.6, and "postictal" is two simulated
 * seconds after the status stops saying so.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../tests/e2e/chromium.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const base = flag('base', 'http://127.0.0.1:4500');
const out = flag('out', '/tmp/look');
const only = flag('only', '');
mkdirSync(out, { recursive: true });

const SIZES = {
  laptop: { width: 1366, height: 768 },
  hd: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
};
const WAIT = { timeout: 180_000, polling: 100 };

const simMs = (page) => page.evaluate(() => window.__refractory?.snapshot().timeMs ?? 0);

/** Wait until the simulation has reached `ms` of simulated time. */
async function untilMs(page, ms) {
  await page.waitForFunction((t) => (window.__refractory?.snapshot().timeMs ?? 0) >= t, ms, WAIT);
}

/** Wait until the status in words does (or does not) start with "Seizure-like event". */
async function untilSeizure(page, seizing) {
  await page.waitForFunction(
    (want) => (document.querySelector('#status')?.textContent ?? '').trim().startsWith('Seizure-like event') === want,
    seizing,
    WAIT,
  );
}

const setGaba = (page, gaba) => page.evaluate((g) => window.__refractory?.setParams({ gaba: g }), gaba);

/** Click a pyramidal cell a third of the way across the sheet. */
async function clickCell(page) {
  const box = await page.locator('#sheet canvas').boundingBox();
  await page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.4);
}

/** Rest, onset, mid-seizure, post-ictal: one session, four pictures. */
async function seizureSeries(page, shoot) {
  await untilMs(page, 3000);
  await shoot('rest');
  await setGaba(page, 0.6);
  await untilSeizure(page, true);
  await shoot('onset');
  await untilMs(page, (await simMs(page)) + 8000);
  await shoot('mid');
  await untilSeizure(page, false);
  await untilMs(page, (await simMs(page)) + 2000);
  await shoot('postictal');
}

/**
 * Onset and spread from a focal lesion (the `focal-dysplasia` preset: a 0.5-mm lesion at
 * (1, 1) mm in a patch that clears K⁺ poorly, on carbamazepine; its first event starts at ~7 s):
 * the sheet every simulated second or two while the event starts in the lesion and recruits the rest.
 */
async function lesionSpread(page, shoot) {
  for (const ms of [3000, 6000, 8000, 10000, 12000, 16000]) {
    await untilMs(page, ms);
    await shoot(`spread-${ms}ms`);
  }
}

/**
 * The persistent-sodium route (the `nap-gain` preset, gNapRatio 0.37): its first event starts ~4 s
 * in with an asynchronous acceleration, locks into discharges, and ends by itself at ~25 s.
 */
async function napGainSeries(page, shoot) {
  for (const ms of [3000, 7000, 14000, 22000, 30000]) {
    await untilMs(page, ms);
    await shoot(`nap-${ms}ms`);
  }
}

/** A seizure-like event at GABA_A 0.4, then `before`, then `afterMs` simulated ms, then one picture. */
const during = (name, before, afterMs) => async (page, shoot) => {
  await untilSeizure(page, true);
  await before(page);
  await untilMs(page, (await simMs(page)) + afterMs);
  await shoot(name);
};

const map = (kind) => (page) => page.locator(`#view-map-${kind}`).check();
const at = (name, ms) => async (page, shoot) => {
  await untilMs(page, ms);
  await shoot(name);
};

/**
 * The virtual trial's panel after a small trial (3 patients, seed 2, 100 s per drug: the results'
 * layout, not figures to quote), with the patient list open.
 */
async function trialResults(page) {
  const panel = page.locator('#trial-panel');
  await panel.getByLabel('Patients (1–2000)').fill('3');
  await panel.getByLabel('Seed').fill('2');
  await panel.getByLabel('Watched per drug, s (100–600)').fill('100');
  await panel.getByRole('button', { name: 'Run the trial' }).click();
  await page.waitForFunction(
    () => (document.querySelector('#trial-progress-text')?.textContent ?? '').includes('patients: done'),
    null,
    { timeout: 900_000, polling: 500 },
  );
  await page.locator('#trial-results details summary').click();
  const file = `trial-${page.viewportSize()?.width}.png`;
  await panel.screenshot({ path: `${out}/${file}` });
  console.log(`${file}: ${((await page.locator('#trial-progress-text').textContent()) ?? '').trim()}`);
}

/** size, address, what to do (shoot(name) saves NAME-SIZE.png). */
const SESSIONS = [
  ...['laptop', 'hd', 'phone'].map((size) => ({ size, query: '', run: seizureSeries })),
  ...['laptop', 'hd', 'phone'].map((size) => ({
    size,
    query: '?gaba=0.4',
    run: during('cell', clickCell, 3000),
  })),
  { size: 'laptop', query: '?gaba=0.4', run: during('potassium', map('potassium'), 2000) },
  { size: 'hd', query: '?gaba=0.4', run: during('sodium', map('sodium'), 2000) },
  { size: 'phone', query: '?gaba=0.4', run: during('egaba', map('egaba'), 2000) },
  { size: 'laptop', query: '?preset=focal-dysplasia', run: lesionSpread },
  { size: 'laptop', query: '?preset=nap-gain', run: napGainSeries },
  // The Dravet-like patch on lamotrigine: the first long discharge ends by ~60 s; at 92 s the
  // sheet is in its second seizure after it (64 × 64: 85–100 s; docs/notes/real-seizures.md §32).
  { size: 'laptop', query: '?preset=dravet-lamotrigine', run: at('dravet-lamotrigine', 92000) },
  { size: 'hd', query: '?lecture=9', run: at('lecture9', 12000) },
  { size: 'laptop', query: '', run: trialResults },
  ...['laptop', 'hd', 'phone'].flatMap((size) => [
    { size, query: '?lecture=1', run: at('lecture1', 4000) },
    { size, query: '?lecture=2', run: at('lecture2', 6000) },
  ]),
];

const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  for (const session of SESSIONS) {
    const label = `${session.query || 'rest'}-${session.size}`;
    if (only && !`${label} ${session.run.name}`.includes(only) && !label.includes(only)) continue;
    const context = await browser.newContext({ viewport: SIZES[session.size], deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') console.log(`  console error: ${m.text()}`);
    });
    await page.goto(`${base}/${session.query}`);
    await page.waitForFunction(() => (window.__refractory?.snapshot().framesDrawn ?? 0) > 0, null, WAIT);
    const dismiss = page.locator('#safety-dismiss');
    if (await dismiss.isVisible().catch(() => false)) await dismiss.click();
    const shoot = async (name) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = `${name}-${session.size}.png`;
      await page.screenshot({ path: `${out}/${file}` });
      const status = ((await page.locator('#status').textContent()) ?? '').trim().slice(0, 40);
      console.log(`${file} at ${((await simMs(page)) / 1000).toFixed(1)} s: ${status}`);
    };
    await session.run(page, shoot);
    await context.close();
  }
} finally {
  await browser.close();
}
