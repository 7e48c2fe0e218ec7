/**
 * The last `windowMs` of one regularly sampled signal (the EEG proxy, a cell's V, its ions), kept in
 * a ring allocated once per sample length: appending a frame's samples writes into it and
 * allocates nothing. Sample k covers [k·sampleMs, (k+1)·sampleMs) of the network's time; a
 * stretch no frame brought is NaN (a gap, never silence), and a frame that starts before the
 * newest data (a new network) starts the ring again.
 *
 * Pure TypeScript (no DOM): the traces read it by absolute index between `first()` and `end`, and
 * the Node tests read it the same way.
 */
export class SampleRing {
  /** Length of one sample (ms); NaN until the first append. */
  sampleMs = Number.NaN;
  values = new Float32Array(0);
  /** Absolute index one past the newest sample. */
  end = 0;
  /** Samples in the window. */
  windowSamples = 0;

  constructor(readonly windowMs: number) {
    if (!(windowMs > 0)) throw new RangeError(`the window must be a positive time in ms, not ${windowMs}`);
  }

  clear(): void {
    this.end = 0;
    this.values.fill(Number.NaN);
  }

  /** Simulated time at the end of the newest sample (ms). */
  get timeMs(): number {
    return Number.isNaN(this.sampleMs) ? 0 : this.end * this.sampleMs;
  }

  /** Absolute index of the oldest sample in the window. */
  first(): number {
    return Math.max(0, this.end - this.windowSamples);
  }

  at(k: number): number {
    return this.values[k % this.values.length];
  }

  /** Samples of one frame: `values[i]` covers [startMs + i·sampleMs, …). */
  append(startMs: number, sampleMs: number, values: ArrayLike<number>): void {
    if (sampleMs !== this.sampleMs) this.allocate(sampleMs);
    const firstSample = Math.floor(startMs / sampleMs + 1e-6);
    if (firstSample < this.end) this.clear();
    const ring = this.values;
    const capacity = ring.length;
    if (firstSample - this.end > capacity) this.end = firstSample - capacity;
    while (this.end < firstSample) ring[this.end++ % capacity] = Number.NaN;
    for (let i = 0; i < values.length; i++) ring[(firstSample + i) % capacity] = values[i];
    this.end = firstSample + values.length;
  }

  private allocate(sampleMs: number): void {
    if (!(sampleMs > 0)) throw new RangeError(`a sample length must be positive, not ${sampleMs}`);
    this.sampleMs = sampleMs;
    this.windowSamples = Math.round(this.windowMs / sampleMs);
    this.values = new Float32Array(this.windowSamples + 1);
    this.clear();
  }
}

/** The extremes of a column envelope (written, not returned, so a draw allocates nothing). */
export interface Extremes {
  lo: number;
  hi: number;
}

/**
 * Per pixel column, the smallest and largest sample of the window that falls in it (NaN samples
 * skipped; an empty column keeps min > max), for a window ending at `endMs` drawn `pxPerMs` wide
 * from x = 0. Returns the window's extremes in `out` (lo > hi when there is no data), counting
 * only samples from `scaleFromMs` on: earlier ones are drawn but do not set the range.
 */
export function columnEnvelope(
  ring: SampleRing,
  endMs: number,
  pxPerMs: number,
  columnMin: Float32Array,
  columnMax: Float32Array,
  out: Extremes,
  scaleFromMs = Number.NEGATIVE_INFINITY,
): void {
  columnMin.fill(Number.POSITIVE_INFINITY);
  columnMax.fill(Number.NEGATIVE_INFINITY);
  out.lo = Number.POSITIVE_INFINITY;
  out.hi = Number.NEGATIVE_INFINITY;
  if (Number.isNaN(ring.sampleMs)) return;
  const leftMs = endMs - ring.windowMs;
  const columns = columnMin.length;
  const sampleMs = ring.sampleMs;
  for (let k = ring.first(); k < ring.end; k++) {
    const value = ring.at(k);
    if (Number.isNaN(value)) continue;
    const column = Math.floor(((k + 0.5) * sampleMs - leftMs) * pxPerMs);
    if (column < 0 || column >= columns) continue;
    if (value < columnMin[column]) columnMin[column] = value;
    if (value > columnMax[column]) columnMax[column] = value;
    if ((k + 0.5) * sampleMs < scaleFromMs) continue;
    if (value < out.lo) out.lo = value;
    if (value > out.hi) out.hi = value;
  }
}
