import { expect, type Page, test } from '@playwright/test';
import { contentSecurityPolicy } from '../../src/content-security-policy.ts';
import {
  collectPageProblems,
  measureScreenshots,
  openPage,
  SIM_WAIT_MS,
  sheetScreenshot,
  waitForSnapshot,
} from './helpers.ts';

/*
 * Offline and locked down: after the first visit the service worker controls the page, and a
 * reload with the network off still runs the simulation and draws the sheet, cross-origin
 * isolated as before. Every request the page makes goes to its own origin, and the
 * Content-Security-Policy refuses eval and any other origin. The app installs: a manifest with
 * its icons.
 */

async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      message: 'the service worker controls the page',
      timeout: SIM_WAIT_MS,
    })
    .toBe(true);
}

async function expectSheetDrawn(page: Page): Promise<void> {
  await waitForSnapshot(page, (s) => s?.framesDrawn >= 3 && (s.timeMs ?? 0) > 200, 'the sheet draws a running network');
  const measured = await measureScreenshots(page, [await sheetScreenshot(page)]);
  expect(measured.images[0].drawnFraction).toBeGreaterThan(0.2);
}

test('after the first visit the app reloads and runs with no network, still cross-origin isolated', async ({
  page,
  context,
}) => {
  const problems = collectPageProblems(page);
  await openPage(page, '?side=32');
  await waitForServiceWorker(page);
  await expect(page.locator('#offline-note')).toHaveText(/^Available offline/);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expectSheetDrawn(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  // Another address of the app, opened for the first time offline, is the same page.
  await page.goto('/?side=32&gaba=0.6');
  await expectSheetDrawn(page);
  await waitForSnapshot(page, (s) => s?.engineGaba === 0.6, 'the address is read offline too');
  expect(problems).toEqual([]);
  // Really offline: what the service worker has not stored cannot be fetched.
  expect(
    await page.evaluate(() =>
      fetch(`/not-stored-${performance.now()}`).then(
        () => 'fetched',
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  await context.setOffline(false);
});

/** A script of the page's own origin that tries eval, new Function and another origin, and reports. */
const PROBE = `
  const attempt = (run) => { try { run(); return 'ran'; } catch (error) { return error.name; } };
  window.__probe = { eval: attempt(() => eval('1')), function: attempt(() => new Function('return 1')) };
  fetch('https://example.com/').then(() => 'fetched', () => 'refused').then((remote) => { window.__probe.remote = remote; });
`;

test.describe('the policy', () => {
  // Code the test runs in the page through the browser's debugging protocol is exempt from the
  // policy; the probe is served as a script of the page's own, so the service worker stays out.
  test.use({ serviceWorkers: 'block' });

  test('every request goes to the page own origin; the policy refuses eval and other origins', async ({ page }) => {
    const origins = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      origins.add(url.protocol === 'blob:' || url.protocol === 'data:' ? 'local' : url.origin);
    });
    await openPage(page);
    await waitForSnapshot(page, (s) => (s.timeMs ?? 0) > 1000, 'a second of simulation');
    const own = new URL(page.url()).origin;
    expect([...origins].filter((o) => o !== own && o !== 'local')).toEqual([]);

    // One policy, first in the page and in the server's header (which also covers the worker's script).
    const meta = page.locator('head > meta[http-equiv="Content-Security-Policy"]');
    await expect(meta).toHaveAttribute('content', contentSecurityPolicy('build'));
    expect(await page.evaluate(() => document.head.firstElementChild?.getAttribute('http-equiv'))).toBe(
      'Content-Security-Policy',
    );
    const response = await page.request.get('/');
    expect(response.headers()['content-security-policy']).toBe(contentSecurityPolicy('build'));
    expect(contentSecurityPolicy('build')).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);

    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await page.route('**/csp-probe.js', (route) =>
      route.fulfill({
        body: PROBE,
        contentType: 'text/javascript',
        headers: { 'Cross-Origin-Resource-Policy': 'same-origin' },
      }),
    );
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.src = '/csp-probe.js';
      document.head.append(script);
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __probe?: { remote?: string } }).__probe?.remote))
      .toBe('refused');
    const probe = await page.evaluate(() => (window as unknown as { __probe: Record<string, string> }).__probe);
    expect(probe).toEqual({ eval: 'EvalError', function: 'EvalError', remote: 'refused' });
    expect(violations.join('\n')).toMatch(/connect-src/);
    expect(origins.has('https://example.com')).toBe(false);
    // The sheet (pixi, with its CSP-safe polyfills) still draws.
    await expectSheetDrawn(page);
  });
});

test('it installs as an app: a web manifest with its name, colours and icons', async ({ page }) => {
  await openPage(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await page.request.get(new URL(href as string, page.url()).href)).json();
  expect(manifest).toMatchObject({
    name: 'Refractory: why some epilepsies resist drugs',
    short_name: 'Refractory',
    display: 'standalone',
    start_url: '/',
    theme_color: '#0f1420',
  });
  const sizes = await page.evaluate(async (icons: { src: string; sizes: string; purpose: string }[]) => {
    const out: string[] = [];
    for (const icon of icons) {
      const blob = await (await fetch(icon.src)).blob();
      const bitmap = await createImageBitmap(blob);
      out.push(`${icon.purpose} ${bitmap.width}x${bitmap.height} ${icon.sizes} ${blob.type}`);
    }
    return out;
  }, manifest.icons);
  expect(sizes).toEqual([
    'any 192x192 192x192 image/png',
    'any 512x512 512x512 image/png',
    'maskable 512x512 512x512 image/png',
  ]);
});
