/**
 * The EEG strip under the sheet: the LFP/EEG proxy over the last EEG_WINDOW_S seconds, as a
 * clinician reads an EEG page — a trace with a time axis and an L-shaped scale bar instead of a
 * value axis — with the state in words beside its title, and each seizure-like event shaded where
 * the detector found it.
 *
 * The trace follows the data's sign: today's proxy is a sum of magnitudes (≥ 0), a signed one
 * (AMPA − GABA, as Mazzoni 2015 weigh them) draws about its zero line without a change here. The
 * y range is calm (it grows at once, shrinks only when the data fit in half of it), so bursts do
 * not make the axis breathe.
 *
 * Photosensitivity: the trace is a line, the shading of an event is a faint band (relative
 * luminance within 0.02 of the background) that appears once at onset and scrolls away slowly;
 * nothing here can flash. Drawing allocates nothing: rings, column buffers and labels are made per
 * network, per size or when a value first appears.
 */
import { scaleLinear } from 'd3-scale';
import type { SeizureEvent } from '../model/detect/seizure.ts';
import type { Frame, SessionDescription } from '../model/runs/live/frame.ts';
import { calmTop } from './plots/axes.ts';
import { CSS } from './plots/plot-palette.ts';
import { StateLabel } from './plots/state-label.ts';
import { columnEnvelope, type Extremes, SampleRing } from './traces/sample-ring.ts';
import { niceFloor, TraceSurface } from './traces/trace-surface.ts';

/** Seconds on the strip: an EEG page (clinical review shows 10 s per screen). */
export const EEG_WINDOW_S = 10;
/** The smallest range shown (pA): a resting sheet swings about 1000–2200 pA. */
const MIN_SPAN_PA = 1000;
/** The trace: light, so it reads on a projector; the event band: a faint warm tint. */
const TRACE_CSS = '#dfe6f5';
const EVENT_BAND_CSS = '#2a2116';
const EVENT_TEXT_CSS = '#f4a48c';
const SCALE_CSS = '#e6e9f0';
/** Under the scale bar: the background, a little see-through so the trace is not cut hard. */
const SCALE_PLATE_CSS = 'rgba(10, 14, 24, 0.85)';
const EVENT_LABEL = 'seizure-like event';
/**
 * A new network's first volley (every cell leaves the same initial state at once) is drawn but
 * does not set the strip's range: it is ~10× a resting sheet's swing and would flatten the first
 * ten seconds of rest to a line. 250 ms covers it (the volley is over within ~100 ms).
 */
const STARTUP_VOLLEY_MS = 250;

function amplitudeLabel(pa: number): string {
  return pa >= 1000 ? `${pa / 1000} nA` : `${pa} pA`;
}

export class EegStrip {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly surface: TraceSurface;
  private readonly stateLabel: StateLabel;
  private readonly ring = new SampleRing(EEG_WINDOW_S * 1000);
  private readonly y = scaleLinear();
  private readonly extremes: Extremes = { lo: 0, hi: 0 };
  private columnMin = new Float32Array(0);
  private columnMax = new Float32Array(0);
  private top = MIN_SPAN_PA;
  private bottom = 0;
  private events: readonly SeizureEvent[] = [];
  private buildId = -1;
  private drawScheduled = false;
  private stale = true;
  private scaleValue = Number.NaN;
  private scaleText = '';
  private labelFontPx = Number.NaN;
  private labelWidthPx = 0;
  /** The events' x extents in the window (eventSpans), reused from draw to draw. */
  private spanX0 = new Float64Array(8);
  private spanX1 = new Float64Array(8);
  private spanOngoing = new Uint8Array(8);
  /** Strips drawn (the tests read it). */
  drawn = 0;
  private readonly resizeObserver: ResizeObserver;
  private readonly drawCallback = (): void => this.draw();

  constructor(doc: Document) {
    this.element = doc.createElement('figure');
    this.element.className = 'eeg-strip';
    this.element.id = 'eeg-strip';
    const caption = doc.createElement('figcaption');
    caption.className = 'eeg-caption';
    const title = doc.createElement('span');
    title.className = 'eeg-title';
    title.textContent = 'EEG';
    const detail = doc.createElement('span');
    detail.className = 'eeg-detail';
    detail.textContent = `EEG proxy, last ${EEG_WINDOW_S} s`;
    this.stateLabel = new StateLabel(doc);
    this.stateLabel.element.classList.add('eeg-state');
    caption.append(title, detail, this.stateLabel.element);
    this.canvas = doc.createElement('canvas');
    this.canvas.className = 'eeg-canvas';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute(
      'aria-label',
      `EEG-like signal of the sheet (the LFP proxy: excitatory minus inhibitory synaptic current onto pyramidal cells, so up is net excitation) over the last ${EEG_WINDOW_S} seconds, with a scale bar; seizure-like events are shaded. The status panel says in words what the network is doing.`,
    );
    this.element.append(caption, this.canvas);
    this.surface = new TraceSurface(this.canvas, EEG_WINDOW_S * 1000, { left: 4, right: 4, top: 4, bottom: 18 });
    this.resizeObserver = new ResizeObserver(() => {
      this.stale = true;
      this.scheduleDraw();
    });
    this.resizeObserver.observe(this.canvas);
    this.stateLabel.show(null, 0);
  }

  setDescription(description: SessionDescription): void {
    this.buildId = description.buildId;
    this.ring.clear();
    this.top = MIN_SPAN_PA;
    this.bottom = 0;
    this.events = [];
    this.stateLabel.show(null, 0);
    this.stale = true;
    this.scheduleDraw();
  }

