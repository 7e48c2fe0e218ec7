/**
 * The cortical sheet: one dot per cell at its grid point, coloured by its firing (palette.ts),
 * over an optional ion map, with a cursor, the selected cell and the onset of the current
 * seizure-like event marked.
 *
 * All dots are Particles of one ParticleContainer sharing one texture; only their colour is
 * declared dynamic, so a frame uploads one word per dot. Positions and sizes are set when a
 * network is described, the canvas resized or the map switched, never per frame; the rings are
 * Graphics drawn once per layout and moved. Drawing is on demand: a frame from the worker
 * schedules one render at the next animation frame; between frames and while paused, renders
 * continue at most 15 times a second, only until the slew-limited luminance has reached its
 * target, then stop.
 */
import { scaleLinear } from 'd3-scale';
// Pixi's polyfills for what it would otherwise build with new Function: the page's
// Content-Security-Policy forbids eval (src/content-security-policy.ts).
import 'pixi.js/unsafe-eval';
import { Application, Graphics, Particle, ParticleContainer, type Texture } from 'pixi.js';
import type { Frame, SessionDescription } from '../model/runs/live/frame.ts';
import type { SheetMap } from '../state/store.ts';
import { lowPass, SlewLimiter } from './envelope.ts';
import { type IonMapKind, type IonMapTable, ionMapTable, MAP_LEVELS } from './ion-maps.ts';
import {
  DOT_LUMINANCE,
  ENVELOPE_LEVELS,
  ENVELOPE_TAU_MS,
  envelopeLuminanceTable,
  greyParticleTable,
  HUE_LEVELS,
  LUMINANCE_LEVELS,
  LUMINANCE_STEP,
  levelLowerBoundsHz,
  levelOf,
  MAX_LUMINANCE_PER_S,
  particleColourTable,
  RAW_QUIET_PARTICLE,
  RAW_SPIKE_PARTICLE,
  SHEET_BACKGROUND,
} from './palette.ts';

/** How the sheet draws: the store's view options. */
export interface SheetOptions {
  map: SheetMap;
  rawSpikes: boolean;
}

/** The lesion's outline: light, thin, and still (it is drawn once per layout). */
const LESION_OUTLINE = 0xd8d2c4;
/** The keyboard cursor (white) and the selected cell (the page's accent, over a dark halo). */
const CURSOR_COLOUR = 0xffffff;
const SELECTED_COLOUR = 0xffd23f;
const HALO_COLOUR = 0x000000;
const ONSET_COLOUR = 0xf4f1e8;

/** Dot diameters as a fraction of the grid spacing: interneurons smaller, a cue that needs no colour. */
const EXCITATORY_DIAMETER = 0.86;
const INHIBITORY_DIAMETER = 0.56;
/** With an ion map under them the dots shrink, so that the map reads on its own. */
const MAP_DOT_SCALE = 0.5;
/** Room around the sheet, in px. */
const MARGIN_PX = 6;
const DOT_TEXTURE_PX = 32;
/** A frame gap longer than this (a hidden tab) counts as this much for the slew limit. */
const LONGEST_WALL_STEP_S = 0.25;
/**
 * Between the worker's frames the dots only settle towards their targets, by at most
 * MAX_LUMINANCE_PER_S (0.3 per second, palette.ts): 0.02 of luminance, under two of the palette's
 * 48 levels, per 67 ms. So settling renders at most 15 times a second (a worker frame still
 * renders at the next animation frame). Rendering on every animation frame showed nothing more,
 * and where WebGL is software it took the CPU from the simulation worker: at the top speed
 * (`npm run bench:browser -- --query "?speed=16&threads=1"`, medians of 3, 2 cores) the worker
 * reached 2.71× real time with settling renders on every frame, 2.85× at 30 per second, 2.96× at
 * 20, 3.21× at 15, and 3.22× with none.
 */
const SETTLE_RENDER_INTERVAL_MS = 1000 / 15;
/** Animation frames come about every 16.7 ms but not exactly: render on the one nearest the interval. */
const SETTLE_RENDER_SLACK_MS = 4;
/** The onset ring's radius (mm): about the size of a K⁺ tile. */
const ONSET_RING_MM = 0.12;

const POPULATION_ENTRIES = LUMINANCE_LEVELS * HUE_LEVELS;

