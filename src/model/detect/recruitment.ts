/**
 * Recruitment (issue 14; docs/model.md §7): where a seizure-like event starts and how fast it
 * spreads, measured from when each patch of the sheet joins it rather than from how much each
 * patch fires.
 *
 * The patches are the K⁺ tiles (`net.tilesPerSide` per side, 0.125 mm at 16). For each tile the
 * monitors count the spikes of its pyramidal (E) cells in 100-ms blocks; the tile's 1-s E rate is
 * the sum of its last ten blocks over its number of E cells, as the detector's 1-s rate is for the
 * whole sheet. A tile is **recruited** when that rate reaches RECRUIT_RATE_HZ and stays so until
 * it falls below RECRUIT_RELEASE_HZ (hysteresis: a tile that wavers around the level is not
 * re-dated by every dip); its recruitment time is the end of the first 1-s window at or above the
 * level, the way the detector dates an onset.
 *
 *   onset   when the detector confirms an event (1 s after the onset it dates), the tiles that
 *           are recruited at that moment, each dated to its crossing or to the start of the
 *           look-back window (RECRUIT_LOOKBACK_MS before the dated onset) if it crossed earlier
 *           and has held since. The onset tile is the earliest of them (ties: the higher rate);
 *           the onset point is the rate-weighted centre, on the torus, of the patch of tiles
 *           recruited in that same block and joined to it side by side. A lesion or a focus that
 *           crosses the level in one block is a patch, and its hottest tile may sit on its rim
 *           (focal-dysplasia, seed 1: the hottest of 53 tiles tied at 1.0 s lay 0.47 mm from the
 *           lesion's centre); the patch's centre is the point the spread is measured from. When
 *           no tile is recruited at confirmation (an event found by its discharges while every
 *           tile stays below the level), the onset falls back to the centre of the tile with the
 *           highest 1-s E rate, and `recruitedFromMs` is null to say so.
 *   spread  over the event (from the look-back start to the offset, or to the end of the run),
 *           each tile's first recruitment time against its torus distance from the onset point:
 *           a least-squares line t = a + b·d, and the speed is 1/b. It is null with fewer than
 *           SPREAD_MIN_TILES recruited tiles, when they all lie at one distance or were all
 *           recruited in one block, when the line does not rise (recruitment does not move away
 *           from the onset), when distance explains less than SPREAD_MIN_R2 of the variance of
 *           the recruitment times (no front: the tiles join in an order distance does not set),
 *           and when the line puts less than one 100-ms block between the nearest and the
 *           farthest tile (faster than the blocks can time). The share of the sheet's tiles
 *           recruited, and the fit's r², are given whatever the speed.
 *
 * Streaming: the state is a few typed arrays over the tiles, allocated once; nothing is allocated
 * per step or per block, so the live session, which drops the monitors' series, has it too. It
 * reads spikes and never changes the simulation.
 */
import { SHEET_MM, torusDistanceMm } from '../sheet/geometry.ts';
import { SEIZURE_DISCHARGE_ONSET_WINDOW_MS, SEIZURE_OFFSET_RATE_HZ, SEIZURE_ONSET_RATE_HZ } from './seizure.ts';

/**
 * The ictal level of a tile's 1-s E rate: the detector's own onset rate (20 Hz). It sits in the gap
 * between the sheet's out-of-event and in-event rates over every shipped scenario (seizure.ts), so a
 * tile above it fires as a whole sheet does in a seizure.
 */
export const RECRUIT_RATE_HZ = SEIZURE_ONSET_RATE_HZ;
/**
 * A recruited tile is released below the detector's offset rate (12 Hz): the same hysteresis, so
 * that a tile of ~13 E cells (64 × 64) whose 1-s rate wavers by a few Hz around 20 Hz keeps its date.
 */
export const RECRUIT_RELEASE_HZ = SEIZURE_OFFSET_RATE_HZ;
/**
 * How far before the detector's dated onset a crossing still counts as the event's: the detector's
 * discharge onset window (10 s). An event found by its discharges had them for those 10 s before
 * the onset is dated, and one found by its rate has its sheet-wide rate rising over the seconds
 * before; a tile recruited earlier and held since counts as recruited when the window starts.
 */
