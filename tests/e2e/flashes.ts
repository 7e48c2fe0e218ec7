/**
 * Counting flashes in a luminance time series, after WCAG 2.3.1 (general flash threshold): a
 * flash is a pair of opposing changes in relative luminance of at least 0.1 each, where the
 * darker state is below 0.8. A region may not flash more than three times in any one second.
 *
 * The counter walks the series keeping the last extreme; a move of ≥ 0.1 away from it in the
 * direction opposite to the previous counted change is a transition (the darker end below 0.8).
 * Two transitions make one flash.
 */
export const FLASH_DELTA = 0.1;
export const FLASH_DARK_BELOW = 0.8;

export interface Sample {
  tMs: number;
  luminance: number;
}

/** Times (ms) of the counted transitions. */
export function flashTransitions(series: readonly Sample[]): number[] {
  const times: number[] = [];
  let direction = 0; // +1 after a rising transition, −1 after a falling one, 0 before any
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  /** The extreme since the last transition: the peak after a rise, the trough after a fall. */
  let ref = 0;
  for (const { tMs, luminance: l } of series) {
    if (direction === 0) {
      lo = Math.min(lo, l);
      hi = Math.max(hi, l);
      if (l - lo >= FLASH_DELTA && lo < FLASH_DARK_BELOW) {
        times.push(tMs);
        direction = 1;
        ref = l;
      } else if (hi - l >= FLASH_DELTA && l < FLASH_DARK_BELOW) {
        times.push(tMs);
        direction = -1;
        ref = l;
      }
    } else if (direction === 1) {
      if (l > ref) ref = l;
      else if (ref - l >= FLASH_DELTA && l < FLASH_DARK_BELOW) {
        times.push(tMs);
        direction = -1;
        ref = l;
      }
    } else {
      if (l < ref) ref = l;
      else if (l - ref >= FLASH_DELTA && ref < FLASH_DARK_BELOW) {
        times.push(tMs);
        direction = 1;
        ref = l;
      }
    }
  }
  return times;
}

/** The most flashes (transition pairs) in any window of windowMs. */
export function maxFlashesPerWindow(series: readonly Sample[], windowMs = 1000): number {
  const t = flashTransitions(series);
  let best = 0;
  for (let i = 0; i < t.length; i++) {
    let j = i;
    while (j + 1 < t.length && t[j + 1] - t[i] < windowMs) j++;
    best = Math.max(best, Math.floor((j - i + 1) / 2));
  }
  return best;
}
