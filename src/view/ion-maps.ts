/**
 * The ion maps that can be laid under the cells: extracellular K⁺ per tile, intracellular Na⁺ and
 * E_GABA per cell. Each is a scale (d3) from its unit to a level 0…1, a colour table whose
 * luminance rises with the level (or, for E_GABA, away from the resting potential), ticks with
 * units for its legend, and a slew limit that keeps its luminance within the flash budget of the
 * dots (palette.ts): a map may move by at most MAX_LUMINANCE_PER_S of relative luminance a second.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { colourAtLuminance, cssColour, particleWord, redShare, SATURATED_RED_SHARE } from './colour.ts';
import { MAX_LUMINANCE_PER_S } from './palette.ts';

export type IonMapKind = 'potassium' | 'sodium' | 'egaba';
export const ION_MAP_KINDS: readonly IonMapKind[] = ['potassium', 'sodium', 'egaba'];

/** Levels of a map's colour table. */
export const MAP_LEVELS = 64;

export interface MapTick {
  value: number;
  label: string;
  /** A word under the tick (the resting value). */
  note?: string;
}

export interface IonMapSpec {
  kind: IonMapKind;
  /** Heading of the legend, with the unit. */
  title: string;
  unit: string;
  /** One sentence: what the colours mean. */
  explanation: string;
  /** Per K⁺ tile or per cell. */
  resolution: 'tile' | 'cell';
  domain: readonly [number, number];
  scale: 'log' | 'linear';
  ticks: readonly MapTick[];
  /** OKLCH stops along the table, low to high: hue (degrees), chroma, relative luminance. */
  stops: readonly { hueDeg: number; chroma: number; luminance: number }[];
}

export const ION_MAPS: Readonly<Record<IonMapKind, IonMapSpec>> = {
  // Log scale: E_K = RT/F · ln(Ko/140), so equal steps of colour are equal steps of the K⁺
  // reversal potential. Rest 3.5 mM (docs/model.md §4); seizures raise it towards 8–12 mM
  // (Heinemann & Lux 1977's ceiling), and the pump's overshoot after one can take it below rest.
  potassium: {
    kind: 'potassium',
    title: 'Extracellular K⁺ (mM)',
    unit: 'mM',
    explanation:
      'Per patch of 4 × 4 cells, log scale. Firing releases K⁺; above rest it depolarises every cell around it.',
    resolution: 'tile',
    domain: [2.5, 14],
    scale: 'log',
    ticks: [
      { value: 3, label: '3' },
      { value: 3.5, label: '', note: 'rest' },
      { value: 5, label: '5' },
      { value: 8, label: '8' },
      { value: 12, label: '12' },
    ],
    stops: [
      { hueDeg: 285, chroma: 0.06, luminance: 0.012 },
      { hueDeg: 305, chroma: 0.13, luminance: 0.07 },
      { hueDeg: 345, chroma: 0.15, luminance: 0.16 },
      { hueDeg: 45, chroma: 0.15, luminance: 0.3 },
      { hueDeg: 90, chroma: 0.12, luminance: 0.5 },
    ],
  },
  // The pump runs at half speed at 25 mM (docs/model.md §4); at rest pyramidal cells hold about
  // 16 mM and the faster-firing interneurons about 22 mM (measured on the default sheet).
  sodium: {
    kind: 'sodium',
    title: 'Intracellular Na⁺ (mM)',
    unit: 'mM',
    explanation: 'Per cell. Each spike lets Na⁺ in; the Na⁺/K⁺ pump, driven harder by it, is what ends a seizure.',
    resolution: 'cell',
    domain: [8, 32],
    scale: 'linear',
    ticks: [
      { value: 10, label: '10' },
      { value: 15, label: '15' },
      { value: 20, label: '20' },
      { value: 25, label: '25', note: 'pump half' },
      { value: 30, label: '30' },
    ],
    stops: [
      { hueDeg: 265, chroma: 0.05, luminance: 0.012 },
      { hueDeg: 235, chroma: 0.1, luminance: 0.08 },
      { hueDeg: 185, chroma: 0.11, luminance: 0.2 },
      { hueDeg: 120, chroma: 0.14, luminance: 0.36 },
      { hueDeg: 105, chroma: 0.13, luminance: 0.5 },
    ],
  },
  // E_GABA by the Goldman equation (docs/model.md §4): ≈ −75 mV with adult chloride. Above the
  // pyramidal cells' resting potential (−70.6 mV) GABA_A depolarises instead of inhibiting.
  egaba: {
    kind: 'egaba',
    title: 'GABA_A reversal E_GABA (mV)',
    unit: 'mV',
    explanation:
      'Per cell. Blue: below the resting potential, GABA inhibits. Orange: above it (chloride loaded), GABA excites.',
    resolution: 'cell',
    domain: [-90, -50],
    scale: 'linear',
    ticks: [
      { value: -90, label: '−90' },
      { value: -80, label: '−80' },
      { value: -70.6, label: '−71', note: 'rest' },
      { value: -60, label: '−60' },
      { value: -50, label: '−50' },
    ],
    stops: [
      { hueDeg: 245, chroma: 0.12, luminance: 0.36 },
      { hueDeg: 250, chroma: 0.1, luminance: 0.14 },
      { hueDeg: 260, chroma: 0.02, luminance: 0.025 },
      { hueDeg: 60, chroma: 0.1, luminance: 0.14 },
      { hueDeg: 70, chroma: 0.13, luminance: 0.36 },
    ],
  },
};

