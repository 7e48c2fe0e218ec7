/**
 * Colours of the sheet, computed once as tables the frame loop only indexes.
 *
 * A seizure must be obvious from the back of a lecture hall, and nothing may flash for the part
 * of the audience with photosensitive epilepsy. WCAG 2.3.1 counts a flash as a pair of opposing
 * changes of relative luminance of 0.1 or more (the darker state below 0.8) and allows three a
 * second over a large area; it does not forbid a large change that is slow or sustained. So each
 * dot's colour has two coordinates:
 *
 *  - **luminance** follows the cell's firing through a slow envelope: its rate low-passed over
 *    ENVELOPE_TAU_MS of simulated time, then slew-limited on the wall clock to
 *    MAX_LUMINANCE_PER_S (envelope.ts). A dot can brighten or dim by at most 0.3 a second, so it
 *    makes at most three changes of 0.1 in any second, at most one flash, whatever the network or
 *    the playback speed does; an area, an average of dots, moves less still. A seizure's rise of
 *    firing brightens the sheet over about a second; post-ictal silence darkens it below rest.
 *  - **hue** carries the fast detail: the rate smoothed over 0.2 s by the session (or the
 *    envelope's, when it is higher, so a seizing patch stays warm between bursts) picks a column
 *    of the table, and every column of a row has the same luminance (to 8-bit rounding), so the
 *    bursts of a seizure show as a change of colour — slate to amber on pyramidal cells — that
 *    cannot flash. No colour is a saturated red (WCAG's red-flash rule).
 *
 * Projectors add stray light that lifts black: the ramps therefore span a wide luminance range
 * (0.02 to 0.6) instead of relying on small steps near black, and the hue change carries
 * chroma that survives a grey wash.
 */
import { scaleLinear } from 'd3-scale';
import {
  colourAtLuminance,
  cssColour,
  particleWord,
  redShare,
  relativeLuminance,
  SATURATED_RED_SHARE,
  srgbToLinear,
  toOklab,
} from './colour.ts';

export { cssColour, relativeLuminance, srgbToLinear };

/** Rows of a population's table: the slow envelope's luminance, linear in relative luminance. */
export const LUMINANCE_LEVELS = 48;
/** Columns: the fast (0.2-s) rate, each column one hue and chroma at the row's luminance. */
export const HUE_LEVELS = 32;
/** Relative luminance of a dot of a silent cell and of one at the top of its population's scale. */
export const DOT_LUMINANCE = { silent: 0.02, peak: 0.6 } as const;
/** One row of a table in relative luminance. */
export const LUMINANCE_STEP = (DOT_LUMINANCE.peak - DOT_LUMINANCE.silent) / (LUMINANCE_LEVELS - 1);
/**
 * Fastest change of a dot's relative luminance, per second of wall-clock time: at most three
 * changes of 0.1 in any second, so at most one flash per second per dot (WCAG allows three).
 */
export const MAX_LUMINANCE_PER_S = 0.3;
/**
 * The slow envelope's time constant, in simulated time: long enough that a train of bursts at
 * 2–4 Hz reads as one sustained brightening (a 2-Hz modulation keeps 16 % of its amplitude), short
 * enough that the onset of a seizure shows within a second.
 */
export const ENVELOPE_TAU_MS = 800;
/**
 * How the envelope's level (0…1) becomes luminance: level^γ. γ > 1 keeps a resting sheet calm
 * (a resting pyramidal cell, at 7 Hz under half way up its scale, gets a fifth of the luminance
 * span) and spends the span on what a seizure does.
 */
export const ENVELOPE_GAMMA = 2;

/** Behind the dots. */
export const SHEET_BACKGROUND = 0x0a0e18;

/** Population index: 0 excitatory, 1 inhibitory (the value of isInhibitoryGrid). */
export type Population = 0 | 1;

