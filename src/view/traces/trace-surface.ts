/**
 * A canvas for a scrolling trace (the EEG strip, a cell's V and ions): its size in device pixels,
 * the plotting rectangle inside margins given in CSS pixels, a time axis in simulated seconds,
 * scale bars, and the column-envelope stroke. Font size and line width come from the canvas's CSS
 * (font-size, --trace-width), read when the canvas changes size, so lecture mode can make a trace
 * large by stylesheet alone.
 *
 * Nothing here allocates per draw: tick labels are made when a tick first appears, scale-bar
 * labels when their value changes.
 */
import { secondsLabel, TickLabels, timeTickStepMs } from '../plots/axes.ts';

export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const TICK_CSS_PX = 4;
/** Scale bars: 1, 2 or 5 × 10ᵏ. */
const BAR_MANTISSAS = [1, 2, 5];

/** The largest 1, 2 or 5 × 10ᵏ at or below `value` (value > 0). */
export function niceFloor(value: number): number {
  if (!(value > 0)) return 0;
  const decade = 10 ** Math.floor(Math.log10(value) + 1e-9);
  let best = decade;
  for (const m of BAR_MANTISSAS) if (m * decade <= value * (1 + 1e-9)) best = m * decade;
  return best;
}

export class TraceSurface {
  readonly ctx: CanvasRenderingContext2D;
  dpr = 1;
  width = 0;
  height = 0;
  left = 0;
  right = 0;
  top = 0;
  bottom = 0;
  /** Font size and trace width in device pixels (from the CSS). */
  fontPx = 12;
  lineWidth = 1;
  pxPerMs = 0;
  private scaleLabel = '';
  private scaleLabelFontPx = Number.NaN;
  private scaleLabelWidthPx = 0;
  tickStepMs = 1000;
  private readonly tickLabels = new TickLabels(32, (ms) => `${secondsLabel(ms)} s`);
  private fontFamily = 'system-ui, sans-serif';

  constructor(
    readonly canvas: HTMLCanvasElement,
    readonly windowMs: number,
    private readonly margins: Margins,
  ) {
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('this browser cannot draw on a 2D canvas');
    this.ctx = ctx;
  }

