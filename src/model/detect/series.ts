/** One 100-ms record of the monitors (monitors.ts), read by the per-event report, the tests and the view. */
export interface SeriesRecord {
  tMs: number;
  /** Mean rates over the block. */
  rateEHz: number;
  rateIHz: number;
  /** χ over the 1-s window ending here (NaN during the first second). */
  chi: number;
  /** E rate over the 1-s window ending here: what the seizure detector reads. */
  rate1sHz: number;
  /** Population discharges that started in the block. */
  discharges: number;
  /** EEG/LFP proxy (eeg.ts), averaged over the block (pA). */
  lfpPa: number;
  /** K⁺o over the tiles at the end of the block: highest and mean. */
  koMaxMm: number;
  koMeanMm: number;
  /** Mean [Na⁺]i of all cells and of E cells. */
  naiMeanMm: number;
  naiMeanEMm: number;
  eGabaMeanMv: number;
  inSeizure: boolean;
}

/** Mean of `pick` over the records with fromMs < tMs ≤ toMs, NaN values skipped; null when there are none. */
export function seriesMean(
  series: readonly SeriesRecord[],
  fromMs: number,
  toMs: number,
  pick: (r: SeriesRecord) => number,
) {
  let sum = 0;
  let n = 0;
  for (const r of series) {
    if (r.tMs > fromMs && r.tMs <= toMs) {
      const v = pick(r);
      if (!Number.isNaN(v)) {
        sum += v;
        n++;
      }
    }
  }
  return n > 0 ? sum / n : null;
}

/** The largest (sign 1) or smallest (sign −1) `pick` over the records with fromMs < tMs ≤ toMs; null when there are none. */
export function seriesExtreme(
  series: readonly SeriesRecord[],
  fromMs: number,
  toMs: number,
  pick: (r: SeriesRecord) => number,
  sign: 1 | -1,
): number | null {
  let best: number | null = null;
  for (const r of series) {
    if (r.tMs > fromMs && r.tMs <= toMs) {
      const v = pick(r);
      if (best === null || sign * v > sign * best) best = v;
    }
  }
  return best;
}
