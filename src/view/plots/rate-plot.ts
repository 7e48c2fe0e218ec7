/**
 * Population rates in 10-ms bins: pyramidal cells as a solid line, interneurons as a dashed
 * one (the legend beside the plot says which is which, and the dash tells them apart without
 * colour).
 */
import { calmTop, YAxis } from './axes.ts';
import type { ActivityHistory } from './history.ts';
import { CSS } from './plot-palette.ts';
import type { PlotSurface } from './plot-surface.ts';

/** A resting sheet's 10-ms bins reach ~15 Hz (E) and ~35 Hz (I); the range never goes below this. */
const MIN_TOP_HZ = 20;
/**
 * One CSS pixel, as a whole number of device pixels. Where a CSS pixel is one device pixel (the
 * projector laptop) that is a hairline, which a canvas rasterised in software strokes several
 * times faster than a wider line (measured with the drawing flushed, at the default size and
 * in a seizure-like state: both lines 1.8 → 0.27 ms against 1.25–1.5-px lines). Filling a rectangle per
 * column instead was slower still (more canvas calls).
 */
const LINE_CSS_PX = 1;
/** Dash and gap of the interneurons' line (CSS px). */
const DASH_CSS = [5, 3];

export class RatePlot {
  readonly axis = new YAxis((heightPx) => Math.max(2, Math.floor(heightPx / (28 * this.surface.dpr))));
  private top = MIN_TOP_HZ;
  private dash: number[] = [];
  private readonly solid: number[] = [];

  constructor(readonly surface: PlotSurface) {}

  /** After the surface changed size. */
  layout(): void {
    this.dash = DASH_CSS.map((px) => px * this.surface.dpr);
  }

  /** A new network: the range starts again from its floor. */
  reset(): void {
    this.top = MIN_TOP_HZ;
  }

  draw(history: ActivityHistory): void {
    const s = this.surface;
    const ctx = s.ctx;
    const endMs = Math.max(history.windowMs, history.timeMs);
    const first = history.binFirst();
    const end = history.binsComplete();
    const slots = history.rateEHz.length;
    // NaN bins (a gap) fail every comparison and count for nothing.
    let hi = Number.NEGATIVE_INFINITY;
    for (let b = first; b < end; b++) {
      const e = history.rateEHz[b % slots];
      const i = history.rateIHz[b % slots];
      if (e > hi) hi = e;
      if (i > hi) hi = i;
    }
    if (hi > Number.NEGATIVE_INFINITY) this.top = calmTop(this.top, hi, MIN_TOP_HZ);
    this.axis.set(0, this.top, s.bottom, s.top);

    s.clear();
    s.drawValueAxis(this.axis);
    s.drawTimeAxis(endMs);
    ctx.lineWidth = Math.max(1, Math.round(LINE_CSS_PX * s.dpr));
    ctx.setLineDash(this.dash);
    ctx.strokeStyle = CSS.rateI;
    this.line(history.rateIHz, history, endMs);
    ctx.setLineDash(this.solid);
    ctx.strokeStyle = CSS.rateE;
    this.line(history.rateEHz, history, endMs);
    s.drawFrame();
  }

  private line(rateHz: Float32Array, history: ActivityHistory, endMs: number): void {
    const s = this.surface;
    const ctx = s.ctx;
    const y = this.axis.scale;
    const slots = rateHz.length;
    const binMs = history.binMs;
    ctx.beginPath();
    let drawing = false;
    for (let b = history.binFirst(); b < history.binsComplete(); b++) {
      const rate = rateHz[b % slots];
      if (Number.isNaN(rate)) {
        drawing = false;
        continue;
      }
      const x = s.xOf((b + 0.5) * binMs, endMs);
      if (drawing) ctx.lineTo(x, y(rate));
      else ctx.moveTo(x, y(rate));
      drawing = true;
    }
    ctx.stroke();
  }
}
