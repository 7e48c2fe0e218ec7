#!/usr/bin/env node
/**
 * Screenshots of the running app for a person to look at (not a test): each shot opens the page
 * at a viewport and address, dismisses the first-visit notice, waits for a state (simulated time,
 * a status text) and saves a PNG of the window.
 *
 *   node scripts/look.mjs --base http://127.0.0.1:4500 --out /tmp/look [--only NAME]
 *
 * Serve a build first (npx vite build --outDir DIR && npx vite preview --outDir DIR --port 4500).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

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

/** Click a pyramidal cell a third of the way across the sheet. */
async function clickCell(page) {
  const box = await page.locator('#sheet canvas').boundingBox();
  await page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.4);
}

const map = (kind) => (page) => page.locator(`#view-map-${kind}`).check();

/** name, size, address, simulated ms to wait for (or a status text), extra steps. */
const SHOTS = [
  { name: 'rest', size: 'laptop', query: '', atMs: 3000 },
  { name: 'seizure', size: 'laptop', query: '?gaba=0.3', status: 'Seizure-like event', afterMs: 3000 },
  { name: 'rest', size: 'hd', query: '', atMs: 3000 },
  { name: 'seizure', size: 'hd', query: '?gaba=0.3', status: 'Seizure-like event', afterMs: 3000 },
  { name: 'rest', size: 'phone', query: '', atMs: 3000 },
  { name: 'seizure', size: 'phone', query: '?gaba=0.3', status: 'Seizure-like event', afterMs: 3000 },
  { name: 'cell', size: 'laptop', query: '?gaba=0.3', status: 'Seizure-like event', afterMs: 3000, before: clickCell },
  { name: 'cell', size: 'phone', query: '?gaba=0.3', status: 'Seizure-like event', afterMs: 3000, before: clickCell },
  {
    name: 'potassium',
    size: 'laptop',
    query: '?gaba=0.3',
    status: 'Seizure-like event',
    afterMs: 2000,
    before: map('potassium'),
  },
  {
    name: 'sodium',
    size: 'hd',
    query: '?gaba=0.3',
    status: 'Seizure-like event',
    afterMs: 2000,
    before: map('sodium'),
  },
  { name: 'egaba', size: 'hd', query: '?gaba=0.3', status: 'Seizure-like event', afterMs: 2000, before: map('egaba') },
  { name: 'lecture1', size: 'hd', query: '?lecture=1', atMs: 4000 },
  { name: 'lecture2', size: 'hd', query: '?lecture=2', atMs: 6000 },
  { name: 'lecture2', size: 'laptop', query: '?lecture=2', atMs: 6000 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
});
const simMs = (page) => page.evaluate(() => window.__refractory?.snapshot().timeMs ?? 0);
try {
  for (const shot of SHOTS) {
    const file = `${shot.name}-${shot.size}`;
    if (only && !file.includes(only)) continue;
    const context = await browser.newContext({ viewport: SIZES[shot.size], deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') console.log(`  console error: ${m.text()}`);
    });
    await page.goto(`${base}/${shot.query}`);
    await page.waitForFunction(() => (window.__refractory?.snapshot().framesDrawn ?? 0) > 0, null, { timeout: 60_000 });
    const dismiss = page.locator('#safety-dismiss');
    if (await dismiss.isVisible().catch(() => false)) await dismiss.click();
    if (shot.status) {
      await page.locator('#status').filter({ hasText: shot.status }).waitFor({ timeout: 180_000 });
    }
    if (shot.before) await shot.before(page);
    const start = await simMs(page);
    const until = shot.atMs ?? start + (shot.afterMs ?? 0);
    await page.waitForFunction((t) => (window.__refractory?.snapshot().timeMs ?? 0) >= t, until, {
      timeout: 180_000,
      polling: 100,
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${out}/${file}.png` });
    console.log(`${file}.png at ${((await simMs(page)) / 1000).toFixed(1)} s`);
    await context.close();
  }
} finally {
  await browser.close();
}
