/**
 * Finding and reading scenario files for the command line. `--scenario NAME` looks in the
 * scenario folder (public/scenarios); anything ending in .json or holding a path separator is a
 * file. The checks themselves are src/model/scenario.ts, shared with the app.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import {
  parseScenarioText,
  SCENARIO_MAX_BYTES,
  SCENARIO_NAME_PATTERN,
  type Scenario,
  ScenarioError,
} from '../model/scenario.ts';
import type { CliContext } from './io.ts';

/** The names of the scenarios in the folder, sorted. */
export function scenarioNames(ctx: CliContext): string[] {
  let files: string[];
  try {
    files = readdirSync(ctx.scenarioDir);
  } catch {
    throw new ScenarioError(`cannot read the scenario folder ${ctx.scenarioDir}`);
  }
  return files
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

function readScenarioFile(path: string, shownAs: string, expectedName?: string): Scenario {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ScenarioError(`scenario ${shownAs} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError(
      code === 'ENOENT' ? `scenario file ${shownAs} does not exist` : `cannot read scenario file ${shownAs} (${code})`,
    );
  }
  // Checked before reading, so that a wrong path to a huge file costs nothing.
  if (size > SCENARIO_MAX_BYTES) {
    throw new ScenarioError(
      `scenario ${shownAs} is ${size} bytes; a scenario file may have at most ${SCENARIO_MAX_BYTES}`,
    );
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(`cannot read scenario file ${shownAs} (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return parseScenarioText(text, expectedName);
  } catch (error) {
    throw new ScenarioError(`scenario ${shownAs}: ${(error as Error).message}`);
  }
}

/** True when the reference names a file rather than a shipped scenario. */
export function isScenarioPath(ref: string): boolean {
  return ref.endsWith('.json') || ref.includes('/') || ref.includes('\\');
}

/** Load `--scenario NAME|FILE.json`. */
export function loadScenario(ref: string, ctx: CliContext): Scenario {
  if (isScenarioPath(ref)) {
    const path = isAbsolute(ref) ? ref : resolve(ctx.cwd, ref);
    return readScenarioFile(path, ref);
  }
  const names = scenarioNames(ctx);
  if (!SCENARIO_NAME_PATTERN.test(ref) || !names.includes(ref)) {
    throw new ScenarioError(
      `unknown scenario "${ref}"; available: ${names.join(', ') || '(none)'}, or a path to a .json file`,
    );
  }
  return readScenarioFile(join(ctx.scenarioDir, `${ref}.json`), `${ref}.json`, ref);
}

/** Every scenario in the folder; a malformed one is an error naming its file. */
export function loadAllScenarios(ctx: CliContext): Scenario[] {
  return scenarioNames(ctx).map((name) =>
    readScenarioFile(join(ctx.scenarioDir, `${name}.json`), basename(`${name}.json`), name),
  );
}
