/**
 * A live session: one Simulation and its Monitors, advanced in chunks of simulated time, each
 * chunk summarised as a Frame for a view. It knows nothing of workers or messaging: the worker
 * shell exposes `createSessionHost()` as it is, and the Node tests drive the same code, which is
 * how the browser's spikes can be checked against Node's.
 *
 * Every buffer a Frame carries is new, so the shell can transfer it without detaching anything
 * the session still uses. Nothing is allocated per step: the per-step work (smoothing, hashing)
 * writes into arrays allocated once per network.
 */
import { Monitors } from './detect/monitors.ts';
import {
  changedKeys,
  defaultParams,
  PARAM_SPECS,
  ParamError,
  type ParamKey,
  type Params,
  withParams,
} from './params.ts';
import { Simulation, type StepObserver } from './simulation.ts';

/**
 * Time constant of the activity shown per cell. 200 ms is long enough that a cell's colour
 * cannot follow bursts faster than about 1 Hz at full contrast (the filter passes a 3 Hz
 * modulation at ~26 % of its amplitude): part of the photosensitivity budget of the view
 * (WCAG 2.3.1: no more than three flashes per second).
 */
export const ACTIVITY_TAU_MS = 200;

/** Longest chunk one `advance` may run; a caller that wants more asks again (keeps calls short). */
export const MAX_ADVANCE_MS = 10_000;

const REBUILD_KEYS: ReadonlySet<ParamKey> = new Set(PARAM_SPECS.filter((s) => s.rebuild).map((s) => s.key));

/** What does not change while a network lives: sent once per build. */
export interface SessionDescription {
  /** Increases with every network built by this session; frames carry it. */
  buildId: number;
  side: number;
  n: number;
  nE: number;
  dtMs: number;
  tilesPerSide: number;
  /** Per grid point (y·side + x): 1 where the cell is an interneuron. */
  isInhibitoryGrid: Uint8Array;
}

/** One chunk of simulated time, summarised for a view. */
export interface Frame {
  buildId: number;
  /** Simulated time at the end of the chunk. */
  timeMs: number;
  side: number;
  /** Per grid point (y·side + x): the cell's firing rate, exponentially smoothed (ACTIVITY_TAU_MS). */
  activity: Float32Array;
  /** Extracellular K⁺ per tile, row-major, tilesPerSide × tilesPerSide. */
  koTiles: Float32Array;
  /** Population means of `activity`: steadier than the 100-ms records when the network bursts. */
  smoothedRateEHz: number;
  smoothedRateIHz: number;
  /** From the last 100-ms record of the monitors; NaN before the first record (χ: first second). */
  rateEHz: number;
  rateIHz: number;
  chi: number;
  lfpPa: number;
  /** The seizure detector's state now. */
  inSeizure: boolean;
  /** Spikes in this chunk. */
  spikeCount: number;
  /** FNV-1a over every (step, cell) spike since the network was built. */
  spikeHash: number;
  /** The parameters the engine ran this chunk with (the view echoes them). */
  params: Params;
}

