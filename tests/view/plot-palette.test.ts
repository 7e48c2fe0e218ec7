import { describe, expect, it } from 'vitest';
import { relativeLuminance } from '../../src/view/palette.ts';
import {
  imageDataWord,
  MAX_RASTER_LUMINANCE_STEP,
  PLOT_BACKGROUND,
  RASTER_E,
  RASTER_I,
  rasterWords,
} from '../../src/view/plots/plot-palette.ts';

describe('plot palette', () => {
  it('keeps raster marks within a flash step of the background (WCAG 2.3.1: 0.1)', () => {
    const background = relativeLuminance(PLOT_BACKGROUND);
    for (const mark of [RASTER_E, RASTER_I]) {
      const step = relativeLuminance(mark) - background;
      expect(step).toBeLessThan(0.1);
      expect(step).toBeLessThanOrEqual(MAX_RASTER_LUMINANCE_STEP);
      // …and still visible: at least 2.5 : 1 against the background.
      expect((relativeLuminance(mark) + 0.05) / (background + 0.05)).toBeGreaterThan(2.5);
    }
    expect(() => rasterWords()).not.toThrow();
  });

  it('packs colours as ImageData bytes R, G, B, A read little-endian', () => {
    const word = imageDataWord(0x123456);
    const bytes = new Uint8Array(new Uint32Array([word]).buffer);
    expect([...bytes]).toEqual([0x12, 0x34, 0x56, 0xff]);
  });
});
