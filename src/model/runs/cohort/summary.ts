/**
 * From the patients' outcomes to the trial's figures: the cumulative fraction seizure-free after
 * each drug, next to the clinical figures and the distance from them, the refractory fraction,
 * and who stayed refractory, mechanism by mechanism (the teaching point).
 */

import { medianOf } from '../../detect/seizure-report.ts';
import { DRUGS, type DrugName } from '../../pharmacology/drugs.ts';
import {
  CLINICAL_REFRACTORY,
  CLINICAL_SERIES,
  CLINICAL_SOURCE,
  type ClinicalSeries,
  clinicalCumulative,
  wilsonInterval,
} from './clinical.ts';
import { type PatientTraits, SEVERITY_BANDS } from './population.ts';
import {
  dischargesWithoutEvent,
  type PatientOutcome,
  SEIZURE_FREE_MAX_DISCHARGES_PER_S,
  type TrialMode,
  type TrialSettings,
} from './trial.ts';

/**
 * A "severe" K⁺ buffering deficit for the breakdown: `kClearance` at or below this, the lower
 * third of the trial's severity range (population.ts; 0.37 for 0.20–0.70, as for 0.20–0.72), so that the line
 * follows the range.
 */
const SEVERITY_MIN = Math.min(...SEVERITY_BANDS.map((b) => b.min));
const SEVERITY_MAX = Math.max(...SEVERITY_BANDS.map((b) => b.max));
export const SEVERE_K_CLEARANCE = Math.round((SEVERITY_MIN + (SEVERITY_MAX - SEVERITY_MIN) / 3) * 100) / 100;
/** Adherence below this counts as non-adherent (medication possession ratio < 0.8; Faught 2008). */
export const NON_ADHERENT_BELOW = 0.8;

export interface Mechanism {
  key: 'pgpHigh' | 'dravet' | 'lesion' | 'inflamed' | 'severeK' | 'nonAdherent';
  label: string;
  has(traits: PatientTraits): boolean;
}

export const MECHANISMS: readonly Mechanism[] = [
  {
    key: 'severeK',
    label: `severe K⁺ buffering deficit (kClearance ≤ ${SEVERE_K_CLEARANCE})`,
    has: (t) => t.kClearance <= SEVERE_K_CLEARANCE,
  },
  { key: 'lesion', label: 'structural lesion', has: (t) => t.lesion !== null },
  { key: 'inflamed', label: 'brain inflammation', has: (t) => t.inflammation > 0 },
  { key: 'pgpHigh', label: 'high P-gp at the barrier', has: (t) => t.pgpHigh },
  { key: 'dravet', label: 'SCN1A loss (Dravet-like)', has: (t) => t.dravet },
  {
    key: 'nonAdherent',
    label: `non-adherent (doses taken < ${NON_ADHERENT_BELOW})`,
    has: (t) => t.adherence < NON_ADHERENT_BELOW,
  },
];

export interface MechanismRow {
  key: Mechanism['key'];
  label: string;
  /** Share of all patients (with epilepsy) who have it. */
  cohortShare: number;
  /** Share of the refractory patients who have it. */
  refractoryShare: number;
  /** Share of those who became seizure-free who have it. */
  seizureFreeShare: number;
  /** Of the patients who have it, the share who stayed refractory (null when nobody has it). */
  refractoryRate: number | null;
}

