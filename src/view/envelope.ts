/**
 * The two filters between a frame's numbers and a dot's luminance (palette.ts says why):
 *
 *  - `lowPass`: a first-order low-pass in *simulated* time, so the envelope means the same thing
 *    whatever the playback speed (a seizure's bursts at 3 Hz of simulated time are smoothed the
 *    same at 0.5× and at 8×);
 *  - `SlewLimiter`: a limit on how fast a shown value may move per second of *wall-clock* time,
 *    which is what a viewer's eyes see; it holds at any speed, frame rate or frame gap.
 *
 * Both work in place on typed arrays allocated once per network, and allocate nothing per frame.
 */

/**
 * values[i] ← inputs[i] + (values[i] − inputs[i]) · exp(−dtMs/τ): each value follows its input
 * with time constant τ. dtMs ≤ 0 leaves the values as they are.
 */
export function lowPass(values: Float32Array, inputs: ArrayLike<number>, dtMs: number, tauMs: number): void {
  if (!(dtMs > 0)) return;
  const keep = Math.exp(-dtMs / tauMs);
  const n = Math.min(values.length, inputs.length);
  for (let i = 0; i < n; i++) values[i] = inputs[i] + (values[i] - inputs[i]) * keep;
}

/**
 * Shown values that move toward their targets by at most `maxPerS` per second of wall time. The
 * first call after `jump()` (a new network, a new map) takes the targets as they are.
 */
export class SlewLimiter {
  readonly shown: Float32Array;
  private jumpNext = true;

  constructor(
    size: number,
    /** Largest change of a shown value per second. */
    readonly maxPerS: number,
  ) {
    if (!(maxPerS > 0)) throw new RangeError(`the slew limit must be positive, got ${maxPerS}`);
    this.shown = new Float32Array(size);
  }

  /** The next step takes the targets at once (nothing was shown before). */
  jump(): void {
    this.jumpNext = true;
  }

  /**
   * Move every shown value toward its target by at most maxPerS · dtS (dtS: wall seconds since the
   * last step; negative or NaN counts as 0). Returns the largest gap left, so a caller can keep
   * drawing until the shown values have arrived.
   */
  step(targets: ArrayLike<number>, dtS: number): number {
    const shown = this.shown;
    const n = Math.min(shown.length, targets.length);
    if (this.jumpNext) {
      for (let i = 0; i < n; i++) shown[i] = targets[i];
      this.jumpNext = false;
      return 0;
    }
    const limit = dtS > 0 ? this.maxPerS * dtS : 0;
    let gap = 0;
    for (let i = 0; i < n; i++) {
      const d = targets[i] - shown[i];
      if (d > limit) {
        shown[i] += limit;
        if (d - limit > gap) gap = d - limit;
      } else if (d < -limit) {
        shown[i] -= limit;
        if (-d - limit > gap) gap = -d - limit;
      } else shown[i] = targets[i];
    }
    return gap;
  }
}
