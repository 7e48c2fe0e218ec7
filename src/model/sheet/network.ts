/**
 * Building the cortical sheet and its connectivity from a seed (docs/model.md §1).
 *
 * Cells sit on a side × side grid over a 2 mm × 2 mm torus, with a small seeded jitter.
 * Excitatory cells get indices 0…nE−1 and inhibitory cells nE…n−1, so that the hot loops run
 * over each population with constant parameters; `gridOfCell` maps an index back to its grid
 * point for drawing.
 */

import type { Lesion } from '../params.ts';
import { deriveSeed, Rng } from '../rng.ts';
import { SHEET_MM, torusDistanceMm } from './geometry.ts';
import { LESION_EXTRA_EE_INPUTS, lesionMembership } from './lesion.ts';

/** Fraction of excitatory cells (docs/model.md §1: 80 % pyramidal, 20 % fast-spiking). */
export const EXCITATORY_FRACTION = 0.8;
/** Fixed in-degree (docs/model.md §1 starting point): 80 excitatory and 20 inhibitory inputs per cell. */
export const IN_DEGREE_E = 80;
export const IN_DEGREE_I = 20;
/** Gaussian reach of axons (docs/model.md §1 starting points): E axons wider than I axons. */
export const SIGMA_E_MM = 0.3;
export const SIGMA_I_MM = 0.15;
/** Axonal delay = 0.5 ms + distance / 0.3 mm·ms⁻¹ (≈ 0.3 m/s, unmyelinated; docs/model.md §1). */
export const DELAY_BASE_MS = 0.5;
export const CONDUCTION_MM_PER_MS = 0.3;
/** Jitter of each cell around its grid point, as a fraction of the grid spacing (uniform ±). */
export const POSITION_JITTER = 0.2;
/** Extracellular K⁺ tiles per side (docs/model.md §4: 16 × 16 is enough). */
export const K_TILES_PER_SIDE = 16;

export interface NetworkSpec {
  side: number;
  dtMs: number;
  /**
   * Sprouting 0…1 (docs/model.md §5): each E cell gets round(sprouting × SPROUTING_MAX_INPUTS) extra
   * E→E inputs, drawn with the wider sprouting reach; 0 in a healthy sheet.
   */
  sprouting?: number;
  /** A focal lesion (lesion.ts): its pyramidal cells get extra E→E inputs from each other. */
  lesion?: Lesion | null;
  /**
   * Seed of the separate stream that draws the synapses sprouting and a lesion add, so that the
   * rest of the network and all the noise stay those of the healthy sheet with the same seed.
   */
  seed?: number;
}

export interface Network {
  readonly side: number;
  readonly n: number;
  readonly nE: number;
  readonly nI: number;
  readonly spacingMm: number;
  readonly xMm: Float64Array;
  readonly yMm: Float64Array;
  /** Grid point (row-major, y * side + x) of each cell. */
  readonly gridOfCell: Int32Array;
  /** Cell index at each grid point. */
  readonly cellAtGrid: Int32Array;
  readonly tilesPerSide: number;
  readonly nTiles: number;
  readonly tileOfCell: Int32Array;
  /** Number of cells in each K⁺ tile. */
  readonly cellsInTile: Float64Array;
  /** 1 for the cells inside the lesion (all 0 without one). */
  readonly inLesion: Uint8Array;
  /** Synapses added by the lesion and by sprouting (after the regular ones of each source). */
  readonly lesionSynapseCount: number;
  readonly sproutedSynapseCount: number;
  /** Outgoing synapses in CSR form by presynaptic cell: outStart[i]…outStart[i+1]−1. */
  readonly outStart: Int32Array;
  readonly outTarget: Int32Array;
  readonly outDelaySteps: Uint16Array;
  readonly maxDelaySteps: number;
  readonly synapseCount: number;
}

export function delayStepsFor(distanceMm: number, dtMs: number): number {
  return Math.max(1, Math.round((DELAY_BASE_MS + distanceMm / CONDUCTION_MM_PER_MS) / dtMs));
}

function wrap(k: number, side: number): number {
  const r = k % side;
  return r < 0 ? r + side : r;
}