/**
 * A population's two rate scales and its colours (rates measured on the default sheet, `npm run
 * sim`, and in the live session: at rest pyramidal cells fire about 7 Hz and interneurons about
 * 18 Hz; in today's seizure-like bursting their rates smoothed over a second double or triple,
 * and the bursts reach 30–50 Hz).
 *
 *  - brightness: the envelope's rate on a linear scale from silence (0) to `brightTopHz` (1), so
 *    that silence after a seizure is darker than rest and a tonic seizure (20–60 Hz) near the
 *    top;
 *  - hue: the 0.2-s rate from `hue.fromHz` (the quiet end: resting firing and below) to
 *    `hue.toHz` (the active end: several times the resting rate), so a resting sheet is cool
 *    and a burst is warm, whatever the brightness.
 */
export interface PopulationRamp {
  brightTopHz: number;
  hue: { fromHz: number; toHz: number };
  /** OKLCH hue (degrees) and chroma of the quiet and the active end of the hue axis. */
  quiet: { hueDeg: number; chroma: number };
  active: { hueDeg: number; chroma: number };
}

export const RAMPS: readonly [PopulationRamp, PopulationRamp] = [
  // Pyramidal cells: cool slate when quiet, amber when firing. Full brightness at 16 Hz over the
  // envelope's 0.8 s, which a seizure's train of bursts reaches and rest (7 Hz) does not.
  {
    brightTopHz: 16,
    // The straight line from slate to amber passes grey a third of the way: a seizing patch
    // between bursts (its envelope at 10–14 Hz) sits past it, on the warm side.
    hue: { fromHz: 6, toHz: 16 },
    quiet: { hueDeg: 255, chroma: 0.07 },
    active: { hueDeg: 68, chroma: 0.16 },
  },
  // Interneurons: grey-teal when quiet, cyan when firing (teal at rest too, so that the two
  // populations differ in colour as well as in size).
  {
    // Full brightness at 40 Hz: at rest (17 Hz) about as bright as a resting pyramidal cell, in a
    // seizure (25–40 Hz) lit too, not dark holes in an amber sheet.
    brightTopHz: 40,
    hue: { fromHz: 18, toHz: 54 },
    quiet: { hueDeg: 205, chroma: 0.05 },
    active: { hueDeg: 195, chroma: 0.12 },
  },
];

export type RateAxis = 'brightness' | 'hue';

/** A population's rate scale for one axis: Hz → level 0…1 (d3, linear, clamped). */
export function rateScale(population: Population, axis: RateAxis) {
  const ramp = RAMPS[population];
  const domain = axis === 'brightness' ? [0, ramp.brightTopHz] : [ramp.hue.fromHz, ramp.hue.toHz];
  return scaleLinear().domain(domain).range([0, 1]).clamp(true);
}

/** Target relative luminance of a dot whose envelope is at `level` (0…1). */
export function envelopeLuminance(level: number): number {
  const l = Math.min(1, Math.max(0, level));
  return DOT_LUMINANCE.silent + (DOT_LUMINANCE.peak - DOT_LUMINANCE.silent) * l ** ENVELOPE_GAMMA;
}

/** The row of a luminance (clamped to the table). */
export function luminanceRow(luminance: number): number {
  const row = Math.round((luminance - DOT_LUMINANCE.silent) / LUMINANCE_STEP);
  return row < 0 ? 0 : row >= LUMINANCE_LEVELS ? LUMINANCE_LEVELS - 1 : row;
}

/** Hue and chroma of a column: a straight line in OKLab's a–b plane from the quiet to the active end. */
function columnHue(ramp: PopulationRamp, column: number): { hueDeg: number; chroma: number } {
  const t = column / (HUE_LEVELS - 1);
  const q = (ramp.quiet.hueDeg * Math.PI) / 180;
  const a = (ramp.active.hueDeg * Math.PI) / 180;
  const x = (1 - t) * ramp.quiet.chroma * Math.cos(q) + t * ramp.active.chroma * Math.cos(a);
  const y = (1 - t) * ramp.quiet.chroma * Math.sin(q) + t * ramp.active.chroma * Math.sin(a);
  return { hueDeg: (Math.atan2(y, x) * 180) / Math.PI, chroma: Math.hypot(x, y) };
}

/** The largest red share (R / (R + G + B) in linear light) a dot may have: WCAG's 0.8 less a margin. */
export const RED_SHARE_CEILING = 0.7;