export class SheetView {
  /** Frames drawn since the page loaded (the tests read it). */
  framesDrawn = 0;
  /**
   * Called right after each render with the canvas, while its pixels are still there (the browser
   * tests measure luminance flashes from them). Null in normal use.
   */
  onRendered: ((canvas: HTMLCanvasElement) => void) | null = null;
  private readonly colours = particleColourTable();
  private readonly greys = greyParticleTable();
  private readonly envelopeTable = envelopeLuminanceTable();
  private readonly envelopeBounds = [
    levelLowerBoundsHz(0, 'brightness', ENVELOPE_LEVELS),
    levelLowerBoundsHz(1, 'brightness', ENVELOPE_LEVELS),
  ];
  private readonly hueBounds = [levelLowerBoundsHz(0, 'hue', HUE_LEVELS), levelLowerBoundsHz(1, 'hue', HUE_LEVELS)];
  private readonly dots: ParticleContainer<Particle>;
  private readonly dotTexture: Texture;
  /** The ion map under the dots: one square per K⁺ tile or per cell. */
  private readonly mapLayer: ParticleContainer<Particle>;
  private readonly squareTexture: Texture;
  private readonly mapTables = new Map<IonMapKind, IonMapTable>();
  private readonly lesionOutline = new Graphics();
  private readonly cursorRing = new Graphics();
  private readonly selectedRing = new Graphics();
  private readonly onsetRing = new Graphics();
  private options: SheetOptions = { map: 'none', rawSpikes: false };
  /** The newest frame (kept while paused: the envelope still settles, options redraw it). */
  private frame: Frame | null = null;
  private frameIsNew = false;
  /** Something other than settling asked for a render (a frame, a resize, the cursor, the map). */
  private renderSoon = false;
  private description: SessionDescription | null = null;
  private drawScheduled = false;
  /** After destroy(): a draw already asked of the browser finds nothing to render and stops. */
  private destroyed = false;
  private sizePx = 0;
  private readonly resizeObserver: ResizeObserver;
  /** Per cell: rate low-passed in simulated time (Hz), target and shown luminance. */
  private envelopeHz = new Float32Array(0);
  private targetLuminance = new Float32Array(0);
  private luminance = new SlewLimiter(0, MAX_LUMINANCE_PER_S);
  private envelopeFresh = true;
  private envelopeTimeMs = 0;
  private envelopeBuildId = -1;
  /** Per map square: target and shown level (0…1). */
  private mapTargets = new Float32Array(0);
  private mapLevels = new SlewLimiter(0, 1);
  private lastDrawWallMs = Number.NaN;
  private cursor: number | null = null;
  private selected: number | null = null;
  private readonly gridToPx = scaleLinear();
  /** Made once: scheduling a draw allocates no closure. */
  private readonly drawCallback = (): void => this.draw();

  static async create(host: HTMLElement): Promise<SheetView> {
    const app = new Application();
    // WebGL, not WebGPU: WebGPU draws nothing in headless Chromium (the browser tests), and
    // WebGL is available wherever the page is meant to run.
    await app.init({
      preference: 'webgl',
      background: SHEET_BACKGROUND,
      antialias: false,
      autoStart: false,
      sharedTicker: false,
      autoDensity: true,
      resolution: window.devicePixelRatio || 1,
      width: host.clientWidth || 1,
      height: host.clientWidth || 1,
    });
    app.canvas.setAttribute('aria-hidden', 'true');
    host.appendChild(app.canvas);
    return new SheetView(app, host);
  }

  private constructor(
    private readonly app: Application,
    private readonly host: HTMLElement,
  ) {
    const disc = new Graphics().circle(DOT_TEXTURE_PX / 2, DOT_TEXTURE_PX / 2, DOT_TEXTURE_PX / 2 - 1).fill(0xffffff);
    this.dotTexture = app.renderer.generateTexture({ target: disc, resolution: 2, antialias: true });
    disc.destroy();
    this.dots = new ParticleContainer<Particle>({
      texture: this.dotTexture,
      dynamicProperties: { position: false, rotation: false, uvs: false, vertex: false, color: true },
    });
    const square = new Graphics().rect(0, 0, DOT_TEXTURE_PX, DOT_TEXTURE_PX).fill(0xffffff);
    this.squareTexture = app.renderer.generateTexture({ target: square, resolution: 1 });
    square.destroy();
    this.mapLayer = new ParticleContainer<Particle>({
      texture: this.squareTexture,
      dynamicProperties: { position: false, rotation: false, uvs: false, vertex: false, color: true },
    });
    this.mapLayer.visible = false;
    this.cursorRing.visible = false;
    this.selectedRing.visible = false;
    this.onsetRing.visible = false;
    app.stage.addChild(
      this.mapLayer,
      this.dots,
      this.lesionOutline,
      this.onsetRing,
      this.selectedRing,
      this.cursorRing,
    );
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
    this.resize();
  }