export const RECRUIT_LOOKBACK_MS = SEIZURE_DISCHARGE_ONSET_WINDOW_MS;
/** Fewest recruited tiles for a spread: a line through 4 points keeps 2 degrees of freedom. */
export const SPREAD_MIN_TILES = 4;
/**
 * Least r² of the fit for a speed: distance from the onset must explain at least half the variance
 * of the tiles' recruitment times, or there is no front to time. Measured (64 × 64): the events a
 * lesion starts have r² 0.74–0.89 (focal-dysplasia, seeds 1–3) and 0.91–0.95 (48 × 48, gaba 0.8,
 * no drug, seed 1, four events); a sheet with weak inhibition everywhere (gaba 0.6, seeds 1–5),
 * 0.003–0.12: it is recruited within ~1–2 s in an order distance barely sets.
 */
export const SPREAD_MIN_R2 = 0.5;

/** Where an event started, from recruitment. */
export interface OnsetPlace {
  xMm: number;
  yMm: number;
  /** When the onset tile was recruited (the look-back start at the earliest); null: none was (fallback). */
  recruitedFromMs: number | null;
}

/** How an event spread over the sheet. */
export interface Spread {
  /** Speed of recruitment away from the onset point (null: not measurable, see the file comment). */
  spreadMmPerS: number | null;
  /** r² of the recruitment-time-against-distance fit (null with no fit). */
  spreadFitR2: number | null;
  /** Share of the sheet's tiles (those with E cells) recruited over the event, 0…1. */
  recruitedShare: number;
}

export class Recruitment {
  readonly nTiles: number;
  readonly tilesPerSide: number;
  /** E cells per tile. */
  readonly eCells: Float64Array;
  /** Tiles that have E cells (the sheet's share is out of these). */
  readonly tilesWithE: number;
  /** E spikes per tile in the block being filled. */
  private readonly current: Float64Array;
  /** E spikes per tile per block over the last window, as a ring (block-major), and their sums. */
  private readonly ring: Float64Array;
  private readonly windowSum: Float64Array;
  private head = 0;
  private blocksSeen = 0;
  private readonly windowS: number;
  /** 1 while a tile is recruited, and since when (NaN when it is not). */
  private readonly recruited: Uint8Array;
  private readonly crossedMs: Float64Array;
  /** First recruitment time of each tile over the current event (NaN: not recruited). */
  private readonly eventMs: Float64Array;
  private eventOpen = false;
  private originXMm = 0;
  private originYMm = 0;
  /** Scratch for the onset patch: a queue of tiles and whether each is in it. */
  private readonly queue: Int32Array;
  private readonly inPatch: Uint8Array;

  constructor(
    tileOfCell: Int32Array,
    nE: number,
    tilesPerSide: number,
    private readonly windowBlocks: number,
    private readonly blockMs: number,
  ) {
    this.tilesPerSide = tilesPerSide;
    const n = tilesPerSide * tilesPerSide;
    this.nTiles = n;
    this.eCells = new Float64Array(n);
    for (let i = 0; i < nE; i++) this.eCells[tileOfCell[i]] += 1;
    let withE = 0;
    for (let t = 0; t < n; t++) if (this.eCells[t] > 0) withE++;
    this.tilesWithE = withE;
    this.current = new Float64Array(n);
    this.ring = new Float64Array(windowBlocks * n);
    this.windowSum = new Float64Array(n);
    this.windowS = (windowBlocks * blockMs) / 1000;
    this.recruited = new Uint8Array(n);
    this.crossedMs = new Float64Array(n).fill(Number.NaN);
    this.eventMs = new Float64Array(n).fill(Number.NaN);
    this.queue = new Int32Array(n);
    this.inPatch = new Uint8Array(n);
  }

