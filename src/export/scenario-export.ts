/**
 * The current settings as a scenario file (the format of src/model/scenario.ts), so that
 * `npm run sim -- run --scenario FILE.json` runs what the page ran: the parameters that differ
 * from the defaults (the seed among them), the drug schedule and its patient-clock time, and as
 * `durationS` the simulated time the page had run (same parameters and seed: the same spikes).
 *
 * When the settings are exactly a shipped preset, the file keeps the preset's name, description
 * and lesson; otherwise it is named "exported-settings", its description lists the settings in
 * words, and it claims no docs/model.md §7 behaviour. Pure: no DOM.
 */
import { changedKeys, defaultParams, formatParamValue, type Params } from '../model/params.ts';
import {
  SCENARIO_DURATION_MAX_S,
  SCENARIO_DURATION_MIN_S,
  SCENARIO_TEXT_MAX_CHARS,
  type Scenario,
  validateScenario,
} from '../model/scenario.ts';
import { matchingPreset } from '../state/presets.ts';
import type { Treatment } from '../state/store.ts';

export const EXPORTED_SCENARIO_NAME = 'exported-settings';
/** The run length written when nothing has run yet: the command line's usual minute. */
export const EXPORTED_DEFAULT_DURATION_S = 60;
const NO_LESSON = 'No docs/model.md §7 behaviour claimed: settings exported from the Refractory app';

/** A scenario file's JSON fields, in the order the shipped files write them. */
export interface ScenarioFile {
  name: string;
  description: string;
  params: Record<string, unknown>;
  drugs?: string[];
  atHours?: number;
  durationS: number;
  demonstrates: string;
}

/** The settings in words, as the command line writes them: "gaba=0.6, pgp=2; phenytoin=200/12 at 336 h". */
export function settingsText(params: Params, treatment: Treatment): string {
  const set = changedKeys(defaultParams(), params).map((k) => `${k}=${formatParamValue(k, params[k])}`);
  const parts = [set.length > 0 ? set.join(', ') : 'default parameters'];
  if (treatment.drugs.length > 0) parts.push(`${treatment.drugs.join(', ')} at ${treatment.atHours} h`);
  else parts.push('no drugs');
  return parts.join('; ');
}

/**
 * The run length for a scenario: the simulated seconds so far, rounded up to a tenth, kept inside
 * the scenario's range (EXPORTED_DEFAULT_DURATION_S before anything ran).
 */
export function exportDurationS(simulatedMs: number): number {
  if (!(simulatedMs > 0)) return EXPORTED_DEFAULT_DURATION_S;
  const tenths = Math.ceil(simulatedMs / 100 - 1e-9) / 10;
  return Math.min(SCENARIO_DURATION_MAX_S, Math.max(SCENARIO_DURATION_MIN_S, tenths));
}

function oneLine(text: string): string {
  return text.length <= SCENARIO_TEXT_MAX_CHARS ? text : `${text.slice(0, SCENARIO_TEXT_MAX_CHARS - 1)}…`;
}

/** The scenario file for these settings; `presets` are the shipped scenarios, to keep a preset's own texts. */
export function scenarioFile(
  params: Params,
  treatment: Treatment,
  durationS: number,
  presets: readonly Scenario[] = [],
): ScenarioFile {
  const defaults = defaultParams();
  const changed: Record<string, unknown> = {};
  for (const key of changedKeys(defaults, params)) {
    const value = params[key];
    changed[key] = key === 'lesion' && value ? { ...(value as object) } : value;
  }
  const preset = matchingPreset({ params, treatment }, presets);
  const file: ScenarioFile = {
    name: preset?.name ?? EXPORTED_SCENARIO_NAME,
    description:
      preset?.description ?? oneLine(`Settings exported from the Refractory app: ${settingsText(params, treatment)}.`),
    params: changed,
    ...(treatment.drugs.length > 0 ? { drugs: [...treatment.drugs] } : {}),
    atHours: treatment.atHours,
    durationS,
    demonstrates: preset?.demonstrates ?? NO_LESSON,
  };
  // Checked with the same validation every scenario file gets: what the page writes, it can read.
  validateScenario(file);
  return file;
}

/** The file's text: two-space JSON with a final newline, as the shipped scenarios. */
export function scenarioFileText(file: ScenarioFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