  /** Cells per side of the current network (0 before the first). */
  get side(): number {
    return this.description?.side ?? 0;
  }

  /** A new network: one dot per cell, quiet until the first frame. */
  setDescription(description: SessionDescription): void {
    const sizeChanged = this.description?.n !== description.n;
    this.description = description;
    this.frame = null;
    const n = description.n;
    if (sizeChanged) {
      this.envelopeHz = new Float32Array(n);
      this.targetLuminance = new Float32Array(n).fill(DOT_LUMINANCE.silent);
      this.luminance = new SlewLimiter(n, MAX_LUMINANCE_PER_S);
      this.envelopeFresh = true;
      const dots = this.dots.particleChildren;
      dots.length = 0;
      for (let g = 0; g < n; g++) {
        dots.push(new Particle({ texture: this.dotTexture, anchorX: 0.5, anchorY: 0.5 }));
        dots[g].color = this.colours[description.isInhibitoryGrid[g] * POPULATION_ENTRIES];
      }
    }
    this.buildMapLayer();
    this.layout();
    this.scheduleDraw();
  }

  /** Keep the newest frame; it is drawn at the next animation frame. Never blocks. */
  showFrame(frame: Frame): void {
    const d = this.description;
    if (!d || frame.buildId !== d.buildId || frame.activity.length !== d.n) return;
    this.frame = frame;
    this.frameIsNew = true;
    this.scheduleDraw();
  }

  /** Map and raw spikes; redraws at once (also while paused). */
  setOptions(options: SheetOptions): void {
    const mapChanged = options.map !== this.options.map;
    this.options = { ...options };
    if (mapChanged) {
      this.buildMapLayer();
      this.layout();
    }
    this.scheduleDraw();
  }

  /** The keyboard cursor on a grid point, or hidden. */
  setCursor(grid: number | null): void {
    this.cursor = grid;
    this.placeRing(this.cursorRing, grid);
    this.scheduleDraw();
  }

  /** The selected cell, ringed, or none. */
  setSelected(grid: number | null): void {
    this.selected = grid;
    this.placeRing(this.selectedRing, grid);
    this.scheduleDraw();
  }

  /** The grid point under a point of the page (client coordinates), or null off the sheet. */
  gridAt(clientX: number, clientY: number): number | null {
    const d = this.description;
    if (!d) return null;
    const rect = this.app.canvas.getBoundingClientRect();
    const x = Math.floor(this.gridToPx.invert(clientX - rect.left));
    const y = Math.floor(this.gridToPx.invert(clientY - rect.top));
    if (x < 0 || y < 0 || x >= d.side || y >= d.side) return null;
    return y * d.side + x;
  }

  /**
   * Draw the sheet as it is now onto a 2D context (the PNG export). WebGL keeps no copy of a
   * frame once it is on screen, so the sheet is rendered again and copied in the same task.
   */
  drawInto(ctx: CanvasRenderingContext2D, x: number, y: number, sizePx: number): void {
    if (this.destroyed) return;
    this.app.render();
    ctx.drawImage(this.app.canvas, x, y, sizePx, sizePx);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.resizeObserver.disconnect();
    this.app.destroy(true, { children: true, texture: true });
  }

  private mapTable(kind: IonMapKind): IonMapTable {
    let table = this.mapTables.get(kind);
    if (!table) {
      table = ionMapTable(kind);
      this.mapTables.set(kind, table);
    }
    return table;
  }

