/**
 * One observation of a virtual patient: the real network at the brain concentrations of a
 * treatment on the patient clock (the one composition, runs/start-run.ts, as the command line's
 * `run`), and what the seizure detector saw in the observation window.
 *
 * A run starts from the healthy sheet's ionic working state; a sheet with another balance takes
 * tens of seconds to reach its own, and on the way it may pass through one event that its own
 * state would not have produced (docs/model.md, "The observation window"). So the first
 * `settleS` seconds are not observed: the window is [settleS, settleS + observeS). Every event
 * that overlaps it counts — one that began in the settling time and goes on into the window, one
 * that begins in it, and one that begins in it but that the detector confirms only after it
 * closes: the run goes on for CONFIRM_MS past the window so that those are seen.
 */
import { SEIZURE_DISCHARGE_ONSET_WINDOW_MS, SEIZURE_PERSIST_MS, SEIZURE_RISE_WINDOW_MS } from '../../detect/seizure.ts';
import { seriesExtreme, seriesMean } from '../../detect/series.ts';
import type { Params } from '../../params.ts';
import { type Dosing, startRun } from '../start-run.ts';

/**
 * Past the window, the longest the detector takes to confirm an event that began inside it: an
 * event found by its discharges is dated to their start, 10 s before it is confirmed, and the
 * rate route needs 1 s, or up to its rise window (10 s) for a sheet that crossed the onset rate
 * from a high baseline (detect/seizure.ts). Both within 11 s.
 */
export const CONFIRM_MS = Math.max(SEIZURE_DISCHARGE_ONSET_WINDOW_MS, SEIZURE_RISE_WINDOW_MS) + SEIZURE_PERSIST_MS;

export interface ObservationWindow {
  /** Network seconds run before the window opens (not observed). */
  settleS: number;
  /** Length of the window, network seconds. */
  observeS: number;
}

export interface Observation {
  /** Seizure-like events that overlap the window. */
  seizures: number;
  /** Fraction of the window in seizure. */
  seizureBurden: number;
  /** Mean pyramidal-cell rate over the window, Hz. */
  rateEHz: number;
  /** Highest 1-s pyramidal-cell rate in the window, Hz (how close the sheet came to the ictal state). */
  peakRate1sHz: number;
  /** Mean synchrony χ over the window (null before the first whole second). */
  chiMean: number | null;
  /** Population discharges per second in the window (detect/discharges.ts). */
  dischargesPerS: number;
  /** Unbound brain concentration of each drug of the treatment, µM, in the treatment's order. */
  brainUnboundUm: number[];
  /** P-gp at the barrier, fold over normal, after induction by inflammation and seizures. */
  pgpEffective: number;
}

/**
 * Simulate the patient's sheet under the dosing (its `seizureBurden`: the untreated burden that
 * has induced P-gp) for the settling time, the window and the confirmation margin. Deterministic:
 * the same parameters (seed included), window and dosing give the same observation.
 */
export function observe(params: Params, span: ObservationWindow, dosing: Dosing): Observation {
  const { sim, monitors, patient } = startRun(params, dosing);
  const fromMs = span.settleS * 1000;
  const toMs = fromMs + span.observeS * 1000;
  sim.advance(Math.round((toMs + CONFIRM_MS) / sim.dtMs), monitors);
  const seizures = monitors.seizures.events.filter(
    (e) => e.onsetMs < toMs && (e.offsetMs === null || e.offsetMs > fromMs),
  ).length;
  const series = monitors.series;
  const rateEHz = seriesMean(series, fromMs, toMs, (r) => r.rateEHz) ?? 0;
  const peakRate1sHz = seriesExtreme(series, fromMs, toMs, (r) => r.rate1sHz, 1) ?? 0;
  const chiMean = seriesMean(series, fromMs, toMs, (r) => r.chi);
  let discharges = 0;
  for (const t of monitors.discharges.timesMs) if (t >= fromMs && t < toMs) discharges++;
  return {
    seizures,
    seizureBurden: monitors.seizures.timeInSeizureMs(toMs, fromMs) / (toMs - fromMs),
    rateEHz,
    peakRate1sHz,
    chiMean,
    dischargesPerS: discharges / span.observeS,
    brainUnboundUm: patient.drugs.map((d) => d.brainUnboundUm),
    pgpEffective: patient.pgpEffective,
  };
}
