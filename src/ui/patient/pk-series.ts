/**
 * The drug levels the patient panel shows, computed from the user's intent and memoised by value:
 * the concentration–time series for the chart, and the levels at the patient-clock time for the
 * summary. Pure (no DOM); runs in Node for the tests.
 *
 * Two precisions, on purpose:
 * - the levels at the cursor come from `pkAt` with its default step, the very call the engine
 *   makes (src/model/runs/live/session.ts), so the panel's numbers are the network's numbers;
 * - the chart integrates with a coarser step fitted to the fastest process of its drugs (see
 *   chartSampling), because a 60-day series at the engine's 0.02-h step costs ~90 ms for four
 *   drugs and the chart is redrawn whenever the treatment changes. The error stays below 0.1 % of
 *   the peak (tests/ui/pk-chart-model.test.ts), under a pixel at any size the chart is drawn.
 */
import { DRUGS, type DrugName } from '../../model/pharmacology/drugs.ts';
import {
  DEFAULT_MAX_STEP_H,
  type PkInputs,
  type PkSeries,
  type PkSnapshot,
  pkAt,
  simulatePk,
} from '../../model/pharmacology/pk.ts';
import { parseRegimen, type Regimen } from '../../model/pharmacology/regimen.ts';
import { AT_HOURS_MAX } from '../../model/pharmacology/treatment.ts';

/** One week: every oral drug here but phenobarbital is near its steady state by then. */
export const WEEK_H = 168;
/**
 * The horizons the chart steps through (h). The chart shows the smallest one that holds twice the
 * patient-clock time, so the cursor sits in the first half with the future after it in view, and
 * the axis changes only at these steps, not with every move of the cursor. The last is the
 * patient clock's own limit (a year), so the cursor is always on the chart.
 */
export const CHART_HORIZONS_H: readonly number[] = [12, 24, 48, 72, WEEK_H, 336, 672, 1344, 2688, 5376, AT_HOURS_MAX];
/**
 * An IV bolus is shown until about five half-lives, when 97 % of it is gone (2⁻⁵ = 3 %), so a
 * short-acting drug given once is not squeezed into the first pixels of a week.
 */
const IV_HALF_LIVES_SHOWN = 5;
/** About this many samples across the chart: more than the widest plot has pixels. */
const TARGET_SAMPLES = 600;
/** At least this many samples per dosing interval, so the peaks and troughs between doses show without aliasing. */
const SAMPLES_PER_DOSE_INTERVAL = 8;
/** At most this many samples (a year of 2-hourly samples): enough for any plot width. */
const MAX_SAMPLES = 4500;
/**
 * The chart's integration step is 1 / (fastest rate constant of its drugs): RK4 at h·k = 1
 * stays within 0.07 % of the engine's step on every drug of the table (the test checks 0.1 %).
 */
const STEP_RATE_PRODUCT = 1;
/** Cached series and levels: a few, so that toggling a setting back and forth costs nothing. */
const MEMO_ENTRIES = 4;

/** Treatment texts as the store keeps them, parsed (they were validated when stored). */
export function parseTreatmentDrugs(drugs: readonly string[]): Regimen[] {
  return drugs.map((text) => parseRegimen(text));
}

/** The chart's time span (h) for these regimens with the cursor at `atHours`. */
export function chartHorizonH(regimens: readonly Regimen[], atHours: number): number {
  const floorH = regimens.some((r) => r.route === 'oral') || regimens.length === 0 ? WEEK_H : ivFloorH(regimens);
  const wantedH = Math.max(floorH, 2 * atHours);
  return CHART_HORIZONS_H.find((h) => h >= wantedH - 1e-9) ?? CHART_HORIZONS_H[CHART_HORIZONS_H.length - 1];
}

function ivFloorH(regimens: readonly Regimen[]): number {
  let longestHalfLifeH = 0;
  for (const r of regimens) longestHalfLifeH = Math.max(longestHalfLifeH, DRUGS[r.drug].halfLifeH);
  return Math.min(WEEK_H, IV_HALF_LIVES_SHOWN * longestHalfLifeH);
}