export function buildNetwork(spec: NetworkSpec, rng: Rng): Network {
  const { side, dtMs } = spec;
  const n = side * side;
  const nE = Math.round(EXCITATORY_FRACTION * n);
  const nI = n - nE;
  const spacingMm = SHEET_MM / side;

  // Which grid points hold interneurons: a seeded Fisher–Yates shuffle of the grid.
  const order = new Int32Array(n);
  for (let g = 0; g < n; g++) order[g] = g;
  for (let k = n - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    const t = order[k];
    order[k] = order[j];
    order[j] = t;
  }
  const isInhibitoryGrid = new Uint8Array(n);
  for (let k = 0; k < nI; k++) isInhibitoryGrid[order[k]] = 1;

  // Index order: E cells by grid point, then I cells by grid point.
  const gridOfCell = new Int32Array(n);
  const cellAtGrid = new Int32Array(n);
  let nextE = 0;
  let nextI = nE;
  for (let g = 0; g < n; g++) {
    const cell = isInhibitoryGrid[g] ? nextI++ : nextE++;
    gridOfCell[cell] = g;
    cellAtGrid[g] = cell;
  }

  const xMm = new Float64Array(n);
  const yMm = new Float64Array(n);
  for (let cell = 0; cell < n; cell++) {
    const g = gridOfCell[cell];
    const gx = g % side;
    const gy = (g - gx) / side;
    const jx = (rng.uniform() * 2 - 1) * POSITION_JITTER;
    const jy = (rng.uniform() * 2 - 1) * POSITION_JITTER;
    xMm[cell] = (gx + 0.5 + jx) * spacingMm;
    yMm[cell] = (gy + 0.5 + jy) * spacingMm;
  }

  const tilesPerSide = Math.min(K_TILES_PER_SIDE, side);
  const nTiles = tilesPerSide * tilesPerSide;
  const tileOfCell = new Int32Array(n);
  const cellsInTile = new Float64Array(nTiles);
  for (let cell = 0; cell < n; cell++) {
    const g = gridOfCell[cell];
    const gx = g % side;
    const gy = (g - gx) / side;
    const tx = Math.floor((gx * tilesPerSide) / side);
    const ty = Math.floor((gy * tilesPerSide) / side);
    const t = ty * tilesPerSide + tx;
    tileOfCell[cell] = t;
    cellsInTile[t] += 1;
  }

  // Fixed in-degree with Gaussian reach. A candidate is drawn as a Gaussian offset from the
  // target, snapped to the nearest grid point; a point of the wrong type (or the target itself)
  // is redrawn. Each cell of the right type is thus chosen with a probability proportional to the
  // Gaussian of its distance. Draws are with replacement (multapses allowed, as NEST's
  // fixed_indegree rule), which small sheets need: at side 16 fewer than 20 interneurons lie
  // within two σ_I of a cell.
  const inLesion = lesionMembership(xMm, yMm, spec.lesion);
  let lesionE = 0;
  for (let i = 0; i < nE; i++) lesionE += inLesion[i];
  // A lesion needs two pyramidal cells before they can connect to each other.
  const perLesionE = lesionE >= 2 ? LESION_EXTRA_EE_INPUTS : 0;
  const perSprouted = Math.round((spec.sprouting ?? 0) * SPROUTING_MAX_INPUTS);
  const regular = n * (IN_DEGREE_E + IN_DEGREE_I);
  const lesionSynapseCount = lesionE * perLesionE;
  const sproutedSynapseCount = nE * perSprouted;
  const total = regular + lesionSynapseCount + sproutedSynapseCount;
  const preOf = new Int32Array(total);
  const postOf = new Int32Array(total);
  let s = 0;
  const draw = (
    from: Rng,
    post: number,
    wantInhibitory: boolean,
    sigmaMm: number,
    onlyIn: Uint8Array | null,
  ): number => {
    const sigmaGrid = sigmaMm / spacingMm;
    const g = gridOfCell[post];
    const gx = g % side;
    const gy = (g - gx) / side;
    for (;;) {
      const cx = wrap(Math.round(gx + sigmaGrid * from.normal()), side);
      const cy = wrap(Math.round(gy + sigmaGrid * from.normal()), side);
      const pre = cellAtGrid[cy * side + cx];
      if (pre === post) continue;
      if (onlyIn && !onlyIn[pre]) continue;
      if (pre >= nE === wantInhibitory) return pre;
    }
  };
  for (let post = 0; post < n; post++) {
    for (let k = 0; k < IN_DEGREE_E; k++) {
      preOf[s] = draw(rng, post, false, SIGMA_E_MM, null);
      postOf[s++] = post;
    }
    for (let k = 0; k < IN_DEGREE_I; k++) {
      preOf[s] = draw(rng, post, true, SIGMA_I_MM, null);
      postOf[s++] = post;
    }
  }
  // Added synapses come from their own stream, drawn only when there are any: the healthy sheet
  // draws nothing more, so it stays the same to the last bit.
  if (lesionSynapseCount + sproutedSynapseCount > 0) {
    const extra = new Rng(alterationSeed(spec.seed ?? 0));
    for (let post = 0; post < nE; post++) {
      if (inLesion[post]) {
        for (let k = 0; k < perLesionE; k++) {
          preOf[s] = draw(extra, post, false, SIGMA_E_MM, inLesion);
          postOf[s++] = post;
        }
      }
      for (let k = 0; k < perSprouted; k++) {
        preOf[s] = draw(extra, post, false, SPROUTING_SIGMA_MM, null);
        postOf[s++] = post;
      }
    }
  }

  // Transpose to outgoing CSR (stable: targets keep their draw order within a source).
  const outStart = new Int32Array(n + 1);
  for (let k = 0; k < total; k++) outStart[preOf[k] + 1]++;
  for (let i = 0; i < n; i++) outStart[i + 1] += outStart[i];
  const fill = outStart.slice(0, n);
  const outTarget = new Int32Array(total);
  const outDelaySteps = new Uint16Array(total);
  let maxDelaySteps = 1;
  for (let k = 0; k < total; k++) {
    const pre = preOf[k];
    const post = postOf[k];
    const at = fill[pre]++;
    outTarget[at] = post;
    const d = delayStepsFor(torusDistanceMm(xMm[pre], yMm[pre], xMm[post], yMm[post]), dtMs);
    outDelaySteps[at] = d;
    if (d > maxDelaySteps) maxDelaySteps = d;
  }

  return {
    side,
    n,
    nE,
    nI,
    spacingMm,
    xMm,
    yMm,
    gridOfCell,
    cellAtGrid,
    tilesPerSide,
    nTiles,
    tileOfCell,
    cellsInTile,
    inLesion,
    lesionSynapseCount,
    sproutedSynapseCount,
    outStart,
    outTarget,
    outDelaySteps,
    maxDelaySteps,
    synapseCount: total,
  };
}

/**
 * Reach of sprouted recurrent axons. Mossy-fibre sprouting in the dentate gyrus forms recurrent
 * loops across the granule-cell layer rather than only next door (Santhakumar 2005 modelled it as
 * added long-range granule-to-granule links); 0.5 mm, wider than normal E axons, lets focal
 * activity recruit distant cells.
 */
export const SPROUTING_SIGMA_MM = 0.5;

/**
 * Sprouting 1, the pathological maximum: every E cell gets this many extra E→E inputs, doubling
 * its recurrent excitation. The number is this model's choice; what it keeps from Santhakumar
 * 2005's dentate model is the shape of the effect: sprouting scaled from 0 to the maximum seen in
 * epileptic tissue, and 10–15 % of that maximum already let focal activity spread.
 */
export const SPROUTING_MAX_INPUTS = IN_DEGREE_E;

/** The salt of the stream for added synapses (the first word of SHA-256's initial state). */
export const ADDED_SYNAPSES_SALT = 0x6a09e667;

/**
 * The seed of the stream for added synapses, derived from the sheet's seed, so that it is
 * unrelated to the main stream of any seed.
 */
export function alterationSeed(seed: number): number {
  return deriveSeed(seed, ADDED_SYNAPSES_SALT);
}
