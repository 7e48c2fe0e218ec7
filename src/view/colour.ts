/**
 * Colour arithmetic for the view's tables, done once when a table is built, never per frame:
 * sRGB ↔ linear light, WCAG relative luminance, and OKLab / OKLCH (Ottosson 2020), the space in
 * which equal steps look equal and in which the browser tests measure how far the sheet's mean
 * colour moves.
 */

/** An sRGB channel (0…255) in linear light (WCAG's relative-luminance formula). */
export function srgbToLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light (0…1) to an sRGB channel value, unrounded (0…255). */
export function linearToSrgbChannel(linear: number): number {
  const c = linear <= 0.0031308 ? linear * 12.92 : 1.055 * linear ** (1 / 2.4) - 0.055;
  return Math.min(1, Math.max(0, c)) * 255;
}

export function channels(rgb: number): [number, number, number] {
  return [(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff];
}

export function packRgb(r: number, g: number, b: number): number {
  return (Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(b);
}

/** WCAG relative luminance of linear-light r, g, b. */
export function luminanceOfLinear(r: number, g: number, b: number): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG relative luminance of a 0xRRGGBB colour. */
export function relativeLuminance(rgb: number): number {
  const [r, g, b] = channels(rgb);
  return luminanceOfLinear(srgbToLinear(r), srgbToLinear(g), srgbToLinear(b));
}

/** WCAG 2.x: a colour is a saturated red when R / (R + G + B) ≥ 0.8 in linear light. */
export const SATURATED_RED_SHARE = 0.8;

export function redShare(rgb: number): number {
  const [r, g, b] = channels(rgb).map(srgbToLinear);
  return r / (r + g + b);
}

export type Oklab = [lightness: number, a: number, b: number];

/** Linear-light sRGB to OKLab. */
export function oklabOfLinear(r: number, g: number, b: number): Oklab {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

export function toOklab(rgb: number): Oklab {
  const [r, g, b] = channels(rgb).map(srgbToLinear);
  return oklabOfLinear(r, g, b);
}

/** OKLab to linear-light sRGB, unclipped (a channel outside 0…1 is out of gamut). */
export function linearOfOklab([lightness, a, b]: Oklab): [number, number, number] {
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

export function fromOklab(lab: Oklab): number {
  const [r, g, b] = linearOfOklab(lab);
  return packRgb(linearToSrgbChannel(r), linearToSrgbChannel(g), linearToSrgbChannel(b));
}

/** Euclidean distance in OKLab (≈ 0.02 is one just-noticeable difference). */
export function oklabDistance(x: Oklab, y: Oklab): number {
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

/** OKLCH (lightness, chroma, hue in degrees) to OKLab. */
export function oklabOfLch(lightness: number, chroma: number, hueDeg: number): Oklab {
  const h = (hueDeg * Math.PI) / 180;
  return [lightness, chroma * Math.cos(h), chroma * Math.sin(h)];
}

const GAMUT_EPSILON = 1e-6;

function inGamut([r, g, b]: [number, number, number]): boolean {
  return (
    r >= -GAMUT_EPSILON &&
    r <= 1 + GAMUT_EPSILON &&
    g >= -GAMUT_EPSILON &&
    g <= 1 + GAMUT_EPSILON &&
    b >= -GAMUT_EPSILON &&
    b <= 1 + GAMUT_EPSILON
  );
}

/**
 * The sRGB colour of a hue and chroma (OKLCH) whose WCAG relative luminance is `luminance`: the
 * OKLab lightness is found by bisection, and where that colour would leave the sRGB gamut the
 * chroma is reduced until it fits. So every colour of one luminance row of a table differs in
 * hue and chroma only, and the row's luminance holds to the rounding of 8-bit channels.
 */
export function colourAtLuminance(luminance: number, chroma: number, hueDeg: number): number {
  if (!(luminance > 0 && luminance < 1)) throw new RangeError(`luminance must be in (0, 1), got ${luminance}`);
  let c = chroma;
  for (let attempt = 0; attempt < 200; attempt++) {
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < 50; k++) {
      const mid = 0.5 * (lo + hi);
      const [r, g, b] = linearOfOklab(oklabOfLch(mid, c, hueDeg));
      if (luminanceOfLinear(r, g, b) < luminance) lo = mid;
      else hi = mid;
    }
    const linear = linearOfOklab(oklabOfLch(0.5 * (lo + hi), c, hueDeg));
    if (inGamut(linear)) {
      const [r, g, b] = linear;
      return packRgb(linearToSrgbChannel(r), linearToSrgbChannel(g), linearToSrgbChannel(b));
    }
    c *= 0.97;
  }
  throw new Error(`no sRGB colour of luminance ${luminance} at hue ${hueDeg}`);
}

export function cssColour(rgb: number): string {
  return `#${rgb.toString(16).padStart(6, '0')}`;
}

/** A colour as pixi packs a particle's tint: 0xAABBGGRR, opaque. */
export function particleWord(rgb: number): number {
  const [r, g, b] = channels(rgb);
  return ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
