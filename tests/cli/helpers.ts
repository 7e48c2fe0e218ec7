/** Running the command line in-process with captured streams, or as a real process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CliContext, OutStream } from '../../src/cli/io.ts';
import { SHIPPED_SCENARIO_DIR } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export class CapturedStream implements OutStream {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns = 80,
  ) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  argv: readonly string[],
  options: { scenarioDir?: string; cwd?: string; stderrTTY?: boolean } = {},
): CliResult {
  const stdout = new CapturedStream();
  const stderr = new CapturedStream(options.stderrTTY ?? false);
  const ctx: CliContext = {
    stdout,
    stderr,
    cwd: options.cwd ?? REPO_ROOT,
    scenarioDir: options.scenarioDir ?? SHIPPED_SCENARIO_DIR,
  };
  const status = main(argv, ctx);
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/** The real program, as `npm run sim` starts it (tsx), for what only a process shows. */
export function spawnCli(argv: readonly string[]): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // A hang detector: a loaded 2-core machine may take several times the quiet duration.
    timeout: 300_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Bad input: status 2, nothing on stdout, one line on stderr matching `pattern`, no stack trace. */
export function expectOneLineError(r: CliResult, pattern: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  expect(r.stderr).toMatch(pattern);
}
