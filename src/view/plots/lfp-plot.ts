/**
 * The EEG/LFP proxy (src/model/detect/eeg.ts: excitatory minus 1.65 × inhibitory synaptic current
 * onto pyramidal cells, after Mazzoni 2015; it has a polarity), one sample per ms, drawn
 * as its envelope per pixel column (the smallest and largest sample of each column joined by a
 * vertical stroke), so every spike of the trace shows whatever the width, with one path of about
 * two points per column.
 */
import { calmTop, YAxis } from './axes.ts';
import type { ActivityHistory } from './history.ts';
import { CSS } from './plot-palette.ts';
import type { PlotSurface } from './plot-surface.ts';

/** The y range never shrinks below 0…MIN_TOP_PA at the top. */
const MIN_TOP_PA = 1000;
/**
 * One CSS pixel, as a whole number of device pixels. Where a CSS pixel is one device pixel (the
 * projector laptop) that is a hairline, which a canvas rasterised in software strokes several
 * times faster than a wider line (measured with the drawing flushed, at the default size and
 * in a seizure-like state: LFP 2.0 → 0.31 ms against 1.25–1.5-px lines). Filling a rectangle per
 * column instead was slower still (more canvas calls).
 */
const LINE_CSS_PX = 1;

export class LfpPlot {
  readonly axis = new YAxis((heightPx) => Math.max(2, Math.floor(heightPx / (28 * this.surface.dpr))));
  private top = MIN_TOP_PA;
  private bottom = 0;
  private columnMin = new Float32Array(0);
  private columnMax = new Float32Array(0);

  constructor(readonly surface: PlotSurface) {}

  /** After the surface changed size. */
  layout(): void {
    const width = this.surface.right - this.surface.left;
    this.columnMin = new Float32Array(width);
    this.columnMax = new Float32Array(width);
  }

  /** A new network: the range starts again from its floor. */
  reset(): void {
    this.top = MIN_TOP_PA;
    this.bottom = 0;
  }

  draw(history: ActivityHistory): void {
    const s = this.surface;
    const ctx = s.ctx;
    const endMs = Math.max(history.windowMs, history.timeMs);
    const leftMs = endMs - history.windowMs;
    const columnMin = this.columnMin;
    const columnMax = this.columnMax;
    const columns = columnMin.length;
    columnMin.fill(Number.POSITIVE_INFINITY);
    columnMax.fill(Number.NEGATIVE_INFINITY);

    // Envelope per column, and the window's extremes for the y range.
    const eeg = history.eegPa;
    const capacity = eeg.length;
    const sampleMs = history.sampleMs;
    const pxPerMs = s.pxPerMs;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let k = history.eegFirst(); k < history.sampleEnd; k++) {
      const value = eeg[k % capacity];
      if (Number.isNaN(value)) continue;
      const column = Math.floor(((k + 0.5) * sampleMs - leftMs) * pxPerMs);
      if (column < 0 || column >= columns) continue;
      if (value < columnMin[column]) columnMin[column] = value;
      if (value > columnMax[column]) columnMax[column] = value;
      if (value < lo) lo = value;
      if (value > hi) hi = value;
    }
    if (hi >= lo) {
      this.top = calmTop(this.top, hi, MIN_TOP_PA);
      this.bottom = -calmTop(-this.bottom, -lo, 0);
    }
    this.axis.set(this.bottom, this.top, s.bottom, s.top);

    s.clear();
    s.drawValueAxis(this.axis);
    s.drawTimeAxis(endMs);
    const y = this.axis.scale;
    ctx.strokeStyle = CSS.lfp;
    ctx.lineWidth = Math.max(1, Math.round(LINE_CSS_PX * s.dpr));
    ctx.beginPath();
    let drawing = false;
    for (let c = 0; c < columns; c++) {
      if (columnMin[c] > columnMax[c]) {
        // An empty column: a gap in the data, or no sample in this column (wide canvases).
        if (drawing && c + 1 < columns && columnMin[c + 1] <= columnMax[c + 1]) continue;
        drawing = false;
        continue;
      }
      const x = s.left + c + 0.5;
      if (drawing) ctx.lineTo(x, y(columnMin[c]));
      else ctx.moveTo(x, y(columnMin[c]));
      ctx.lineTo(x, y(columnMax[c]));
      drawing = true;
    }
    ctx.stroke();
    s.drawFrame();
  }
}
