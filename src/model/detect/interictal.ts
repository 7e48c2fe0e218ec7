/**
 * Interictal spikes (docs/model.md §7): brief population bursts (< 300 ms) that recruit more than 20 %
 * of E cells and do not become seizures.
 *
 * A burst is a run of 10-ms bins whose E rate exceeds both BURST_RATE_HZ and BURST_OVER_BASELINE
 * times the background rate (a running mean over the bins outside bursts, time constant
 * BASELINE_TAU_MS). 15 Hz in one bin means 15 % of E cells firing within 10 ms, above the whole
 * healthy range (1–10 Hz).
 *
 * Recruitment is counted above chance: the cells whose last spike falls inside the burst, minus
 * the cells that the background rate alone would have made fire in that time,
 * nE · (1 − exp(−rate · duration)). Without that correction a healthy sheet firing at 7 Hz would
 * "recruit" 20 % of its cells in any 30-ms stretch of slightly raised activity, and asynchronous
 * fluctuations would be counted as interictal spikes.
 */

export const BURST_RATE_HZ = 15;
export const BURST_OVER_BASELINE = 2;
export const BASELINE_TAU_MS = 1000;
export const INTERICTAL_MAX_MS = 300;
export const INTERICTAL_MIN_RECRUITED = 0.2;

export class InterictalDetector {
  /** Start of each interictal spike counted (ms). */
  readonly timesMs: number[] = [];
  /** Running mean of the E rate outside bursts (Hz). */
  baselineHz = 0;
  /** Time of each E cell's last spike (−∞ before the first). */
  private readonly lastSpikeMs: Float64Array;
  private inBurst = false;
  private burstStartMs = 0;
  /** Network time the bins have covered so far; under BASELINE_TAU_MS the baseline is still forming. */
  private seenMs = 0;
  private seenBins = 0;

  constructor(private readonly nE: number) {
    this.lastSpikeMs = new Float64Array(nE).fill(Number.NEGATIVE_INFINITY);
  }

  /** Interictal spikes counted so far. */
  get count(): number {
    return this.timesMs.length;
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
    // For its first BASELINE_TAU_MS the baseline is the plain mean of every bin, and no burst is
    // counted: "twice the background" means nothing before there is a background. (Until
    // 2026-12-07 the first bin alone seeded it, so a sheet that starts quietly and settles over
    // its first 300 ms in a few damped population waves counted those waves as interictal spikes.)
    if (this.seenMs < BASELINE_TAU_MS) {
      this.seenBins++;
      this.seenMs += binMs;
      this.baselineHz += (rateHz - this.baselineHz) / this.seenBins;
      return false;
    }
    const above = rateHz > BURST_RATE_HZ && rateHz > BURST_OVER_BASELINE * this.baselineHz;
    if (!above) this.baselineHz += (binMs / BASELINE_TAU_MS) * (rateHz - this.baselineHz);
    if (above && !this.inBurst) {
      this.inBurst = true;
      this.burstStartMs = tMs - binMs;
      return false;
    }
    if (!above && this.inBurst) {
      this.inBurst = false;
      const durationMs = tMs - binMs - this.burstStartMs;
      if (inSeizure || durationMs >= INTERICTAL_MAX_MS) return false;
      let fired = 0;
      for (let i = 0; i < this.nE; i++) if (this.lastSpikeMs[i] >= this.burstStartMs) fired++;
      const byChance = this.nE * (1 - Math.exp((-this.baselineHz * durationMs) / 1000));
      if (fired - byChance > INTERICTAL_MIN_RECRUITED * this.nE) {
        this.timesMs.push(this.burstStartMs);
        return true;
      }
    }
    return false;
  }

  /**
   * A seizure was confirmed, dated to onsetMs: the bursts counted since then were its first
   * discharges, not interictal spikes (the detector confirms an onset 1 s after it, or up to 10 s
   * for a rate that must first rise above its baseline).
   */
  withdrawSince(onsetMs: number): void {
    while (this.timesMs.length > 0 && this.timesMs[this.timesMs.length - 1] >= onsetMs) {
      this.timesMs.pop();
    }
  }
}