  /** One square per K⁺ tile or per cell, for the map chosen (none: the layer is hidden). */
  private buildMapLayer(): void {
    const d = this.description;
    const kind = this.options.map;
    this.mapLayer.visible = kind !== 'none';
    if (!d || kind === 'none') return;
    const table = this.mapTable(kind);
    const squares = table.spec.resolution === 'tile' ? d.tilesPerSide * d.tilesPerSide : d.n;
    const layer = this.mapLayer.particleChildren;
    layer.length = 0;
    for (let k = 0; k < squares; k++) {
      layer.push(new Particle({ texture: this.squareTexture }));
      layer[k].color = table.particles[0];
    }
    this.mapTargets = new Float32Array(squares);
    this.mapLevels = new SlewLimiter(squares, table.maxLevelPerS);
  }

  /** A render only to let the dots settle (true) may wait for SETTLE_RENDER_INTERVAL_MS; any other comes at the next animation frame. */
  private scheduleDraw(settling = false): void {
    if (!settling) this.renderSoon = true;
    if (this.drawScheduled || this.destroyed) return;
    this.drawScheduled = true;
    requestAnimationFrame(this.drawCallback);
  }

  private draw(): void {
    this.drawScheduled = false;
    if (this.destroyed) return;
    const nowMs = performance.now();
    if (!this.renderSoon && nowMs - this.lastDrawWallMs < SETTLE_RENDER_INTERVAL_MS - SETTLE_RENDER_SLACK_MS) {
      // Only settling, and too soon after the last render: look again at the next animation frame.
      this.scheduleDraw(true);
      return;
    }
    this.renderSoon = false;
    const dtS = Number.isNaN(this.lastDrawWallMs)
      ? 0
      : Math.min(LONGEST_WALL_STEP_S, Math.max(0, (nowMs - this.lastDrawWallMs) / 1000));
    this.lastDrawWallMs = nowMs;
    const frame = this.frame;
    const d = this.description;
    let settling = false;
    if (frame && d) {
      if (this.frameIsNew) {
        this.followEnvelope(frame, d);
        if (this.options.map !== 'none') this.mapTargetsFrom(frame, this.options.map);
        this.frameIsNew = false;
        this.framesDrawn++;
      }
      const gap = this.luminance.step(this.targetLuminance, dtS);
      this.colourDots(frame, d);
      let mapGap = 0;
      if (this.options.map !== 'none') mapGap = this.colourMap(this.options.map, dtS);
      this.placeOnset(frame, d);
      settling = gap > 1e-4 || mapGap > 1e-4;
    }
    this.app.render();
    this.onRendered?.(this.app.canvas);
    // Paused, or between frames: keep drawing until the slew-limited luminance has arrived.
    if (settling) this.scheduleDraw(true);
  }

  /** The slow envelope: rates low-passed in simulated time, and each dot's target luminance. */
  private followEnvelope(frame: Frame, d: SessionDescription): void {
    const activity = frame.activity;
    const envelope = this.envelopeHz;
    if (this.envelopeFresh) {
      envelope.set(activity);
      this.envelopeFresh = false;
    } else {
      const dtMs = frame.buildId === this.envelopeBuildId ? frame.timeMs - this.envelopeTimeMs : 0;
      lowPass(envelope, activity, dtMs, ENVELOPE_TAU_MS);
    }
    this.envelopeBuildId = frame.buildId;
    this.envelopeTimeMs = frame.timeMs;
    const table = this.envelopeTable;
    const boundsE = this.envelopeBounds[0];
    const boundsI = this.envelopeBounds[1];
    const isInhibitory = d.isInhibitoryGrid;
    const target = this.targetLuminance;
    for (let g = 0; g < envelope.length; g++) {
      target[g] = table[levelOf(envelope[g], isInhibitory[g] ? boundsI : boundsE)];
    }
  }

