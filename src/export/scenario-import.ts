/**
 * Importing a scenario file into the page: the checks of src/model/scenario.ts (size, JSON,
 * fields, every parameter against the parameter table, regimens, patient-clock time), all
 * problems listed, and then the settings the page applies: every parameter from the defaults with
 * the file's overrides, and the file's whole treatment (as a preset loads).
 *
 * Nothing here touches the store: the page applies the result only when everything passed, so a
 * bad file leaves what the user had set as it was. Pure: no DOM.
 */
import type { Params } from '../model/params.ts';
import { DrugError } from '../model/pharmacology/regimen.ts';
import { parseTreatment, type Treatment } from '../model/pharmacology/treatment.ts';
import { parseScenarioText, SCENARIO_MAX_BYTES, type Scenario, ScenarioError } from '../model/scenario.ts';
import { presetIntent } from '../state/presets.ts';

export class ImportError extends Error {
  /** One line per problem. */
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'ImportError';
    this.problems = problems;
  }
}

export interface ImportedSettings {
  scenario: Scenario;
  params: Params;
  treatment: Treatment;
}

/** Checked before a file is read, from its size alone: null when it may be read. */
export function scenarioSizeProblem(bytes: number): string | null {
  if (bytes === 0) return 'the file is empty; a scenario file is a JSON object such as {"name": …, "params": {…}}';
  if (bytes > SCENARIO_MAX_BYTES) {
    return `the file is ${bytes} bytes; a scenario file may have at most ${SCENARIO_MAX_BYTES} bytes (a scenario is a few hundred)`;
  }
  return null;
}

/** The settings a scenario file's text asks for, or ImportError listing every problem. */
export function settingsFromScenarioText(text: string): ImportedSettings {
  let scenario: Scenario;
  try {
    scenario = parseScenarioText(text);
  } catch (error) {
    if (error instanceof ScenarioError) throw new ImportError(error.problems);
    throw error;
  }
  const { params, treatment } = presetIntent(scenario);
  try {
    // The store's own check of a treatment, before anything is applied.
    parseTreatment(treatment);
  } catch (error) {
    if (error instanceof DrugError) throw new ImportError([error.message]);
    throw error;
  }
  return { scenario, params, treatment };
}
