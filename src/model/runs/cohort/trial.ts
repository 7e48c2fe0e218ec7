/**
 * One virtual patient through a sequence of drugs (the virtual trial of issue 5).
 *
 * 1. The mechanisms are drawn (population.ts) from the patient's own generator.
 * 2. Epilepsy: the E/I severity band is drawn, then a place in it, and the untreated sheet
 *    simulated; a patient is someone whose untreated sheet has a seizure-like event within the
 *    window. If it has none, the place in the band is drawn again from the same stream (the band's
 *    patients conditioned on having epilepsy), up to MAX_SEVERITY_DRAWS times; a patient who
 *    never seizes is counted apart, not treated.
 * 3. Each drug of the sequence in turn at its standard maintenance regimen (pharmacology/drugs.ts), on the
 *    patient clock at COHORT_AT_HOURS (steady state, just before a dose: the trough), through the
 *    patient's P-gp, weight, adherence and inflammation, with P-gp also induced by the untreated
 *    seizure burden. "Seizure-free" is the detector's own verdict: no seizure-like event begins
 *    in the window. The first drug that makes the patient seizure-free is kept; the sequence stops.
 *
 * Substitution or add-on (Kwan & Brodie 2000 counted both): `substitution` gives each drug alone
 * (the failed drug is withdrawn; most of Kwan & Brodie's second and third regimens were
 * monotherapies), `add-on` gives it on top of the ones before.
 *
 * The outcome depends only on (cohort seed, patient index, drug list, mode): the network seed and
 * every draw come from patientSeed(seed, index).
 */
import { defaultParams, type Params, withParams } from '../../params.ts';
import type { DrugName } from '../../pharmacology/drugs.ts';
import { type Regimen, standardRegimen } from '../../pharmacology/regimen.ts';
import { Rng } from '../../rng.ts';
import { observe } from './observe.ts';
import { drawGaba, drawSeverityBand, drawTraits, type PatientTraits, patientSeed } from './population.ts';

/**
 * Sheet side for cohort patients. The default 64 × 64 sheet runs about 2× real time on one core;
 * 24 × 24 (576 cells) runs about 10× (measured: `npm run sim -- run --set side=24 --duration-s 10`
 * 0.96 s, 32 × 32 1.7 s, 20 × 20 0.9 s). At 24 × 24 the mechanisms still act as at full size
 * (README, virtual trial): the sheet seizes below gaba ≈ 0.665; carbamazepine controls 0.66–0.68
 * and fails at 0.64, lamotrigine reaches 0.64 and valproate 0.58–0.60, none of them 0.55; scn1a
 * 0.5 seizes alone and carbamazepine worsens it (burden 0.49 → 0.74); inflammation 0.5 makes a
 * gaba 0.7 sheet seize and resist; a 0.5-mm lesion starts seizures in a gaba 0.7 sheet, which the
 * sodium-channel blockers control and valproate does not; P-gp 2.5× lowers brain phenytoin from
 * 4.1 to 2.6 µM and leaves carbamazepine unchanged. Its resting synchrony is higher (χ 0.29 vs
 * 0.12: fewer cells), still below the detector's 0.4.
 */
export const COHORT_SIDE = 24;
/**
 * Observation window, s. The detector needs 1 s of high rate and χ, and near threshold the first
 * event comes 4–7 s in (24 × 24, gaba 0.6–0.65); 10 s catches them at 1 s of wall time each.
 * Clinically "seizure-free" means a year (Kwan & Brodie 2000); here it means 10 s of network time.
 */
export const COHORT_WINDOW_S = 10;
/** Patient-clock time of each drug's observation: two weeks, steady state for all but phenytoin's slowest patients. */
export const COHORT_AT_HOURS = 336;
/** Severity draws before a patient whose sheet never seizes is counted apart. */
export const MAX_SEVERITY_DRAWS = 12;

export type TrialMode = 'substitution' | 'add-on';
export const TRIAL_MODES: readonly TrialMode[] = ['substitution', 'add-on'];

export interface DrugTrial {
  drug: DrugName;
  /** Seizure-like events that began in the window. */
  seizures: number;
  seizureBurden: number;
  /** Unbound brain concentration of this drug, µM. */
  brainUnboundUm: number;
  pgpEffective: number;
}

export interface PatientOutcome {
  index: number;
  /** The seed of the patient's draws and of its network. */
  seed: number;
  traits: PatientTraits;
  /** Severity draws made (the last one seized, unless `epileptic` is false). */
  severityDraws: number;
  epileptic: boolean;
  baselineSeizureBurden: number;
  /** The drugs tried, in order, until the first that made the patient seizure-free. */
  trials: DrugTrial[];
  /** Position in the sequence (0-based) of the drug that made the patient seizure-free; null: none. */
  seizureFreeOn: number | null;
}

export interface TrialSettings {
  side: number;
  windowS: number;
  atHours: number;
}

export const COHORT_SETTINGS: TrialSettings = { side: COHORT_SIDE, windowS: COHORT_WINDOW_S, atHours: COHORT_AT_HOURS };

export function patientParams(traits: PatientTraits, seed: number, side: number): Params {
  const { gaba, lesion, pgp, scn1a, inflammation, adherence, weightKg } = traits;
  return withParams(defaultParams(), { gaba, lesion, pgp, scn1a, inflammation, adherence, weightKg, side, seed });
}

/** The regimens of step `k` of the sequence. */
export function regimensAt(drugs: readonly DrugName[], k: number, mode: TrialMode): Regimen[] {
  return (mode === 'add-on' ? drugs.slice(0, k + 1) : [drugs[k]]).map((d) => standardRegimen(d));
}

export function runPatient(
  cohortSeed: number,
  index: number,
  drugs: readonly DrugName[],
  mode: TrialMode,
  settings: TrialSettings = COHORT_SETTINGS,
): PatientOutcome {
  const seed = patientSeed(cohortSeed, index);
  const rng = new Rng(seed);
  const mechanisms = drawTraits(rng);
  const band = drawSeverityBand(rng);
  let traits: PatientTraits = { ...mechanisms, gaba: drawGaba(rng, band) };
  let draws = 1;
  let params = patientParams(traits, seed, settings.side);
  let baseline = observe(params, settings.windowS, { regimens: [], atHours: settings.atHours, seizureBurden: 0 });
  while (baseline.seizures === 0 && draws < MAX_SEVERITY_DRAWS) {
    traits = { ...mechanisms, gaba: drawGaba(rng, band) };
    draws++;
    params = patientParams(traits, seed, settings.side);
    baseline = observe(params, settings.windowS, { regimens: [], atHours: settings.atHours, seizureBurden: 0 });
  }
  const outcome: PatientOutcome = {
    index,
    seed,
    traits,
    severityDraws: draws,
    epileptic: baseline.seizures > 0,
    baselineSeizureBurden: baseline.seizureBurden,
    trials: [],
    seizureFreeOn: null,
  };
  if (!outcome.epileptic) return outcome;
  for (let k = 0; k < drugs.length; k++) {
    const regimens = regimensAt(drugs, k, mode);
    const seen = observe(params, settings.windowS, {
      regimens,
      atHours: settings.atHours,
      seizureBurden: baseline.seizureBurden,
    });
    outcome.trials.push({
      drug: drugs[k],
      seizures: seen.seizures,
      seizureBurden: seen.seizureBurden,
      brainUnboundUm: seen.brainUnboundUm[regimens.length - 1],
      pgpEffective: seen.pgpEffective,
    });
    if (seen.seizures === 0) {
      outcome.seizureFreeOn = k;
      break;
    }
  }
  return outcome;
}
