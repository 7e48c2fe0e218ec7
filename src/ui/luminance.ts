/**
 * Mean WCAG relative luminance of a rendered canvas, whole and per quarter: what the browser
 * flash test counts flashes from (WCAG 2.3.1). Used only when the test hook asks for it.
 */
import { srgbToLinear } from '../view/palette.ts';
import type { LuminanceSample } from './test-hook.ts';

let scratch: CanvasRenderingContext2D | null = null;
const LINEAR = Float64Array.from({ length: 256 }, (_, c) => srgbToLinear(c));

export function measureLuminance(canvas: HTMLCanvasElement): LuminanceSample {
  const width = canvas.width;
  const height = canvas.height;
  if (!scratch || scratch.canvas.width !== width || scratch.canvas.height !== height) {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    scratch = c.getContext('2d', { willReadFrequently: true });
    if (!scratch) throw new Error('no 2d context for the luminance measurement');
  }
  // Called right after the WebGL render, in the same task: the drawing buffer still holds the frame.
  scratch.drawImage(canvas, 0, 0);
  const data = scratch.getImageData(0, 0, width, height).data;
  const sums = [0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0];
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      const p = 4 * (y * width + x);
      const l = 0.2126 * LINEAR[data[p]] + 0.7152 * LINEAR[data[p + 1]] + 0.0722 * LINEAR[data[p + 2]];
      const q = 1 + (y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1);
      sums[0] += l;
      counts[0]++;
      sums[q] += l;
      counts[q]++;
    }
  }
  return { tMs: performance.now(), regions: sums.map((s, k) => s / counts[k]) };
}
