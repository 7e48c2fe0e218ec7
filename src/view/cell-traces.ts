/**
 * One cell's traces (the "click a cell" panel): its membrane potential over the last
 * CELL_WINDOW_S seconds with its spikes drawn to the top and its E_GABA as a dashed line on the
 * same millivolt axis — so the learner sees whether GABA pulls the cell down or up — and beside it
 * three small traces of what explains it: its [Na⁺]i, the K⁺o of its tile, its E_GABA.
 *
 * Rings and column buffers are made per cell and per size; a draw allocates nothing.
 */
import { scaleLinear } from 'd3-scale';
import type { Frame } from '../model/runs/live/frame.ts';
import { CSS } from './plots/plot-palette.ts';
import { columnEnvelope, type Extremes, SampleRing } from './traces/sample-ring.ts';
import { TraceSurface } from './traces/trace-surface.ts';

export const CELL_WINDOW_S = 5;
const WINDOW_MS = CELL_WINDOW_S * 1000;
/** The V axis (mV): below any reset, above the spike cut; spikes are drawn up to SPIKE_TOP_MV. */
const V_BOTTOM_MV = -90;
const V_TOP_MV = 10;
const SPIKE_TOP_MV = 0;
const V_TICKS_MV = [-80, -60, -40, -20, 0];
/** Spikes of the window: a cell firing at 500 Hz for 5 s. */
const SPIKE_CAPACITY = 4096;

const V_CSS = '#e6e9f0';
const SPIKE_CSS = '#ffd23f';
const EGABA_CSS = '#8fc1ff';

export type IonTraceKind = 'nai' | 'ko' | 'egaba';

/** A small trace of one slow variable, with its range calm and labelled. */
class Sparkline {
  readonly ring = new SampleRing(WINDOW_MS);
  private readonly surface: TraceSurface;
  private readonly y = scaleLinear();
  private readonly extremes: Extremes = { lo: 0, hi: 0 };
  private columnMin = new Float32Array(0);
  private columnMax = new Float32Array(0);
  private lo = Number.NaN;
  private hi = Number.NaN;
  private loText = '';
  private hiText = '';

  constructor(
    readonly canvas: HTMLCanvasElement,
    /** The smallest span shown, in the unit, so noise does not fill the height. */
    private readonly minSpan: number,
    private readonly digits: number,
    private readonly colour: string,
  ) {
    this.surface = new TraceSurface(canvas, WINDOW_MS, { left: 34, right: 2, top: 3, bottom: 3 });
  }

  clear(): void {
    this.ring.clear();
    this.lo = Number.NaN;
    this.hi = Number.NaN;
  }

  draw(endMs: number): void {
    const s = this.surface;
    if (s.resize()) {
      this.columnMin = new Float32Array(s.right - s.left);
      this.columnMax = new Float32Array(s.right - s.left);
    }
    columnEnvelope(this.ring, endMs, s.pxPerMs, this.columnMin, this.columnMax, this.extremes);
    const { lo, hi } = this.extremes;
    if (hi >= lo) {
      // Calm: the range moves only when the data leave it, by whole steps of the minimum span.
      if (Number.isNaN(this.lo) || lo < this.lo || hi > this.hi || hi - lo < 0.25 * (this.hi - this.lo)) {
        const mid = 0.5 * (lo + hi);
        const half = Math.max(this.minSpan, (hi - lo) * 1.2) / 2;
        this.lo = Math.floor((mid - half) / this.minSpan) * this.minSpan;
        this.hi = Math.ceil((mid + half) / this.minSpan) * this.minSpan;
        this.loText = this.lo.toFixed(this.digits);
        this.hiText = this.hi.toFixed(this.digits);
      }
    }
    s.clear(CSS.background);
    if (Number.isNaN(this.lo)) return;
    const y = this.y.domain([this.lo, this.hi]).range([s.bottom, s.top]);
    const ctx = s.ctx;
    ctx.fillStyle = CSS.axisText;
    ctx.textAlign = 'right';
    ctx.fillText(this.hiText, s.left - 3 * s.dpr, s.top + s.fontPx * 0.5);
    ctx.fillText(this.loText, s.left - 3 * s.dpr, s.bottom - s.fontPx * 0.5);
    s.strokeEnvelope(this.columnMin, this.columnMax, y, this.colour, Math.max(1, 1.5 * s.dpr));
  }
}

