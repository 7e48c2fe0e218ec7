/**
 * One plot's canvas: its size in device pixels, the plotting rectangle inside its margins, the
 * time scale, and the axes every plot draws (time ticks below, value ticks on the left). All the
 * plots share the same margins, so their time axes line up one above the other.
 *
 * Time maps through a d3 scale of time before the window's right edge (−window…0 ms): the scale
 * only changes when the canvas is resized, and a frame reads two numbers from it.
 */
import { scaleLinear } from 'd3-scale';
import { secondsLabel, TickLabels, timeTickStepMs, type YAxis } from './axes.ts';
import { CSS } from './plot-palette.ts';

/** Room for the value labels (left), the time labels (below), and the last time label (right); CSS px. */
export const MARGIN_LEFT_CSS = 50;
export const MARGIN_RIGHT_CSS = 16;
export const MARGIN_TOP_CSS = 6;
export const MARGIN_BOTTOM_CSS = 19;
export const FONT_CSS_PX = 12;
const TICK_CSS_PX = 4;

export class PlotSurface {
  readonly ctx: CanvasRenderingContext2D;
  /** Device pixels per CSS pixel. */
  dpr = 1;
  /** Canvas size and the plotting rectangle, in device pixels. */
  width = 0;
  height = 0;
  left = 0;
  right = 0;
  top = 0;
  bottom = 0;
  /** Time before the right edge (ms) → x in device pixels. */
  readonly x = scaleLinear();
  /** x of the window's left edge, and device pixels per ms (read from `x` at each resize). */
  x0 = 0;
  pxPerMs = 0;
  tickStepMs = 1000;
  private readonly tickLabels = new TickLabels(32, secondsLabel);

  constructor(
    readonly canvas: HTMLCanvasElement,
    readonly windowMs: number,
  ) {
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('this browser cannot draw on a 2D canvas');
    this.ctx = ctx;
  }

  /**
   * Fit the backing store to the canvas's CSS size; returns whether anything changed (then the
   * caller lays out what depends on the size). Resizing a canvas resets its context, so the
   * text settings are made again here, not per frame.
   */
  resize(cssWidth: number, cssHeight: number, dpr: number): boolean {
    const width = Math.max(1, Math.round(cssWidth * dpr));
    const height = Math.max(1, Math.round(cssHeight * dpr));
    if (width === this.width && height === this.height && dpr === this.dpr) return false;
    this.dpr = dpr;
    this.width = width;
    this.height = height;
    this.canvas.width = width;
    this.canvas.height = height;
    this.left = Math.round(MARGIN_LEFT_CSS * dpr);
    this.right = Math.max(this.left + 1, width - Math.round(MARGIN_RIGHT_CSS * dpr));
    this.top = Math.round(MARGIN_TOP_CSS * dpr);
    this.bottom = Math.max(this.top + 1, height - Math.round(MARGIN_BOTTOM_CSS * dpr));
    this.x.domain([-this.windowMs, 0]).range([this.left, this.right]);
    this.x0 = this.x(-this.windowMs);
    this.pxPerMs = (this.x(0) - this.x0) / this.windowMs;
    this.tickStepMs = timeTickStepMs(this.windowMs, (this.right - this.left) / dpr);
    this.ctx.font = `${Math.round(FONT_CSS_PX * dpr)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
    this.ctx.textBaseline = 'middle';
    // Bevel joins: a dense trace has a join at every column, and round ones cost more to draw.
    this.ctx.lineJoin = 'bevel';
    return true;
  }

  /** Background everywhere (the canvas is opaque). */
  clear(): void {
    const ctx = this.ctx;
    ctx.fillStyle = CSS.background;
    ctx.fillRect(0, 0, this.width, this.height);
  }

  /** x (device px) of simulated time `tMs`, for a window ending at `endMs`. */
  xOf(tMs: number, endMs: number): number {
    return this.x0 + (tMs - endMs + this.windowMs) * this.pxPerMs;
  }

  /** Index of the first tick (at index·tickStepMs) inside a window ending at `endMs`. */
  firstTick(endMs: number): number {
    return Math.ceil((endMs - this.windowMs) / this.tickStepMs - 1e-9);
  }

  /** Index of the last tick inside a window ending at `endMs`. */
  lastTick(endMs: number): number {
    return Math.floor(endMs / this.tickStepMs + 1e-9);
  }

  /**
   * Labelled ticks at every multiple of the tick step inside the window, with grid lines across
   * the plot unless the plot paints its own (`gridInside` false).
   */
  drawTimeAxis(endMs: number, gridInside = true): void {
    const ctx = this.ctx;
    const dpr = this.dpr;
    const step = this.tickStepMs;
    const first = this.firstTick(endMs);
    const last = this.lastTick(endMs);
    const gridTop = gridInside ? this.top : this.bottom;
    ctx.strokeStyle = CSS.grid;
    ctx.lineWidth = dpr;
    ctx.beginPath();
    for (let k = first; k <= last; k++) {
      const x = Math.round(this.xOf(k * step, endMs)) + 0.5;
      ctx.moveTo(x, gridTop);
      ctx.lineTo(x, this.bottom + TICK_CSS_PX * dpr);
    }
    ctx.stroke();
    ctx.fillStyle = CSS.axisText;
    const labelY = this.bottom + (TICK_CSS_PX + FONT_CSS_PX / 2 + 2) * dpr;
    const halfChar = 0.3 * FONT_CSS_PX * dpr;
    for (let k = first; k <= last; k++) {
      const label = this.tickLabels.get(k, step);
      const x = this.xOf(k * step, endMs);
      // The last label would be cut at the canvas's edge: end it there instead.
      if (x + label.length * halfChar > this.width) {
        ctx.textAlign = 'right';
        ctx.fillText(label, this.width - dpr, labelY);
      } else {
        ctx.textAlign = 'center';
        ctx.fillText(label, x, labelY);
      }
    }
  }

  /** Horizontal grid lines and value labels of a y axis (its scale maps to device px). */
  drawValueAxis(axis: YAxis): void {
    const ctx = this.ctx;
    const dpr = this.dpr;
    const ticks = axis.ticks;
    const labels = axis.labels;
    const scale = axis.scale;
    ctx.strokeStyle = CSS.grid;
    ctx.lineWidth = dpr;
    ctx.beginPath();
    for (let i = 0; i < ticks.length; i++) {
      const y = Math.round(scale(ticks[i])) + 0.5;
      ctx.moveTo(this.left - TICK_CSS_PX * dpr, y);
      ctx.lineTo(this.right, y);
    }
    ctx.stroke();
    ctx.fillStyle = CSS.axisText;
    ctx.textAlign = 'right';
    const labelX = this.left - (TICK_CSS_PX + 2) * dpr;
    for (let i = 0; i < ticks.length; i++) {
      // Keep the top label inside the canvas.
      const y = Math.max(scale(ticks[i]), (FONT_CSS_PX / 2) * dpr);
      ctx.fillText(labels[i], labelX, y);
    }
  }

  /** The frame of the plotting rectangle's left and bottom edges. */
  drawFrame(): void {
    const ctx = this.ctx;
    ctx.strokeStyle = CSS.divider;
    ctx.lineWidth = this.dpr;
    ctx.beginPath();
    const x = this.left - 0.5;
    const y = this.bottom + 0.5;
    ctx.moveTo(x, this.top);
    ctx.lineTo(x, y);
    ctx.lineTo(this.right, y);
    ctx.stroke();
  }
}
