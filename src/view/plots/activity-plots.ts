/**
 * The activity plots panel: the state label and synchrony gauge, the scrolling spike raster, the
 * LFP proxy, the population rates and χ over the last WINDOW_S seconds, and the log of
 * seizure-like events.
 *
 * Every frame from the worker is appended to the history at once (each brings its own stretch of
 * time); drawing happens at most once per animation frame, only when something new came, and the
 * canvases are not drawn while the panel is off screen. Drawing makes no objects of its own: the
 * history's rings, the plots' pixel and column buffers and every string are made per network,
 * per size, or when a tick or a label first appears. (Measured with V8's sampling heap profiler:
 * ~70 bytes per draw of all four plots, the engine boxing coordinates passed to the canvas.)
 *
 * Canvas 2D, not pixi: the plots are mostly lines and text, the raster is fastest as a pixel
 * buffer, and the page keeps one WebGL context (the sheet's).
 */
import { ChiPlot } from './chi-plot.ts';
import { EventLog } from './event-log.ts';
import { ActivityHistory, WINDOW_S } from './history.ts';
import { LfpPlot } from './lfp-plot.ts';
import { PlotSurface } from './plot-surface.ts';
import type {} from './probe.ts';
import { RasterPlot } from './raster-plot.ts';
import { RatePlot } from './rate-plot.ts';
import { StateLabel } from './state-label.ts';
import { SynchronyGauge } from './synchrony-gauge.ts';
import './plots.css';
import type { Frame, SessionDescription } from '../../model/runs/live/frame.ts';

/** Draw times kept for the page's inspection hook (the browser test reports their median). */
const DRAW_TIMES_KEPT = 512;

interface Plot {
  readonly surface: PlotSurface;
  layout(): void;
  draw(history: ActivityHistory): void;
}

interface FigureSpec {
  key: string;
  title: string;
  detail: string;
  label: string;
  legend?: string;
}

const FIGURES: readonly FigureSpec[] = [
  {
    key: 'raster',
    title: 'Spike raster',
    detail: 'one row per cell, a sample spread evenly over the sheet; each mark is one spike',
    label: `Spike raster of the last ${WINDOW_S} seconds: pyramidal cells in the upper block, interneurons in the lower block.`,
  },
  {
    key: 'lfp',
    title: 'EEG proxy',
    detail:
      '(pA: excitatory minus 1.65 × inhibitory synaptic current onto pyramidal cells, after Mazzoni 2015; up = net excitation)',
    label: `EEG proxy over the last ${WINDOW_S} seconds, in picoamperes: up is net excitatory synaptic current onto pyramidal cells, down net inhibitory.`,
  },
  {
    key: 'rate',
    title: 'Population rate',
    detail: '(Hz per cell, in 10-ms bins)',
    label: `Mean firing rate of each population over the last ${WINDOW_S} seconds, in hertz.`,
    legend:
      '<span class="plots-key"><span class="plots-key-line plots-key-e" aria-hidden="true"></span>Excitatory (solid)</span>' +
      '<span class="plots-key"><span class="plots-key-line plots-key-i" aria-hidden="true"></span>Inhibitory (dashed)</span>',
  },
  {
    key: 'chi',
    title: 'Synchrony χ',
    detail: '(0 independent … 1 in lockstep; over 1-s windows)',
    label: `Synchrony χ over the last ${WINDOW_S} seconds, from 0 to 1.`,
  },
];

export class ActivityPlots {
  private readonly history = new ActivityHistory();
  private readonly raster: RasterPlot;
  private readonly plots: Plot[];
  private readonly lfp: LfpPlot;
  private readonly rate: RatePlot;
  private readonly stateLabel: StateLabel;
  private readonly gauge: SynchronyGauge;
  private readonly eventLog: EventLog;
  private readonly root: HTMLElement;
  private readonly resizeObserver: ResizeObserver;
  private readonly intersectionObserver: IntersectionObserver;
  private description: SessionDescription | null = null;
  private latest: Frame | null = null;
  private drawScheduled = false;
  /** New data or a new size since the last draw. */
  private stale = true;
  private layoutPending = true;
  private onScreen = true;
  private framesDrawnCount = 0;
  private framesAppendedCount = 0;
  private readonly drawTimes = new Float64Array(DRAW_TIMES_KEPT);
  private drawCount = 0;
  /** Made once: scheduling a draw allocates no closure. */
  private readonly drawCallback = (): void => this.draw();

  /** Build the panel's contents inside `host` (after what it holds, e.g. its heading). */
  static create(host: HTMLElement): ActivityPlots {
    return new ActivityPlots(host);
  }