  /** Fit the backing store to the canvas's CSS size; returns whether anything changed. */
  resize(): boolean {
    const dpr = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.canvas.clientWidth * dpr));
    const height = Math.max(1, Math.round(this.canvas.clientHeight * dpr));
    const style = getComputedStyle(this.canvas);
    const fontCss = Number.parseFloat(style.fontSize) || 12;
    const traceCss = Number.parseFloat(style.getPropertyValue('--trace-width')) || 1.25;
    const fontPx = Math.round(fontCss * dpr);
    const lineWidth = Math.max(1, traceCss * dpr);
    if (
      width === this.width &&
      height === this.height &&
      dpr === this.dpr &&
      fontPx === this.fontPx &&
      lineWidth === this.lineWidth
    )
      return false;
    this.dpr = dpr;
    this.width = width;
    this.height = height;
    this.canvas.width = width;
    this.canvas.height = height;
    this.fontPx = fontPx;
    this.lineWidth = lineWidth;
    this.fontFamily = style.fontFamily || this.fontFamily;
    const scaleWithFont = fontCss / 12;
    this.left = Math.round(this.margins.left * dpr * scaleWithFont);
    this.right = Math.max(this.left + 1, width - Math.round(this.margins.right * dpr * scaleWithFont));
    this.top = Math.round(this.margins.top * dpr);
    this.bottom = Math.max(this.top + 1, height - Math.round(this.margins.bottom * dpr * scaleWithFont));
    this.pxPerMs = (this.right - this.left) / this.windowMs;
    this.tickStepMs = timeTickStepMs(this.windowMs, (this.right - this.left) / dpr);
    this.ctx.font = `${fontPx}px ${this.fontFamily}`;
    this.ctx.textBaseline = 'middle';
    this.ctx.lineJoin = 'bevel';
    return true;
  }

  clear(colour: string): void {
    this.ctx.fillStyle = colour;
    this.ctx.fillRect(0, 0, this.width, this.height);
  }

  /** x (device px) of simulated time `tMs` in a window ending at `endMs`. */
  xOf(tMs: number, endMs: number): number {
    return this.left + (tMs - endMs + this.windowMs) * this.pxPerMs;
  }

  /** Ticks and labels (simulated seconds) along the bottom, with faint grid lines up the plot. */
  drawTimeAxis(endMs: number, gridColour: string, textColour: string): void {
    const ctx = this.ctx;
    const step = this.tickStepMs;
    const first = Math.ceil((endMs - this.windowMs) / step - 1e-9);
    const last = Math.floor(endMs / step + 1e-9);
    ctx.strokeStyle = gridColour;
    ctx.lineWidth = this.dpr;
    ctx.beginPath();
    for (let k = first; k <= last; k++) {
      const x = Math.round(this.xOf(k * step, endMs)) + 0.5;
      ctx.moveTo(x, this.top);
      ctx.lineTo(x, this.bottom + TICK_CSS_PX * this.dpr);
    }
    ctx.stroke();
    ctx.fillStyle = textColour;
    const labelY = this.bottom + TICK_CSS_PX * this.dpr + this.fontPx * 0.65;
    for (let k = first; k <= last; k++) {
      const label = this.tickLabels.get(k, step);
      const x = this.xOf(k * step, endMs);
      const half = 0.3 * this.fontPx * label.length;
      ctx.textAlign = x + half > this.width ? 'right' : x - half < 0 ? 'left' : 'center';
      ctx.fillText(label, ctx.textAlign === 'right' ? this.width - this.dpr : ctx.textAlign === 'left' ? 0 : x, labelY);
    }
  }

  /**
   * The envelope of a trace: per column a vertical stroke from its smallest to its largest value,
   * joined to the next column, so every spike shows at any width; empty columns leave gaps.
   */
  strokeEnvelope(
    columnMin: Float32Array,
    columnMax: Float32Array,
    y: (value: number) => number,
    colour: string,
    widthPx = this.lineWidth,
  ): void {
    const ctx = this.ctx;
    // Clipped to the plot area: a value outside the range (the EEG strip's start-up volley) is cut
    // at the edge instead of running over the time axis.
    ctx.save();
    ctx.beginPath();
    ctx.rect(this.left, this.top, this.right - this.left, this.bottom - this.top);
    ctx.clip();
    ctx.strokeStyle = colour;
    ctx.lineWidth = widthPx;
    ctx.beginPath();
    let drawing = false;
    const columns = columnMin.length;
    for (let c = 0; c < columns; c++) {
      if (columnMin[c] > columnMax[c]) {
        if (drawing && c + 1 < columns && columnMin[c + 1] <= columnMax[c + 1]) continue;
        drawing = false;
        continue;
      }
      const x = this.left + c + 0.5;
      if (drawing) ctx.lineTo(x, y(columnMin[c]));
      else ctx.moveTo(x, y(columnMin[c]));
      if (columnMax[c] !== columnMin[c]) ctx.lineTo(x, y(columnMax[c]));
      drawing = true;
    }
    ctx.stroke();
    ctx.restore();
  }

  /**
   * An L-shaped scale bar in the top right corner of the plot: `heightPx` tall for `valueLabel`,
   * and one second wide, labelled. Returns the left edge of what it drew (bar or label), so other
   * labels can keep clear of it.
   */
  drawScaleBar(heightPx: number, valueLabel: string, secondLabel: string, colour: string, plate?: string): number {
    const ctx = this.ctx;
    const secondPx = 1000 * this.pxPerMs;
    const x1 = this.right - 2 * this.dpr;
    const x0 = x1 - secondPx;
    const y0 = this.top + 2 * this.dpr + heightPx;
    // Measured when the label or the font changes, not every frame (measureText allocates).
    if (valueLabel !== this.scaleLabel || this.fontPx !== this.scaleLabelFontPx) {
      this.scaleLabel = valueLabel;
      this.scaleLabelFontPx = this.fontPx;
      this.scaleLabelWidthPx = ctx.measureText(valueLabel).width;
    }
    const left = Math.min(x0, x1 - 4 * this.dpr - this.scaleLabelWidthPx);
    if (plate) {
      // A plate under the bar and its labels, so a trace that reaches the top does not cross them.
      const pad = 3 * this.dpr;
      ctx.fillStyle = plate;
      ctx.fillRect(left - pad, this.top, x1 + pad - (left - pad), y0 + this.fontPx * 1.2 - this.top);
    }
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2 * this.dpr;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y0);
    ctx.lineTo(x1, y0 - heightPx);
    ctx.stroke();
    ctx.fillStyle = colour;
    ctx.textAlign = 'right';
    ctx.fillText(valueLabel, x1 - 4 * this.dpr, y0 - heightPx / 2);
    ctx.textAlign = 'center';
    ctx.fillText(secondLabel, (x0 + x1) / 2, y0 + this.fontPx * 0.7);
    return left;
  }
}
