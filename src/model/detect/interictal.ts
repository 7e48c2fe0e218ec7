/**
 * Interictal spikes (MODEL.md §7): brief population bursts (< 300 ms) that recruit more than 20 %
 * of E cells and do not become seizures.
 *
 * A burst is a run of 10-ms bins whose E rate exceeds BURST_RATE_HZ. 15 Hz in one bin means
 * 15 % of E cells per 10 ms firing, far above the healthy background (1–10 Hz, with bin-to-bin
 * noise of a fraction of a hertz at the default size), so that bursts are not noise. The cells
 * recruited by a burst are those whose last spike falls inside it; a burst shorter than 300 ms
 * that recruited more than 20 % of E cells, outside a seizure, is an interictal spike.
 */

export const BURST_RATE_HZ = 15;
export const INTERICTAL_MAX_MS = 300;
export const INTERICTAL_MIN_RECRUITED = 0.2;

export class InterictalDetector {
  count = 0;
  readonly timesMs: number[] = [];
  /** Time of each E cell's last spike (−∞ before the first). */
  private readonly lastSpikeMs: Float64Array;
  private inBurst = false;
  private burstStartMs = 0;

  constructor(private readonly nE: number) {
    this.lastSpikeMs = new Float64Array(nE).fill(Number.NEGATIVE_INFINITY);
  }

  /** Record the E spikes of the step at tMs. */
  addSpikes(tMs: number, spikeIdx: Int32Array, spikeCount: number): void {
    const nE = this.nE;
    const last = this.lastSpikeMs;
    for (let k = 0; k < spikeCount; k++) {
      const i = spikeIdx[k];
      if (i < nE) last[i] = tMs;
    }
  }

  /**
   * One 10-ms bin ending at tMs, with its E rate, and whether a seizure is going on.
   * Returns true when an interictal spike was completed.
   */
  updateBin(tMs: number, binMs: number, rateHz: number, inSeizure: boolean): boolean {
    const above = rateHz > BURST_RATE_HZ;
    if (above && !this.inBurst) {
      this.inBurst = true;
      this.burstStartMs = tMs - binMs;
      return false;
    }
    if (!above && this.inBurst) {
      this.inBurst = false;
      const durationMs = tMs - binMs - this.burstStartMs;
      if (inSeizure || durationMs >= INTERICTAL_MAX_MS) return false;
      let recruited = 0;
      for (let i = 0; i < this.nE; i++) if (this.lastSpikeMs[i] >= this.burstStartMs) recruited++;
      if (recruited > INTERICTAL_MIN_RECRUITED * this.nE) {
        this.count++;
        this.timesMs.push(this.burstStartMs);
        return true;
      }
    }
    return false;
  }
}
