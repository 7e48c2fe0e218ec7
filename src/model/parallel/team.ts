/**
 * Threads for one network (issue 15): the coordinator (the thread that owns the Simulation) and
 * helper threads step one network together, on one shared WebAssembly memory, with the same
 * spikes for any number of threads.
 *
 * Each step runs as phases; in each, every thread does its share (model/parallel/partition.ts)
 * and the coordinator waits for the others before the next:
 *
 *   background  coordinator alone (one random stream, drawn in one order)
 *   neurons     every thread steps its cells: its own spike lists, its tiles' spike counts, the
 *               E releases computed at the spike, the LFP terms left per chunk
 *   (merge)     coordinator: the spike lists in the serial order, the LFP sums in the serial order
 *   propagate   every thread delivers all spikes, in the serial order, onto its own cells
 *   ions        every ~1 ms: every thread runs its range of cells; the coordinator adds the
 *               pump's excess and the spike counts into the tiles in cell order, then the tiles
 *
 * Nothing is summed in a different order than with one thread, so every float is the same bits
 * (tests/determinism). Phases are handed over through a control block of shared words: a
 * generation counter the helpers wait on (spinning briefly, then Atomics.wait), and a count of
 * helpers done that the coordinator waits on.
 */

import type { NetworkState, ThreadArrays } from '../dynamics/state.ts';
import { CONTROL_WORDS } from '../dynamics/state.ts';
import type { KernelExports, WasmMemory } from '../kernels/kernels.ts';
import {
  ION_ABOVE_REST,
  ION_FROM,
  ION_TO,
  ION_WORDS,
  POP_AMOUNTS,
  POP_END,
  POP_FIRST,
  POP_INV_U0,
  POP_LFP_CHUNKS,
  POP_LFP_LANES_OUT,
  POP_RECOVERY_PER_STEP,
  POP_RELEASE_U,
  POP_RESOURCE,
  POP_RESOURCE_STAMP,
  POP_SLOT_OFFSET,
  POP_SPIKE_COUNT,
  POP_SPIKE_IDX,
  POP_STEP,
  POP_TILE_SPIKES,
  POP_WORDS,
  PROP_BASE_OFFSET,
  PROP_EVENTS,
  PROP_INV_U0,
  PROP_OUT_OFFSET,
  PROP_OUT_START,
  PROP_RECOVERY_PER_STEP,
  PROP_RELEASE_U,
  PROP_SEGMENT_COUNT,
  PROP_SEGMENTS,
  PROP_STEP,
  PROP_WORDS,
} from '../kernels/layout.ts';
import type { Rng } from '../rng.ts';

/** Control words. */
export const CONTROL_GENERATION = 0;
export const CONTROL_PHASE = 1;
export const CONTROL_DONE = 2;
export const CONTROL_READY = 3;
export const CONTROL_FAILED = 4;
/** This step's background events (drawn by the coordinator, applied by each thread to its cells). */
export const CONTROL_BACKGROUND_EVENTS = 5;
/** Two f64 from word 8: the background's jumps onto E and onto I cells (nS). */
export const CONTROL_JUMPS_F64 = 4;

export const PHASE_NEURONS = 1;
export const PHASE_PROPAGATE = 2;
export const PHASE_IONS = 3;
export const PHASE_EXIT = 4;

/**
 * Polls of a shared word before a thread sleeps in Atomics.wait. A phase lasts microseconds, so a
 * waiting thread spins through the gaps within a step (a wake-up from Atomics.wait costs tens of
 * microseconds) and sleeps only between calls to advance.
 */
export const SPINS_BEFORE_SLEEP = 20000;

/** One thread's parameter blocks (byte offsets), its cells and where the shared inputs are. */
export interface ThreadBlocks {
  blockE: number;
  blockI: number;
  blockPropagate: number;
  /** The ion step over the thread's E cells and over its I cells. */
  blockIons: number;
  blockIonsI: number;
  eFrom: number;
  eTo: number;
  iFrom: number;
  iTo: number;
  nE: number;
  /** The background events' cells (i32) and the AMPA conductances (f32), byte offsets. */
  backgroundList: number;
  gAmpa: number;
  controlByteOffset: number;
}

/** What a helper thread needs: the module and memory, and its blocks. */
export interface HelperInit extends ThreadBlocks {
  module: object;
  memory: WasmMemory;
  thread: number;
}

export interface HelperHandle {
  terminate(): void;
}

/** Starts one helper thread (a Node worker thread or a browser worker) running runHelper(init). */
export type SpawnHelper = (init: HelperInit) => HelperHandle;

/**
 * One thread's work in a phase. `control` and `jumps` are views on the control words (the
 * background's event count and jumps for this step).
 */
