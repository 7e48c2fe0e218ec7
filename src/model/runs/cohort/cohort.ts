/**
 * A virtual trial: what it asks for (validated where it enters, with messages that name what is
 * wrong and what is allowed), how its patients are split among workers, and running a share of
 * them. The command line and the browser's worker pool both use these.
 */
import { DRUGS, type DrugName, isDrugName } from '../../pharmacology/drugs.ts';
import { DrugError } from '../../pharmacology/regimen.ts';
import { isSeed, SEED_MAX } from '../../rng.ts';
import {
  type PatientOutcome,
  runPatient,
  TRIAL_MODES,
  type TrialMode,
  type TrialSettings,
  withObserveS,
} from './trial.ts';

/**
 * The drugs a trial can give: the maintenance antiseizure drugs of the table (an oral standard
 * regimen and a therapeutic range), and the placebo for a placebo arm. Benzodiazepines are acute
 * IV drugs, and bumetanide, tariquidar and celecoxib are research add-ons, not antiseizure drugs
 * of their own.
 */
export const TRIAL_DRUGS: readonly DrugName[] = (Object.keys(DRUGS) as DrugName[]).filter(
  (d) => DRUGS[d].placebo === true || (DRUGS[d].therapeuticMgL !== null && DRUGS[d].standardRegimen.everyH !== null),
);

/**
 * The default sequence: lamotrigine, the first choice for focal epilepsy (SANAD, Marson 2007),
 * then valproate, then carbamazepine (Kwan & Brodie 2000 mostly used carbamazepine, valproate
 * and lamotrigine): a sodium-channel blocker, the drug that raises GABA, then a second, weaker
 * sodium-channel blocker.
 */
export const DEFAULT_TRIAL_DRUGS: readonly DrugName[] = ['lamotrigine', 'valproate', 'carbamazepine'];
export const MIN_PATIENTS = 1;
/** A cohort larger than this would take hours on a laptop. */
export const MAX_PATIENTS = 2000;
export const DEFAULT_PATIENTS = 100;
export const DEFAULT_COHORT_SEED = 1;

export interface CohortSpec {
  seed: number;
  patients: number;
  drugs: DrugName[];
  mode: TrialMode;
  /** Observation window per patient and drug, network seconds (trial.ts, COHORT_OBSERVE_S). */
  observeS: number;
}

/** The trial settings of a spec: the cohort's sheet and settling time, the spec's window. */
export function settingsOf(spec: Pick<CohortSpec, 'observeS'>): TrialSettings {
  return withObserveS(spec.observeS);
}

/** A drug sequence written "a,b,c" (spaces allowed), or DrugError naming the problem. */
export function parseDrugSequence(text: string): DrugName[] {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (names.length === 0) {
    throw new DrugError(`the drug sequence is empty; give one or more of ${TRIAL_DRUGS.join(', ')}, comma-separated`);
  }
  return checkDrugSequence(names);
}

export function checkDrugSequence(names: readonly string[]): DrugName[] {
  if (names.length === 0) {
    throw new DrugError(`the drug sequence is empty; give one or more of ${TRIAL_DRUGS.join(', ')}`);
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (!isDrugName(name) || !TRIAL_DRUGS.includes(name)) {
      throw new DrugError(
        `"${name}" cannot be given in a trial; the trial's drugs are ${TRIAL_DRUGS.join(', ')}` +
          (isDrugName(name) ? ' (acute and research drugs have no maintenance regimen)' : ''),
      );
    }
    if (seen.has(name)) throw new DrugError(`${name} is listed twice in the sequence; give each drug once`);
    seen.add(name);
  }
  return [...names] as DrugName[];
}

/** The spec checked, or an error naming what is wrong and what is allowed. */
export function checkCohortSpec(spec: CohortSpec): CohortSpec {
  const { seed, patients, mode, observeS } = spec;
  if (!Number.isInteger(patients) || patients < MIN_PATIENTS || patients > MAX_PATIENTS) {
    throw new RangeError(`patients must be a whole number in ${MIN_PATIENTS}…${MAX_PATIENTS}, got ${patients}`);
  }
  if (!isSeed(seed)) {
    throw new RangeError(`the seed must be a whole number in 0…${SEED_MAX}, got ${seed}`);
  }
  if (!TRIAL_MODES.includes(mode)) throw new RangeError(`mode must be ${TRIAL_MODES.join(' or ')}, got ${mode}`);
  withObserveS(observeS);
  return { seed, patients, mode, observeS, drugs: checkDrugSequence(spec.drugs) };
}

/**
 * Patient indices of each of `workers` shares: contiguous runs of nearly equal size. Which
 * worker runs a patient changes nothing in its outcome.
 */
export function splitPatients(patients: number, workers: number): number[][] {
  const k = Math.max(1, Math.min(Math.floor(workers), patients));
  const shares: number[][] = [];
  let start = 0;
  for (let w = 0; w < k; w++) {
    const size = Math.floor(patients / k) + (w < patients % k ? 1 : 0);
    shares.push(Array.from({ length: size }, (_, i) => start + i));
    start += size;
  }
  return shares;
}

/** Run the given patients in order, reporting each outcome as it is known. */
export function runPatients(
  spec: Omit<CohortSpec, 'patients'>,
  indices: readonly number[],
  onPatient: (outcome: PatientOutcome) => void,
  settings: TrialSettings = settingsOf(spec),
): void {
  for (const index of indices) onPatient(runPatient(spec.seed, index, spec.drugs, spec.mode, settings));
}