  private colourDots(frame: Frame, d: SessionDescription): void {
    const dots = this.dots.particleChildren;
    const isInhibitory = d.isInhibitoryGrid;
    if (this.options.rawSpikes) {
      const spiked = frame.spikedGrid;
      for (let g = 0; g < dots.length; g++) dots[g].color = spiked[g] ? RAW_SPIKE_PARTICLE : RAW_QUIET_PARTICLE;
      return;
    }
    const shown = this.luminance.shown;
    const lastRow = LUMINANCE_LEVELS - 1;
    const silent = DOT_LUMINANCE.silent;
    if (this.options.map !== 'none') {
      const greys = this.greys;
      for (let g = 0; g < dots.length; g++) {
        const row = Math.round((shown[g] - silent) / LUMINANCE_STEP);
        dots[g].color = greys[row < 0 ? 0 : row > lastRow ? lastRow : row];
      }
      return;
    }
    const activity = frame.activity;
    const envelope = this.envelopeHz;
    const colours = this.colours;
    const hueE = this.hueBounds[0];
    const hueI = this.hueBounds[1];
    for (let g = 0; g < dots.length; g++) {
      const inhibitory = isInhibitory[g];
      let row = Math.round((shown[g] - silent) / LUMINANCE_STEP);
      row = row < 0 ? 0 : row > lastRow ? lastRow : row;
      // Hue from the faster of the two rates: a burst turns a dot warm at once, and the slow
      // envelope keeps a seizing patch warm between its bursts (at rest both sit near the quiet end).
      const a = activity[g];
      const e = envelope[g];
      const column = levelOf(a > e ? a : e, inhibitory ? hueI : hueE);
      dots[g].color = colours[inhibitory * POPULATION_ENTRIES + row * HUE_LEVELS + column];
    }
  }

  private mapTargetsFrom(frame: Frame, kind: IonMapKind): void {
    const values = kind === 'potassium' ? frame.koTiles : kind === 'sodium' ? frame.naiGrid : frame.eGabaGrid;
    const spec = this.mapTable(kind).spec;
    const targets = this.mapTargets;
    const n = Math.min(targets.length, values.length);
    // The d3 scale's domain, read once: level = (f(v) − f(d0)) / (f(d1) − f(d0)), f = ln or identity.
    const log = spec.scale === 'log';
    const lo = log ? Math.log(spec.domain[0]) : spec.domain[0];
    const span = (log ? Math.log(spec.domain[1]) : spec.domain[1]) - lo;
    for (let k = 0; k < n; k++) {
      const x = ((log ? Math.log(values[k]) : values[k]) - lo) / span;
      targets[k] = x <= 0 ? 0 : x >= 1 ? 1 : x;
    }
  }

  private colourMap(kind: IonMapKind, dtS: number): number {
    const gap = this.mapLevels.step(this.mapTargets, dtS);
    const particles = this.mapTable(kind).particles;
    const levels = this.mapLevels.shown;
    const squares = this.mapLayer.particleChildren;
    const top = MAP_LEVELS - 1;
    for (let k = 0; k < squares.length; k++) squares[k].color = particles[Math.round(levels[k] * top)];
    return gap;
  }

  /** The ring where the ongoing seizure-like event began, hidden when none is going. */
  private placeOnset(frame: Frame, d: SessionDescription): void {
    const events = frame.events;
    const last = events.length > 0 ? events[events.length - 1] : null;
    const ongoing = last !== null && last.offsetMs === null;
    this.onsetRing.visible = ongoing;
    if (!ongoing || last === null) return;
    const pxPerMm = (this.sizePx - 2 * MARGIN_PX) / d.sheetMm;
    this.onsetRing.position.set(MARGIN_PX + last.onsetXMm * pxPerMm, MARGIN_PX + last.onsetYMm * pxPerMm);
  }

  private placeRing(ring: Graphics, grid: number | null): void {
    const d = this.description;
    if (grid === null || !d || grid >= d.n) {
      ring.visible = false;
      return;
    }
    const x = grid % d.side;
    const y = (grid - x) / d.side;
    ring.position.set(this.gridToPx(x + 0.5), this.gridToPx(y + 0.5));
    ring.visible = true;
  }

  private resize(): void {
    const sizePx = Math.max(1, Math.floor(this.host.clientWidth));
    if (sizePx === this.sizePx) return;
    this.sizePx = sizePx;
    this.app.renderer.resize(sizePx, sizePx);
    this.layout();
    this.scheduleDraw();
  }

