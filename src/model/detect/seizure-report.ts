/**
 * What each seizure-like event looked like (issue 12; docs/model.md §7 behaviour 4), from the monitors'
 * 100-ms records and the discharges they counted: the figures a clinician or a test asks of an
 * event — how much faster the pyramidal cells fired than before it, how synchronous it was, how
 * high K⁺o and [Na⁺]i went, whether its discharges slowed towards the end, what came after it,
 * and where it started and how fast it spread (from the K⁺ tiles' recruitment, recruitment.ts).
 */
import type { SeizureEvent } from './seizure.ts';
import { seriesExtreme as extreme, seriesMean as mean, type SeriesRecord } from './series.ts';

/** The window before an event its E rate is compared with (issue 12: the 10 s before). */
export const REPORT_BEFORE_MS = 10_000;
/** The window after an event in which post-ictal depression is measured (issue 12: 5 s). */
export const REPORT_AFTER_MS = 5_000;
/** The window after an event in which the K⁺o undershoot is looked for. */
export const REPORT_UNDERSHOOT_MS = 30_000;

export interface SeizureReport {
  onsetS: number;
  /** null: still going when the run ended. */
  offsetS: number | null;
  /** The event ended before the run did (the detector saw the rate fall). */
  endedByItself: boolean;
  durationS: number;
  /** Mean E rate in the 10 s before onset (or as much of it as the run has; null at t = 0). */
  rateBeforeHz: number | null;
  /**
   * How many seconds that mean covers: 10, or less for an event that began less than 10 s into
   * the run. A sheet pushed far past its threshold seizes within seconds of the start; the rate
   * before such a first event is the climb the push started, not an interictal baseline.
   */
  rateBeforeWindowS: number;
  rateDuringHz: number;
  /** Mean E rate in the 5 s after offset (null if the event had not ended or the run stopped sooner). */
  rateAfterHz: number | null;
  /** Mean synchrony χ during the event, and in its first and last thirds. */
  chiDuring: number | null;
  chiFirstThird: number | null;
  chiLastThird: number | null;
  /** Highest K⁺o of any tile during the event. */
  koPeakMm: number;
  /** Mean K⁺o over tiles in the 10 s before onset, and its lowest value in the 30 s after offset. */
  koBeforeMm: number | null;
  koMinAfterMm: number | null;
  /** Highest mean [Na⁺]i of the E cells during the event, and its rise from onset. */
  naiPeakMm: number;
  naiRiseMm: number;
  /** Population discharges during the event, and per second in its first and last thirds. */
  discharges: number;
  burstsPerSFirstThird: number;
  burstsPerSLastThird: number;
  /**
   * Median interval between successive discharges: the first DISCHARGE_INTERVALS_COUNTED of the
   * event's last discharge train and the last ones before offset (null with too few). A tonic
   * phase has no discharges, so the thirds above can hide the clonic slowing; these show it.
   */
  dischargeIntervalEarlyMs: number | null;
  dischargeIntervalLateMs: number | null;
  /** Where it started: the centre of the patch of K⁺ tiles that reached the ictal level first. */
  onsetXMm: number;
  onsetYMm: number;
  /** When that patch reached it (s; at the earliest 10 s before onset); null: no tile had, the onset is the most active tile. */
  recruitedFromS: number | null;
  /** Whether the onset lies inside the lesion; null without one. */
  onsetInLesion: boolean | null;
  /** How fast recruitment moved away from the onset (mm/s); null when not measurable. */
  spreadMmPerS: number | null;
  /** r² of the fit behind it (null without a fit). */
  spreadFitR2: number | null;
  /** Share of the sheet's K⁺ tiles recruited over the event (0…1; null if the monitors had not measured it). */
  recruitedShare: number | null;
}

/** Intervals counted at each end of an event's discharges. */
export const DISCHARGE_INTERVALS_COUNTED = 5;

/** The median (the mean of the middle two for an even count); null for none. */
export function medianOf(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const a = [...xs].sort((p, q) => p - q);
  return a.length % 2 === 1 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
}

