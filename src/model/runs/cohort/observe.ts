/**
 * One observation of a virtual patient: the real network at the brain concentrations of a
 * treatment on the patient clock (the one composition, runs/start-run.ts, as the command line's
 * `run`), and what the seizure detector saw.
 */
import type { Params } from '../../params.ts';
import { type Dosing, startRun } from '../start-run.ts';

export interface Observation {
  /** Seizure-like events that began within the window (the detector's own count). */
  seizures: number;
  /** Fraction of the window in seizure. */
  seizureBurden: number;
  /** Mean pyramidal-cell rate over the window, Hz. */
  rateEHz: number;
  /** Unbound brain concentration of each drug of the treatment, µM, in the treatment's order. */
  brainUnboundUm: number[];
  /** P-gp at the barrier, fold over normal, after induction by inflammation and seizures. */
  pgpEffective: number;
}

/**
 * Simulate `windowS` seconds of the patient's sheet under the dosing (its `seizureBurden`: the
 * untreated burden that has induced P-gp). Deterministic: the same parameters (seed included) and
 * dosing give the same observation.
 */
export function observe(params: Params, windowS: number, dosing: Dosing): Observation {
  const { sim, monitors, patient } = startRun(params, dosing);
  sim.advance(Math.round((windowS * 1000) / sim.dtMs), monitors);
  const summary = monitors.summary();
  return {
    seizures: summary.seizures.length,
    seizureBurden: summary.seizureBurden,
    rateEHz: summary.rateHz.exc,
    brainUnboundUm: patient.drugs.map((d) => d.brainUnboundUm),
    pgpEffective: patient.pgpEffective,
  };
}
