/**
 * What a command may touch: two output streams and where to find files. Passed in, so that the
 * tests run the command line in-process with captured streams and their own scenario folder.
 */
import { fileURLToPath } from 'node:url';

export interface OutStream {
  write(text: string): unknown;
  /** A terminal (progress bars are drawn only there). */
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliContext {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  /** Relative scenario paths resolve from here. */
  readonly cwd: string;
  /** Where `--scenario NAME` and `scenarios` look. */
  readonly scenarioDir: string;
}

/** The shipped scenarios, found from this file so that any working directory will do. */
export const SHIPPED_SCENARIO_DIR = fileURLToPath(new URL('../../public/scenarios/', import.meta.url));

export function processContext(): CliContext {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), scenarioDir: SHIPPED_SCENARIO_DIR };
}