/** 0xRRGGBB colours of one population, row-major: [row · HUE_LEVELS + column]. */
export function populationColours(population: Population): Uint32Array {
  const ramp = RAMPS[population];
  const colours = new Uint32Array(LUMINANCE_LEVELS * HUE_LEVELS);
  for (let row = 0; row < LUMINANCE_LEVELS; row++) {
    const luminance = DOT_LUMINANCE.silent + row * LUMINANCE_STEP;
    for (let column = 0; column < HUE_LEVELS; column++) {
      const { hueDeg, chroma } = columnHue(ramp, column);
      // Where a colour would come near a saturated red (a warm hue on a dark row), its chroma is
      // lowered until it is well clear of WCAG's line.
      let c = chroma;
      let rgb = colourAtLuminance(luminance, c, hueDeg);
      while (redShare(rgb) >= RED_SHARE_CEILING && c > 0.005) {
        c *= 0.9;
        rgb = colourAtLuminance(luminance, c, hueDeg);
      }
      if (redShare(rgb) >= SATURATED_RED_SHARE) throw new Error(`${cssColour(rgb)} counts as a saturated red`);
      colours[row * HUE_LEVELS + column] = rgb;
    }
  }
  return colours;
}

const COLOURS = [populationColours(0), populationColours(1)] as const;

/** 0xRRGGBB of a dot, for legends and tests. */
export function dotColour(population: Population, row: number, column: number): number {
  return COLOURS[population][row * HUE_LEVELS + column];
}

/**
 * Particle colours as pixi packs them (0xAABBGGRR), indexed
 * population · LUMINANCE_LEVELS · HUE_LEVELS + row · HUE_LEVELS + column: the frame loop only
 * looks them up.
 */
export function particleColourTable(): Uint32Array {
  const perPopulation = LUMINANCE_LEVELS * HUE_LEVELS;
  const table = new Uint32Array(2 * perPopulation);
  for (let p = 0; p < 2; p++) {
    for (let k = 0; k < perPopulation; k++) table[p * perPopulation + k] = particleWord(COLOURS[p][k]);
  }
  return table;
}

/**
 * With an ion map shown the dots are small and grey, brighter when firing (the same envelope),
 * so that the map's colours are the only hues on the sheet.
 */
export function greyParticleTable(): Uint32Array {
  const table = new Uint32Array(LUMINANCE_LEVELS);
  for (let row = 0; row < LUMINANCE_LEVELS; row++) {
    table[row] = particleWord(colourAtLuminance(DOT_LUMINANCE.silent + row * LUMINANCE_STEP, 0, 0));
  }
  return table;
}

/** Levels of a rate scale as lower bounds in Hz, so the frame loop finds a level by bisection. */
export function levelLowerBoundsHz(population: Population, axis: RateAxis, levels: number): Float64Array {
  const scale = rateScale(population, axis);
  const bounds = new Float64Array(levels);
  for (let level = 0; level < levels; level++) bounds[level] = scale.invert(level / (levels - 1) - 0.5 / (levels - 1));
  bounds[0] = Number.NEGATIVE_INFINITY;
  return bounds;
}

/** The level of a value: the last level whose lower bound it reaches. */
export function levelOf(value: number, lowerBounds: Float64Array): number {
  let lo = 0;
  let hi = lowerBounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (value >= lowerBounds[mid]) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Target luminance of a dot per envelope level, for each population: LEVELS levels of the rate
 * scale (their bounds from levelLowerBoundsHz), each with envelopeLuminance of its level.
 */
export const ENVELOPE_LEVELS = 256;
export function envelopeLuminanceTable(): Float32Array {
  const table = new Float32Array(ENVELOPE_LEVELS);
  for (let level = 0; level < ENVELOPE_LEVELS; level++) table[level] = envelopeLuminance(level / (ENVELOPE_LEVELS - 1));
  return table;
}

/**
 * The opt-in raw-spike view (behind a photosensitivity warning): a cell that fired in the frame
 * is drawn near white on a dark dot. This view can flash; it is never the default.
 */
export const RAW_SPIKE_PARTICLE = particleWord(0xf4f1e8);
export const RAW_QUIET_PARTICLE = particleWord(0x1c2233);

/** OKLab of a colour (for legends' checks and the tests' measures). */
export { toOklab };
