/**
 * A treatment: the drug regimens (as the command line writes them) and the patient-clock time at
 * which the network runs. One check for every place that takes one — the store of user intent,
 * the live session behind the worker (whose messages are untyped at run time) — so they refuse
 * the same things with the same words.
 */
import { SCENARIO_AT_HOURS_MAX } from '../scenario.ts';
import { DrugError, firstRepeatedDrug, parseRegimen, type Regimen } from './regimen.ts';

export interface Treatment {
  /** Regimens such as "phenytoin=300/24" or "diazepam=10iv". */
  drugs: readonly string[];
  /** Patient-clock time (h) at which the network runs: 0…SCENARIO_AT_HOURS_MAX. */
  atHours: number;
}

/** Default patient-clock time: three days into the regimens (as `run --at-hours`). */
export const DEFAULT_AT_HOURS = 72;

export const NO_TREATMENT: Treatment = { drugs: [], atHours: DEFAULT_AT_HOURS };

/** The treatment's regimens, or DrugError naming what is wrong and what is allowed. */
export function parseTreatment(treatment: Treatment): Regimen[] {
  const t = treatment as unknown as { drugs?: unknown; atHours?: unknown };
  if (!Array.isArray(t.drugs) || !t.drugs.every((d) => typeof d === 'string')) {
    throw new DrugError('the treatment needs a list of regimens such as "phenytoin=300/24"');
  }
  const regimens = t.drugs.map((text: string) => parseRegimen(text));
  const repeated = firstRepeatedDrug(regimens);
  if (repeated !== null) {
    throw new DrugError(`${repeated} is listed twice; give each drug once, with one dose and schedule`);
  }
  const h = t.atHours;
  if (typeof h !== 'number' || !(Number.isFinite(h) && h >= 0 && h <= SCENARIO_AT_HOURS_MAX)) {
    throw new DrugError(`the patient-clock time must be 0…${SCENARIO_AT_HOURS_MAX} h, not ${String(h)}`);
  }
  return regimens;
}
