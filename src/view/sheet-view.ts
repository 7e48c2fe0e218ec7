/**
 * The cortical sheet: one dot per cell at its grid point, coloured by its smoothed firing rate.
 *
 * All dots are Particles of one ParticleContainer sharing one texture; only their colour is
 * declared dynamic, so a frame uploads one word per dot. Positions and sizes are set when a
 * network is described or the canvas is resized, never per frame. Drawing is on demand: a frame
 * from the worker schedules one render at the next animation frame, and nothing runs while the
 * simulation is paused.
 */
import { scaleLinear } from 'd3-scale';
// Pixi's polyfills for what it would otherwise build with new Function: the page's
// Content-Security-Policy forbids eval (src/content-security-policy.ts).
import 'pixi.js/unsafe-eval';
import { Application, Graphics, Particle, ParticleContainer, type Texture } from 'pixi.js';
import type { Frame, SessionDescription } from '../model/runs/live/frame.ts';
import {
  ACTIVITY_LEVELS,
  levelLowerBoundsHz,
  levelOf,
  POTASSIUM_RAMP_MM,
  particleColourTable,
  potassiumColourTable,
  RAW_SPIKE_PARTICLE,
  SHEET_BACKGROUND,
} from './palette.ts';

/** How the sheet draws: the store's view options. */
export interface SheetOptions {
  potassium: boolean;
  rawSpikes: boolean;
}

/** The lesion's outline: light, thin, and still (it is drawn once per layout). */
const LESION_OUTLINE = 0xd8d2c4;

/** Dot diameters as a fraction of the grid spacing: interneurons smaller, a cue that needs no colour. */
const EXCITATORY_DIAMETER = 0.86;
const INHIBITORY_DIAMETER = 0.56;
/** Room around the sheet, in px. */
const MARGIN_PX = 6;
const DOT_TEXTURE_PX = 32;

