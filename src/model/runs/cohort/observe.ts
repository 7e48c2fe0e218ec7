/**
 * One observation of a virtual patient: the real network (`Simulation` + `Monitors`, as the
 * command line's `run` does) at the brain concentrations of a treatment on the patient clock, and
 * what the seizure detector saw.
 */
import { Monitors } from '../../detect/monitors.ts';
import type { Params } from '../../params.ts';
import { networkDrugEffects } from '../../pharmacology/network-effects.ts';
import { pkAt, pkInputs } from '../../pharmacology/pk.ts';
import type { Regimen } from '../../pharmacology/regimen.ts';
import { Simulation } from '../../simulation.ts';

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

export interface Treatment {
  regimens: readonly Regimen[];
  /** Patient-clock time (h) at which the network runs. */
  atHours: number;
  /**
   * Untreated seizure burden (0…1) that induces P-gp on the patient clock (barrier.ts): seizures
   * themselves raise efflux (Bauer 2008), part of the vicious circle.
   */
  seizureBurden: number;
}

/**
 * Simulate `windowS` seconds of the patient's sheet under the treatment. Deterministic: the same
 * parameters (seed included) and treatment give the same observation.
 */
export function observe(params: Params, windowS: number, treatment: Treatment): Observation {
  const inputs = { ...pkInputs(params), seizureBurden: treatment.seizureBurden };
  const patient = pkAt(inputs, treatment.regimens, treatment.atHours);
  const sim = new Simulation(params, { drugs: networkDrugEffects(patient.drugs) });
  const monitors = new Monitors(sim);
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
