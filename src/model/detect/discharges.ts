/**
 * Population discharges (the clonic "spikes" of an ictal EEG, and interictal spikes): brief
 * bursts in which a large share of the pyramidal cells fire together.
 *
 * A discharge starts in the first 10-ms bin whose E rate is at least DISCHARGE_MIN_HZ (30 % of
 * E cells firing within those 10 ms) and at least DISCHARGE_OVER_MEAN times the mean E rate of
 * the last second, and ends at the first bin below that mean. A tonic phase (every cell firing
 * fast, out of step) therefore has none, however high its rate: its bins stay near their mean.
 */

export const DISCHARGE_MIN_HZ = 30;
export const DISCHARGE_OVER_MEAN = 2;

export class DischargeCounter {
  /** Start time of every discharge so far (ms of network time). */
  readonly timesMs: number[] = [];
  private inDischarge = false;

  /**
   * One 10-ms bin ending at tMs: its E rate and the mean E rate of the last second (Hz).
   * Returns true when a discharge starts in this bin.
   */
  updateBin(tMs: number, binMs: number, rateHz: number, meanRateHz: number): boolean {
    if (this.inDischarge) {
      if (rateHz < meanRateHz) this.inDischarge = false;
      return false;
    }
    if (rateHz >= DISCHARGE_MIN_HZ && rateHz >= DISCHARGE_OVER_MEAN * meanRateHz) {
      this.inDischarge = true;
      this.timesMs.push(tMs - binMs);
      return true;
    }
    return false;
  }
}
