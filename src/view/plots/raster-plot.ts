/**
 * The scrolling spike raster: one row per sampled cell, pyramidal cells above a divider and
 * interneurons below it, each block labelled. A spike is a short vertical mark: one device pixel
 * wide for a pyramidal cell, two for an interneuron, so the populations differ in place, label
 * and mark, not only in colour.
 *
 * Tens of thousands of marks are written straight into a pixel buffer (an ImageData made once
 * per size) and put on the canvas in one call; the axes and labels are drawn over it.
 */

import type { SessionDescription } from '../../model/runs/live/frame.ts';
import type { ActivityHistory } from './history.ts';
import { RASTER_CAPACITY } from './history.ts';
import { CSS, GRID as GRID_RGB, imageDataWord, rasterWords } from './plot-palette.ts';
import { FONT_CSS_PX, type PlotSurface } from './plot-surface.ts';

/** Gap between the two blocks, holding the divider (CSS px). */
const DIVIDER_GAP_CSS = 7;
const LABEL_BACKING = 'rgba(10, 14, 24, 0.8)';

export class RasterPlot {
  private readonly words = rasterWords();
  private readonly gridWord = imageDataWord(GRID_RGB);
  private image: ImageData | null = null;
  private pixels = new Uint32Array(0);
  private plotWidth = 0;
  private plotHeight = 0;
  private rowsE = 0;
  private rowsI = 0;
  /** Per raster row: top and height in the pixel buffer (rows of the plotting rectangle). */
  private rowTop = new Int32Array(0);
  private rowHeight = new Int32Array(0);
  private dividerY = 0;
  private blockITop = 0;
  private labelE = 'Excitatory';
  private labelI = 'Inhibitory';

  constructor(readonly surface: PlotSurface) {}

  setDescription(d: SessionDescription): void {
    this.rowsE = d.rasterRowsE;
    this.rowsI = d.rasterRowsI;
    this.labelE = `Excitatory (${d.rasterRowsE} cells)`;
    this.labelI = `Inhibitory (${d.rasterRowsI} cells)`;
    this.rowTop = new Int32Array(d.rasterRowsE + d.rasterRowsI);
    this.rowHeight = new Int32Array(d.rasterRowsE + d.rasterRowsI);
    this.layoutRows();
  }

  /** After the surface changed size. */
  layout(): void {
    const s = this.surface;
    this.plotWidth = s.right - s.left;
    this.plotHeight = s.bottom - s.top;
    this.image = new ImageData(this.plotWidth, this.plotHeight);
    this.pixels = new Uint32Array(this.image.data.buffer);
    this.layoutRows();
  }

  /**
   * Rows share the height evenly (an interneuron row is as tall as a pyramidal one); on a small
   * canvas several rows share a pixel.
   */
  private layoutRows(): void {
    const rows = this.rowsE + this.rowsI;
    if (rows === 0 || this.plotHeight === 0) return;
    const gap = Math.round(DIVIDER_GAP_CSS * this.surface.dpr);
    const usable = Math.max(2, this.plotHeight - gap);
    const heightE = Math.round((usable * this.rowsE) / rows);
    const heightI = usable - heightE;
    for (let r = 0; r < this.rowsE; r++) this.placeRow(r, 0, heightE, r, this.rowsE);
    this.blockITop = Math.min(this.plotHeight - 1, heightE + gap);
    for (let r = 0; r < this.rowsI; r++) this.placeRow(this.rowsE + r, this.blockITop, heightI, r, this.rowsI);
    this.dividerY = heightE + gap / 2;
  }

  private placeRow(row: number, blockTop: number, blockHeight: number, index: number, count: number): void {
    const top = blockTop + Math.floor((index * blockHeight) / count);
    const bottom = blockTop + Math.floor(((index + 1) * blockHeight) / count);
    this.rowTop[row] = Math.min(top, this.plotHeight - 1);
    this.rowHeight[row] = Math.max(1, Math.min(bottom, this.plotHeight) - this.rowTop[row]);
  }

  draw(history: ActivityHistory): void {
    const s = this.surface;
    const ctx = s.ctx;
    const image = this.image;
    if (!image) return;
    const endMs = Math.max(history.windowMs, history.timeMs);
    const leftMs = endMs - history.windowMs;
    s.clear();
    s.drawTimeAxis(endMs, false);

    const pixels = this.pixels;
    const width = this.plotWidth;
    const height = this.plotHeight;
    const words = this.words;
    pixels.fill(words.background);
    // Grid lines first, so the marks stay on top of them.
    const step = s.tickStepMs;
    for (let k = s.firstTick(endMs); k <= s.lastTick(endMs); k++) {
      const x = Math.round(s.xOf(k * step, endMs)) - s.left;
      if (x < 0 || x >= width) continue;
      for (let y = 0; y < height; y++) pixels[y * width + x] = this.gridWord;
    }

    const pxPerMs = s.pxPerMs;
    const dpr = s.dpr;
    const widthE = Math.max(1, Math.round(dpr));
    const widthI = Math.max(2, Math.round(2 * dpr));
    const rowsE = this.rowsE;
    const rows = rowsE + this.rowsI;
    const rowTop = this.rowTop;
    const rowHeight = this.rowHeight;
    const times = history.rasterTimeMs;
    const rowOf = history.rasterRow;
    for (let i = history.rasterStart; i < history.rasterEnd; i++) {
      const slot = i % RASTER_CAPACITY;
      const row = rowOf[slot];
      if (row >= rows) continue;
      const x = Math.floor((times[slot] - leftMs) * pxPerMs);
      if (x < 0 || x >= width) continue;
      const inhibitory = row >= rowsE;
      const word = inhibitory ? words.inhibitory : words.excitatory;
      const xEnd = Math.min(width, x + (inhibitory ? widthI : widthE));
      const top = rowTop[row];
      const bottom = top + rowHeight[row];
      for (let y = top; y < bottom; y++) {
        const base = y * width;
        for (let px = x; px < xEnd; px++) pixels[base + px] = word;
      }
    }
    ctx.putImageData(image, s.left, s.top);

    s.drawFrame();
    if (rows === 0) return;
    // Divider between the blocks, and their labels over the oldest data.
    ctx.strokeStyle = CSS.divider;
    ctx.lineWidth = dpr;
    ctx.beginPath();
    const dividerY = Math.round(s.top + this.dividerY) + 0.5;
    ctx.moveTo(s.left - 4 * dpr, dividerY);
    ctx.lineTo(s.right, dividerY);
    ctx.stroke();
    this.drawBlockLabel(this.labelE, s.top, CSS.rateE);
    this.drawBlockLabel(this.labelI, s.top + this.blockITop, CSS.rateI);
  }

  private drawBlockLabel(text: string, top: number, colour: string): void {
    const s = this.surface;
    const ctx = s.ctx;
    const dpr = s.dpr;
    const fontPx = FONT_CSS_PX * dpr;
    // An estimate of the width (measureText would allocate a TextMetrics per call).
    const width = text.length * 0.56 * fontPx + 6 * dpr;
    const height = fontPx + 4 * dpr;
    ctx.fillStyle = LABEL_BACKING;
    ctx.fillRect(s.left + dpr, top + dpr, width, height);
    ctx.fillStyle = colour;
    ctx.textAlign = 'left';
    ctx.fillText(text, s.left + 4 * dpr, top + dpr + height / 2);
  }
}
