import { FNV_OFFSET_BASIS, fnv1aWord } from '../model/rng.ts';

/**
 * Per-cell spike statistics gathered while a network runs, for `bench`: spike counts per
 * population, the coefficient of variation of each cell's inter-spike intervals, and a
 * fingerprint of every spike (FNV-1a of each step and its cells, in order), which is equal for
 * equal spike trains: one thread or several.
 *
 * Nothing is stored per spike: each cell keeps its spike count, last spike step, and the sum and
 * sum of squares of its intervals (in steps, so the sums are exact integers in float64), in
 * typed arrays allocated once. Adding a step's spikes costs a few array writes per spike, which
 * keeps the recording out of the way of the loop being timed.
 */
export class SpikeStats {
  readonly counts: Int32Array;
  private readonly lastStep: Float64Array;
  private readonly isiSum: Float64Array;
  private readonly isiSumSq: Float64Array;
  spikesE = 0;
  spikesI = 0;
  private hash = FNV_OFFSET_BASIS;

  constructor(
    readonly n: number,
    readonly nE: number,
  ) {
    this.counts = new Int32Array(n);
    this.lastStep = new Float64Array(n);
    this.isiSum = new Float64Array(n);
    this.isiSumSq = new Float64Array(n);
  }

  /** The spikes of one step: cells spikeIdx[0…count−1] fired in step `step`. */
  add(spikeIdx: Int32Array, count: number, step: number): void {
    const nE = this.nE;
    this.hash = fnv1aWord(this.hash, step);
    for (let k = 0; k < count; k++) {
      const i = spikeIdx[k];
      this.hash = fnv1aWord(this.hash, i);
      if (i < nE) this.spikesE++;
      else this.spikesI++;
      if (this.counts[i] > 0) {
        const isi = step - this.lastStep[i];
        this.isiSum[i] += isi;
        this.isiSumSq[i] += isi * isi;
      }
      this.lastStep[i] = step;
      this.counts[i]++;
    }
  }

  /** The spike fingerprint, 8 hex digits. */
  get spikeHash(): string {
    return (this.hash >>> 0).toString(16).padStart(8, '0');
  }

  get spikes(): number {
    return this.spikesE + this.spikesI;
  }

  /**
   * Mean over cells with at least 3 spikes (2 intervals) of std(ISI)/mean(ISI), the standard
   * deviation taken over the cell's intervals (ddof = 0, as numpy's default, which the Brian2
   * script uses too). null when no cell has 3 spikes.
   */
  meanCvIsi(): number | null {
    let sum = 0;
    let cells = 0;
    for (let i = 0; i < this.n; i++) {
      const intervals = this.counts[i] - 1;
      if (intervals < 2) continue;
      const mean = this.isiSum[i] / intervals;
      const variance = Math.max(0, this.isiSumSq[i] / intervals - mean * mean);
      sum += Math.sqrt(variance) / mean;
      cells++;
    }
    return cells > 0 ? sum / cells : null;
  }
}