export class CellTraces {
  private readonly surface: TraceSurface;
  private readonly y = scaleLinear().domain([V_BOTTOM_MV, V_TOP_MV]);
  private readonly vRing = new SampleRing(WINDOW_MS);
  private readonly eGabaRing = new SampleRing(WINDOW_MS);
  private readonly extremes: Extremes = { lo: 0, hi: 0 };
  private columnMin = new Float32Array(0);
  private columnMax = new Float32Array(0);
  private gabaMin = new Float32Array(0);
  private gabaMax = new Float32Array(0);
  private readonly spikeTimesMs = new Float64Array(SPIKE_CAPACITY);
  private spikeEnd = 0;
  private readonly sparklines: Record<IonTraceKind, Sparkline>;
  private grid: number | null = null;
  private buildId = -1;
  private drawScheduled = false;
  private readonly drawCallback = (): void => this.draw();
  private readonly resizeObserver: ResizeObserver;
  /** Draws since the page loaded (the tests read it). */
  drawn = 0;

  constructor(vCanvas: HTMLCanvasElement, ionCanvases: Record<IonTraceKind, HTMLCanvasElement>) {
    this.surface = new TraceSurface(vCanvas, WINDOW_MS, { left: 40, right: 6, top: 6, bottom: 18 });
    this.sparklines = {
      nai: new Sparkline(ionCanvases.nai, 1, 0, '#c7bf53'),
      ko: new Sparkline(ionCanvases.ko, 0.2, 1, '#e47b44'),
      egaba: new Sparkline(ionCanvases.egaba, 2, 0, EGABA_CSS),
    };
    this.resizeObserver = new ResizeObserver(() => this.scheduleDraw());
    this.resizeObserver.observe(vCanvas);
  }

  /** Watch another cell (or none): the traces start empty. */
  setCell(grid: number | null, buildId: number): void {
    this.grid = grid;
    this.buildId = buildId;
    this.vRing.clear();
    this.eGabaRing.clear();
    this.spikeEnd = 0;
    for (const line of Object.values(this.sparklines)) line.clear();
    this.scheduleDraw();
  }

  /** Append the frame's stretch of the watched cell; true when it had one. */
  showFrame(frame: Frame): boolean {
    const probe = frame.probe;
    if (!probe || probe.grid !== this.grid) return false;
    if (frame.buildId !== this.buildId) {
      this.setCell(probe.grid, frame.buildId);
    }
    this.vRing.append(frame.startMs, probe.stepMs, probe.vMv);
    this.eGabaRing.append(frame.startMs, frame.sampleMs, probe.eGabaMv);
    this.sparklines.nai.ring.append(frame.startMs, frame.sampleMs, probe.naiMm);
    this.sparklines.ko.ring.append(frame.startMs, frame.sampleMs, probe.koMm);
    this.sparklines.egaba.ring.append(frame.startMs, frame.sampleMs, probe.eGabaMv);
    for (let k = 0; k < probe.spikeTimesMs.length; k++) {
      this.spikeTimesMs[this.spikeEnd % SPIKE_CAPACITY] = frame.startMs + probe.spikeTimesMs[k];
      this.spikeEnd++;
    }
    this.scheduleDraw();
    return true;
  }

  private scheduleDraw(): void {
    if (this.drawScheduled) return;
    this.drawScheduled = true;
    requestAnimationFrame(this.drawCallback);
  }

