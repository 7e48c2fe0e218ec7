/**
 * Colours of the activity plots, fixed once, as 0xRRGGBB, CSS strings and (for the raster's
 * pixel buffer) ImageData words.
 *
 * Photosensitivity (WCAG 2.3.1: at most three flashes a second over a large area). In a
 * seizure-like event the raster fills with dense bands at the burst rhythm, and the bands scroll:
 * every pixel they pass goes dark–light–dark a few times a second. So the raster's marks differ
 * from the background by less than 0.1 of relative luminance, the change WCAG counts as half a
 * flash: however the bands move, no pixel of the raster can flash. The traces are thin lines (a
 * moving line lights a few pixels, not an area) and may be brighter; no area is ever filled
 * according to the activity, and the backgrounds never change.
 */
import { cssColour, relativeLuminance, SHEET_BACKGROUND } from '../palette.ts';

/** Behind every plot: the sheet's background. */
export const PLOT_BACKGROUND = SHEET_BACKGROUND;
/** Raster marks: a dim amber for pyramidal cells, a dim teal for interneurons (as on the sheet). */
export const RASTER_E = 0x7b4d1a;
export const RASTER_I = 0x265e6c;
/** Largest luminance step a raster mark may make against the background (flash threshold: 0.1). */
export const MAX_RASTER_LUMINANCE_STEP = 0.095;

export const LFP_TRACE = 0xa8b4cc;
export const RATE_E = 0xd89a48;
export const RATE_I = 0x5ab0c8;
export const CHI_TRACE = 0xc8d0e0;
/** The seizure detector's χ threshold: the page's accent. */
export const THRESHOLD = 0xe0b063;
export const GRID = 0x202a3e;
export const AXIS_TEXT = 0xb4bccb;
export const DIVIDER = 0x5a6478;

/** ImageData stores bytes R, G, B, A; read as a little-endian Uint32 that is 0xAABBGGRR. */
export function imageDataWord(rgb: number): number {
  const r = (rgb >> 16) & 0xff;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  return ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** The raster's colours, checked: none may be a flash against the background. */
export function rasterWords(): { background: number; excitatory: number; inhibitory: number } {
  const backgroundLuminance = relativeLuminance(PLOT_BACKGROUND);
  for (const mark of [RASTER_E, RASTER_I]) {
    const step = Math.abs(relativeLuminance(mark) - backgroundLuminance);
    if (step > MAX_RASTER_LUMINANCE_STEP) {
      throw new Error(`raster colour ${cssColour(mark)} is ${step.toFixed(3)} of luminance from the background`);
    }
  }
  return {
    background: imageDataWord(PLOT_BACKGROUND),
    excitatory: imageDataWord(RASTER_E),
    inhibitory: imageDataWord(RASTER_I),
  };
}

/** CSS strings, made once (assigning a constant string to a context allocates nothing). */
export const CSS = {
  background: cssColour(PLOT_BACKGROUND),
  lfp: cssColour(LFP_TRACE),
  rateE: cssColour(RATE_E),
  rateI: cssColour(RATE_I),
  chi: cssColour(CHI_TRACE),
  threshold: cssColour(THRESHOLD),
  grid: cssColour(GRID),
  axisText: cssColour(AXIS_TEXT),
  divider: cssColour(DIVIDER),
  rasterE: cssColour(RASTER_E),
  rasterI: cssColour(RASTER_I),
} as const;
