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

import { Monitors } from '../../detect/monitors.ts';
import type { SeizureEvent } from '../../detect/seizure.ts';
import type { NetworkDrugEffects } from '../../modifiers/drug-effects.ts';
import { vnsOn } from '../../modifiers/vns.ts';
import {
  changedKeys,
  defaultParams,
  type Lesion,
  PARAM_SPECS,
  ParamError,
  type ParamKey,
  type Params,
  withParams,
} from '../../params.ts';
import { networkDrugEffects } from '../../pharmacology/network-effects.ts';
import { type PkSnapshot, pkAt, pkInputs } from '../../pharmacology/pk.ts';
import type { Regimen } from '../../pharmacology/regimen.ts';
import { NO_TREATMENT, parseTreatment, type Treatment } from '../../pharmacology/treatment.ts';
import { SHEET_MM } from '../../sheet/geometry.ts';
import { Simulation, type StepObserver } from '../../simulation.ts';

/**
 * Time constant of the activity shown per cell. 200 ms is long enough that a cell's colour
 * cannot follow bursts faster than about 1 Hz at full contrast (the filter passes a 3 Hz
 * modulation at ~26 % of its amplitude): part of the photosensitivity budget of the view
 * (WCAG 2.3.1: no more than three flashes per second).
 */
export const ACTIVITY_TAU_MS = 200;

/** Longest chunk one `advance` may run; a caller that wants more asks again (keeps calls short). */
export const MAX_ADVANCE_MS = 10_000;

/**
 * Cells shown in the spike raster: a fixed sample, spread evenly over each population, so a
 * frame's raster is small whatever the network's size (a 64 × 64 sheet at 10 Hz gives ~2
 * raster spikes per ms).
 */
export const RASTER_ROWS_E = 160;
export const RASTER_ROWS_I = 40;
/** At most this many raster spikes per frame (a seizure at 100 Hz for a 1-s chunk stays below). */
const RASTER_MAX_SPIKES = 65_536;

/**
 * The state label says "interictal" while at least INTERICTAL_LABEL_COUNT interictal spikes fell
 * in the last INTERICTAL_LABEL_MS of network time: a rate of about 0.75 per second. A healthy
 * sheet makes one now and then by chance (0.13 per s at the default size), which would otherwise
 * light the label a quarter of the time; with 3 in 4 s it does so about 2 % of the time, while a
 * sheet with weakened inhibition (gaba 0.8: 1.4 per s) shows it most of the time.
 */
export const INTERICTAL_LABEL_MS = 4000;
export const INTERICTAL_LABEL_COUNT = 3;

/** What the network is doing, in the three words the view shows. */
export type ActivityState = 'asynchronous' | 'interictal' | 'seizure';

/** The patient-clock side of a session: regimens as on the command line, and the time on that clock. */
export type SessionTreatment = Treatment;

/** A drug at the network's patient-clock time. */
export interface FrameDrug {
  drug: string;
  plasmaTotalMgL: number;
  brainUnboundUm: number;
  kpuu: number;
}

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
  /** Side of the (square, toroidal) sheet in mm. */
  sheetMm: number;
  /** The focal lesion, for the outline; null without one. */
  lesion: Lesion | null;
  /** Grid point of each raster row: E rows first (rasterRowsE), then I rows. */
  rasterGrid: Int32Array;
  rasterRowsE: number;
  rasterRowsI: number;
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
  /** Simulated time at the start of the chunk. */
  startMs: number;
  /** Per grid point: 1 where the cell fired in this chunk (the opt-in raw-spike view). */
  spikedGrid: Uint8Array;
  /** Raster spikes of the chunk: time after startMs (ms) and row (description.rasterGrid). */
  rasterTimesMs: Float32Array;
  rasterRows: Uint16Array;
  /** Per ion step (≈ 1 ms) of the chunk: the EEG/LFP proxy (pA) and the spikes of each population. */
  eegPa: Float32Array;
  spikesE: Uint16Array;
  spikesI: Uint16Array;
  /** Length of one sample of eegPa, spikesE and spikesI (ms). */
  sampleMs: number;
  /** Asynchronous, interictal spikes (INTERICTAL_LABEL_COUNT in INTERICTAL_LABEL_MS), or a seizure-like event. */
  state: ActivityState;
  /** Interictal spikes since the network was built. */
  interictalCount: number;
  /** Every seizure-like event since the network was built (the last may still be going). */
  events: SeizureEvent[];
  /** Responsive neurostimulation: bursts so far and whether one is being delivered now. */
  rnsBursts: number;
  rnsStimulating: boolean;
  /** Vagus nerve stimulation on now (only with `vns`). */
  vnsOn: boolean;
  /** The treatment the network runs with, at its patient-clock time. */
  atHours: number;
  drugs: FrameDrug[];
  pgpEffective: number;
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