/** The fastest first-order process of a drug, 1/h: absorption, brain entry or elimination. */
export function fastestRatePerH(drug: DrugName): number {
  const d = DRUGS[drug];
  // Saturable elimination is fastest at low levels, where it is linear: Vmax / (Km · V).
  const eliminationPerH = d.saturable
    ? d.saturable.vmaxMgPerKgPerDay / 24 / (d.saturable.kmMgL * d.volumeLPerKg)
    : Math.LN2 / d.halfLifeH;
  return Math.max(d.kaPerH, d.kInPerH, eliminationPerH);
}

export interface ChartSampling {
  /** Between samples, h. */
  stepH: number;
  /** Largest integration step, h. */
  maxStepH: number;
}

export function chartSampling(regimens: readonly Regimen[], horizonH: number): ChartSampling {
  let shortestIntervalH = Number.POSITIVE_INFINITY;
  let fastest = 0;
  for (const r of regimens) {
    if (r.route === 'oral') shortestIntervalH = Math.min(shortestIntervalH, r.everyH);
    fastest = Math.max(fastest, fastestRatePerH(r.drug));
  }
  const stepH = Math.max(
    Math.min(horizonH / TARGET_SAMPLES, shortestIntervalH / SAMPLES_PER_DOSE_INTERVAL),
    horizonH / MAX_SAMPLES,
  );
  const maxStepH = fastest > 0 ? Math.max(DEFAULT_MAX_STEP_H, STEP_RATE_PRODUCT / fastest) : DEFAULT_MAX_STEP_H;
  return { stepH, maxStepH };
}

export interface ChartSeries {
  /** The values it was computed for: drugs, inputs and horizon. */
  key: string;
  horizonH: number;
  sampling: ChartSampling;
  series: PkSeries;
  /** Wall time of simulatePk, ms (performance.now()). */
  computeMs: number;
}

function inputsKey(drugs: readonly string[], inputs: PkInputs): string {
  const { pgp, penetration, adherence, weightKg, inflammation, seed } = inputs;
  return `${drugs.join(';')}|${pgp}|${penetration}|${adherence}|${weightKg}|${inflammation}|${seed}|${inputs.seizureBurden ?? 0}`;
}

/** A small least-recently-used cache. */
class Lru<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly size: number) {}

  get(key: string, make: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const value = make();
    this.entries.set(key, value);
    if (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}

/**
 * The panel's drug levels, recomputed only when the values they depend on change: the same
 * drugs, PK inputs and horizon (or time) give back the very same object.
 */
export class PatientPk {
  private readonly seriesCache = new Lru<ChartSeries>(MEMO_ENTRIES);
  private readonly levelsCache = new Lru<PkSnapshot>(MEMO_ENTRIES);

  /** The chart's series of the regimens `drugs` (canonical texts) from 0 to `horizonH`. */
  series(drugs: readonly string[], inputs: PkInputs, horizonH: number): ChartSeries {
    const key = `${inputsKey(drugs, inputs)}|${horizonH}`;
    return this.seriesCache.get(key, () => {
      const regimens = parseTreatmentDrugs(drugs);
      const sampling = chartSampling(regimens, horizonH);
      const startMs = performance.now();
      const series = simulatePk(inputs, regimens, horizonH, sampling.stepH, { maxStepH: sampling.maxStepH });
      const computeMs = performance.now() - startMs;
      return { key, horizonH, sampling, series, computeMs };
    });
  }

  /** The levels at `atHours`, exactly as the engine computes them for the network. */
  levelsAt(drugs: readonly string[], inputs: PkInputs, atHours: number): PkSnapshot {
    const key = `${inputsKey(drugs, inputs)}|${atHours}`;
    return this.levelsCache.get(key, () => pkAt(inputs, parseTreatmentDrugs(drugs), atHours));
  }
}