export class SheetView {
  /** Frames drawn since the page loaded (the tests read it). */
  framesDrawn = 0;
  /**
   * Called right after each render with the canvas, while its pixels are still there (the browser
   * tests measure luminance flashes from them). Null in normal use.
   */
  onRendered: ((canvas: HTMLCanvasElement) => void) | null = null;
  private readonly colours = particleColourTable();
  private readonly levelBoundsHz = levelLowerBoundsHz();
  private readonly dots: ParticleContainer<Particle>;
  private readonly dotTexture: Texture;
  /** One square per K⁺ tile, under the dots; shown only with the potassium option. */
  private readonly tiles: ParticleContainer<Particle>;
  private readonly tileTexture: Texture;
  private readonly potassiumColours = potassiumColourTable();
  private readonly lesionOutline = new Graphics();
  private options: SheetOptions = { potassium: false, rawSpikes: false };
  /** The last frame drawn, redrawn when the options change while paused. */
  private lastFrame: Frame | null = null;
  private description: SessionDescription | null = null;
  private pendingFrame: Frame | null = null;
  private drawScheduled = false;
  private sizePx = 0;
  private readonly resizeObserver: ResizeObserver;

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
    this.tileTexture = app.renderer.generateTexture({ target: square, resolution: 1 });
    square.destroy();
    this.tiles = new ParticleContainer<Particle>({
      texture: this.tileTexture,
      dynamicProperties: { position: false, rotation: false, uvs: false, vertex: false, color: true },
    });
    this.tiles.visible = false;
    app.stage.addChild(this.tiles, this.dots, this.lesionOutline);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
    this.resize();
  }

  /** A new network: one dot per cell, quiet until the first frame. */
  setDescription(description: SessionDescription): void {
    this.description = description;
    this.pendingFrame = null;
    const n = description.n;
    const dots = this.dots.particleChildren;
    dots.length = 0;
    for (let g = 0; g < n; g++) {
      const population = description.isInhibitoryGrid[g];
      dots.push(
        new Particle({
          texture: this.dotTexture,
          anchorX: 0.5,
          anchorY: 0.5,
        }),
      );
      dots[g].color = this.colours[population * ACTIVITY_LEVELS];
    }
    const tiles = this.tiles.particleChildren;
    tiles.length = 0;
    const nTiles = description.tilesPerSide * description.tilesPerSide;
    for (let t = 0; t < nTiles; t++) {
      tiles.push(new Particle({ texture: this.tileTexture }));
      tiles[t].color = this.potassiumColours[0];
    }
    this.lastFrame = null;
    this.layout();
    this.scheduleDraw();
  }

  /** Keep the newest frame; it is drawn at the next animation frame. Never blocks. */
  showFrame(frame: Frame): void {
    const d = this.description;
    if (!d || frame.buildId !== d.buildId || frame.activity.length !== d.n) return;
    this.pendingFrame = frame;
    this.scheduleDraw();
  }

  /** Heat map and raw spikes on or off; redraws the last frame at once (also while paused). */
  setOptions(options: SheetOptions): void {
    this.options = { ...options };
    this.tiles.visible = options.potassium;
    if (!this.pendingFrame && this.lastFrame) this.pendingFrame = this.lastFrame;
    this.scheduleDraw();
  }

  /**
   * Draw the sheet as it is now onto a 2D context (the PNG export). WebGL keeps no copy of a
   * frame once it is on screen, so the sheet is rendered again and copied in the same task.
   */
  drawInto(ctx: CanvasRenderingContext2D, x: number, y: number, sizePx: number): void {
    this.app.render();
    ctx.drawImage(this.app.canvas, x, y, sizePx, sizePx);
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.app.destroy(true, { children: true, texture: true });
  }

  private scheduleDraw(): void {
    if (this.drawScheduled) return;
    this.drawScheduled = true;
    requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.drawScheduled = false;
    const frame = this.pendingFrame;
    const d = this.description;
    if (frame && d) {
      this.pendingFrame = null;
      const dots = this.dots.particleChildren;
      const activity = frame.activity;
      const isInhibitory = d.isInhibitoryGrid;
      const colours = this.colours;
      const bounds = this.levelBoundsHz;
      if (this.options.rawSpikes) {
        const spiked = frame.spikedGrid;
        for (let g = 0; g < dots.length; g++) {
          dots[g].color = spiked[g] ? RAW_SPIKE_PARTICLE : colours[isInhibitory[g] * ACTIVITY_LEVELS];
        }
      } else {
        for (let g = 0; g < dots.length; g++) {
          dots[g].color = colours[isInhibitory[g] * ACTIVITY_LEVELS + levelOf(activity[g], bounds)];
        }
      }
      if (this.options.potassium) {
        const tiles = this.tiles.particleChildren;
        const ko = frame.koTiles;
        const span = POTASSIUM_RAMP_MM.high - POTASSIUM_RAMP_MM.rest;
        for (let t = 0; t < tiles.length && t < ko.length; t++) {
          const x = (ko[t] - POTASSIUM_RAMP_MM.rest) / span;
          const level = x <= 0 ? 0 : x >= 1 ? ACTIVITY_LEVELS - 1 : Math.round(x * (ACTIVITY_LEVELS - 1));
          tiles[t].color = this.potassiumColours[level];
        }
      }
      this.lastFrame = frame;
      this.framesDrawn++;
    }
    this.app.render();
    this.onRendered?.(this.app.canvas);
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
    const toPx = scaleLinear()
      .domain([0, d.side])
      .range([MARGIN_PX, this.sizePx - MARGIN_PX]);
    const spacingPx = toPx(1) - toPx(0);
    const dots = this.dots.particleChildren;
    for (let g = 0; g < dots.length; g++) {
      const x = g % d.side;
      const y = (g - x) / d.side;
      const dot = dots[g];
      dot.x = toPx(x + 0.5);
      dot.y = toPx(y + 0.5);
      const diameter = (d.isInhibitoryGrid[g] ? INHIBITORY_DIAMETER : EXCITATORY_DIAMETER) * spacingPx;
      dot.scaleX = diameter / DOT_TEXTURE_PX;
      dot.scaleY = dot.scaleX;
    }
    // Positions and sizes are static properties: uploaded only when told.
    this.dots.update();
    const tilePx = (this.sizePx - 2 * MARGIN_PX) / d.tilesPerSide;
    const tiles = this.tiles.particleChildren;
    for (let t = 0; t < tiles.length; t++) {
      const tx = t % d.tilesPerSide;
      const ty = (t - tx) / d.tilesPerSide;
      tiles[t].x = MARGIN_PX + tx * tilePx;
      tiles[t].y = MARGIN_PX + ty * tilePx;
      tiles[t].scaleX = tilePx / DOT_TEXTURE_PX;
      tiles[t].scaleY = tilePx / DOT_TEXTURE_PX;
    }
    this.tiles.update();
    this.drawLesion(d);
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