export function threadWork(
  k: KernelExports,
  b: ThreadBlocks,
  phase: number,
  control: Int32Array,
  jumps: Float64Array,
): void {
  if (phase === PHASE_NEURONS) {
    const events = control[CONTROL_BACKGROUND_EVENTS];
    k.backgroundApply(b.backgroundList, events, b.gAmpa, b.eFrom, b.eTo, b.nE, jumps[0], jumps[1]);
    k.backgroundApply(b.backgroundList, events, b.gAmpa, b.iFrom, b.iTo, b.nE, jumps[0], jumps[1]);
    k.stepPopulation(b.blockE);
    k.stepPopulation(b.blockI);
  } else if (phase === PHASE_PROPAGATE) {
    k.propagateLists(b.blockPropagate);
  } else if (phase === PHASE_IONS) {
    k.ionCells(b.blockIons);
    k.ionCells(b.blockIonsI);
  }
}

/** The control words' f64 view of the background's jumps. */
export function jumpsView(control: Int32Array): Float64Array {
  return new Float64Array(control.buffer, control.byteOffset + 4 * 2 * CONTROL_JUMPS_F64, 2);
}

/** Wait until control[word] differs from `seen`; returns the new value. */
export function awaitChange(control: Int32Array, word: number, seen: number): number {
  let spins = 0;
  for (;;) {
    const now = Atomics.load(control, word);
    if (now !== seen) return now;
    if (++spins > SPINS_BEFORE_SLEEP) Atomics.wait(control, word, seen);
  }
}

export class ThreadTeam {
  readonly count: number;
  private readonly t: ThreadArrays;
  private readonly control: Int32Array;
  private readonly handles: HelperHandle[] = [];
  private closed = false;
  /** Segment rows in the serial order: E ranges by cell, then I ranges by cell. */
  private readonly eRowThread: number[];
  private readonly chunksE: number;
  private readonly firstChunk: number;
  private readonly ownBlocks: ThreadBlocks;
  private readonly jumps: Float64Array;

  constructor(
    private readonly s: NetworkState,
    spawn: SpawnHelper,
  ) {
    if (!s.threads) throw new Error('this network was built for one thread: build it with threads > 1');
    this.t = s.threads;
    this.count = this.t.count;
    this.control = this.t.control;
    this.chunksE = Math.ceil(s.nE / 4);
    // Chunks after the first E range (thread count − 1's), whose terms the others leave.
    this.firstChunk = (s.threads.shares[this.count - 1]?.eTo ?? 0) / 4;
    // Thread k steps the (count − 1 − k)-th E range (partition.ts), so E rows run from the last thread down.
    this.eRowThread = Array.from({ length: this.count }, (_, r) => this.count - 1 - r);
    this.control.fill(0, 0, CONTROL_WORDS);
    const t = this.t;
    this.jumps = jumpsView(this.control);
    const blocksOf = (k: number): ThreadBlocks => ({
      blockE: t.blockE[k].byteOffset,
      blockI: t.blockI[k].byteOffset,
      blockPropagate: t.blockPropagate[k].byteOffset,
      blockIons: t.blockIons[k].byteOffset,
      blockIonsI: t.blockIonsI[k].byteOffset,
      eFrom: t.shares[k].eFrom,
      eTo: t.shares[k].eTo,
      iFrom: t.shares[k].iFrom,
      iTo: t.shares[k].iTo,
      nE: s.nE,
      backgroundList: t.backgroundList.byteOffset,
      gAmpa: s.gAmpaNs.byteOffset,
      controlByteOffset: this.control.byteOffset,
    });
    this.ownBlocks = blocksOf(0);
    for (let k = 0; k < this.count; k++) {
      const row = 4 * this.eRowThread.indexOf(k);
      t.segments[row] = t.spikesE[k].byteOffset;
      t.segments[row + 1] = t.amountsE[k].byteOffset;
      t.segments[row + 3] = 1;
      const iRow = 4 * (this.count + k);
      t.segments[iRow] = t.spikesI[k].byteOffset;
      t.segments[iRow + 1] = 0;
      t.segments[iRow + 3] = 0;
    }
    for (let k = 1; k < this.count; k++) {
      this.handles.push(spawn({ ...blocksOf(k), module: t.module, memory: t.memory, thread: k }));
    }
  }

  /** Whether every helper has started (poll, or wait with waitReady). */
  get ready(): boolean {
    return Atomics.load(this.control, CONTROL_READY) >= this.count - 1;
  }

