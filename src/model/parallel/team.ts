/**
 * Threads for one network (issue 15): the coordinator (the thread that owns the Simulation) and
 * helper threads step one network together, on one shared WebAssembly memory, with the same
 * spikes for any number of threads.
 *
 * Threads meet only once per batch of steps. A spike at step t reaches its targets at step
 * t + 1 + delay at the earliest, so for a batch of at most 1 + (the shortest delay) steps (0.5 ms,
 * rounded to 3 steps of 0.2 ms: 4 steps of the default sheet), no spike of the batch is needed inside it: each thread steps its
 * own cells through the whole batch alone, and the spikes are delivered after it. A batch also
 * ends at every ion step, whose tiles need every cell.
 *
 *   background  the coordinator draws every step's events of the batch (one random stream, in
 *               one order); each thread adds its own cells' in the neuron phase
 *   neurons     every thread steps its cells through the batch: its own spike lists per step,
 *               its tiles' spike counts, the E releases computed at the spike, the LFP terms left
 *               per chunk and step
 *   (merge)     coordinator, step by step: the spike lists in the serial order for the
 *               observers, the LFP sums in the serial order
 *   propagate   every thread delivers every step's spikes, step by step and in the serial order,
 *               onto its own cells
 *   ions        at the ion step: every thread runs its cells; the coordinator adds the pump's
 *               excess and the spike counts into the tiles in cell order, then the tiles
 *
 * Every ring slot receives the same additions in the same order as with one thread, and nothing
 * else is summed across threads, so every float is the same bits (tests/determinism). An observer
 * that reads the state between steps (not only the spikes) gets batches of one step. Phases are
 * handed over through a control block of shared words: a generation counter the helpers wait on
 * (spinning briefly, then Atomics.wait), and a count of helpers done that the coordinator waits on.
 */

import type { NetworkState, ThreadArrays } from '../dynamics/state.ts';
import { CONTROL_WORDS, THREAD_BATCH_STEPS } from '../dynamics/state.ts';
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
  TILE_SIDE,
} from '../kernels/layout.ts';
import type { Rng } from '../rng.ts';

/** Control words. */
export const CONTROL_GENERATION = 0;
export const CONTROL_PHASE = 1;
export const CONTROL_DONE = 2;
export const CONTROL_READY = 3;
export const CONTROL_FAILED = 4;
/** The batch: its first step and its length. */
export const CONTROL_BATCH_STEP = 5;
export const CONTROL_BATCH_LENGTH = 6;

export const PHASE_NEURONS = 1;
export const PHASE_PROPAGATE = 2;
export const PHASE_IONS = 3;
export const PHASE_EXIT = 4;
export const PHASE_TILE_BALANCE = 5;
export const PHASE_TILE_SPREAD = 6;

/**
 * Polls of a shared word before a thread sleeps in Atomics.wait. A phase lasts microseconds, so a
 * waiting thread spins through the gaps within a batch (a wake-up from Atomics.wait costs tens of
 * microseconds) and sleeps only between calls to advance.
 */
export const SPINS_BEFORE_SLEEP = 20000;

/** Where one thread's cells, blocks and lists are (byte offsets), and what it shares with the others. */
export interface ThreadBlocks {
  thread: number;
  threads: number;
  blockE: number;
  blockI: number;
  blockPropagate: number;
  /** The ion step over the thread's E cells and over its I cells. */
  blockIons: number;
  blockIonsI: number;
  /** The thread's cells [from, to), and where its pyramidal cells start (its first LFP chunk). */
  from: number;
  to: number;
  eFrom: number;
  n: number;
  nE: number;
  ringSlots: number;
  ringStride: number;
  /** This thread's spike lists and E releases (n per step of a batch). */
  spikesE: number;
  amountsE: number;
  spikesI: number;
  /** Shared: the spike-list table, the LFP terms and lanes, the background events per step. */
  segments: number;
  lfpChunks: number;
  lfpChunkBytesPerStep: number;
  lfpLanes: number;
  backgroundList: number;
  backgroundPerStep: number;
  /** This thread's own events of a step, gathered from the list (backgroundApply). */
  backgroundMine: number;
  batchEvents: number;
  batchJumps: number;
  gAmpa: number;
  /** The tiles' step (dynamics/tiles.kernel.ts) over the tile rows [tileRowFrom, tileRowTo). */
  blockTiles: number;
  tileRowFrom: number;
  tileRowTo: number;
  aboveRest: number;
  tileCellStart: number;
  tileCells: number;
  tileSpikeTables: number;
  controlByteOffset: number;
}

/** What a helper thread needs: the module and memory, and its blocks. */
export interface HelperInit extends ThreadBlocks {
  module: object;
  memory: WasmMemory;
}

export interface HelperHandle {
  terminate(): void;
}

