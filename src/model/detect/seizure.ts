/**
 * The seizure detector (MODEL.md §7): a seizure-like event starts when the smoothed E rate and
 * the synchrony χ both stay above their thresholds for at least `persistMs`, and ends when the
 * condition stays false for at least `persistMs`. Onset and offset are dated to the first sample
 * of the run that confirmed them.
 *
 * Thresholds. A healthy sheet fires at 1–10 Hz with χ < 0.2 (behaviour 1); a seizure-like event
 * in this model fires above 20 Hz with χ above 0.4 (behaviour 2). The thresholds sit between:
 * 15 Hz on the 1-s mean E rate and 0.3 on χ over the same 1-s window, so that neither a brief
 * population burst (an interictal spike, < 300 ms) nor a fast asynchronous state counts.
 */

export const SEIZURE_RATE_THRESHOLD_HZ = 10;
export const SEIZURE_CHI_THRESHOLD = 0.35;
export const SEIZURE_PERSIST_MS = 1000;

export interface SeizureEvent {
  onsetMs: number;
  /** null while the event is still going. */
  offsetMs: number | null;
  /** Where it started: the centre of the most active K⁺ tile in the second before onset. */
  onsetXMm: number;
  onsetYMm: number;
}

export class SeizureDetector {
  readonly events: SeizureEvent[] = [];
  inSeizure = false;
  /** Start of the current run of samples that disagree with the state (NaN if none). */
  private runStartMs = Number.NaN;
  private runLocation: readonly [number, number] = [0, 0];

  constructor(
    readonly rateThresholdHz = SEIZURE_RATE_THRESHOLD_HZ,
    readonly chiThreshold = SEIZURE_CHI_THRESHOLD,
    readonly persistMs = SEIZURE_PERSIST_MS,
  ) {}

  /**
   * One sample of the smoothed E rate and χ at time tMs. `location` is called only when a
   * candidate onset begins, to say where the activity is.
   * Returns 'onset' or 'offset' when an event was confirmed by this sample, else null.
   */
  update(
    tMs: number,
    rateHz: number,
    chi: number,
    location: () => readonly [number, number],
  ): 'onset' | 'offset' | null {
    const active = rateHz > this.rateThresholdHz && chi > this.chiThreshold;
    if (active === this.inSeizure) {
      this.runStartMs = Number.NaN;
      return null;
    }
    if (Number.isNaN(this.runStartMs)) {
      this.runStartMs = tMs;
      if (active) this.runLocation = location();
    }
    if (tMs - this.runStartMs < this.persistMs) return null;
    this.inSeizure = active;
    const at = this.runStartMs;
    this.runStartMs = Number.NaN;
    if (active) {
      this.events.push({ onsetMs: at, offsetMs: null, onsetXMm: this.runLocation[0], onsetYMm: this.runLocation[1] });
      return 'onset';
    }
    this.events[this.events.length - 1].offsetMs = at;
    return 'offset';
  }

  /** Time spent in events up to endMs (an ongoing event counts until endMs). */
  timeInSeizureMs(endMs: number): number {
    let total = 0;
    for (const e of this.events) total += (e.offsetMs ?? endMs) - e.onsetMs;
    return total;
  }
}