  /**
   * Block until every helper has started (Node, or a worker: not a page's main thread). The wait
   * is counted in rounds of Atomics.wait, not read from a clock: the engine uses none.
   */
  waitReady(timeoutMs = 60_000): void {
    const roundMs = 100;
    for (let round = 0, r = Atomics.load(this.control, CONTROL_READY); r < this.count - 1; round++) {
      if (Atomics.load(this.control, CONTROL_FAILED)) throw new Error('a simulation thread failed to start');
      if (round * roundMs >= timeoutMs) throw new Error(`the simulation threads did not start within ${timeoutMs} ms`);
      Atomics.wait(this.control, CONTROL_READY, r, roundMs);
      r = Atomics.load(this.control, CONTROL_READY);
    }
    if (Atomics.load(this.control, CONTROL_FAILED)) throw new Error('a simulation thread failed to start');
  }

  /**
   * Copy the network's parameter blocks into every thread's, with the thread's own ranges and
   * arrays. Call before each run of steps: parameters change only between them.
   */
  configure(): void {
    const { s, t } = this;
    const words = t.i32;
    const copy = (from: number, to: number, count: number) => words.copyWithin(to >> 2, from >> 2, (from >> 2) + count);
    const releaseU = s.blockPropagate.getReal(PROP_RELEASE_U);
    const invU0 = s.blockPropagate.getReal(PROP_INV_U0);
    const recovery = s.blockPropagate.getReal(PROP_RECOVERY_PER_STEP);
    for (let k = 0; k < this.count; k++) {
      const share = t.shares[k];
      const e = t.blockE[k];
      copy(s.blockE.byteOffset, e.byteOffset, POP_WORDS);
      e.setInt(POP_FIRST, share.eFrom);
      e.setInt(POP_END, share.eTo);
      e.setPointer(POP_SPIKE_IDX, t.spikesE[k]);
      e.setPointer(POP_TILE_SPIKES, t.tileSpikes[k]);
      // The thread with the first E cells sums its chunks itself and leaves its lanes; the others
      // leave their chunks, which the coordinator adds on in order (neurons()).
      const first = k === this.count - 1;
      e.setInt(POP_LFP_CHUNKS, first ? 0 : t.lfpChunks.byteOffset + (share.eFrom / 4) * 32);
      e.setInt(POP_LFP_LANES_OUT, first ? t.lfpLanes.byteOffset : 0);
      e.setPointer(POP_AMOUNTS, t.amountsE[k]);
      e.setPointer(POP_RESOURCE, s.resource);
      e.setPointer(POP_RESOURCE_STAMP, s.resourceStampStep);
      e.setReal(POP_RELEASE_U, releaseU);
      e.setReal(POP_INV_U0, invU0);
      e.setReal(POP_RECOVERY_PER_STEP, recovery);
      const i = t.blockI[k];
      copy(s.blockI.byteOffset, i.byteOffset, POP_WORDS);
      i.setInt(POP_FIRST, share.iFrom);
      i.setInt(POP_END, share.iTo);
      i.setPointer(POP_SPIKE_IDX, t.spikesI[k]);
      i.setPointer(POP_TILE_SPIKES, t.tileSpikes[k]);
      i.setInt(POP_LFP_CHUNKS, 0);
      i.setInt(POP_LFP_LANES_OUT, 0);
      i.setInt(POP_AMOUNTS, 0);
      const p = t.blockPropagate[k];
      copy(s.blockPropagate.byteOffset, p.byteOffset, PROP_WORDS);
      p.setPointer(PROP_OUT_START, t.outStart[k]);
      p.setPointer(PROP_OUT_OFFSET, t.outOffset[k]);
      p.setPointer(PROP_SEGMENTS, t.segments);
      p.setInt(PROP_SEGMENT_COUNT, 2 * this.count);
    }
  }

  /**
   * This step's background events, drawn here from the one stream (the draws of
   * deliverBackground, in its order) and applied by every thread to its own cells in the neuron
   * phase, in the order drawn. Returns the number of events.
   */
  drawBackground(rng: Rng, meanEventsPerStep: number, jumpOntoENs: number, jumpOntoINs: number): number {
    const { s, t } = this;
    const events = rng.poisson(meanEventsPerStep);
    if (events > t.backgroundList.length) throw new Error(`more background events (${events}) than the list holds`);
    s.kernels.backgroundDraw(s.rngState.byteOffset, t.backgroundList.byteOffset, s.n, events);
    this.control[CONTROL_BACKGROUND_EVENTS] = events;
    this.jumps[0] = jumpOntoENs;
    this.jumps[1] = jumpOntoINs;
    return events;
  }

