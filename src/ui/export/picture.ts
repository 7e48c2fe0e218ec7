/**
 * The PNG export: the cortical sheet and the activity plots composed into one picture, with a
 * caption that says what it shows (simulated time, state, seed, settings, treatment) and that it
 * is an educational model.
 *
 * The sheet is WebGL, which keeps no copy of a frame once it is on screen, so it is rendered
 * again and copied in the same task (SheetView.drawInto); the plots are 2D canvases and are
 * copied as they are. Made only when asked for, so its allocations do not touch the frame path.
 */
import type { SheetView } from '../../view/sheet-view.ts';

/** Width of the sheet and of the plots column in the picture (px). */
const SHEET_PX = 640;
const PLOTS_PX = 760;
const PAD_PX = 16;
const TITLE_PX = 22;
const CAPTION_LINE_PX = 22;
const BACKGROUND = '#0f1420';
const TEXT = '#e6e9f0';
const MUTED = '#b4bccb';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface PictureParts {
  sheet: SheetView;
  /** The plots' canvases with their titles, top to bottom. */
  plots: readonly { title: string; canvas: HTMLCanvasElement }[];
  /** Lines under the picture. */
  caption: readonly string[];
}

/** The plots of the activity panel, as they are on the page, titled as their captions. */
export function plotCanvases(host: HTMLElement): { title: string; canvas: HTMLCanvasElement }[] {
  const found: { title: string; canvas: HTMLCanvasElement }[] = [];
  for (const figure of host.querySelectorAll('figure')) {
    const canvas = figure.querySelector('canvas');
    if (!canvas || canvas.width < 2) continue;
    const text = (selector: string): string => figure.querySelector(selector)?.textContent?.trim() ?? '';
    const keys = [...figure.querySelectorAll('.plots-key')].map((key) => key.textContent?.trim() ?? '');
    const detail = text('.plot-detail');
    const title = detail.startsWith('(') ? `${text('.plot-title')} ${detail}` : `${text('.plot-title')}: ${detail}`;
    found.push({ title: keys.length > 0 ? `${title}: ${keys.join(', ')}` : title, canvas });
  }
  return found;
}

/** Lines of at most `maxPx`, breaking at spaces. */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxPx: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > maxPx) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export function composePicture(parts: PictureParts): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a 2D canvas');
  const width = PAD_PX * 3 + SHEET_PX + PLOTS_PX;
  ctx.font = `15px ${FONT}`;
  const captionLines = parts.caption.flatMap((line) => wrap(ctx, line, width - 2 * PAD_PX));
  const plotHeights = parts.plots.map((p) => Math.round((p.canvas.height * PLOTS_PX) / p.canvas.width));
  const plotsHeight = plotHeights.reduce((sum, h) => sum + TITLE_PX + h + PAD_PX / 2, 0);
  const bodyHeight = Math.max(SHEET_PX + TITLE_PX, plotsHeight);
  canvas.width = width;
  canvas.height = PAD_PX * 2 + bodyHeight + PAD_PX + captionLines.length * CAPTION_LINE_PX;
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'top';

  ctx.font = `600 15px ${FONT}`;
  ctx.fillStyle = TEXT;
  ctx.fillText('Cortical sheet (brightness: firing over about 1 s; colour: over 0.2 s)', PAD_PX, PAD_PX);
  parts.sheet.drawInto(ctx, PAD_PX, PAD_PX + TITLE_PX, SHEET_PX);

  let y = PAD_PX;
  const x = PAD_PX * 2 + SHEET_PX;
  parts.plots.forEach((plot, k) => {
    ctx.font = `600 15px ${FONT}`;
    ctx.fillStyle = TEXT;
    ctx.fillText(plot.title, x, y, PLOTS_PX);
    y += TITLE_PX;
    ctx.drawImage(plot.canvas, x, y, PLOTS_PX, plotHeights[k]);
    y += plotHeights[k] + PAD_PX / 2;
  });

  ctx.font = `15px ${FONT}`;
  ctx.fillStyle = MUTED;
  let captionY = PAD_PX * 2 + bodyHeight;
  for (const line of captionLines) {
    ctx.fillText(line, PAD_PX, captionY);
    captionY += CAPTION_LINE_PX;
  }
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded as PNG'))),
      'image/png',
    );
  });
}