export interface CohortSummary {
  seed: number;
  /** Patients drawn. */
  patients: number;
  /** Patients whose untreated sheet seized: the denominator of every fraction. */
  withEpilepsy: number;
  /** Patients whose sheet never seized in any severity draw (not treated, not counted). */
  withoutEpilepsy: number;
  drugs: DrugName[];
  mode: TrialMode;
  settings: TrialSettings;
  /** After each drug of the sequence, the fraction seizure-free so far (non-decreasing). */
  cumulativeSeizureFree: number[];
  /** Its binomial 95 % interval (Wilson), per drug. */
  cumulativeInterval: Interval[];
  /** Patients seizure-free so far after each drug (the numerator of cumulativeSeizureFree). */
  cumulativeCount: number[];
  /** The fraction who became seizure-free on each drug. */
  newlySeizureFree: number[];
  /** Of those who took each drug, the fraction whose seizure burden it raised (by more than 0.05). */
  worsenedBy: number[];
  /**
   * Per drug, how the seizures of the patients it made worse (worsenedBy) changed against their
   * untreated window: `weaker`, how many had a highest 1-s rate at most WEAKER_PEAK_FRACTION of the
   * untreated one; `longer`, how many spent at least LONGER_EVENT_FACTOR times as long in seizure
   * per event. On the trial's sheets a sodium-channel blocker that fails turns short, strong events
   * into weaker ones that last longer, so the time in seizure rises although each event is milder
   * (README, virtual trial): the panel says which.
   */
  worsenedHow: WorsenedHow[];
  /**
   * Per drug, the mean pyramidal rate over the windows of the patients who became seizure-free on
   * it (Hz; null when none did): how far from rest a seizure-free patch sits.
   */
  seizureFreeRateEHz: (RateRange | null)[];
  /**
   * Per drug, the population discharges a second over the same windows (null when none): how far
   * below the seizure-free line (trial.ts, SEIZURE_FREE_MAX_DISCHARGES_PER_S) a seizure-free patch sits.
   */
  seizureFreeDischargesPerS: (RateRange | null)[];
  /**
   * Per drug, the patients who took it and had no seizure-like event in its window but discharged
   * continuously (more than SEIZURE_FREE_MAX_DISCHARGES_PER_S a second): not seizure-free, and
   * said apart because the detector alone would have called them so.
   */
  dischargingWithoutEvent: number[];
  /** The same rate over the untreated windows of every patient with epilepsy (their seizures included). */
  untreatedRateEHz: RateRange | null;
  clinical: {
    source: string;
    cumulativeSeizureFree: (number | null)[];
    /** Null when the sequence has a placebo in it. */
    refractory: number | null;
    /** Each clinical series, for the comparison beside the interval. */
    series: readonly ClinicalSeries[];
  };
  /** Per drug: whether the clinical reference lies inside the cohort's 95 % interval (null: no figure). */
  clinicalInInterval: (boolean | null)[];
  /** Model minus clinical, percentage points, per drug (null where there is no clinical figure). */
  distancePp: (number | null)[];
  /** Not seizure-free after the whole sequence. */
  refractoryFraction: number;
  refractoryInterval: Interval;
  /** Null when the sequence has a placebo in it (no clinical comparison). */
  refractoryDistancePp: number | null;
  mechanisms: MechanismRow[];
}

export interface WorsenedHow {
  /** Patients the drug made worse (the numerator of worsenedBy). */
  patients: number;
  /** Of them, with events weaker than untreated (highest 1-s rate ≤ WEAKER_PEAK_FRACTION of it). */
  weaker: number;
  /** Of them, with more time in seizure per event than untreated (≥ LONGER_EVENT_FACTOR times). */
  longer: number;
}

export interface Interval {
  low: number;
  high: number;
}

export interface RateRange {
  min: number;
  median: number;
  max: number;
}

/**
 * What the drugs that raised the time in seizure did to the seizures, in words (the command line
 * and the app both write it so); null when no drug raised it. Each clause is computed from the
 * counts; the closing sentence appears only when most of those patients had weaker and longer events.
 */
