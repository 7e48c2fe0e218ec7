#!/usr/bin/env node
/**
 * Draws the app's icons (public/icons/*.png) from the favicon's design, in the system Chromium
 * (no image package needed): 192 and 512 px with rounded corners, and a 512-px maskable one whose
 * dots stay inside the central 80 % circle that every launcher's mask keeps. The PNGs are
 * committed; run this again only after changing the design: node scripts/make-icons.mjs
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const BACKGROUND = '#0a0e18';
const AMBER = '#845018';
const TEAL = '#1a6672';

/** The favicon's four dots on a 32-unit grid; `inset` shrinks them toward the centre (maskable). */
function svg(rounded, inset) {
  const s = (v) => 16 + (v - 16) * inset;
  const r = (v) => v * inset;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="100%" height="100%">
  <rect width="32" height="32" rx="${rounded ? 6 : 0}" fill="${BACKGROUND}" />
  <circle cx="${s(10)}" cy="${s(10)}" r="${r(4)}" fill="${AMBER}" />
  <circle cx="${s(22)}" cy="${s(10)}" r="${r(3)}" fill="${TEAL}" />
  <circle cx="${s(10)}" cy="${s(22)}" r="${r(3)}" fill="${TEAL}" />
  <circle cx="${s(22)}" cy="${s(22)}" r="${r(4)}" fill="${AMBER}" />
</svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, rounded: true, inset: 1 },
  { file: 'icon-512.png', size: 512, rounded: true, inset: 1 },
  // The dots' far edges reach 16 ± 10·inset units from the centre: 0.7 keeps them inside 40 % of the side.
  { file: 'maskable-512.png', size: 512, rounded: false, inset: 0.7 },
];

mkdirSync('public/icons', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
for (const icon of ICONS) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg(icon.rounded, icon.inset)}</body></html>`,
  );
  await page.screenshot({ path: `public/icons/${icon.file}`, omitBackground: true });
  await page.close();
  console.log(`public/icons/${icon.file}`);
}
await browser.close();
