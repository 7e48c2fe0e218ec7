/** Per-cell firing rates for the view, smoothed exactly whatever the chunking. */

/**
 * Exponentially smoothed spike rates, exact whatever the chunking: a spike adds 1/τ to its
 * slot's rate, which then decays with τ. A chunk of S steps weighs a spike of its step k
 * (0-based) by exp(−(S−1−k)·dt/τ), its age at the chunk's end, so running 2 chunks of 100 ms
 * gives the same rates as one chunk of 200 ms.
 */
export class SmoothedRates {
  /** Per slot, in Hz, as of the end of the last chunk. */
  readonly rateHz: Float64Array;
  private readonly pending: Float64Array;
  private readonly stepDecay: number;
  private readonly gainHz: number;
  private chunkSteps = 0;
  private stepInChunk = 0;
  private weight = 1;

  constructor(
    size: number,
    readonly tauMs: number,
    readonly dtMs: number,
  ) {
    this.rateHz = new Float64Array(size);
    this.pending = new Float64Array(size);
    this.stepDecay = Math.exp(-dtMs / tauMs);
    this.gainHz = 1000 / tauMs;
  }

  beginChunk(steps: number): void {
    this.chunkSteps = steps;
    this.stepInChunk = 0;
    this.weight = Math.exp(-((steps - 1) * this.dtMs) / this.tauMs);
  }

  /** A spike in the current step. */
  add(slot: number): void {
    this.pending[slot] += this.weight;
  }

  endStep(): void {
    this.stepInChunk++;
    // Recomputed rather than multiplied up, so thousands of steps accumulate no rounding.
    this.weight = Math.exp(-((this.chunkSteps - 1 - this.stepInChunk) * this.dtMs) / this.tauMs);
  }

  endChunk(): void {
    const decay = this.stepDecay ** this.chunkSteps;
    const rate = this.rateHz;
    const pending = this.pending;
    const gain = this.gainHz;
    for (let i = 0; i < rate.length; i++) {
      rate[i] = rate[i] * decay + pending[i] * gain;
      pending[i] = 0;
    }
    this.chunkSteps = 0;
  }
}
