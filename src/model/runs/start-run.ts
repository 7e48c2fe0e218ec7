/**
 * The one composition (docs/architecture.md): parameters + a treatment on the patient clock → a
 * running Simulation with its Monitors. The command line (`run`, `bench`), the virtual trial, the
 * lessons, the live session and the tests start their networks here; nothing else builds the chain
 *
 *   regimens on the patient clock → plasma and brain levels at `atHours` (pharmacology/pk.ts)
 *     → what those levels do to the network (pharmacology/network-effects.ts)
 *     → Simulation (the drugs act from the first step, the warm start included) → Monitors.
 *
 * It has two halves for the callers that need to look between them: `patientAt` (the patient
 * clock: levels and P-gp) and `startRunWithDrugs` (the network at given drug effects).
 */
import { Monitors } from '../detect/monitors.ts';
import type { NetworkDrugEffects } from '../modifiers/drug-effects.ts';
import type { Params } from '../params.ts';
import { networkDrugEffects } from '../pharmacology/network-effects.ts';
import type { BrainLevel } from '../pharmacology/pd.ts';
import { type BurdenPiece, type PkSnapshot, pkAt, pkInputs } from '../pharmacology/pk.ts';
import type { Regimen } from '../pharmacology/regimen.ts';
import { DEFAULT_AT_HOURS, parseTreatment, type Treatment } from '../pharmacology/treatment.ts';
import { Simulation, type SimulationOptions } from '../simulation.ts';

/** What the patient takes, and when on the patient clock the network runs. */
export interface Dosing {
  /** Drug regimens from t = 0 on the patient clock. */
  regimens: readonly Regimen[];
  /** Patient-clock time (h) at which the network runs. */
  atHours: number;
  /**
   * Untreated seizure burden (0…1) that has induced P-gp on the patient clock (pharmacology/barrier.ts:
   * seizures themselves raise efflux, Bauer 2008); none when absent.
   */
  seizureBurden?: number;
  /** Seizure burden measured day by day after t = 0 (the vicious circle), which then holds instead. */
  seizureBurdenHistory?: readonly BurdenPiece[];
  /**
   * Drugs applied straight to the tissue at a brain concentration, bypassing the barrier, as in a
   * slice experiment; none when absent.
   */
  bath?: readonly BrainLevel[];
}

/** No drugs, at the default patient-clock time. */
export const NO_DOSING: Dosing = Object.freeze({ regimens: [], atHours: DEFAULT_AT_HOURS });

/** The dosing of a treatment as the store, the URL and scenario files write it (DrugError when it is bad). */
export function dosingOf(treatment: Treatment): Dosing {
  return { regimens: parseTreatment(treatment), atHours: treatment.atHours };
}

/** The patient at the dosing's time. */
export interface PatientNow {
  /** Plasma and brain levels of each regimen's drug, and P-gp. */
  patient: PkSnapshot;
  /** What the brain levels (and any bath) do to the network. */
  drugs: NetworkDrugEffects;
}

/** The patient clock's half of the chain: drug levels at `atHours`, and their effects on the network. */
export function patientAt(params: Params, dosing: Dosing): PatientNow {
  const inputs = {
    ...pkInputs(params),
    seizureBurden: dosing.seizureBurden ?? 0,
    seizureBurdenHistory: dosing.seizureBurdenHistory ?? [],
  };
  const patient = pkAt(inputs, dosing.regimens, dosing.atHours);
  const levels = dosing.bath === undefined ? patient.drugs : [...patient.drugs, ...dosing.bath];
  return { patient, drugs: networkDrugEffects(levels) };
}

/** A network built and watched. */
export interface NetworkRun {
  sim: Simulation;
  monitors: Monitors;
}

/** The network's half: a Simulation with these drug effects acting from t = 0, and its Monitors. */
export function startRunWithDrugs(
  params: Params,
  drugs: NetworkDrugEffects,
  options: Omit<SimulationOptions, 'drugs'> = {},
): NetworkRun {
  const sim = new Simulation(params, { ...options, drugs });
  return { sim, monitors: new Monitors(sim) };
}

/** A network at brain levels given directly (the vicious circle computes its own, day by day). */
export function startRunAtLevels(
  params: Params,
  levels: readonly BrainLevel[],
  options: Omit<SimulationOptions, 'drugs'> = {},
): NetworkRun {
  return startRunWithDrugs(params, networkDrugEffects(levels), options);
}

/** A running patient: the network, its monitors, and the patient clock it runs at. */
export interface PatientRun extends NetworkRun, PatientNow {}

/** Parameters + dosing → the network running at the dosing's brain levels, with its monitors. */
export function startRun(
  params: Params,
  dosing: Dosing = NO_DOSING,
  options: Omit<SimulationOptions, 'drugs'> = {},
): PatientRun {
  const now = patientAt(params, dosing);
  return { ...now, ...startRunWithDrugs(params, now.drugs, options) };
}
