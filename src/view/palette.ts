/**
 * Colours of the sheet, computed once: a ramp of ACTIVITY_LEVELS colours per population, from
 * quiet to active, and the d3 scale that maps a smoothed rate to a level.
 *
 * Photosensitivity. Part of the audience has photosensitive epilepsy, and a seizure-like event
 * can make the whole sheet swing between quiet and active. WCAG 2.3.1 counts a flash as a pair
 * of opposing changes in relative luminance of 0.1 or more (where the darker state is below
 * 0.8), and allows at most three per second over a large area. Here no change between any two
 * levels reaches 0.1, so no change of activity can be a flash at all; activity shows mostly as a
 * change of hue at a modest change of lightness. The ramps also avoid saturated red (WCAG's
 * red-flash rule). The rates themselves are smoothed over 200 ms by the session.
 */
import { scaleSqrt } from 'd3-scale';

export const ACTIVITY_LEVELS = 64;
/** Rates at or above this show at the top of the ramp (interneurons reach it in seizure-like states). */
export const ACTIVITY_SATURATION_HZ = 60;
/** Largest change of relative luminance between any two levels of a ramp (flash threshold: 0.1). */
export const MAX_RAMP_LUMINANCE_SPAN = 0.09;

/** Behind the dots. */
export const SHEET_BACKGROUND = 0x0a0e18;

interface Ramp {
  quiet: number;
  active: number;
}

/** Pyramidal cells: dim slate to amber. */
const EXCITATORY_RAMP: Ramp = { quiet: 0x282c40, active: 0x845018 };
/** Interneurons: dim teal to cyan. */
const INHIBITORY_RAMP: Ramp = { quiet: 0x143434, active: 0x1a6672 };

/** An sRGB channel (0…255) in linear light (WCAG's relative-luminance formula). */
export function srgbToLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function linearToSrgb(linear: number): number {
  const c = linear <= 0.0031308 ? linear * 12.92 : 1.055 * linear ** (1 / 2.4) - 0.055;
  return Math.round(Math.min(1, Math.max(0, c)) * 255);
}

function channels(rgb: number): [number, number, number] {
  return [(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff];
}

/** WCAG relative luminance of a 0xRRGGBB colour. */
export function relativeLuminance(rgb: number): number {
  const [r, g, b] = channels(rgb);
  return 0.2126 * srgbToLinear(r) + 0.7152 * srgbToLinear(g) + 0.0722 * srgbToLinear(b);
}

/** WCAG 2.x: a colour is a saturated red when R / (R + G + B) ≥ 0.8 in linear light. */
const SATURATED_RED_SHARE = 0.8;

function redShare(rgb: number): number {
  const [r, g, b] = channels(rgb).map(srgbToLinear);
  return r / (r + g + b);
}

/** sRGB channel values (0…255) to OKLab (Ottosson 2020), a space where equal steps look equal. */
function toOklab(rgb: number): [number, number, number] {
  const [r, g, b] = channels(rgb).map(srgbToLinear);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function fromOklab([lightness, a, b]: [number, number, number]): number {
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const r = linearToSrgb(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
  const g = linearToSrgb(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
  const bl = linearToSrgb(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s);
  return (r << 16) | (g << 8) | bl;
}

/**
 * Mixed in OKLab, so that a level halfway up the ramp looks halfway (in linear light the dark
 * end would be passed almost at once). Lightness still rises monotonically from end to end.
 */
function mix(from: number, to: number, t: number): number {
  const a = toOklab(from);
  const b = toOklab(to);
  return fromOklab([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
}

function rampColours(ramp: Ramp): number[] {
  const colours: number[] = [];
  for (let level = 0; level < ACTIVITY_LEVELS; level++)
    colours.push(mix(ramp.quiet, ramp.active, level / (ACTIVITY_LEVELS - 1)));
  const luminance = colours.map(relativeLuminance);
  const span = Math.max(...luminance) - Math.min(...luminance);
  if (span > MAX_RAMP_LUMINANCE_SPAN) {
    throw new Error(`a sheet colour ramp spans ${span.toFixed(3)} of relative luminance: it could flash`);
  }
  for (const colour of colours) {
    if (redShare(colour) >= SATURATED_RED_SHARE) throw new Error(`${cssColour(colour)} counts as a saturated red`);
  }
  return colours;
}

const RAMPS = [rampColours(EXCITATORY_RAMP), rampColours(INHIBITORY_RAMP)] as const;

/**
 * Extracellular K⁺ heat map under the dots: from the sheet's background at rest (3 mM) to a dim
 * violet at 12 mM and above; like the activity ramps it spans less than 0.1 of luminance, so a
 * K⁺ wave cannot flash. Violet stays apart from the amber and teal of the cells.
 */
export const POTASSIUM_RAMP_MM = { rest: 3, high: 12 } as const;
const POTASSIUM_RAMP: Ramp = { quiet: SHEET_BACKGROUND, active: 0x4a2a6e };
const POTASSIUM_COLOURS = rampColours(POTASSIUM_RAMP);

/** Particle colour (0xAABBGGRR) of a K⁺ level, ACTIVITY_LEVELS of them from rest to high. */
export function potassiumColourTable(): Uint32Array {
  return Uint32Array.from(POTASSIUM_COLOURS, (rgb) => {
    const [r, g, b] = channels(rgb);
    return ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
  });
}

export function potassiumColour(level: number): number {
  return POTASSIUM_COLOURS[level];
}

/**
 * The opt-in raw-spike view (behind a photosensitivity warning): a cell that fired in the frame
 * is drawn near white. This view can flash; it is never the default.
 */
export const RAW_SPIKE_PARTICLE = ((0xff << 24) | (0xe8 << 16) | (0xf1 << 8) | 0xf4) >>> 0; // #f4f1e8, as ABGR

/** Population index: 0 excitatory, 1 inhibitory (the value of isInhibitoryGrid). */
export type Population = 0 | 1;

/** 0xRRGGBB of a level, for legends. */
export function rampColour(population: Population, level: number): number {
  return RAMPS[population][level];
}

export function cssColour(rgb: number): string {
  return `#${rgb.toString(16).padStart(6, '0')}`;
}

/**
 * Particle colours as pixi packs them (0xAABBGGRR, opaque), indexed population·LEVELS + level:
 * the frame loop only looks them up.
 */
export function particleColourTable(): Uint32Array {
  const table = new Uint32Array(2 * ACTIVITY_LEVELS);
  for (let p = 0; p < 2; p++) {
    for (let level = 0; level < ACTIVITY_LEVELS; level++) {
      const [r, g, b] = channels(RAMPS[p][level]);
      table[p * ACTIVITY_LEVELS + level] = ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
    }
  }
  return table;
}

/**
 * The rate → level mapping: a square-root scale, so that the few hertz of a resting network
 * are already visible while tens of hertz still differ. Its inverse gives each level's lower
 * bound in Hz, so the frame loop finds a level by bisection without calling the scale.
 */
export const activityScale = scaleSqrt().domain([0, ACTIVITY_SATURATION_HZ]).range([0, ACTIVITY_LEVELS]).clamp(true);

export function levelLowerBoundsHz(): Float64Array {
  const bounds = new Float64Array(ACTIVITY_LEVELS);
  for (let level = 0; level < ACTIVITY_LEVELS; level++) bounds[level] = activityScale.invert(level);
  return bounds;
}

/** The level of a rate: the last level whose lower bound it reaches. */
export function levelOf(rateHz: number, lowerBoundsHz: Float64Array): number {
  let lo = 0;
  let hi = lowerBoundsHz.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rateHz >= lowerBoundsHz[mid]) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