/**
 * Reads every step's spikes for the frame, and passes both phases on to the monitors. The
 * per-chunk series (raster, EEG, population spikes) are written into arrays the session gives it
 * for each chunk.
 */
class FrameObserver implements StepObserver {
  spikeHash = FNV_OFFSET_BASIS;
  spikesInChunk = 0;
  /** Raster spikes of the chunk so far (scratch, copied out per frame). */
  rasterCount = 0;
  readonly rasterTimesMs = new Float32Array(RASTER_MAX_SPIKES);
  readonly rasterRows = new Uint16Array(RASTER_MAX_SPIKES);
  private chunkStartStep = 0;
  /** Per ion step of the chunk; replaced for every chunk. */
  eegPa = new Float32Array(0);
  spikesE = new Uint16Array(0);
  spikesI = new Uint16Array(0);
  spikedGrid = new Uint8Array(0);
  private sample = 0;
  private countE = 0;
  private countI = 0;

  constructor(
    private readonly monitors: Monitors,
    private readonly rates: SmoothedRates,
    private readonly gridOfCell: Int32Array,
    /** Raster row of each cell, −1 when it is not in the raster. */
    private readonly rasterRowOfCell: Int16Array,
    private readonly nE: number,
  ) {}

  beginChunk(startStep: number, samples: number): void {
    this.chunkStartStep = startStep;
    this.spikesInChunk = 0;
    this.rasterCount = 0;
    this.eegPa = new Float32Array(samples);
    this.spikesE = new Uint16Array(samples);
    this.spikesI = new Uint16Array(samples);
    this.spikedGrid = new Uint8Array(this.gridOfCell.length);
    this.sample = 0;
    // countE and countI carry on: spikes after the chunk's last ion step belong to the next
    // chunk's first sample (a chunk need not end on an ion step), not to no sample at all.
  }

  afterStep(sim: Simulation): void {
    this.monitors.afterStep(sim);
    const s = sim.state;
    const count = s.spikeCount;
    const idx = s.spikeIdx;
    const step = s.step;
    const grid = this.gridOfCell;
    const rowOf = this.rasterRowOfCell;
    const tMs = (step - this.chunkStartStep) * sim.dtMs;
    let h = this.spikeHash;
    for (let k = 0; k < count; k++) {
      const cell = idx[k];
      this.rates.add(grid[cell]);
      this.spikedGrid[grid[cell]] = 1;
      h = fnv1aWord(fnv1aWord(h, step), cell);
      if (cell < this.nE) this.countE++;
      else this.countI++;
      const row = rowOf[cell];
      if (row >= 0 && this.rasterCount < RASTER_MAX_SPIKES) {
        this.rasterTimesMs[this.rasterCount] = tMs;
        this.rasterRows[this.rasterCount] = row;
        this.rasterCount++;
      }
    }
    this.spikeHash = h;
    this.spikesInChunk += count;
    this.rates.endStep();
  }

  afterIonStep(sim: Simulation): void {
    this.monitors.afterIonStep(sim);
    if (this.sample < this.eegPa.length) {
      this.eegPa[this.sample] = sim.state.lfpSumPa / sim.net.nE / sim.ionEvery;
      this.spikesE[this.sample] = Math.min(this.countE, 0xffff);
      this.spikesI[this.sample] = Math.min(this.countI, 0xffff);
      this.sample++;
    }
    this.countE = 0;
    this.countI = 0;
  }
}