export function worsenedText(s: Pick<CohortSummary, 'drugs' | 'worsenedBy' | 'worsenedHow'>): string | null {
  const clauses = s.drugs.flatMap((d, k) => {
    const how = s.worsenedHow[k];
    if (how.patients === 0) return [];
    const who = how.patients === 1 ? '1 patient' : `${how.patients} patients`;
    return [
      `${(100 * s.worsenedBy[k]).toFixed(1)} % of those who took ${d} (${who}: the events were weaker than untreated in ${how.weaker}, each lasted longer in ${how.longer})`,
    ];
  });
  if (clauses.length === 0) return null;
  const list =
    clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join(', ')} and ${clauses[clauses.length - 1]}`;
  const total = s.worsenedHow.reduce((n, h) => n + h.patients, 0);
  const weaker = s.worsenedHow.reduce((n, h) => n + h.weaker, 0);
  const longer = s.worsenedHow.reduce((n, h) => n + h.longer, 0);
  const milder =
    2 * weaker > total && 2 * longer > total
      ? ` Most of them had weaker seizures (a highest 1-s rate at least ${Math.round(100 * (1 - WEAKER_PEAK_FRACTION))} % lower) that lasted longer (at least ${Math.round(100 * (LONGER_EVENT_FACTOR - 1))} % more time in seizure each): more time in seizure, but each milder.`
      : '';
  return `Time in seizure rose by more than ${Math.round(100 * WORSENED_BY)} points of the window in ${list}.${milder}`;
}

/**
 * The patients a drug left without an event but discharging continuously, and how often the
 * seizure-free patches discharged, in words (the command line and the app both write it so); null
 * when no drug left anyone so. Computed from the counts and ranges of the summary.
 */
export function dischargingText(
  s: Pick<CohortSummary, 'drugs' | 'dischargingWithoutEvent' | 'seizureFreeDischargesPerS'>,
): string | null {
  const clauses = s.drugs.flatMap((d, k) => {
    const n = s.dischargingWithoutEvent[k];
    return n === 0 ? [] : [`${n === 1 ? '1 patient' : `${n} patients`} on ${d}`];
  });
  if (clauses.length === 0) return null;
  const list =
    clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join(', ')} and ${clauses[clauses.length - 1]}`;
  const free = s.drugs.flatMap((d, k) => {
    const r = s.seizureFreeDischargesPerS[k];
    return r === null
      ? []
      : [`${r.median.toFixed(2)} times a second (${r.min.toFixed(2)}–${r.max.toFixed(2)}) on ${d}`];
  });
  const calm = free.length === 0 ? '' : ` The seizure-free patches discharged ${free.join(', ')}.`;
  return (
    `Not counted as seizure-free: ${list} had no seizure-like event, but the sheet discharged more than ` +
    `${SEIZURE_FREE_MAX_DISCHARGES_PER_S === 1 ? 'once' : `${SEIZURE_FREE_MAX_DISCHARGES_PER_S} times`} a second over the window ` +
    `(an EEG would read the ictal–interictal continuum or worse).${calm}`
  );
}

/** "14.1 Hz (10.8–16.9)": the median, then the range; the command line and the app both write it so. */
export function rateRangeText(r: RateRange): string {
  return `${r.median.toFixed(1)} Hz (${r.min.toFixed(1)}–${r.max.toFixed(1)})`;
}

function rateRange(rates: readonly number[]): RateRange | null {
  const median = medianOf(rates);
  return median === null ? null : { min: Math.min(...rates), median, max: Math.max(...rates) };
}

const WORSENED_BY = 0.05;
/**
 * "Weaker": the drug window's highest 1-s rate at most 0.8 of the untreated window's. A sheet's
 * untreated events recur at much the same strength (`run --set side=32 --set kClearance=0.3 --seed
 * 5 --at-hours 336 --duration-s 200`: 50.1, 51.7 and 52.2 Hz during its three events), so a fifth
 * less is a change, not noise; on lamotrigine the same sheet's events ran at 27.8–30.5 Hz.
 */
export const WEAKER_PEAK_FRACTION = 0.8;
/**
 * "Longer": at least 1.25 times the untreated window's time in seizure per event. Events cut by a
 * window's edges count only their part inside it, in both windows alike. On the sheet above the
 * untreated events lasted 20.3–20.7 s each and lamotrigine's 36.0–40.6 s.
 */
export const LONGER_EVENT_FACTOR = 1.25;

/** Time in seizure per event in a window, in window fractions (0 with no event). */
function perEvent(burden: number, events: number): number {
  return events > 0 ? burden / events : 0;
}

function share(group: readonly PatientOutcome[], m: Mechanism): number {
  if (group.length === 0) return 0;
  let n = 0;
  for (const o of group) if (m.has(o.traits)) n++;
  return n / group.length;
}

const pp = (a: number, b: number): number => Math.round(1000 * (a - b)) / 10;