  /** Count one step's spikes (cell indices; E cells are those below nE). */
  countSpikes(spikeIdx: Int32Array, count: number, nE: number, tileOfCell: Int32Array): void {
    for (let k = 0; k < count; k++) {
      const i = spikeIdx[k];
      if (i < nE) this.current[tileOfCell[i]] += 1;
    }
  }

  /** 1-s E rate of a tile (Hz), over the last whole window. */
  rateHz(tile: number): number {
    return this.eCells[tile] > 0 ? this.windowSum[tile] / this.eCells[tile] / this.windowS : 0;
  }

  /** Whether a tile is recruited now. */
  isRecruited(tile: number): boolean {
    return this.recruited[tile] === 1;
  }

  /** Centre of a tile (mm). */
  tileXMm(tile: number): number {
    return ((tile % this.tilesPerSide) + 0.5) * (SHEET_MM / this.tilesPerSide);
  }

  tileYMm(tile: number): number {
    return (Math.floor(tile / this.tilesPerSide) + 0.5) * (SHEET_MM / this.tilesPerSide);
  }

  /** Close the block that ends at tMs: slide each tile's window, and recruit or release tiles. */
  closeBlock(tMs: number): void {
    const n = this.nTiles;
    const base = this.head * n;
    for (let t = 0; t < n; t++) {
      const c = this.current[t];
      this.windowSum[t] += c - this.ring[base + t];
      this.ring[base + t] = c;
      this.current[t] = 0;
    }
    this.head = (this.head + 1) % this.windowBlocks;
    // A 1-s rate needs a whole second, as the detector's does.
    if (this.blocksSeen < this.windowBlocks) this.blocksSeen++;
    if (this.blocksSeen < this.windowBlocks) return;
    for (let t = 0; t < n; t++) {
      if (this.eCells[t] === 0) continue;
      const rate = this.windowSum[t] / this.eCells[t] / this.windowS;
      if (this.recruited[t] === 0) {
        if (rate >= RECRUIT_RATE_HZ) {
          this.recruited[t] = 1;
          this.crossedMs[t] = tMs;
          if (this.eventOpen && Number.isNaN(this.eventMs[t])) this.eventMs[t] = tMs;
        }
      } else if (rate < RECRUIT_RELEASE_HZ) {
        this.recruited[t] = 0;
        this.crossedMs[t] = Number.NaN;
      }
    }
  }

  /**
   * The detector has confirmed an event it dates to onsetMs: where it started (file comment), and
   * the start of its record of recruitment.
   */
  onset(onsetMs: number): OnsetPlace {
    const n = this.nTiles;
    const fromMs = onsetMs - RECRUIT_LOOKBACK_MS;
    let anchor = -1;
    let earliest = Number.POSITIVE_INFINITY;
    let anchorRate = -1;
    for (let t = 0; t < n; t++) {
      if (this.recruited[t] === 0) {
        this.eventMs[t] = Number.NaN;
        continue;
      }
      const at = Math.max(this.crossedMs[t], fromMs);
      this.eventMs[t] = at;
      const rate = this.rateHz(t);
      if (at < earliest || (at === earliest && rate > anchorRate)) {
        earliest = at;
        anchor = t;
        anchorRate = rate;
      }
    }
    this.eventOpen = true;
    if (anchor < 0) {
      // Fallback: no tile at the ictal level; the tile with the highest 1-s E rate.
      let best = 0;
      for (let t = 1; t < n; t++) if (this.rateHz(t) > this.rateHz(best)) best = t;
      this.originXMm = this.tileXMm(best);
      this.originYMm = this.tileYMm(best);
      return { xMm: this.originXMm, yMm: this.originYMm, recruitedFromMs: null };
    }
    this.patchCentre(anchor, earliest);
    return { xMm: this.originXMm, yMm: this.originYMm, recruitedFromMs: earliest };
  }