export const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a 32-bit word's four bytes, least significant first, continuing from `hash`. */
export function fnv1aWord(hash: number, word: number): number {
  let h = hash;
  h = Math.imul(h ^ (word & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((word >>> 8) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((word >>> 16) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ (word >>> 24), FNV_PRIME);
  return h >>> 0;
}

/**
 * Exponentially smoothed spike rates, exact whatever the chunking: a spike adds 1/τ to its
 * slot's rate, which then decays with τ. A chunk of S steps weighs a spike of its step k
 * (0-based) by exp(−(S−1−k)·dt/τ), its age at the chunk's end, so running 2 chunks of 100 ms
 * gives the same rates as one chunk of 200 ms.
 */
export class SmoothedRates {
  /** Per slot, in Hz, as of the end of the last chunk. */
  readonly rateHz: Float64Array;
  private readonly pending: Float64Array;
  private readonly stepDecay: number;
  private readonly gainHz: number;
  private chunkSteps = 0;
  private stepInChunk = 0;
  private weight = 1;

  constructor(
    size: number,
    readonly tauMs: number,
    readonly dtMs: number,
  ) {
    this.rateHz = new Float64Array(size);
    this.pending = new Float64Array(size);
    this.stepDecay = Math.exp(-dtMs / tauMs);
    this.gainHz = 1000 / tauMs;
  }

  beginChunk(steps: number): void {
    this.chunkSteps = steps;
    this.stepInChunk = 0;
    this.weight = Math.exp(-((steps - 1) * this.dtMs) / this.tauMs);
  }

  /** A spike in the current step. */
  add(slot: number): void {
    this.pending[slot] += this.weight;
  }

  endStep(): void {
    this.stepInChunk++;
    // Recomputed rather than multiplied up, so thousands of steps accumulate no rounding.
    this.weight = Math.exp(-((this.chunkSteps - 1 - this.stepInChunk) * this.dtMs) / this.tauMs);
  }

  endChunk(): void {
    const decay = this.stepDecay ** this.chunkSteps;
    const rate = this.rateHz;
    const pending = this.pending;
    const gain = this.gainHz;
    for (let i = 0; i < rate.length; i++) {
      rate[i] = rate[i] * decay + pending[i] * gain;
      pending[i] = 0;
    }
    this.chunkSteps = 0;
  }
}

/** Reads every step's spikes for the frame, and passes both phases on to the monitors. */
class FrameObserver implements StepObserver {
  spikeHash = FNV_OFFSET_BASIS;
  spikesInChunk = 0;

  constructor(
    private readonly monitors: Monitors,
    private readonly rates: SmoothedRates,
    private readonly gridOfCell: Int32Array,
  ) {}

  afterStep(sim: Simulation): void {
    this.monitors.afterStep(sim);
    const s = sim.state;
    const count = s.spikeCount;
    const idx = s.spikeIdx;
    const step = s.step;
    const grid = this.gridOfCell;
    let h = this.spikeHash;
    for (let k = 0; k < count; k++) {
      const cell = idx[k];
      this.rates.add(grid[cell]);
      h = fnv1aWord(fnv1aWord(h, step), cell);
    }
    this.spikeHash = h;
    this.spikesInChunk += count;
    this.rates.endStep();
  }

  afterIonStep(sim: Simulation): void {
    this.monitors.afterIonStep(sim);
  }
}

/** The validated parameters, whatever arrived (a worker message is untyped at run time). */
function validated(params: Params): Params {
  return withParams(defaultParams(), params as unknown as Record<string, unknown>);
}

export class LiveSession {
  private sim!: Simulation;
  private monitors!: Monitors;
  private observer!: FrameObserver;
  private rates!: SmoothedRates;
  private described!: SessionDescription;
  private buildCount = 0;
  private lastRecord = { rateEHz: Number.NaN, rateIHz: Number.NaN, chi: Number.NaN, lfpPa: Number.NaN };

  constructor(params: Params) {
    this.build(validated(params));
  }

  get params(): Params {
    return this.sim.params;
  }

  get timeMs(): number {
    return this.sim.timeMs;
  }

  /** The static description of the current network (the same object until a rebuild). */
  description(): SessionDescription {
    return this.described;
  }

  /**
   * Apply new parameters: live when only live keys changed, otherwise by building a new network
   * (time, rates and the spike hash start again). Returns whether it rebuilt. Invalid
   * parameters throw ParamError and leave the session as it was.
   */
  setParams(params: Params): boolean {
    const next = validated(params);
    const rebuild = changedKeys(this.sim.params, next).some((k) => REBUILD_KEYS.has(k));
    if (rebuild) this.build(next);
    else this.sim.setParams(next);
    return rebuild;
  }

  /** Advance by `ms` of simulated time (rounded to whole steps; 0 gives the current frame). */
  advance(ms: number): Frame {
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
      throw new ParamError(`advance takes a time in 0…${MAX_ADVANCE_MS} ms, not ${ms}`);
    }
    const sim = this.sim;
    const steps = Math.round(ms / sim.dtMs);
    this.observer.spikesInChunk = 0;
    if (steps > 0) {
      this.rates.beginChunk(steps);
      sim.advance(steps, this.observer);
      this.rates.endChunk();
    }
    this.takeRecords();
    return this.frame();
  }

  private build(params: Params): void {
    this.sim = new Simulation(params);
    this.monitors = new Monitors(this.sim);
    const net = this.sim.net;
    this.rates = new SmoothedRates(net.n, ACTIVITY_TAU_MS, this.sim.dtMs);
    this.observer = new FrameObserver(this.monitors, this.rates, net.gridOfCell);
    this.lastRecord = { rateEHz: Number.NaN, rateIHz: Number.NaN, chi: Number.NaN, lfpPa: Number.NaN };
    const isInhibitoryGrid = new Uint8Array(net.n);
    for (let g = 0; g < net.n; g++) isInhibitoryGrid[g] = net.cellAtGrid[g] >= net.nE ? 1 : 0;
    this.buildCount++;
    this.described = {
      buildId: this.buildCount,
      side: net.side,
      n: net.n,
      nE: net.nE,
      dtMs: this.sim.dtMs,
      tilesPerSide: net.tilesPerSide,
      isInhibitoryGrid,
    };
  }

  /**
   * Keep the newest 100-ms record and drop the rest: a live session runs for hours, and the
   * monitors' series would otherwise grow by ten records every simulated second.
   */
  private takeRecords(): void {
    const series = this.monitors.series;
    if (series.length === 0) return;
    const r = series[series.length - 1];
    this.lastRecord = { rateEHz: r.rateEHz, rateIHz: r.rateIHz, chi: r.chi, lfpPa: r.lfpPa };
    series.length = 0;
  }

  private frame(): Frame {
    const sim = this.sim;
    const n = sim.net.n;
    const activity = new Float32Array(n);
    const rate = this.rates.rateHz;
    const isInhibitory = this.described.isInhibitoryGrid;
    let sumE = 0;
    let sumI = 0;
    for (let g = 0; g < n; g++) {
      activity[g] = rate[g];
      if (isInhibitory[g]) sumI += rate[g];
      else sumE += rate[g];
    }
    const ko = sim.state.koMm;
    const koTiles = new Float32Array(ko.length);
    for (let t = 0; t < ko.length; t++) koTiles[t] = ko[t];
    return {
      buildId: this.described.buildId,
      timeMs: sim.timeMs,
      side: sim.net.side,
      activity,
      koTiles,
      smoothedRateEHz: sumE / sim.net.nE,
      smoothedRateIHz: sumI / sim.net.nI,
      rateEHz: this.lastRecord.rateEHz,
      rateIHz: this.lastRecord.rateIHz,
      chi: this.lastRecord.chi,
      lfpPa: this.lastRecord.lfpPa,
      inSeizure: this.monitors.seizures.inSeizure,
      spikeCount: this.observer.spikesInChunk,
      spikeHash: this.observer.spikeHash,
      params: sim.params,
    };
  }
}

/** The buffers of a frame, for a zero-copy transfer to another thread. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  return [frame.activity.buffer as ArrayBuffer, frame.koTiles.buffer as ArrayBuffer];
}

/**
 * The operations a host (the worker) offers over one live session, as plain functions: `start`
 * must come first; `setParams` returns the new description when the network was rebuilt.
 */
export function createSessionHost() {
  let session: LiveSession | null = null;
  const live = (): LiveSession => {
    if (!session) throw new Error('the session has not been started: call start(params) first');
    return session;
  };
  return {
    start(params: Params): SessionDescription {
      session = new LiveSession(params);
      return session.description();
    },
    setParams(params: Params): SessionDescription | null {
      const s = live();
      return s.setParams(params) ? s.description() : null;
    },
    advance(ms: number): Frame {
      return live().advance(ms);
    },
  };
}

export type SessionHost = ReturnType<typeof createSessionHost>;
