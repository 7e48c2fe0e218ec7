#!/usr/bin/env node
/**
 * Runs the browser tests in the system Chromium. Browsers cannot be downloaded here
 * (`npx playwright install` does not work), so the tests use whatever Chromium is installed:
 * $CHROMIUM_PATH, else the usual Debian and Ubuntu paths.
 *
 * No browser: on a developer's machine the tests are skipped with a loud warning (exit 0); under
 * CI (any truthy CI: true, 1, yes; see ci.mjs) that is a failure, because CI must never pass
 * without having run them.
 * Arguments are passed on to `playwright test`.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { isCi } from './ci.mjs';

/**
 * Where to look, in order. E2E_BROWSER_CANDIDATES (paths separated by ':') replaces the usual
 * list; the test of this script uses it to see what happens when no browser is found.
 */
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  ...(process.env.E2E_BROWSER_CANDIDATES?.split(':') ?? [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
  ]),
].filter((path) => typeof path === 'string' && path.length > 0);

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const browser = CANDIDATES.find(isExecutableFile);
const inCi = isCi();

if (!browser) {
  const lines = [
    '',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    '!!  BROWSER TESTS WERE SKIPPED: no Chromium found.',
    `!!  Looked for: ${CANDIDATES.join(', ')}`,
    '!!  Install one (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH.',
    '!!  Nothing in the browser (worker, canvas, slider, determinism) was checked.',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    '',
  ];
  if (inCi) {
    console.error(lines.join('\n'));
    console.error(`CI=${process.env.CI}: failing, because CI must run the browser tests.`);
    process.exit(1);
  }
  console.warn(lines.join('\n'));
  process.exit(0);
}

const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser },
});
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  if (signal) {
    console.error(`playwright test ended by ${signal}`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