  /**
   * The rate-weighted centre of the tiles recruited at `atMs` that join the anchor side by side
   * (on the torus), with offsets taken from the anchor so that a patch across an edge stays whole.
   */
  private patchCentre(anchor: number, atMs: number): void {
    const side = this.tilesPerSide;
    const tileMm = SHEET_MM / side;
    const queue = this.queue;
    const inPatch = this.inPatch;
    inPatch.fill(0);
    let size = 0;
    queue[size++] = anchor;
    inPatch[anchor] = 1;
    const ax = anchor % side;
    const ay = Math.floor(anchor / side);
    let sumW = 0;
    let sumDx = 0;
    let sumDy = 0;
    for (let k = 0; k < size; k++) {
      const t = queue[k];
      const tx = t % side;
      const ty = Math.floor(t / side);
      const w = this.rateHz(t);
      let dx = tx - ax;
      let dy = ty - ay;
      if (dx > side / 2) dx -= side;
      else if (dx < -side / 2) dx += side;
      if (dy > side / 2) dy -= side;
      else if (dy < -side / 2) dy += side;
      sumW += w;
      sumDx += w * dx;
      sumDy += w * dy;
      for (let m = 0; m < 4; m++) {
        const nx = (tx + (m === 0 ? 1 : m === 1 ? side - 1 : 0)) % side;
        const ny = (ty + (m === 2 ? 1 : m === 3 ? side - 1 : 0)) % side;
        const u = ny * side + nx;
        if (inPatch[u] === 0 && this.eventMs[u] === atMs) {
          inPatch[u] = 1;
          queue[size++] = u;
        }
      }
    }
    const ox = sumW > 0 ? sumDx / sumW : 0;
    const oy = sumW > 0 ? sumDy / sumW : 0;
    this.originXMm = wrapMm((ax + 0.5 + ox) * tileMm);
    this.originYMm = wrapMm((ay + 0.5 + oy) * tileMm);
  }

  /** Whether an event's recruitment is being recorded (between its onset and closeEvent). */
  get open(): boolean {
    return this.eventOpen;
  }

  /** The spread of the current (or last) event over the tiles recruited up to toMs. */
  spread(toMs: number): Spread {
    const n = this.nTiles;
    let count = 0;
    let sumD = 0;
    let sumT = 0;
    let minD = Number.POSITIVE_INFINITY;
    let maxD = 0;
    for (let t = 0; t < n; t++) {
      const at = this.eventMs[t];
      if (Number.isNaN(at) || at > toMs) continue;
      const d = torusDistanceMm(this.tileXMm(t), this.tileYMm(t), this.originXMm, this.originYMm);
      count++;
      sumD += d;
      sumT += at / 1000;
      if (d < minD) minD = d;
      if (d > maxD) maxD = d;
    }
    const recruitedShare = this.tilesWithE > 0 ? count / this.tilesWithE : 0;
    if (count < SPREAD_MIN_TILES) return { spreadMmPerS: null, spreadFitR2: null, recruitedShare };
    const meanD = sumD / count;
    const meanT = sumT / count;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (let t = 0; t < n; t++) {
      const at = this.eventMs[t];
      if (Number.isNaN(at) || at > toMs) continue;
      const dd = torusDistanceMm(this.tileXMm(t), this.tileYMm(t), this.originXMm, this.originYMm) - meanD;
      const dt = at / 1000 - meanT;
      sxx += dd * dd;
      sxy += dd * dt;
      syy += dt * dt;
    }
    if (sxx === 0 || syy === 0) return { spreadMmPerS: null, spreadFitR2: null, recruitedShare };
    const slopeSPerMm = sxy / sxx;
    const r2 = (sxy * sxy) / (sxx * syy);
    if (slopeSPerMm <= 0 || r2 < SPREAD_MIN_R2 || slopeSPerMm * (maxD - minD) < this.blockMs / 1000) {
      return { spreadMmPerS: null, spreadFitR2: r2, recruitedShare };
    }
    return { spreadMmPerS: 1 / slopeSPerMm, spreadFitR2: r2, recruitedShare };
  }

  /** The event has ended: stop recording its recruitment (its times stay for `spread`). */
  closeEvent(): void {
    this.eventOpen = false;
  }
}

function wrapMm(x: number): number {
  const r = x % SHEET_MM;
  return r < 0 ? r + SHEET_MM : r;
}