/** The figures of a cohort; `outcomes` in any order (they are sorted by index). */
export function summarize(
  seed: number,
  drugs: readonly DrugName[],
  mode: TrialMode,
  settings: TrialSettings,
  outcomes: readonly PatientOutcome[],
): CohortSummary {
  const sorted = [...outcomes].sort((a, b) => a.index - b.index);
  const ill = sorted.filter((o) => o.epileptic);
  const n = ill.length;
  const newly = drugs.map((_, k) => (n === 0 ? 0 : ill.filter((o) => o.seizureFreeOn === k).length / n));
  // From counts, so that the figures are exactly non-decreasing.
  const cumulativeCount = drugs.map(
    (_, k) => ill.filter((o) => o.seizureFreeOn !== null && o.seizureFreeOn <= k).length,
  );
  const cumulative = cumulativeCount.map((c) => (n === 0 ? 0 : c / n));
  const cumulativeInterval = cumulativeCount.map((c) => wilsonInterval(c, n));
  // Made worse by the k-th drug: it raised the time in seizure over the untreated window's.
  const madeWorse = (k: number) =>
    ill.filter((o) => o.trials.length > k && o.trials[k].seizureBurden > o.baselineSeizureBurden + WORSENED_BY);
  const worsenedBy = drugs.map((_, k) => {
    const took = ill.filter((o) => o.trials.length > k).length;
    return took === 0 ? 0 : madeWorse(k).length / took;
  });
  const worsenedHow = drugs.map((_, k): WorsenedHow => {
    const worse = madeWorse(k);
    return {
      patients: worse.length,
      weaker: worse.filter((o) => o.trials[k].peakRate1sHz <= WEAKER_PEAK_FRACTION * o.baselinePeakRate1sHz).length,
      longer: worse.filter(
        (o) =>
          perEvent(o.trials[k].seizureBurden, o.trials[k].seizures) >=
          LONGER_EVENT_FACTOR * perEvent(o.baselineSeizureBurden, o.baselineSeizures),
      ).length,
    };
  });
  // The windows of the patients who became seizure-free on each drug.
  const freeWindows = drugs.map((_, k) => ill.filter((o) => o.seizureFreeOn === k).map((o) => o.trials[k]));
  const seizureFreeRateEHz = freeWindows.map((ws) => rateRange(ws.map((w) => w.rateEHz)));
  const seizureFreeDischargesPerS = freeWindows.map((ws) => rateRange(ws.map((w) => w.dischargesPerS)));
  const dischargingWithoutEvent = drugs.map(
    (_, k) => ill.filter((o) => o.trials.length > k && dischargesWithoutEvent(o.trials[k])).length,
  );
  const refractory = ill.filter((o) => o.seizureFreeOn === null);
  const free = ill.filter((o) => o.seizureFreeOn !== null);
  // A sequence with a placebo in it is not a treatment sequence the clinic reports: no comparison.
  const withPlacebo = drugs.some((d) => DRUGS[d].placebo === true);
  const clinical = drugs.map((_, k) => (withPlacebo ? null : clinicalCumulative(k)));
  const refractoryFraction = n === 0 ? 0 : refractory.length / n;
  return {
    seed,
    patients: sorted.length,
    withEpilepsy: n,
    withoutEpilepsy: sorted.length - n,
    drugs: [...drugs],
    mode,
    settings,
    cumulativeSeizureFree: cumulative,
    cumulativeInterval,
    cumulativeCount,
    newlySeizureFree: newly,
    worsenedBy,
    worsenedHow,
    seizureFreeRateEHz,
    seizureFreeDischargesPerS,
    dischargingWithoutEvent,
    untreatedRateEHz: rateRange(ill.map((o) => o.baselineRateEHz)),
    clinical: {
      source: CLINICAL_SOURCE,
      cumulativeSeizureFree: clinical,
      refractory: withPlacebo ? null : CLINICAL_REFRACTORY,
      series: CLINICAL_SERIES,
    },
    clinicalInInterval: clinical.map((c, k) =>
      c === null ? null : c >= cumulativeInterval[k].low && c <= cumulativeInterval[k].high,
    ),
    distancePp: cumulative.map((c, k) => {
      const ref = clinical[k];
      return ref === null ? null : pp(c, ref);
    }),
    refractoryFraction,
    refractoryInterval: wilsonInterval(refractory.length, n),
    refractoryDistancePp: withPlacebo ? null : pp(refractoryFraction, CLINICAL_REFRACTORY),
    mechanisms: MECHANISMS.map((m) => {
      const withIt = ill.filter((o) => m.has(o.traits));
      return {
        key: m.key,
        label: m.label,
        cohortShare: share(ill, m),
        refractoryShare: share(refractory, m),
        seizureFreeShare: share(free, m),
        refractoryRate:
          withIt.length === 0 ? null : withIt.filter((o) => o.seizureFreeOn === null).length / withIt.length,
      };
    }),
  };
}
