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
