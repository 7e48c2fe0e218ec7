/**
 * Any truthy CI makes a missing browser fail the run (issue: only the exact string `CI=true` used
 * to, and `CI=1` skipped the browser tests silently).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isCi } from './e2e/ci.mjs';

describe('isCi', () => {
  it('takes every usual truthy spelling as CI', () => {
    for (const value of ['true', 'TRUE', '1', 'yes', 'Yes', 'on', 'github-actions']) {
      expect(isCi({ CI: value }), value).toBe(true);
    }
  });

  it('takes unset, empty and the usual falsy spellings as not CI', () => {
    expect(isCi({})).toBe(false);
    for (const value of ['', '0', 'false', 'False', 'no', 'off', ' 0 ']) {
      expect(isCi({ CI: value }), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('tests/e2e/run.mjs without a browser', () => {
  const run = (ci: string | undefined) => {
    const env: Record<string, string> = { ...process.env, E2E_BROWSER_CANDIDATES: '/nonexistent/chromium' } as Record<
      string,
      string
    >;
    delete env.CHROMIUM_PATH;
    if (ci === undefined) delete env.CI;
    else env.CI = ci;
    return spawnSync(process.execPath, ['tests/e2e/run.mjs'], { env, encoding: 'utf8', timeout: 60_000 });
  };

  it.each(['true', '1', 'yes'])('fails the run under CI=%s', (ci) => {
    const result = run(ci);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('BROWSER TESTS WERE SKIPPED');
    expect(result.stderr).toContain('failing, because CI must run the browser tests');
  });

  it.each([undefined, '0', 'false'])('warns loudly and passes outside CI (CI=%s)', (ci) => {
    const result = run(ci);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('BROWSER TESTS WERE SKIPPED');
  });
});
