/**
 * A live session: one Simulation and its Monitors, advanced in chunks of simulated time, each
 * chunk summarised as a Frame for a view (frame.ts). It knows nothing of workers or messaging: the
 * worker shell exposes `createSessionHost()` (host.ts) as it is, and the Node tests drive the same
 * code, which is how the browser's spikes can be checked against Node's.
 *
 * The network comes from the one composition (runs/start-run.ts); parameters and the treatment
 * change it live where they can, and build a new one where they must.
 *
 * Every buffer a Frame carries is new, so the shell can transfer it without detaching anything
 * the session still uses. Nothing is allocated per step: the per-step work (smoothing, hashing)
 * writes into arrays allocated once per network.
 */
import type { Monitors } from '../../detect/monitors.ts';
import type { NetworkDrugEffects } from '../../modifiers/drug-effects.ts';
import { vnsOn } from '../../modifiers/vns.ts';
import { MAX_THREADS } from '../../parallel/partition.ts';
import type { SpawnHelper } from '../../parallel/team.ts';
import { defaultParams, needsRebuild, ParamError, type Params, withParams } from '../../params.ts';
import type { PkSnapshot } from '../../pharmacology/pk.ts';
import { pkInputs } from '../../pharmacology/pk.ts';
import { NO_TREATMENT, type Treatment } from '../../pharmacology/treatment.ts';
import type { Simulation } from '../../simulation.ts';
import { type Dosing, dosingOf, patientAt, startRunWithDrugs } from '../start-run.ts';
import { ActivityLabel } from './activity-label.ts';
import { CellProbe } from './cell-probe.ts';
import { describeNetwork, type Frame, type SessionDescription } from './frame.ts';
import { FrameObserver, rasterLayout } from './frame-observer.ts';
import { SmoothedRates } from './smoothed-rates.ts';

/**
 * Time constant of the activity shown per cell. 200 ms is long enough that a cell's colour
 * cannot follow bursts faster than about 1 Hz at full contrast (the filter passes a 3 Hz
 * modulation at ~26 % of its amplitude): part of the photosensitivity budget of the view
 * (WCAG 2.3.1: no more than three flashes per second).
 */
export const ACTIVITY_TAU_MS = 200;

/** Longest chunk one `advance` may run; a caller that wants more asks again (keeps calls short). */
export const MAX_ADVANCE_MS = 10_000;

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

/** Threads for a live session's sheet: how many, and how to start a helper. */
export interface LiveThreading {
  threads: number;
  spawnHelper: SpawnHelper;
}

function validateThreads(threads: number): void {
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= MAX_THREADS)) {
    throw new ParamError(`threads must be a whole number in 1…${MAX_THREADS}, not ${String(threads)}`);
  }
}

export class LiveSession {
  private sim!: Simulation;
  private monitors!: Monitors;
  private observer!: FrameObserver;
  private rates!: SmoothedRates;
  private label!: ActivityLabel;
  private described!: SessionDescription;
  private buildCount = 0;
  private lastRecord = { rateEHz: Number.NaN, rateIHz: Number.NaN, chi: Number.NaN, lfpPa: Number.NaN };
  private treatment: Treatment = NO_TREATMENT;
  private dosing: Dosing = dosingOf(NO_TREATMENT);
  private patient: PkSnapshot = { timeH: NO_TREATMENT.atHours, pgpEffective: 1, drugs: [] };
  /** The grid point the view asked to watch (kept across rebuilds while the sheet has it); null: none. */
  private selectedGrid: number | null = null;
  /**
   * Time asked for but not yet stepped: less than one step. advance() steps whole steps and carries
   * the rest to the next call, so a run of frames whose lengths are no multiple of the step
   * (16.7 ms at 60 fps, dt 0.2 ms) keeps simulated time exact and the same spikes however it is cut.
   */
  private owedMs = 0;

  /**
   * `threading`: step every network of the session on this many threads, started with
   * spawnHelper (the spikes are the same for any count). Until the helpers have started, and
   * without threading, the sheet runs on this thread.
   */
  constructor(
    params: Params,
    treatment?: Treatment,
    private readonly threading?: LiveThreading,
  ) {
    if (threading) validateThreads(threading.threads);
    if (treatment) {
      this.dosing = dosingOf(treatment);
      this.treatment = { drugs: [...treatment.drugs], atHours: treatment.atHours };
    }
    const p = validated(params);
    this.build(p, this.drugsFor(p));
  }

  /** The drugs at the treatment's patient-clock time, for these parameters (and the levels kept for frames). */
  private drugsFor(params: Params): NetworkDrugEffects {
    const now = patientAt(params, this.dosing);
    this.patient = now.patient;
    return now.drugs;
  }

  /**
   * Change the treatment (regimens or patient-clock time); it acts at once, without a rebuild.
   * A bad treatment throws DrugError and leaves the session as it was.
   */
  setTreatment(treatment: Treatment): void {
    this.dosing = dosingOf(treatment);
    this.treatment = { drugs: [...treatment.drugs], atHours: treatment.atHours };
    this.sim.setDrugEffects(this.drugsFor(this.sim.params));
  }

