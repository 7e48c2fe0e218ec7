/**
 * Golomb synchrony χ (Golomb & Rinzel 1993; docs/model.md §7): over a window,
 *   χ² = Var_t(mean_i V_i) / mean_i Var_t(V_i),
 * from a sample of at most 512 E cells. χ ≈ 1/√N for independent cells, 1 for identical ones.
 *
 * V is sampled once per ion step (≈ 1 ms). The window slides: it is made of `blocksPerWindow`
 * blocks (10 × 100 ms = 1 s by default), and χ is available after each completed block.
 */

export const CHI_SAMPLE_MAX = 512;

export class SynchronyMeter {
  readonly sample: Int32Array;
  private readonly blocks: number;
  private readonly samplesPerBlock: number;
  /** Per block and sampled cell: ΣV and ΣV². */
  private readonly cellSum: Float64Array;
  private readonly cellSumSq: Float64Array;
  /** Per block: Σ mean V and Σ (mean V)², and the number of samples. */
  private readonly meanSum: Float64Array;
  private readonly meanSumSq: Float64Array;
  private readonly blockSamples: Float64Array;
  private block = 0;
  private inBlock = 0;
  private completedBlocks = 0;
  /** χ over the last full window; NaN until one window is complete. */
  chi = Number.NaN;

  /**
   * @param nE number of E cells (indices 0…nE−1); the sample is spread evenly over them, which
   *   spreads it over the sheet since E indices follow the grid.
   */
  constructor(nE: number, samplesPerBlock: number, blocksPerWindow: number) {
    const size = Math.min(CHI_SAMPLE_MAX, nE);
    this.sample = new Int32Array(size);
    for (let k = 0; k < size; k++) this.sample[k] = Math.floor((k * nE) / size);
    this.blocks = blocksPerWindow;
    this.samplesPerBlock = samplesPerBlock;
    this.cellSum = new Float64Array(blocksPerWindow * size);
    this.cellSumSq = new Float64Array(blocksPerWindow * size);
    this.meanSum = new Float64Array(blocksPerWindow);
    this.meanSumSq = new Float64Array(blocksPerWindow);
    this.blockSamples = new Float64Array(blocksPerWindow);
  }

  /** Add one sample of V; returns true when a block completed (and χ was updated). */
  addSample(vMv: ArrayLike<number>): boolean {
    const size = this.sample.length;
    const base = this.block * size;
    let mean = 0;
    for (let k = 0; k < size; k++) {
      const v = vMv[this.sample[k]];
      mean += v;
      this.cellSum[base + k] += v;
      this.cellSumSq[base + k] += v * v;
    }
    mean /= size;
    this.meanSum[this.block] += mean;
    this.meanSumSq[this.block] += mean * mean;
    this.blockSamples[this.block] += 1;
    this.inBlock++;
    if (this.inBlock < this.samplesPerBlock) return false;
    this.inBlock = 0;
    this.completedBlocks++;
    this.block = (this.block + 1) % this.blocks;
    if (this.completedBlocks >= this.blocks) this.chi = this.computeChi();
    this.clearBlock(this.block);
    return true;
  }

  private clearBlock(b: number): void {
    const size = this.sample.length;
    this.cellSum.fill(0, b * size, (b + 1) * size);
    this.cellSumSq.fill(0, b * size, (b + 1) * size);
    this.meanSum[b] = 0;
    this.meanSumSq[b] = 0;
    this.blockSamples[b] = 0;
  }

  private computeChi(): number {
    const size = this.sample.length;
    let samples = 0;
    let meanSum = 0;
    let meanSumSq = 0;
    for (let b = 0; b < this.blocks; b++) {
      samples += this.blockSamples[b];
      meanSum += this.meanSum[b];
      meanSumSq += this.meanSumSq[b];
    }
    if (samples < 2) return Number.NaN;
    const meanOfMean = meanSum / samples;
    const popVariance = Math.max(0, meanSumSq / samples - meanOfMean * meanOfMean);
    let cellVariance = 0;
    for (let k = 0; k < size; k++) {
      let s = 0;
      let s2 = 0;
      for (let b = 0; b < this.blocks; b++) {
        s += this.cellSum[b * size + k];
        s2 += this.cellSumSq[b * size + k];
      }
      const m = s / samples;
      cellVariance += Math.max(0, s2 / samples - m * m);
    }
    cellVariance /= size;
    if (cellVariance <= 0) return Number.NaN;
    return Math.sqrt(Math.min(1, popVariance / cellVariance));
  }
}
