/**
 * Axes of the activity plots: the d3 scales that map data to pixels, their ticks, and a calm
 * rule for the y ranges. No DOM: the plots draw what these compute.
 *
 * Nothing here allocates per frame. The time axis scrolls, but its scale maps time *before the
 * right edge* (−window…0 ms), which does not change while the plot keeps its size; tick labels
 * are made when a tick first appears. The y ranges change only when the data leave them, and
 * then by steps of a nice size, so an axis does not breathe with every burst.
 */
import { type ScaleLinear, scaleLinear } from 'd3-scale';

/** Tops of y ranges: 1, 1.5, 2, 3, 4, 5, 6, 8 × a power of ten. */
const NICE_MANTISSAS = [1, 1.5, 2, 3, 4, 5, 6, 8, 10];
/** Room above the largest value when a range grows. */
export const HEADROOM = 1.1;
/**
 * A range shrinks once everything in the window (with headroom) fits in this fraction of it.
 * Nice steps are at most 1.5 apart, so a range just shrunk is never shrunk again by the same data.
 */
export const SHRINK_BELOW = 0.5;

/** The smallest nice number (NICE_MANTISSAS × 10ᵏ) at or above `value`; 0 for value ≤ 0. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 0;
  const decade = 10 ** Math.floor(Math.log10(value));
  for (let i = 0; i < NICE_MANTISSAS.length; i++) {
    const nice = NICE_MANTISSAS[i] * decade;
    // A relative tolerance: 300 must not become 400 because log10 rounded down to 2.9999.
    if (nice >= value * (1 - 1e-9)) return nice;
  }
  return 10 * decade;
}

/**
 * The top of a y range, given the largest value in the window: it grows at once to fit (with
 * HEADROOM), shrinks only when the window's values all fit in SHRINK_BELOW of it, and never
 * goes below `minTop`. A NaN maximum (nothing in the window yet) keeps the range.
 */
export function calmTop(top: number, windowMax: number, minTop: number): number {
  if (Number.isNaN(windowMax)) return top;
  const wanted = Math.max(minTop, windowMax * HEADROOM);
  if (wanted > top || wanted < top * SHRINK_BELOW) return niceCeil(wanted);
  return top;
}

/** Time between ticks (ms) for a window of `windowMs` drawn `plotWidthCssPx` wide: d3's nice steps, ~70 px apart. */
export function timeTickStepMs(windowMs: number, plotWidthCssPx: number): number {
  const count = Math.max(2, Math.floor(plotWidthCssPx / 70));
  const ticks = scaleLinear()
    .domain([0, windowMs / 1000])
    .ticks(count);
  return Math.round((ticks[1] - ticks[0]) * 1000);
}

/** A tick's label: whole seconds without decimals, others with one ("12", "12.5"). */
export function secondsLabel(ms: number): string {
  const tenths = Math.round(ms / 100);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/**
 * Labels of the ticks on screen, made when a tick first appears and kept while it scrolls
 * across (a few slots suffice: only a window's worth of ticks is ever on screen).
 */
export class TickLabels {
  private readonly keys: Float64Array;
  private readonly labels: string[];

  constructor(
    slots: number,
    private readonly format: (value: number) => string,
  ) {
    this.keys = new Float64Array(slots).fill(Number.NaN);
    this.labels = new Array<string>(slots).fill('');
  }

  /** The label of tick number `index` (value index·step). */
  get(index: number, step: number): string {
    const slot = ((index % this.keys.length) + this.keys.length) % this.keys.length;
    const value = index * step;
    if (this.keys[slot] !== value) {
      this.keys[slot] = value;
      this.labels[slot] = this.format(value);
    }
    return this.labels[slot];
  }
}

/**
 * A y axis: a d3 scale from values to device pixels, with its ticks and their labels, which
 * are recomputed only when the domain or the pixel range changes.
 */
export class YAxis {
  readonly scale: ScaleLinear<number, number> = scaleLinear();
  ticks: number[] = [];
  labels: string[] = [];
  private lo = Number.NaN;
  private hi = Number.NaN;
  private bottomPx = Number.NaN;
  private topPx = Number.NaN;

  constructor(private readonly tickCountFor: (heightPx: number) => number) {}

  get top(): number {
    return this.hi;
  }

  get bottom(): number {
    return this.lo;
  }

  /** Returns whether anything changed. */
  set(lo: number, hi: number, bottomPx: number, topPx: number): boolean {
    if (lo === this.lo && hi === this.hi && bottomPx === this.bottomPx && topPx === this.topPx) return false;
    this.lo = lo;
    this.hi = hi;
    this.bottomPx = bottomPx;
    this.topPx = topPx;
    this.scale.domain([lo, hi]).range([bottomPx, topPx]);
    const count = this.tickCountFor(Math.abs(bottomPx - topPx));
    this.ticks = this.scale.ticks(count);
    const format = this.scale.tickFormat(count);
    this.labels = this.ticks.map(format);
    return true;
  }
}
