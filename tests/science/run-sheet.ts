/**
 * Shared runner for the behaviour tests (docs/model.md §7): simulate a sheet for some seconds with
 * the monitors attached (the one composition, src/model/runs/start-run.ts), and read summaries and
 * windows of the 100-ms series.
 *
 * The tests use a 48 × 48 sheet (2,304 cells) to stay fast. At side 32 the sheet is too small for
 * its connectivity (E axons σ = 0.3 mm on a 2-mm torus reach a quarter of it), so the healthy
 * network is already more synchronous there (χ ≈ 0.24); at 48 it matches the default 64 closely
 * (χ ≈ 0.16 vs 0.14). The figures at the default size are in the README.
 */
import { readFileSync } from 'node:fs';
import type { MonitorSummary, SeriesRecord } from '../../src/model/detect/monitors.ts';
import { defaultParams, withParams } from '../../src/model/params.ts';
import type { BrainLevel } from '../../src/model/pharmacology/pd.ts';
import type { PkSnapshot } from '../../src/model/pharmacology/pk.ts';
import type { Treatment as PatientTreatment } from '../../src/model/pharmacology/treatment.ts';
import { dosingOf, NO_DOSING, startRun } from '../../src/model/runs/start-run.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import type { Simulation, SimulationOptions } from '../../src/model/simulation.ts';
import { presetIntent } from '../../src/state/presets.ts';

export const TEST_SIDE = 48;

export interface SheetRun {
  summary: MonitorSummary;
  series: readonly SeriesRecord[];
  sim: Simulation;
}

/** Regimens as on the command line (e.g. "lamotrigine=200/12") and the patient-clock time at which the network runs. */
export interface Treatment extends PatientTreatment {
  /**
   * Drugs applied straight to the tissue at a brain concentration, bypassing the barrier, as in
   * a slice experiment.
   */
  bath?: readonly BrainLevel[];
}

export function runSheet(
  params: Readonly<Record<string, unknown>>,
  durationS: number,
  options: SimulationOptions = {},
  treatment?: Treatment,
): SheetRun & { patient: PkSnapshot | null } {
  const p = withParams(defaultParams(), { side: TEST_SIDE, ...params });
  const dosing = treatment ? { ...dosingOf(treatment), bath: treatment.bath } : NO_DOSING;
  const { sim, monitors, patient } = startRun(p, dosing, options);
  sim.advance(Math.round((durationS * 1000) / sim.dtMs), monitors);
  return { summary: monitors.summary(), series: monitors.series, sim, patient: treatment ? patient : null };
}

/** Mean E rate of the records with fromMs < tMs ≤ toMs (NaN when there are none). */
export function meanRateE(series: readonly SeriesRecord[], fromMs: number, toMs: number): number {
  let sum = 0;
  let n = 0;
  for (const r of series) {
    if (r.tMs > fromMs && r.tMs <= toMs) {
      sum += r.rateEHz;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Mean χ of the records with fromMs < tMs ≤ toMs. */
export function meanChi(series: readonly SeriesRecord[], fromMs: number, toMs: number): number {
  let sum = 0;
  let n = 0;
  for (const r of series) {
    if (r.tMs > fromMs && r.tMs <= toMs && !Number.isNaN(r.chi)) {
      sum += r.chi;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/**
 * A shipped scenario (public/scenarios/NAME.json) as a sheet and a treatment, so that the science
 * checks run the patient the app and the lessons show instead of a copy of its numbers.
 */
export function shippedScenario(name: string): { params: Readonly<Record<string, unknown>>; treatment: Treatment } {
  const file = new URL(`../../public/scenarios/${name}.json`, import.meta.url);
  const s = validateScenario(JSON.parse(readFileSync(file, 'utf8')), name);
  // Its overrides only (runSheet lays them over the defaults at the test's size); the treatment as
  // the app's presets read it.
  return { params: s.params, treatment: presetIntent(s).treatment };
}