/** Unit → level 0…1, clamped. */
export function mapScale(spec: IonMapSpec) {
  const s = spec.scale === 'log' ? scaleLog() : scaleLinear();
  return s
    .domain([...spec.domain])
    .range([0, 1])
    .clamp(true);
}

/** The colour of a level (0…1): OKLab interpolation between the stops, at the stops' luminance. */
function colourAt(spec: IonMapSpec, level: number): number {
  const stops = spec.stops;
  const x = level * (stops.length - 1);
  const k = Math.min(stops.length - 2, Math.floor(x));
  const t = x - k;
  const p = stops[k];
  const q = stops[k + 1];
  const rad = Math.PI / 180;
  const a = (1 - t) * p.chroma * Math.cos(p.hueDeg * rad) + t * q.chroma * Math.cos(q.hueDeg * rad);
  const b = (1 - t) * p.chroma * Math.sin(p.hueDeg * rad) + t * q.chroma * Math.sin(q.hueDeg * rad);
  const luminance = (1 - t) * p.luminance + t * q.luminance;
  return colourAtLuminance(luminance, Math.hypot(a, b), Math.atan2(b, a) / rad);
}

export interface IonMapTable {
  spec: IonMapSpec;
  /** 0xRRGGBB per level. */
  colours: Uint32Array;
  /** The same as particle tints (0xAABBGGRR). */
  particles: Uint32Array;
  /** Largest change of level per second that keeps the map's luminance within the flash budget. */
  maxLevelPerS: number;
}

export function ionMapTable(kind: IonMapKind): IonMapTable {
  const spec = ION_MAPS[kind];
  const colours = new Uint32Array(MAP_LEVELS);
  const particles = new Uint32Array(MAP_LEVELS);
  for (let level = 0; level < MAP_LEVELS; level++) {
    const rgb = colourAt(spec, level / (MAP_LEVELS - 1));
    if (redShare(rgb) >= SATURATED_RED_SHARE) throw new Error(`${cssColour(rgb)} counts as a saturated red`);
    colours[level] = rgb;
    particles[level] = particleWord(rgb);
  }
  // Steepest luminance per unit of level, between neighbouring stops.
  let steepest = 0;
  const stops = spec.stops;
  for (let k = 0; k + 1 < stops.length; k++) {
    steepest = Math.max(steepest, Math.abs(stops[k + 1].luminance - stops[k].luminance) * (stops.length - 1));
  }
  return { spec, colours, particles, maxLevelPerS: MAX_LUMINANCE_PER_S / steepest };
}

/** A CSS gradient of the table, left (low) to right (high), for the legend's colour bar. */
export function cssGradient(table: IonMapTable): string {
  const parts: string[] = [];
  const stepsShown = 16;
  for (let k = 0; k <= stepsShown; k++) {
    const level = Math.round((k / stepsShown) * (MAP_LEVELS - 1));
    parts.push(`${cssColour(table.colours[level])} ${((100 * k) / stepsShown).toFixed(1)}%`);
  }
  return `linear-gradient(to right, ${parts.join(', ')})`;
}
