/**
 * How every browser in this repository is launched (the Playwright tests, the browser benchmark,
 * scripts/look.mjs): the system Chromium (`npx playwright install` cannot download one here), or
 * $CHROMIUM_PATH, with the flags that keep a headless run quiet and self-contained.
 */
export const CHROMIUM_LAUNCH = {
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
};
