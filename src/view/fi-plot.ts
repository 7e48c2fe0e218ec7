/**
 * The F–I plot: firing rate against injected current for a pyramidal cell (amber, solid) and an
 * interneuron (teal, dashed), each with its rheobase marked, under the current settings
 * (src/model/reference/fi-curve.ts). Drawn when new curves arrive or the canvas changes size —
 * never per frame.
 */
import { scaleLinear } from 'd3-scale';
import type { FiCurve, FiCurves } from '../model/reference/fi-curve.ts';
import { FI_MAX_CURRENT_PA } from '../model/reference/fi-curve.ts';
import { niceCeil } from './plots/axes.ts';
import { CSS } from './plots/plot-palette.ts';

const E_CSS = '#e0a050';
const I_CSS = '#5ec8d8';
const MARGIN = { left: 44, right: 18, top: 10, bottom: 34 };

export class FiPlot {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly x = scaleLinear().domain([0, FI_MAX_CURRENT_PA]);
  private readonly y = scaleLinear();
  private curves: FiCurves | null = null;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private readonly resizeObserver: ResizeObserver;
  /** Draws since the page loaded (the tests read it). */
  drawn = 0;

  constructor(readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('this browser cannot draw on a 2D canvas');
    this.ctx = ctx;
    this.resizeObserver = new ResizeObserver(() => this.draw());
    this.resizeObserver.observe(canvas);
  }

  show(curves: FiCurves): void {
    this.curves = curves;
    this.draw();
  }

  private draw(): void {
    const dpr = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.canvas.clientWidth * dpr));
    const height = Math.max(1, Math.round(this.canvas.clientHeight * dpr));
    if (width !== this.width || height !== this.height || dpr !== this.dpr) {
      this.width = width;
      this.height = height;
      this.dpr = dpr;
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const ctx = this.ctx;
    const font = Math.round(12 * dpr);
    ctx.font = `${font}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = CSS.background;
    ctx.fillRect(0, 0, width, height);
    const left = MARGIN.left * dpr;
    const right = width - MARGIN.right * dpr;
    const top = MARGIN.top * dpr;
    const bottom = height - MARGIN.bottom * dpr;
    const curves = this.curves;
    let maxRate = 50;
    if (curves) for (const c of [curves.e, curves.i]) for (const r of c.ratesHz) maxRate = Math.max(maxRate, r);
    const x = this.x.range([left, right]);
    const y = this.y.domain([0, niceCeil(maxRate * 1.05)]).range([bottom, top]);

    ctx.strokeStyle = CSS.grid;
    ctx.lineWidth = dpr;
    ctx.beginPath();
    for (const t of y.ticks(4)) {
      ctx.moveTo(left, Math.round(y(t)) + 0.5);
      ctx.lineTo(right, Math.round(y(t)) + 0.5);
    }
    for (const t of x.ticks(5)) {
      ctx.moveTo(Math.round(x(t)) + 0.5, top);
      ctx.lineTo(Math.round(x(t)) + 0.5, bottom + 4 * dpr);
    }
    ctx.stroke();
    ctx.fillStyle = CSS.axisText;
    ctx.textAlign = 'right';
    for (const t of y.ticks(4)) ctx.fillText(String(t), left - 5 * dpr, y(t));
    ctx.textAlign = 'center';
    for (const t of x.ticks(5)) ctx.fillText(String(t), x(t), bottom + 12 * dpr);
    ctx.fillText('injected current (pA)', (left + right) / 2, bottom + 26 * dpr);
    ctx.save();
    ctx.translate(12 * dpr, (top + bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('rate (Hz)', 0, 0);
    ctx.restore();
    if (curves) {
      this.drawCurve(curves.i, x, y, I_CSS, [6 * dpr, 4 * dpr]);
      this.drawCurve(curves.e, x, y, E_CSS, []);
    }
    this.drawn++;
  }

  private drawCurve(
    curve: FiCurve,
    x: (pa: number) => number,
    y: (hz: number) => number,
    colour: string,
    dash: number[],
  ): void {
    const ctx = this.ctx;
    const dpr = this.dpr;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2 * dpr;
    ctx.setLineDash(dash);
    ctx.beginPath();
    for (let k = 0; k < curve.currentsPa.length; k++) {
      const px = x(curve.currentsPa[k]);
      const py = y(curve.ratesHz[k]);
      if (k === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    if (curve.rheobasePa === null) return;
    // The rheobase: a triangle standing on the current axis, pointing up at the curve's start.
    const rx = x(curve.rheobasePa);
    const base = y(0);
    ctx.fillStyle = colour;
    ctx.strokeStyle = CSS.background;
    ctx.lineWidth = dpr;
    ctx.beginPath();
    ctx.moveTo(rx, base - 11 * dpr);
    ctx.lineTo(rx - 6 * dpr, base);
    ctx.lineTo(rx + 6 * dpr, base);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  }
}
