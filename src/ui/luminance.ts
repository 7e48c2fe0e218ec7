/**
 * Mean WCAG relative luminance of what is on screen at a rendered frame of the sheet: the sheet's
 * canvas whole and per quarter, and the whole window — every canvas in view (the sheet, the EEG
 * strip, the cell's traces, the plots) composed where it is over the page's background, the rest
 * of the page being still. What the browser flash tests count flashes from (WCAG 2.3.1). Used only
 * when the test hook asks for it.
 */
import { srgbToLinear } from '../view/colour.ts';
import type { LuminanceSample } from './test-hook.ts';

let sheetScratch: CanvasRenderingContext2D | null = null;
let windowScratch: CanvasRenderingContext2D | null = null;
const LINEAR = Float64Array.from({ length: 256 }, (_, c) => srgbToLinear(c));
/** The window is composed at half size (every other pixel of the sheet is read the same way). */
const WINDOW_SCALE = 0.5;

function scratch(current: CanvasRenderingContext2D | null, width: number, height: number): CanvasRenderingContext2D {
  if (current && current.canvas.width === width && current.canvas.height === height) return current;
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  const context = c.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context for the luminance measurement');
  return context;
}

function pixelLuminance(data: Uint8ClampedArray, p: number): number {
  return 0.2126 * LINEAR[data[p]] + 0.7152 * LINEAR[data[p + 1]] + 0.0722 * LINEAR[data[p + 2]];
}

function windowLuminance(): number {
  const width = Math.max(1, Math.round(window.innerWidth * WINDOW_SCALE));
  const height = Math.max(1, Math.round(window.innerHeight * WINDOW_SCALE));
  windowScratch = scratch(windowScratch, width, height);
  const ctx = windowScratch;
  ctx.fillStyle = getComputedStyle(document.body).backgroundColor || '#000';
  ctx.fillRect(0, 0, width, height);
  for (const canvas of document.querySelectorAll('canvas')) {
    if (canvas === ctx.canvas || canvas === sheetScratch?.canvas || canvas.width === 0) continue;
    const rect = canvas.getBoundingClientRect();
    if (rect.width === 0 || rect.bottom < 0 || rect.top > window.innerHeight) continue;
    ctx.drawImage(
      canvas,
      rect.left * WINDOW_SCALE,
      rect.top * WINDOW_SCALE,
      rect.width * WINDOW_SCALE,
      rect.height * WINDOW_SCALE,
    );
  }
  const data = ctx.getImageData(0, 0, width, height).data;
  let sum = 0;
  for (let p = 0; p < data.length; p += 4) sum += pixelLuminance(data, p);
  return sum / (width * height);
}

export function measureLuminance(canvas: HTMLCanvasElement): LuminanceSample {
  const width = canvas.width;
  const height = canvas.height;
  sheetScratch = scratch(sheetScratch, width, height);
  // Called right after the WebGL render, in the same task: the drawing buffer still holds the frame.
  sheetScratch.drawImage(canvas, 0, 0);
  const data = sheetScratch.getImageData(0, 0, width, height).data;
  const sums = [0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0];
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      const l = pixelLuminance(data, 4 * (y * width + x));
      const q = 1 + (y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1);
      sums[0] += l;
      counts[0]++;
      sums[q] += l;
      counts[q]++;
    }
  }
  const regions = sums.map((s, k) => s / counts[k]);
  regions.push(windowLuminance());
  return { tMs: performance.now(), regions };
}