  /**
   * The neuron phase of step s.step: every thread steps its cells; then the spike lists go into
   * s.spikeIdx in the serial order (E then I, each by cell) and the LFP sums into the state's.
   */
  neurons(): void {
    const { s, t } = this;
    const slotOffset = (s.step % s.ringSlots) * s.n;
    for (let k = 0; k < this.count; k++) {
      for (const b of [t.blockE[k], t.blockI[k]]) {
        b.setInt(POP_STEP, s.step);
        b.setInt(POP_SLOT_OFFSET, slotOffset);
        b.setInt(POP_SPIKE_COUNT, 0);
      }
    }
    this.run(PHASE_NEURONS);
    let total = 0;
    for (let r = 0; r < this.count; r++) {
      const k = this.eRowThread[r];
      const c = t.blockE[k].getInt(POP_SPIKE_COUNT);
      t.segments[4 * r + 2] = c;
      s.spikeIdx.set(t.spikesE[k].subarray(0, c), total);
      total += c;
    }
    for (let k = 0; k < this.count; k++) {
      const c = t.blockI[k].getInt(POP_SPIKE_COUNT);
      t.segments[4 * (this.count + k) + 2] = c;
      s.spikeIdx.set(t.spikesI[k].subarray(0, c), total);
      total += c;
    }
    s.spikeCount = total;
    s.kernels.sumLfpChunks(
      t.lfpLanes.byteOffset,
      t.lfpChunks.byteOffset + this.firstChunk * 32,
      this.chunksE - this.firstChunk,
      t.lfpOut.byteOffset,
    );
    s.eegExcitatorySumPa += t.lfpOut[0];
    s.eegInhibitorySumPa += t.lfpOut[1];
  }

  /** The propagation phase of step s.step; returns the synaptic events written. */
  propagate(): number {
    const { s, t } = this;
    const baseOffset = ((s.step + 1) % s.ringSlots) * s.n;
    for (let k = 0; k < this.count; k++) {
      t.blockPropagate[k].setInt(PROP_STEP, s.step);
      t.blockPropagate[k].setInt(PROP_BASE_OFFSET, baseOffset);
    }
    this.run(PHASE_PROPAGATE);
    let events = 0;
    for (let k = 0; k < this.count; k++) events += t.blockPropagate[k].getInt(PROP_EVENTS);
    return events;
  }

  /**
   * The ion kernel over every thread's range (in place of ionCells on the network's block), then
   * the pump's excess and the spikes into the tiles, in cell order.
   */
  ionCells(): void {
    const { s, t } = this;
    for (let k = 0; k < this.count; k++) {
      const share = t.shares[k];
      for (const [b, from, to] of [
        [t.blockIons[k], share.ionEFrom, share.ionETo],
        [t.blockIonsI[k], share.ionIFrom, share.ionITo],
      ] as const) {
        t.i32.copyWithin(b.byteOffset >> 2, s.blockIons.byteOffset >> 2, (s.blockIons.byteOffset >> 2) + ION_WORDS);
        b.setInt(ION_FROM, from);
        b.setInt(ION_TO, to);
        b.setPointer(ION_ABOVE_REST, t.aboveRest);
      }
    }
    this.run(PHASE_IONS);
    s.kernels.sumPerTile(t.aboveRest.byteOffset, s.tileOfCell.byteOffset, s.tilePumpSum.byteOffset, t.aboveRest.length);
    this.collectTileSpikes();
  }

  /** The threads' spike counts per tile into the network's (whole numbers: any order gives the same sum). */
  collectTileSpikes(): void {
    const { s, t } = this;
    for (let k = 0; k < this.count; k++) {
      const mine = t.tileSpikes[k];
      for (let tile = 0; tile < mine.length; tile++) s.tileSpikes[tile] += mine[tile];
      mine.fill(0);
    }
  }

  private run(phase: number): void {
    const c = this.control;
    if (this.closed) throw new Error('the simulation threads were stopped');
    Atomics.store(c, CONTROL_DONE, 0);
    Atomics.store(c, CONTROL_PHASE, phase);
    Atomics.add(c, CONTROL_GENERATION, 1);
    Atomics.notify(c, CONTROL_GENERATION);
    threadWork(this.s.kernels, this.ownBlocks, phase, c, this.jumps);
    const helpers = this.count - 1;
    let spins = 0;
    for (let done = Atomics.load(c, CONTROL_DONE); done < helpers; done = Atomics.load(c, CONTROL_DONE)) {
      if (++spins > SPINS_BEFORE_SLEEP) Atomics.wait(c, CONTROL_DONE, done, 100);
      if (Atomics.load(c, CONTROL_FAILED)) break;
    }
    if (Atomics.load(c, CONTROL_FAILED)) {
      this.close();
      throw new Error('a simulation thread failed');
    }
  }

  /** Stop the helpers. The network can still be stepped on one thread afterwards. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const c = this.control;
    Atomics.store(c, CONTROL_PHASE, PHASE_EXIT);
    Atomics.add(c, CONTROL_GENERATION, 1);
    Atomics.notify(c, CONTROL_GENERATION);
    for (const h of this.handles) h.terminate();
  }
}