  private constructor(host: HTMLElement) {
    const doc = host.ownerDocument;
    const idPrefix = host.id || 'plots';
    this.root = doc.createElement('div');
    this.root.className = 'plots';
    const now = doc.createElement('div');
    now.className = 'plots-now';
    this.stateLabel = new StateLabel(doc);
    this.gauge = new SynchronyGauge(doc, idPrefix);
    now.append(this.stateLabel.element, this.gauge.element);

    const figures = doc.createElement('div');
    figures.className = 'plots-figures';
    const surfaces = new Map<string, PlotSurface>();
    for (const spec of FIGURES) {
      const figure = doc.createElement('figure');
      figure.className = `plot plot-${spec.key}`;
      const caption = doc.createElement('figcaption');
      caption.className = 'plot-caption';
      const title = doc.createElement('span');
      title.className = 'plot-title';
      title.textContent = spec.title;
      const detail = doc.createElement('span');
      detail.className = 'plot-detail';
      detail.textContent = ` ${spec.detail}`;
      caption.append(title, detail);
      if (spec.legend) {
        const legend = doc.createElement('span');
        legend.className = 'plots-legend';
        legend.innerHTML = spec.legend;
        caption.append(legend);
      }
      const canvas = doc.createElement('canvas');
      canvas.className = 'plot-canvas';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', spec.label);
      figure.append(caption, canvas);
      figures.append(figure);
      surfaces.set(spec.key, new PlotSurface(canvas, this.history.windowMs));
    }
    const timeTitle = doc.createElement('p');
    timeTitle.className = 'plot-time-title';
    timeTitle.textContent = `Simulated time (s): the last ${WINDOW_S} s, newest on the right`;
    figures.append(timeTitle);

    this.eventLog = new EventLog(doc, idPrefix);
    this.root.append(now, figures, this.eventLog.element);
    host.append(this.root);

    const surface = (key: string): PlotSurface => surfaces.get(key) as PlotSurface;
    this.raster = new RasterPlot(surface('raster'));
    this.lfp = new LfpPlot(surface('lfp'));
    this.rate = new RatePlot(surface('rate'));
    this.plots = [this.raster, this.lfp, this.rate, new ChiPlot(surface('chi'))];

    this.resizeObserver = new ResizeObserver(() => {
      this.layoutPending = true;
      this.stale = true;
      this.scheduleDraw();
    });
    for (const plot of this.plots) this.resizeObserver.observe(plot.surface.canvas);
    this.intersectionObserver = new IntersectionObserver((entries) => {
      this.onScreen = entries[entries.length - 1].isIntersecting;
      if (this.onScreen) this.scheduleDraw();
    });
    this.intersectionObserver.observe(this.root);

    window.__refractoryPlots = {
      framesDrawn: () => this.framesDrawnCount,
      framesAppended: () => this.framesAppendedCount,
      drawTimesMs: () => {
        const kept = Math.min(this.drawCount, DRAW_TIMES_KEPT);
        const times: number[] = [];
        for (let i = this.drawCount - kept; i < this.drawCount; i++) times.push(this.drawTimes[i % DRAW_TIMES_KEPT]);
        return times;
      },
      benchmark: (runs, flush) => this.benchmark(runs, flush),
    };
    this.scheduleDraw();
  }

  /** A new network: empty plots and log, until its first frame. */
  setDescription(description: SessionDescription): void {
    this.description = description;
    this.latest = null;
    this.history.setDescription(description);
    this.raster.setDescription(description);
    this.lfp.reset();
    this.rate.reset();
    this.eventLog.clear(description.lesion);
    this.stale = true;
    this.scheduleDraw();
  }

  /** Append the frame's stretch of time; the plots redraw at the next animation frame. */
  showFrame(frame: Frame): void {
    if (!this.description || !this.history.append(frame)) return;
    this.latest = frame;
    this.framesAppendedCount++;
    this.stale = true;
    this.scheduleDraw();
  }

  /** Draw the canvases now, on screen or not (the PNG export copies them). */
  drawCanvasesNow(): void {
    if (this.layoutPending) this.layout();
    for (let i = 0; i < this.plots.length; i++) this.plots[i].draw(this.history);
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.intersectionObserver.disconnect();
    this.root.remove();
    if (window.__refractoryPlots) window.__refractoryPlots = undefined;
  }

  private scheduleDraw(): void {
    if (this.drawScheduled || !this.stale) return;
    this.drawScheduled = true;
    requestAnimationFrame(this.drawCallback);
  }

  /**
   * The words (state, χ, events) are kept current even off screen, where a screen reader may
   * read them; the canvases only while they can be seen.
   */
  private draw(): void {
    this.drawScheduled = false;
    const startMs = performance.now();
    const frame = this.latest;
    if (frame) {
      this.stateLabel.show(frame.state, frame.interictalCount, frame.smoothedRateEHz);
      this.gauge.show(frame.chi);
      this.eventLog.show(frame.events);
    } else {
      this.stateLabel.show(null, 0);
      this.gauge.show(Number.NaN);
    }
    if (!this.onScreen) return;
    if (this.layoutPending) this.layout();
    const history = this.history;
    for (let i = 0; i < this.plots.length; i++) this.plots[i].draw(history);
    this.stale = false;
    this.framesDrawnCount++;
    this.drawTimes[this.drawCount % DRAW_TIMES_KEPT] = performance.now() - startMs;
    this.drawCount++;
  }

  private benchmark(runs: number, flush: boolean): number[][] {
    if (this.layoutPending) this.layout();
    const results: number[][] = [];
    for (let r = 0; r < runs; r++) {
      const times: number[] = [];
      for (const plot of this.plots) {
        const start = performance.now();
        plot.draw(this.history);
        if (flush) plot.surface.ctx.getImageData(0, 0, 1, 1);
        times.push(performance.now() - start);
      }
      results.push(times);
    }
    return results;
  }

  private layout(): void {
    this.layoutPending = false;
    const dpr = window.devicePixelRatio || 1;
    for (const plot of this.plots) {
      const canvas = plot.surface.canvas;
      if (plot.surface.resize(canvas.clientWidth, canvas.clientHeight, dpr)) plot.layout();
    }
  }
}