/**
 * The early and late discharge intervals of an event: over its discharges, the first and last
 * DISCHARGE_INTERVALS_COUNTED intervals (null when there are fewer than twice that many).
 */
function dischargeIntervals(timesMs: readonly number[], fromMs: number, toMs: number): [number | null, number | null] {
  const inside = timesMs.filter((t) => t >= fromMs && t < toMs);
  const intervals: number[] = [];
  for (let k = 1; k < inside.length; k++) intervals.push(inside[k] - inside[k - 1]);
  const n = DISCHARGE_INTERVALS_COUNTED;
  if (intervals.length < 2 * n) return [null, null];
  return [medianOf(intervals.slice(0, n)), medianOf(intervals.slice(-n))];
}

function countBetween(timesMs: readonly number[], fromMs: number, toMs: number): number {
  let n = 0;
  for (const t of timesMs) if (t >= fromMs && t < toMs) n++;
  return n;
}

/**
 * One report per event. `series` are the monitors' 100-ms records, `dischargeTimesMs` the starts
 * of the population discharges, `endMs` the network time the run reached.
 */
export function reportSeizures(
  series: readonly SeriesRecord[],
  events: readonly SeizureEvent[],
  dischargeTimesMs: readonly number[],
  endMs: number,
): SeizureReport[] {
  return events.map((e) => {
    const on = e.onsetMs;
    const off = e.offsetMs ?? endMs;
    const before = Math.max(0, on - REPORT_BEFORE_MS);
    const third = (off - on) / 3;
    const thirdS = third / 1000;
    const startNai = extreme(series, on - 100, on + 100, (r) => r.naiMeanEMm, 1);
    const naiPeak = extreme(series, on, off, (r) => r.naiMeanEMm, 1) ?? Number.NaN;
    const [early, late] = dischargeIntervals(dischargeTimesMs, on, off);
    return {
      onsetS: on / 1000,
      offsetS: e.offsetMs === null ? null : e.offsetMs / 1000,
      endedByItself: e.offsetMs !== null,
      durationS: (off - on) / 1000,
      rateBeforeHz: on > 0 ? mean(series, before, on, (r) => r.rateEHz) : null,
      rateBeforeWindowS: (on - before) / 1000,
      rateDuringHz: mean(series, on, off, (r) => r.rateEHz) ?? Number.NaN,
      rateAfterHz:
        e.offsetMs !== null && endMs >= e.offsetMs + REPORT_AFTER_MS
          ? mean(series, e.offsetMs, e.offsetMs + REPORT_AFTER_MS, (r) => r.rateEHz)
          : null,
      chiDuring: mean(series, on, off, (r) => r.chi),
      chiFirstThird: mean(series, on, on + third, (r) => r.chi),
      chiLastThird: mean(series, off - third, off, (r) => r.chi),
      koPeakMm: extreme(series, on, off, (r) => r.koMaxMm, 1) ?? Number.NaN,
      koBeforeMm: on > 0 ? mean(series, before, on, (r) => r.koMeanMm) : null,
      koMinAfterMm:
        e.offsetMs === null
          ? null
          : extreme(series, e.offsetMs, e.offsetMs + REPORT_UNDERSHOOT_MS, (r) => r.koMeanMm, -1),
      naiPeakMm: naiPeak,
      naiRiseMm: startNai === null ? Number.NaN : naiPeak - startNai,
      discharges: countBetween(dischargeTimesMs, on, off),
      burstsPerSFirstThird: thirdS > 0 ? countBetween(dischargeTimesMs, on, on + third) / thirdS : 0,
      burstsPerSLastThird: thirdS > 0 ? countBetween(dischargeTimesMs, off - third, off) / thirdS : 0,
      dischargeIntervalEarlyMs: early,
      dischargeIntervalLateMs: late,
      onsetXMm: e.onsetXMm,
      onsetYMm: e.onsetYMm,
      recruitedFromS: e.recruitedFromMs === null ? null : e.recruitedFromMs / 1000,
      onsetInLesion: e.onsetInLesion,
      spreadMmPerS: e.spreadMmPerS,
      spreadFitR2: e.spreadFitR2,
      recruitedShare: e.recruitedShare,
    };
  });
}