  private draw(): void {
    this.drawScheduled = false;
    const s = this.surface;
    if (s.resize()) {
      const columns = s.right - s.left;
      this.columnMin = new Float32Array(columns);
      this.columnMax = new Float32Array(columns);
      this.gabaMin = new Float32Array(columns);
      this.gabaMax = new Float32Array(columns);
    }
    const endMs = Math.max(WINDOW_MS, this.vRing.timeMs);
    const y = this.y.range([s.bottom, s.top]);
    const ctx = s.ctx;
    s.clear(CSS.background);
    this.drawVoltageAxis(y);
    s.drawTimeAxis(endMs, CSS.grid, CSS.axisText);
    if (this.grid !== null) {
      columnEnvelope(this.eGabaRing, endMs, s.pxPerMs, this.gabaMin, this.gabaMax, this.extremes);
      ctx.setLineDash([6 * s.dpr, 4 * s.dpr]);
      s.strokeEnvelope(this.gabaMin, this.gabaMax, y, EGABA_CSS, Math.max(1, 1.5 * s.dpr));
      ctx.setLineDash([]);
      columnEnvelope(this.vRing, endMs, s.pxPerMs, this.columnMin, this.columnMax, this.extremes);
      s.strokeEnvelope(this.columnMin, this.columnMax, y, V_CSS);
      this.drawSpikes(endMs, y(SPIKE_TOP_MV), y(-45));
    }
    this.sparklines.nai.draw(endMs);
    this.sparklines.ko.draw(endMs);
    this.sparklines.egaba.draw(endMs);
    this.drawn++;
  }

  private drawVoltageAxis(y: (mv: number) => number): void {
    const s = this.surface;
    const ctx = s.ctx;
    ctx.strokeStyle = CSS.grid;
    ctx.lineWidth = s.dpr;
    ctx.beginPath();
    for (const mv of V_TICKS_MV) {
      const py = Math.round(y(mv)) + 0.5;
      ctx.moveTo(s.left, py);
      ctx.lineTo(s.right, py);
    }
    ctx.stroke();
    ctx.fillStyle = CSS.axisText;
    ctx.textAlign = 'right';
    for (const mv of V_TICKS_MV) ctx.fillText(mv === 0 ? '0 mV' : `${mv}`, s.left - 4 * s.dpr, y(mv));
  }

  /** Each spike of the window as a stroke from the spike cut up to 0 mV. */
  private drawSpikes(endMs: number, topPx: number, basePx: number): void {
    const s = this.surface;
    const ctx = s.ctx;
    const startMs = endMs - WINDOW_MS;
    ctx.strokeStyle = SPIKE_CSS;
    ctx.lineWidth = Math.max(1, 1.5 * s.dpr);
    ctx.beginPath();
    const first = Math.max(0, this.spikeEnd - SPIKE_CAPACITY);
    for (let k = first; k < this.spikeEnd; k++) {
      const t = this.spikeTimesMs[k % SPIKE_CAPACITY];
      if (t < startMs) continue;
      const x = Math.round(s.xOf(t, endMs)) + 0.5;
      ctx.moveTo(x, basePx);
      ctx.lineTo(x, topPx);
    }
    ctx.stroke();
  }
}

/** What the readouts say about the watched cell now (the newest values of the frame's probe). */
export interface CellNow {
  vMv: number;
  naiMm: number;
  koMm: number;
  eGabaMv: number;
  rateHz: number;
}

/** The newest values of a frame's probe, written into `out` (false when the frame has none for this cell). */
export function cellNow(frame: Frame, grid: number, out: CellNow): boolean {
  const p = frame.probe;
  if (!p || p.grid !== grid || p.vMv.length === 0 || p.naiMm.length === 0) return false;
  out.vMv = p.vMv[p.vMv.length - 1];
  out.naiMm = p.naiMm[p.naiMm.length - 1];
  out.koMm = p.koMm[p.koMm.length - 1];
  out.eGabaMv = p.eGabaMv[p.eGabaMv.length - 1];
  out.rateHz = frame.activity[grid];
  return true;
}
