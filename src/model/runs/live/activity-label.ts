/**
 * What the network is doing, in the three words the view shows: a seizure-like event (the
 * detector's state), interictal spikes (enough of them lately), or asynchronous firing.
 */
import type { ActivityState } from './frame.ts';

/**
 * The state label says "interictal" while at least INTERICTAL_LABEL_COUNT interictal spikes fell
 * in the last INTERICTAL_LABEL_MS of network time: a rate of about 0.75 per second. A healthy
 * sheet makes one now and then by chance (0.13 per s at the default size), which would otherwise
 * light the label a quarter of the time; with 3 in 4 s it does so about 2 % of the time, while a
 * sheet just below its seizure threshold (gaba 0.78: 1.1 per s at the default size, seed 3) shows
 * it most of the time.
 */
export const INTERICTAL_LABEL_MS = 4000;
export const INTERICTAL_LABEL_COUNT = 3;

export class ActivityLabel {
  private counted = 0;
  /** Network times of the latest INTERICTAL_LABEL_COUNT interictal spikes (a ring; −∞ when unused). */
  private readonly timesMs = new Float64Array(INTERICTAL_LABEL_COUNT).fill(Number.NEGATIVE_INFINITY);
  private at = 0;

  /**
   * Take the detector's interictal count at the end of a chunk. Counted per chunk: spikes of one
   * chunk share its end time (chunks are ≤ 400 ms).
   */
  count(interictalCount: number, timeMs: number): void {
    for (; this.counted < interictalCount; this.counted++) {
      this.timesMs[this.at] = timeMs;
      this.at = (this.at + 1) % INTERICTAL_LABEL_COUNT;
    }
  }

  state(inSeizure: boolean, timeMs: number): ActivityState {
    if (inSeizure) return 'seizure';
    return timeMs - this.timesMs[this.at] <= INTERICTAL_LABEL_MS ? 'interictal' : 'asynchronous';
  }
}