  showFrame(frame: Frame): void {
    if (frame.buildId !== this.buildId) return;
    this.ring.append(frame.startMs, frame.sampleMs, frame.eegPa);
    this.events = frame.events;
    this.stateLabel.show(frame.state, frame.interictalCount, frame.smoothedRateEHz);
    this.stale = true;
    this.scheduleDraw();
  }

  private scheduleDraw(): void {
    if (this.drawScheduled || !this.stale) return;
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
    }
    this.stale = false;
    const endMs = Math.max(this.ring.windowMs, this.ring.timeMs);
    columnEnvelope(this.ring, endMs, s.pxPerMs, this.columnMin, this.columnMax, this.extremes, STARTUP_VOLLEY_MS);
    const { lo, hi } = this.extremes;
    if (hi >= lo) {
      // Calm in both directions about zero; a signed proxy gets room below zero too.
      this.top = calmTop(this.top, Math.max(0, hi), this.bottom < 0 ? 0 : MIN_SPAN_PA);
      this.bottom = -calmTop(-this.bottom, Math.max(0, -lo), 0);
      if (this.top - this.bottom < MIN_SPAN_PA) this.top = this.bottom + MIN_SPAN_PA;
    }
    const y = this.y.domain([this.bottom, this.top]).range([s.bottom, s.top]);
    s.clear(CSS.background);
    const spans = this.eventSpans(endMs, this.ring.timeMs);
    this.drawEvents(spans);
    s.drawTimeAxis(endMs, CSS.grid, CSS.axisText);
    if (this.bottom < 0) {
      const zero = Math.round(y(0)) + 0.5;
      s.ctx.strokeStyle = CSS.divider;
      s.ctx.lineWidth = s.dpr;
      s.ctx.beginPath();
      s.ctx.moveTo(s.left, zero);
      s.ctx.lineTo(s.right, zero);
      s.ctx.stroke();
    }
    s.strokeEnvelope(this.columnMin, this.columnMax, y, TRACE_CSS);
    const scaleLeft = this.drawScale((this.top - this.bottom) / 3);
    this.labelEvents(spans, scaleLeft);
    this.drawn++;
  }

  /**
   * The x extent of each seizure-like event in the window (up to the data's end), newest first,
   * into reused arrays (grown only when there are more events than ever before). Returns how many.
   */
  private eventSpans(endMs: number, dataEndMs: number): number {
    const s = this.surface;
    const startMs = endMs - s.windowMs;
    let n = 0;
    for (let k = this.events.length - 1; k >= 0; k--) {
      const event = this.events[k];
      const offsetMs = event.offsetMs ?? dataEndMs;
      if (offsetMs < startMs) break;
      const x0 = Math.max(s.left, s.xOf(event.onsetMs, endMs));
      const x1 = Math.min(s.right, s.xOf(offsetMs, endMs));
      if (x1 <= x0) continue;
      if (n === this.spanX0.length) this.growSpans();
      this.spanX0[n] = x0;
      this.spanX1[n] = x1;
      this.spanOngoing[n] = event.offsetMs === null ? 1 : 0;
      n++;
    }
    return n;
  }

  private growSpans(): void {
    const size = 2 * this.spanX0.length;
    const x0 = new Float64Array(size);
    const x1 = new Float64Array(size);
    const ongoing = new Uint8Array(size);
    x0.set(this.spanX0);
    x1.set(this.spanX1);
    ongoing.set(this.spanOngoing);
    this.spanX0 = x0;
    this.spanX1 = x1;
    this.spanOngoing = ongoing;
  }

  /** A faint band over each seizure-like event in the window. */
  private drawEvents(spans: number): void {
    const s = this.surface;
    s.ctx.fillStyle = EVENT_BAND_CSS;
    for (let k = 0; k < spans; k++) {
      s.ctx.fillRect(this.spanX0[k], s.top, this.spanX1[k] - this.spanX0[k], s.bottom - s.top);
    }
  }

  /**
   * Each band's label, over the trace: at the band's start, moved left (right-aligned, just clear
   * of the scale bar) when it would run into the scale bar at the strip's top right, as it does
   * while an event has just begun; left out when even that does not fit.
   */
  private labelEvents(spans: number, scaleLeft: number): void {
    const s = this.surface;
    const ctx = s.ctx;
    if (this.labelFontPx !== s.fontPx) {
      this.labelFontPx = s.fontPx;
      this.labelWidthPx = ctx.measureText(EVENT_LABEL).width;
    }
    const gap = 4 * s.dpr;
    ctx.fillStyle = EVENT_TEXT_CSS;
    ctx.textAlign = 'left';
    for (let k = 0; k < spans; k++) {
      const x = Math.min(this.spanX0[k] + gap, scaleLeft - gap - this.labelWidthPx);
      if (x < s.left) continue;
      // An event still going on may have its label start just before its (still narrow) band; an
      // ended one too narrow for its label goes without.
      if (this.spanOngoing[k] === 0 && x + this.labelWidthPx > this.spanX1[k] - gap) continue;
      ctx.fillText(EVENT_LABEL, x, s.top + s.fontPx * 0.7);
    }
  }

  /** The scale bar: a round amplitude of about a third of the range, and one second. Returns its left edge. */
  private drawScale(thirdPa: number): number {
    const value = niceFloor(thirdPa);
    if (value !== this.scaleValue) {
      this.scaleValue = value;
      this.scaleText = amplitudeLabel(value);
    }
    const s = this.surface;
    const heightPx = ((s.bottom - s.top) * value) / (this.top - this.bottom);
    return s.drawScaleBar(heightPx, this.scaleText, '1 s', SCALE_CSS, SCALE_PLATE_CSS);
  }
}
