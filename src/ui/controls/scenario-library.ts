/**
 * The shipped scenarios (public/scenarios/*.json), bundled into the app at build time and checked
 * with the same validation as the command line. A file that fails is kept out of the menu and
 * named, with its problem, under it; the others still load.
 */
import { type Scenario, validateScenario } from '../../model/scenario.ts';
import { sortPresets } from '../../state/presets.ts';

export interface ScenarioLibrary {
  /** In menu order: by the behaviour they demonstrate. */
  scenarios: readonly Scenario[];
  /** One line per file left out. */
  problems: readonly string[];
}

const FILES: Record<string, unknown> = import.meta.glob('../../../public/scenarios/*.json', {
  eager: true,
  import: 'default',
});

function load(files: Record<string, unknown>): ScenarioLibrary {
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const file = path.slice(path.lastIndexOf('/') + 1);
    try {
      scenarios.push(validateScenario(content, file.replace(/\.json$/, '')));
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  return { scenarios: sortPresets(scenarios), problems };
}

export const SCENARIO_LIBRARY: ScenarioLibrary = load(FILES);