/** The raster's cells: evenly spread over each population, in grid order (rows run along the sheet). */
function rasterCells(nFirst: number, nEnd: number, rows: number, gridOfCell: Int32Array): number[] {
  const count = nEnd - nFirst;
  const take = Math.min(rows, count);
  const cells: number[] = [];
  for (let r = 0; r < take; r++) cells.push(nFirst + Math.floor(((r + 0.5) * count) / take));
  return cells.sort((a, b) => gridOfCell[a] - gridOfCell[b]);
}

/** Whether two parameter sets give the patient clock different inputs (and so different drug levels). */
function pkInputsDiffer(a: Params, b: Params): boolean {
  const x = pkInputs(a);
  const y = pkInputs(b);
  return (Object.keys(x) as (keyof typeof x)[]).some((k) => x[k] !== y[k]);
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
  private treatment: SessionTreatment = NO_TREATMENT;
  private regimens: Regimen[] = [];
  private patient: PkSnapshot = { timeH: NO_TREATMENT.atHours, pgpEffective: 1, drugs: [] };
  private lastInterictalCount = 0;
  /** Network times of the latest INTERICTAL_LABEL_COUNT interictal spikes (a ring; −∞ when unused). */
  private readonly interictalTimesMs = new Float64Array(INTERICTAL_LABEL_COUNT).fill(Number.NEGATIVE_INFINITY);
  private interictalAt = 0;

  constructor(params: Params, treatment?: SessionTreatment) {
    if (treatment) {
      this.regimens = parseTreatment(treatment);
      this.treatment = { drugs: [...treatment.drugs], atHours: treatment.atHours };
    }
    const p = validated(params);
    this.build(p, this.drugEffectsFor(p));
  }

  /** The drugs at the treatment's patient-clock time, for these parameters (and the levels kept for frames). */
  private drugEffectsFor(params: Params): NetworkDrugEffects {
    this.patient = pkAt(pkInputs(params), this.regimens, this.treatment.atHours);
    return networkDrugEffects(this.patient.drugs);
  }

  /**
   * Change the treatment (regimens or patient-clock time); it acts at once, without a rebuild.
   * A bad treatment throws DrugError and leaves the session as it was.
   */
  setTreatment(treatment: SessionTreatment): void {
    const regimens = parseTreatment(treatment);
    this.regimens = regimens;
    this.treatment = { drugs: [...treatment.drugs], atHours: treatment.atHours };
    this.sim.setDrugEffects(this.drugEffectsFor(this.sim.params));
  }

  /** Build the same network again from t = 0 (same parameters, seed and treatment). */
  reset(): void {
    const p = this.sim.params;
    this.build(p, this.drugEffectsFor(p));
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
    if (rebuild) this.build(next, this.drugEffectsFor(next));
    else {
      const previous = this.sim.params;
      this.sim.setParams(next);
      if (pkInputsDiffer(previous, next)) this.sim.setDrugEffects(this.drugEffectsFor(next));
    }
    return rebuild;
  }

  /** Advance by `ms` of simulated time (rounded to whole steps; 0 gives the current frame). */
  advance(ms: number): Frame {
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
      throw new ParamError(`advance takes a time in 0…${MAX_ADVANCE_MS} ms, not ${ms}`);
    }
    const sim = this.sim;
    const steps = Math.round(ms / sim.dtMs);
    const startStep = sim.state.step;
    const samples = Math.floor((startStep + steps) / sim.ionEvery) - Math.floor(startStep / sim.ionEvery);
    this.observer.beginChunk(startStep, samples);
    if (steps > 0) {
      this.rates.beginChunk(steps);
      sim.advance(steps, this.observer);
      this.rates.endChunk();
    }
    this.takeRecords();
    const interictal = this.monitors.interictal.count;
    // Counted per chunk: spikes of one chunk share its end time (chunks are ≤ 400 ms).
    for (; this.lastInterictalCount < interictal; this.lastInterictalCount++) {
      this.interictalTimesMs[this.interictalAt] = sim.timeMs;
      this.interictalAt = (this.interictalAt + 1) % INTERICTAL_LABEL_COUNT;
    }
    return this.frame(startStep * sim.dtMs);
  }

  private build(params: Params, drugs: NetworkDrugEffects): void {
    this.sim = new Simulation(params, { drugs });
    this.monitors = new Monitors(this.sim);
    const net = this.sim.net;
    this.rates = new SmoothedRates(net.n, ACTIVITY_TAU_MS, this.sim.dtMs);
    const rasterE = rasterCells(0, net.nE, RASTER_ROWS_E, net.gridOfCell);
    const rasterI = rasterCells(net.nE, net.n, RASTER_ROWS_I, net.gridOfCell);
    const rasterRowOfCell = new Int16Array(net.n).fill(-1);
    const rasterGrid = new Int32Array(rasterE.length + rasterI.length);
    [...rasterE, ...rasterI].forEach((cell, row) => {
      rasterRowOfCell[cell] = row;
      rasterGrid[row] = net.gridOfCell[cell];
    });
    this.observer = new FrameObserver(this.monitors, this.rates, net.gridOfCell, rasterRowOfCell, net.nE);
    this.lastRecord = { rateEHz: Number.NaN, rateIHz: Number.NaN, chi: Number.NaN, lfpPa: Number.NaN };
    this.lastInterictalCount = 0;
    this.interictalTimesMs.fill(Number.NEGATIVE_INFINITY);
    this.interictalAt = 0;
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
      sheetMm: SHEET_MM,
      lesion: params.lesion ? { ...params.lesion } : null,
      rasterGrid,
      rasterRowsE: rasterE.length,
      rasterRowsI: rasterI.length,
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

  private frame(startMs: number): Frame {
    const sim = this.sim;
    const o = this.observer;
    const inSeizure = this.monitors.seizures.inSeizure;
    const state: ActivityState = inSeizure
      ? 'seizure'
      : sim.timeMs - this.interictalTimesMs[this.interictalAt] <= INTERICTAL_LABEL_MS
        ? 'interictal'
        : 'asynchronous';
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
      inSeizure,
      spikeCount: o.spikesInChunk,
      spikeHash: o.spikeHash,
      params: sim.params,
      startMs,
      spikedGrid: o.spikedGrid,
      rasterTimesMs: o.rasterTimesMs.slice(0, o.rasterCount),
      rasterRows: o.rasterRows.slice(0, o.rasterCount),
      eegPa: o.eegPa,
      spikesE: o.spikesE,
      spikesI: o.spikesI,
      sampleMs: sim.ionEvery * sim.dtMs,
      state,
      interictalCount: this.monitors.interictal.count,
      events: this.monitors.seizures.events.map((e) => ({ ...e })),
      rnsBursts: sim.stimulator.bursts,
      rnsStimulating: sim.params.rns && sim.stimulator.stimulating,
      vnsOn: sim.params.vns && vnsOn(sim.timeMs),
      atHours: this.treatment.atHours,
      drugs: this.patient.drugs.map((d) => ({
        drug: d.drug,
        plasmaTotalMgL: d.plasmaTotalMgL,
        brainUnboundUm: d.brainUnboundUm,
        kpuu: d.kpuu,
      })),
      pgpEffective: this.patient.pgpEffective,
    };
  }
}

/** The buffers of a frame, for a zero-copy transfer to another thread. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  return [
    frame.activity,
    frame.koTiles,
    frame.spikedGrid,
    frame.rasterTimesMs,
    frame.rasterRows,
    frame.eegPa,
    frame.spikesE,
    frame.spikesI,
  ].map((a) => a.buffer as ArrayBuffer);
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
    start(params: Params, treatment?: SessionTreatment): SessionDescription {
      session = new LiveSession(params, treatment);
      return session.description();
    },
    setParams(params: Params): SessionDescription | null {
      const s = live();
      return s.setParams(params) ? s.description() : null;
    },
    setTreatment(treatment: SessionTreatment): void {
      live().setTreatment(treatment);
    },
    /** Start the same network again from t = 0; returns its (new) description. */
    reset(): SessionDescription {
      const s = live();
      s.reset();
      return s.description();
    },
    advance(ms: number): Frame {
      return live().advance(ms);
    },
  };
}

export type SessionHost = ReturnType<typeof createSessionHost>;
