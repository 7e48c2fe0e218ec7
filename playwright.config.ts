/**
 * Browser tests against a production build served by `vite preview`, in the system Chromium
 * (browsers cannot be downloaded on the build machines: `npx playwright install` is never used).
 * `tests/e2e/run.mjs` finds the browser and passes its path in CHROMIUM_PATH.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './tests/e2e/chromium.mjs';
import { isCi } from './tests/e2e/ci.mjs';

/**
 * Fixed and unusual, so a developer's own `vite preview` (4173) does not collide with the tests.
 * E2E_PORT moves it, so that two checkouts (or two people) can run the browser tests at once.
 */
const PORT = Number(process.env.E2E_PORT ?? 4319);
/** The tests build into their own folder (one per port), so a concurrent build cannot empty it under them. */
const OUT_DIR = `node_modules/.cache/refractory-e2e-dist-${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  // Two cores: one page at a time keeps the simulation worker's timing realistic.
  workers: 1,
  retries: 0,
  forbidOnly: isCi(),
  // A hang detector, not a speed limit: tests wait for states (tests/e2e/helpers.ts SIM_WAIT_MS),
  // and on a 2-core machine with one core busy a test may take several times its quiet duration.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1200, height: 900 },
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
