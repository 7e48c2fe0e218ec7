/**
 * Presets: the shipped scenarios as intents the app can load. A preset sets every parameter
 * (its overrides over the defaults) and the whole treatment (its drugs, its patient-clock time or
 * the default 72 h) in one go; whether the current intent still *is* a preset is derived, never
 * stored, so it cannot go stale.
 */
import { formatParamValue, PARAM_KEYS, type Params } from '../model/params.ts';
import { formatRegimen } from '../model/pharmacology/regimen.ts';
import { type Scenario, scenarioParams } from '../model/scenario.ts';
import { DEFAULT_AT_HOURS, type Treatment } from './store.ts';

export interface PresetIntent {
  params: Params;
  treatment: Treatment;
}

/** What loading the scenario asks for: parameters from the defaults, and its treatment. */
export function presetIntent(scenario: Scenario): PresetIntent {
  return {
    params: scenarioParams(scenario),
    treatment: { drugs: scenario.drugs.map(formatRegimen), atHours: scenario.atHours ?? DEFAULT_AT_HOURS },
  };
}

export function sameParams(a: Params, b: Params): boolean {
  return PARAM_KEYS.every((k) => formatParamValue(k, a[k]) === formatParamValue(k, b[k]));
}

export function sameTreatment(a: Treatment, b: Treatment): boolean {
  return a.atHours === b.atHours && a.drugs.length === b.drugs.length && a.drugs.every((d, i) => d === b.drugs[i]);
}

/** The first preset whose parameters and treatment equal the intent's, or null. */
export function matchingPreset(intent: PresetIntent, presets: readonly Scenario[]): Scenario | null {
  for (const scenario of presets) {
    const wanted = presetIntent(scenario);
    if (sameParams(intent.params, wanted.params) && sameTreatment(intent.treatment, wanted.treatment)) return scenario;
  }
  return null;
}

/** The docs/model.md §7 behaviour a scenario names first (for ordering a menu), or Infinity. */
function behaviourNumber(scenario: Scenario): number {
  const match = /behaviour (\d+)/.exec(scenario.demonstrates);
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

/** Scenarios in the order of the behaviours they demonstrate (healthy rest first), then by name. */
export function sortPresets(presets: readonly Scenario[]): Scenario[] {
  return [...presets].sort((a, b) => behaviourNumber(a) - behaviourNumber(b) || a.name.localeCompare(b.name));
}