/** Starts one helper thread (a Node worker thread or a browser worker) running runHelper(init). */
export type SpawnHelper = (init: HelperInit) => HelperHandle;

/** Views a thread keeps on the shared memory. */
export interface ThreadViews {
  i32: Int32Array;
  f64: Float64Array;
  control: Int32Array;
}

export function threadViews(memory: WasmMemory, controlByteOffset: number): ThreadViews {
  return {
    i32: new Int32Array(memory.buffer),
    f64: new Float64Array(memory.buffer),
    control: new Int32Array(memory.buffer, controlByteOffset, CONTROL_WORDS),
  };
}

/**
 * The row of the spike-list table for a thread's E list or I list at step j: the E rows, then the
 * I rows, each from the last thread down (the order of the cells, partition.ts).
 */
function eRow(b: ThreadBlocks, j: number): number {
  return 2 * b.threads * j + (b.threads - 1 - b.thread);
}
function iRow(b: ThreadBlocks, j: number): number {
  return 2 * b.threads * j + b.threads + (b.threads - 1 - b.thread);
}

/** One thread's work in a phase (the batch's first step and length are in the control words). */
export function threadWork(k: KernelExports, b: ThreadBlocks, phase: number, v: ThreadViews): void {
  const first = v.control[CONTROL_BATCH_STEP];
  const length = v.control[CONTROL_BATCH_LENGTH];
  const { i32 } = v;
  if (phase === PHASE_NEURONS) {
    const e = b.blockE >> 2;
    const i = b.blockI >> 2;
    const firstE = b.thread === b.threads - 1;
    for (let j = 0; j < length; j++) {
      const step = first + j;
      const events = i32[(b.batchEvents >> 2) + j];
      const jumpE = v.f64[(b.batchJumps >> 3) + 2 * j];
      const jumpI = v.f64[(b.batchJumps >> 3) + 2 * j + 1];
      const list = b.backgroundList + 4 * b.backgroundPerStep * j;
      k.backgroundApply(list, events, b.gAmpa, b.from, b.to, b.nE, jumpE, jumpI, b.backgroundMine);
      const slotOffset = (step % b.ringSlots) * b.ringStride;
      i32[e + POP_STEP] = step;
      i32[e + POP_SLOT_OFFSET] = slotOffset;
      i32[e + POP_SPIKE_COUNT] = 0;
      i32[e + POP_SPIKE_IDX] = b.spikesE + 4 * b.n * j;
      i32[e + POP_AMOUNTS] = b.amountsE + 4 * b.n * j;
      // The thread with the first E cells sums its own chunks and leaves its lanes; the others
      // leave their chunks, which the coordinator adds on in order (mergeStep).
      i32[e + POP_LFP_CHUNKS] = firstE ? 0 : b.lfpChunks + b.lfpChunkBytesPerStep * j + (b.eFrom / 4) * 32;
      i32[e + POP_LFP_LANES_OUT] = firstE ? b.lfpLanes + 32 * j : 0;
      k.stepPopulation(b.blockE);
      i32[i + POP_STEP] = step;
      i32[i + POP_SLOT_OFFSET] = slotOffset;
      i32[i + POP_SPIKE_COUNT] = 0;
      i32[i + POP_SPIKE_IDX] = b.spikesI + 4 * b.n * j;
      k.stepPopulation(b.blockI);
      i32[(b.segments >> 2) + 4 * eRow(b, j) + 2] = i32[e + POP_SPIKE_COUNT];
      i32[(b.segments >> 2) + 4 * iRow(b, j) + 2] = i32[i + POP_SPIKE_COUNT];
    }
  } else if (phase === PHASE_PROPAGATE) {
    const p = b.blockPropagate >> 2;
    let events = 0;
    for (let j = 0; j < length; j++) {
      const step = first + j;
      i32[p + PROP_STEP] = step;
      i32[p + PROP_BASE_OFFSET] = ((step + 1) % b.ringSlots) * b.ringStride;
      i32[p + PROP_SEGMENTS] = b.segments + 16 * 2 * b.threads * j;
      k.propagateLists(b.blockPropagate);
      events += i32[p + PROP_EVENTS];
    }
    i32[p + PROP_EVENTS] = events;
  } else if (phase === PHASE_IONS) {
    k.ionCells(b.blockIons);
    k.ionCells(b.blockIonsI);
  } else if (phase === PHASE_TILE_BALANCE) {
    k.tileBalanceRows(
      b.blockTiles,
      b.tileRowFrom,
      b.tileRowTo,
      b.aboveRest,
      b.tileCellStart,
      b.tileCells,
      b.tileSpikeTables,
      b.threads,
    );
  } else if (phase === PHASE_TILE_SPREAD) {
    k.tileSpreadRows(b.blockTiles, b.tileRowFrom, b.tileRowTo);
  }
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
  /** The longest batch: 1 + the shortest delay, at most THREAD_BATCH_STEPS. */
  readonly maxBatch: number;
  private readonly t: ThreadArrays;
  private readonly control: Int32Array;
  private readonly views: ThreadViews;
  private readonly handles: HelperHandle[] = [];
  private closed = false;
  private readonly chunksE: number;
  /** Chunks after the first E range (the last thread's), whose terms the others leave. */
  private readonly firstChunk: number;
  private readonly ownBlocks: ThreadBlocks;
  private batchFirst = 0;
  private batchLength = 0;

  constructor(
    private readonly s: NetworkState,
    spawn: SpawnHelper,
  ) {
    if (!s.threads) throw new Error('this network was built for one thread: build it with threads > 1');
    const t = s.threads;
    this.t = t;
    this.count = t.count;
    this.control = t.control;
    this.control.fill(0, 0, CONTROL_WORDS);
    this.views = threadViews(t.memory, this.control.byteOffset);
    this.maxBatch = Math.max(1, Math.min(THREAD_BATCH_STEPS, 1 + t.minDelaySteps));
    this.chunksE = Math.ceil(s.nE / 4);
    this.firstChunk = Math.ceil(t.shares[this.count - 1].eTo / 4);
    const tileSide = s.blockTiles.getInt(TILE_SIDE);
    const blocksOf = (k: number): ThreadBlocks => ({
      thread: k,
      threads: this.count,
      blockE: t.blockE[k].byteOffset,
      blockI: t.blockI[k].byteOffset,
      blockPropagate: t.blockPropagate[k].byteOffset,
      blockIons: t.blockIons[k].byteOffset,
      blockIonsI: t.blockIonsI[k].byteOffset,
      from: t.shares[k].from,
      to: t.shares[k].to,
      eFrom: t.shares[k].eFrom,
      n: s.n,
      nE: s.nE,
      ringSlots: s.ringSlots,
      ringStride: s.ringStride,
      spikesE: t.spikesE[k].byteOffset,
      amountsE: t.amountsE[k].byteOffset,
      spikesI: t.spikesI[k].byteOffset,
      segments: t.segments.byteOffset,
      lfpChunks: t.lfpChunks.byteOffset,
      lfpChunkBytesPerStep: 32 * this.chunksE,
      lfpLanes: t.lfpLanes.byteOffset,
      backgroundList: t.backgroundList.byteOffset,
      backgroundPerStep: t.backgroundPerStep,
      backgroundMine: t.backgroundMine[k].byteOffset,
      batchEvents: t.batchEvents.byteOffset,
      batchJumps: t.batchJumps.byteOffset,
      gAmpa: s.gAmpaNs.byteOffset,
      blockTiles: s.blockTiles.byteOffset,
      tileRowFrom: Math.floor((k * tileSide) / this.count),
      tileRowTo: Math.floor(((k + 1) * tileSide) / this.count),
      aboveRest: t.aboveRest.byteOffset,
      tileCellStart: t.tileCellStart.byteOffset,
      tileCells: t.tileCells.byteOffset,
      tileSpikeTables: t.tileSpikeTables.byteOffset,
      controlByteOffset: this.control.byteOffset,
    });
    const blocks = Array.from({ length: this.count }, (_, k) => blocksOf(k));
    this.ownBlocks = blocks[0];
    // The spike-list table: pointers fixed per thread and step; the counts are filled per batch.
    for (let j = 0; j < THREAD_BATCH_STEPS; j++) {
      for (let k = 0; k < this.count; k++) {
        const b = blocks[k];
        const e = 4 * eRow(b, j);
        t.segments[e] = t.spikesE[k].byteOffset + 4 * s.n * j;
        t.segments[e + 1] = t.amountsE[k].byteOffset + 4 * s.n * j;
        t.segments[e + 3] = 1;
        const i = 4 * iRow(b, j);
        t.segments[i] = t.spikesI[k].byteOffset + 4 * s.n * j;
        t.segments[i + 1] = 0;
        t.segments[i + 3] = 0;
      }
    }
    for (let k = 1; k < this.count; k++) {
      this.handles.push(spawn({ ...blocks[k], module: t.module, memory: t.memory }));
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
      e.setPointer(POP_TILE_SPIKES, t.tileSpikes[k]);
      e.setPointer(POP_RESOURCE, s.resource);
      e.setPointer(POP_RESOURCE_STAMP, s.resourceStampStep);
      e.setReal(POP_RELEASE_U, releaseU);
      e.setReal(POP_INV_U0, invU0);
      e.setReal(POP_RECOVERY_PER_STEP, recovery);
      const i = t.blockI[k];
      copy(s.blockI.byteOffset, i.byteOffset, POP_WORDS);
      i.setInt(POP_FIRST, share.iFrom);
      i.setInt(POP_END, share.iTo);
      i.setPointer(POP_TILE_SPIKES, t.tileSpikes[k]);
      i.setInt(POP_LFP_CHUNKS, 0);
      i.setInt(POP_LFP_LANES_OUT, 0);
      i.setInt(POP_AMOUNTS, 0);
      const p = t.blockPropagate[k];
      copy(s.blockPropagate.byteOffset, p.byteOffset, PROP_WORDS);
      p.setPointer(PROP_OUT_START, t.outStart[k]);
      p.setPointer(PROP_OUT_OFFSET, t.outOffset[k]);
      p.setInt(PROP_SEGMENT_COUNT, 2 * this.count);
    }
  }

  /**
   * How many steps the next batch can run from step `step`: at most `remaining`, the longest
   * batch, and up to the next ion step; 1 when the observer reads the state between steps.
   */
  batchFor(step: number, remaining: number, ionEvery: number, everyStep: boolean): number {
    if (everyStep) return 1;
    return Math.max(1, Math.min(remaining, this.maxBatch, ionEvery - (step % ionEvery)));
  }

  /**
   * Step j's background events of the batch, drawn here from the one stream (the draws of
   * deliverBackground, in its order); every thread adds its own cells' in the neuron phase, in
   * the order drawn. Returns the number of events.
   */
  drawBackground(j: number, rng: Rng, meanEventsPerStep: number, jumpOntoENs: number, jumpOntoINs: number): number {
    const { s, t } = this;
    const events = rng.poisson(meanEventsPerStep);
    if (events > t.backgroundPerStep) {
      throw new Error(`${events} background events in one step, more than the ${t.backgroundPerStep} the threads hold`);
    }
    s.kernels.backgroundDraw(
      s.rngState.byteOffset,
      t.backgroundList.byteOffset + 4 * t.backgroundPerStep * j,
      s.n,
      events,
    );
    t.batchEvents[j] = events;
    t.batchJumps[2 * j] = jumpOntoENs;
    t.batchJumps[2 * j + 1] = jumpOntoINs;
    return events;
  }

  /** Every thread steps its cells through the batch of `length` steps from s.step. */
  neurons(length: number): void {
    this.batchFirst = this.s.step;
    this.batchLength = length;
    this.control[CONTROL_BATCH_STEP] = this.batchFirst;
    this.control[CONTROL_BATCH_LENGTH] = length;
    this.run(PHASE_NEURONS);
  }

  /**
   * Step j of the batch for the observers: its spike lists into s.spikeIdx in the serial order
   * (E then I, each by cell), its LFP sums into the state's.
   */
  mergeStep(j: number): void {
    const { s, t } = this;
    const table = t.segments;
    const rows = 2 * this.count;
    const memory = t.i32;
    // Within the one memory, without a view per list: this runs every step.
    const into = s.spikeIdx.byteOffset >> 2;
    let total = 0;
    for (let r = rows * j; r < rows * (j + 1); r++) {
      const count = table[4 * r + 2];
      const from = table[4 * r] >> 2;
      memory.copyWithin(into + total, from, from + count);
      total += count;
    }
    s.spikeCount = total;
    const chunkBytes = 32 * this.chunksE;
    s.kernels.sumLfpChunks(
      t.lfpLanes.byteOffset + 32 * j,
      t.lfpChunks.byteOffset + chunkBytes * j + this.firstChunk * 32,
      this.chunksE - this.firstChunk,
      t.lfpOut.byteOffset,
    );
    s.eegExcitatorySumPa += t.lfpOut[0];
    s.eegInhibitorySumPa += t.lfpOut[1];
  }

  /** Every thread delivers the batch's spikes onto its own cells; returns the synaptic events written. */
  propagate(): number {
    const { t } = this;
    this.control[CONTROL_BATCH_STEP] = this.batchFirst;
    this.control[CONTROL_BATCH_LENGTH] = this.batchLength;
    this.run(PHASE_PROPAGATE);
    let events = 0;
    for (let k = 0; k < this.count; k++) events += t.blockPropagate[k].getInt(PROP_EVENTS);
    return events;
  }

  /**
   * The ion kernel over every thread's cells (in place of ionCells on the network's block); each
   * cell's excess pump activity is left per cell, for the tiles' step to add in cell order.
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
  }

  /**
   * The tiles' step (in place of ionTiles), each thread on its rows of tiles: first every tile's
   * sums and K⁺ balance, then, once all are done, diffusion (which reads the neighbours' new K⁺o)
   * and what follows K⁺o.
   */
  ionTiles(): void {
    this.run(PHASE_TILE_BALANCE);
    this.run(PHASE_TILE_SPREAD);
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
    threadWork(this.s.kernels, this.ownBlocks, phase, this.views);
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