  /** Grid coordinates to pixels: the one model-to-screen transform of the sheet. */
  private layout(): void {
    const d = this.description;
    if (!d) return;
    const toPx = this.gridToPx.domain([0, d.side]).range([MARGIN_PX, this.sizePx - MARGIN_PX]);
    const spacingPx = toPx(1) - toPx(0);
    const shrink = this.options.map === 'none' ? 1 : MAP_DOT_SCALE;
    const dots = this.dots.particleChildren;
    for (let g = 0; g < dots.length; g++) {
      const x = g % d.side;
      const y = (g - x) / d.side;
      const dot = dots[g];
      dot.x = toPx(x + 0.5);
      dot.y = toPx(y + 0.5);
      const diameter = (d.isInhibitoryGrid[g] ? INHIBITORY_DIAMETER : EXCITATORY_DIAMETER) * spacingPx * shrink;
      dot.scaleX = diameter / DOT_TEXTURE_PX;
      dot.scaleY = dot.scaleX;
    }
    // Positions and sizes are static properties: uploaded only when told.
    this.dots.update();
    const squares = this.mapLayer.particleChildren;
    const perSide = Math.round(Math.sqrt(squares.length));
    const squarePx = perSide > 0 ? (this.sizePx - 2 * MARGIN_PX) / perSide : 0;
    for (let k = 0; k < squares.length; k++) {
      const sx = k % perSide;
      const sy = (k - sx) / perSide;
      squares[k].x = MARGIN_PX + sx * squarePx;
      squares[k].y = MARGIN_PX + sy * squarePx;
      squares[k].scaleX = squarePx / DOT_TEXTURE_PX;
      squares[k].scaleY = squarePx / DOT_TEXTURE_PX;
    }
    this.mapLayer.update();
    this.drawLesion(d);
    this.drawRings(spacingPx, (this.sizePx - 2 * MARGIN_PX) / d.sheetMm);
    this.placeRing(this.cursorRing, this.cursor);
    this.placeRing(this.selectedRing, this.selected);
  }

  /** The rings, centred on their origin, sized to the grid; moved (not redrawn) when they follow a cell. */
  private drawRings(spacingPx: number, pxPerMm: number): void {
    const r = Math.max(5, 0.9 * spacingPx);
    this.cursorRing
      .clear()
      .circle(0, 0, r + 1.5)
      .stroke({ width: 4, color: HALO_COLOUR, alpha: 0.9 })
      .circle(0, 0, r + 1.5)
      .stroke({ width: 2, color: CURSOR_COLOUR });
    this.selectedRing
      .clear()
      .circle(0, 0, r + 3)
      .stroke({ width: 6, color: HALO_COLOUR, alpha: 0.9 })
      .circle(0, 0, r + 3)
      .stroke({ width: 3, color: SELECTED_COLOUR });
    // Dashed: twelve arcs, so it reads as "here it began" and not as a selection.
    // A dark halo under the light dashes keeps it readable on a bright, seizing sheet.
    const g = this.onsetRing.clear();
    const onsetR = Math.max(10, ONSET_RING_MM * pxPerMm);
    const dashes = (): void => {
      for (let k = 0; k < 12; k++) {
        const a0 = (k * Math.PI) / 6;
        g.moveTo(onsetR * Math.cos(a0), onsetR * Math.sin(a0)).arc(0, 0, onsetR, a0, a0 + Math.PI / 10);
      }
    };
    dashes();
    g.stroke({ width: 5, color: HALO_COLOUR, alpha: 0.85 });
    dashes();
    g.stroke({ width: 2, color: ONSET_COLOUR, alpha: 0.95 });
  }

  /**
   * The lesion's circle in mm, with its copies across the edges of the torus where it wraps; the
   * stroke is thin and drawn only on layout, so it never flickers.
   */
  private drawLesion(d: SessionDescription): void {
    const g = this.lesionOutline;
    g.clear();
    const lesion = d.lesion;
    if (!lesion) return;
    const pxPerMm = (this.sizePx - 2 * MARGIN_PX) / d.sheetMm;
    const r = lesion.radiusMm;
    for (const dx of [-d.sheetMm, 0, d.sheetMm]) {
      for (const dy of [-d.sheetMm, 0, d.sheetMm]) {
        const x = lesion.xMm + dx;
        const y = lesion.yMm + dy;
        if (x + r < 0 || x - r > d.sheetMm || y + r < 0 || y - r > d.sheetMm) continue;
        g.circle(MARGIN_PX + x * pxPerMm, MARGIN_PX + y * pxPerMm, r * pxPerMm);
      }
    }
    g.stroke({ width: 2, color: LESION_OUTLINE, alpha: 0.85 });
  }
}