  /** Build the same network again from t = 0 (same parameters, seed and treatment). */
  reset(): void {
    const p = this.sim.params;
    this.build(p, this.drugsFor(p));
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
    const rebuild = needsRebuild(this.sim.params, next).length > 0;
    if (rebuild) this.build(next, this.drugsFor(next));
    else {
      const previous = this.sim.params;
      this.sim.setParams(next);
      if (pkInputsDiffer(previous, next)) this.sim.setDrugEffects(this.drugsFor(next));
    }
    return rebuild;
  }

  /**
   * Watch one cell (a grid point, y·side + x) in every frame from now on, or none (null). The
   * choice outlives a rebuild as long as the new sheet has that grid point. A grid point outside
   * the sheet throws ParamError and changes nothing.
   */
  selectCell(grid: number | null): void {
    if (grid !== null && !(Number.isInteger(grid) && grid >= 0 && grid < this.sim.net.n)) {
      throw new ParamError(`a cell is a grid point 0…${this.sim.net.n - 1}, not ${String(grid)}`);
    }
    this.selectedGrid = grid;
    this.attachProbe();
  }

  private attachProbe(): void {
    const grid = this.selectedGrid;
    this.observer.probe =
      grid !== null && grid < this.sim.net.n ? new CellProbe(this.sim.net, grid, this.sim.dtMs) : null;
  }

  /** Advance by `ms` of simulated time (whole steps, the rest carried to the next call; 0 gives the current frame). */
  advance(ms: number): Frame {
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
      throw new ParamError(`advance takes a time in 0…${MAX_ADVANCE_MS} ms, not ${ms}`);
    }
    const sim = this.sim;
    const wanted = ms + this.owedMs;
    // The tolerance keeps a sum that should be whole steps (0.3 + 149.7 at 0.2 ms) from losing one to rounding.
    const steps = Math.floor(wanted / sim.dtMs + 1e-6);
    this.owedMs = Math.max(0, wanted - steps * sim.dtMs);
    const startStep = sim.state.step;
    const samples = Math.floor((startStep + steps) / sim.ionEvery) - Math.floor(startStep / sim.ionEvery);
    this.observer.beginChunk(startStep, samples, steps);
    if (steps > 0) {
      this.rates.beginChunk(steps);
      sim.advance(steps, this.observer);
      this.rates.endChunk();
    }
    this.takeRecords();
    this.label.count(this.monitors.interictal.count, sim.timeMs);
    return this.frame(startStep * sim.dtMs);
  }

  /** How many threads step the sheet now (1 until the helpers have started). */
  get threadsRunning(): number {
    return this.sim.threadsRunning;
  }

  /** Stop the session's helper threads (the session can go on, on this thread). */
  close(): void {
    this.sim.stopThreads();
  }

  private build(params: Params, drugs: NetworkDrugEffects): void {
    this.sim?.stopThreads();
    this.owedMs = 0;
    const threads = this.threading?.threads ?? 1;
    ({ sim: this.sim, monitors: this.monitors } = startRunWithDrugs(params, drugs, { threads }));
    if (threads > 1 && this.threading) this.sim.startThreads(this.threading.spawnHelper);
    const net = this.sim.net;
    this.rates = new SmoothedRates(net.n, ACTIVITY_TAU_MS, this.sim.dtMs);
    const raster = rasterLayout(net);
    this.observer = new FrameObserver(this.monitors, this.rates, net.gridOfCell, raster.rowOfCell, net.nE);
    this.attachProbe();
    this.lastRecord = { rateEHz: Number.NaN, rateIHz: Number.NaN, chi: Number.NaN, lfpPa: Number.NaN };
    this.label = new ActivityLabel();
    this.buildCount++;
    this.described = describeNetwork(net, params, this.buildCount, this.sim.dtMs, raster);
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
    const state = this.label.state(inSeizure, sim.timeMs);
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
    const cellAtGrid = sim.net.cellAtGrid;
    const nai = sim.state.naiMm;
    const eGaba = sim.state.eGabaMv;
    const naiGrid = new Float32Array(n);
    const eGabaGrid = new Float32Array(n);
    for (let g = 0; g < n; g++) {
      const cell = cellAtGrid[g];
      naiGrid[g] = nai[cell];
      eGabaGrid[g] = eGaba[cell];
    }
    return {
      buildId: this.described.buildId,
      timeMs: sim.timeMs,
      side: sim.net.side,
      activity,
      koTiles,
      naiGrid,
      eGabaGrid,
      probe: o.probe ? o.probe.frame() : null,
      smoothedRateEHz: sumE / sim.net.nE,
      smoothedRateIHz: sumI / sim.net.nI,
      rateEHz: this.lastRecord.rateEHz,
      rateIHz: this.lastRecord.rateIHz,
      chi: this.lastRecord.chi,
      lfpPa: this.lastRecord.lfpPa,
      inSeizure,
      spikeCount: o.spikesInChunk,
      spikeHash: o.spikeHash,
      threads: sim.threadsRunning,
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
