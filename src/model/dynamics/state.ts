/**
 * The network's dynamic state: a struct of typed arrays, allocated once per network.
 * Cells 0…nE−1 are excitatory, nE…n−1 inhibitory (see sheet/network.ts).
 *
 * Arrays the hot loops touch live in the kernels' WebAssembly memory as f32/i32 views; the slow
 * variables that only TypeScript touches (the K⁺ tiles) are ordinary f64 arrays.
 *
 * This file only allocates (and wires the network's synapses into the kernels' memory): each
 * concept sets its own starting values (neurons.ts, availability.ts, synapses.ts, ions.ts), and
 * nothing here depends on them, so the dependencies run one way.
 */

import {
  type ArrayPlan,
  instantiateKernels,
  type KernelExports,
  ParamBlock,
  type WasmMemory,
} from '../kernels/kernels.ts';
import {
  ION_WORDS,
  POP_WORDS,
  PROP_WORDS,
  TILE_CELLS,
  TILE_COUNT,
  TILE_E_LEAK_E,
  TILE_E_LEAK_I,
  TILE_EK,
  TILE_KO,
  TILE_KO_FACTOR,
  TILE_LEAK_E_PA,
  TILE_LEAK_I_PA,
  TILE_PUMP_SUM,
  TILE_REAL_COUNT,
  TILE_REALS,
  TILE_SCRATCH,
  TILE_SIDE,
  TILE_SPIKES,
  TILE_WORDS,
} from '../kernels/layout.ts';
import { CELLS_PER_LINE, partitionCells, type ThreadShare } from '../parallel/partition.ts';
import type { Rng } from '../rng.ts';
import type { Network } from '../sheet/network.ts';

/**
 * What threads need beside the state (model/parallel): for each thread its share of the cells,
 * its spike lists, its tiles' spike counts, its CSR (the synapses onto its cells) and its own
 * copies of the kernels' parameter blocks; and, shared, the spike-list table, the LFP terms per
 * chunk, the pump's excess per cell and the control words. All in the one shared memory.
 */
export interface ThreadArrays {
  readonly count: number;
  readonly shares: readonly ThreadShare[];
  readonly spikesE: readonly Int32Array[];
  readonly amountsE: readonly Float32Array[];
  readonly spikesI: readonly Int32Array[];
  readonly tileSpikes: readonly Float32Array[];
  /** Room for the thread's own background events of one step (backgroundApply gathers them there). */
  readonly backgroundMine: readonly Int32Array[];
  readonly outStart: readonly Int32Array[];
  readonly outOffset: readonly Int32Array[];
  readonly blockE: readonly ParamBlock[];
  readonly blockI: readonly ParamBlock[];
  readonly blockPropagate: readonly ParamBlock[];
  readonly blockIons: readonly ParamBlock[];
  readonly blockIonsI: readonly ParamBlock[];
  /**
   * Per step of a batch, 2 × count rows of 4 words: the spike lists in the serial order
   * (propagateLists); the spike lists themselves hold n cells per step of a batch.
   */
  readonly segments: Int32Array;
  /** Per step of a batch: the LFP terms per chunk (8 floats each, ceil(nE/4) chunks). */
  readonly lfpChunks: Float32Array;
  /** Per step of a batch: the lanes the thread with the first E cells leaves (8 floats); the two sums. */
  readonly lfpLanes: Float32Array;
  readonly lfpOut: Float32Array;
  /** Per step of a batch: the cells of its background events (backgroundPerStep each), their count and jumps. */
  readonly backgroundList: Int32Array;
  readonly backgroundPerStep: number;
  readonly batchEvents: Int32Array;
  readonly batchJumps: Float64Array;
  /** The shortest synaptic delay (steps): a spike at step t arrives at t + 1 + delay at the earliest. */
  readonly minDelaySteps: number;
  readonly aboveRest: Float32Array;
  /**
   * Each tile's cells in cell order: those of tile t are tileCells[tileCellStart[t] …
   * tileCellStart[t + 1]), so that a thread can sum its tiles' share of aboveRest in the order one
   * thread does. tileSpikeTables: the byte offsets of the threads' tileSpikes.
   */
  readonly tileCellStart: Int32Array;
  readonly tileCells: Int32Array;
  readonly tileSpikeTables: Int32Array;
  readonly control: Int32Array;
  readonly memory: WasmMemory;
  readonly module: object;
  /** The whole memory as words, for copying parameter blocks. */
  readonly i32: Int32Array;
}

/** Words of the threads' control block (model/parallel/team.ts). */
export const CONTROL_WORDS = 16;
/**
 * The most steps threads run between two meetings (model/parallel/team.ts: a batch). A batch is
 * also limited by the shortest delay and by the ion step.
 */
export const THREAD_BATCH_STEPS = 10;
/**
 * Room for one step's background events with threads: 2n, or 4,096 on small sheets. The mean
 * is n × 800 Hz × drive × dt, 0.48 n at the largest drive (3) and dt 0.2 ms (the largest step):
 * the room is 4 times that, far beyond any Poisson draw.
 */
export function backgroundRoomPerStep(n: number): number {
  return Math.max(4096, 2 * n);
}

export interface NetworkState {
  readonly n: number;
  readonly nE: number;
  readonly kernels: KernelExports;
  /** Bytes of kernel memory (state, rings, synapses). */
  readonly kernelBytes: number;
  /** Membrane potential. */
  readonly vMv: Float32Array;
  /** Adaptation current (stays 0 on I cells, which have a = b = 0). */
  readonly wPa: Float32Array;
  /** First step at which the cell integrates again after a spike. */
  readonly refractoryUntilStep: Int32Array;
  readonly gAmpaNs: Float32Array;
  readonly gNmdaNs: Float32Array;
  readonly gGabaNs: Float32Array;
  /**
   * gL·ΔT·A per cell: the spike-initiation current's gain (A: fast Na⁺ availability); 0 while the
   * cell is in depolarisation block.
   */
  readonly expGainPa: Float32Array;
  /** Fast Na⁺ availability A = availScale × slow-inactivation gate h (docs/model.md §2, §5). */
  readonly naAvailability: Float32Array;
  readonly naSlowGate: Float32Array;
  /** Genetic factor × (1 − drug block) per cell: the part of A that is not the gate. */
  readonly naAvailScale: Float32Array;
  /**
   * Per cell, the factor on a sodium-channel blocker's binding (1 normal, less in a lesion's
   * pyramidal cells: the target hypothesis, sheet/lesion.ts).
   */
  readonly naDrugSensitivity: Float32Array;
  /** Spikes of each cell since the last ion step (the gate's use dependence). */
  readonly spikesSinceIonStep: Float32Array;
  /**
   * gL·EL(Ko) − I_pump + ΔgKNa·E_K per cell: the constant part of the membrane current, set each
   * ion step; the membrane current is biasPa − gMembraneNs·V.
   */
  readonly biasPa: Float32Array;
  /** gL + ΔgKNa per cell (nS): the resting conductance, with the Na⁺-activated K⁺ current's change. */
  readonly gMembraneNs: Float32Array;
  readonly eGabaMv: Float32Array;
  /** ∫ I_GABA dt since the last ion step (pA·ms): the chloride load of each E cell. */
  readonly gabaChargePaMs: Float32Array;
  /** Intracellular Na⁺ (mM). */
  readonly naiMm: Float32Array;
  /** Persistent sodium conductance gNaP (nS) and GABA_A jump at full release (nS) per cell. */
  readonly gNapNs: Float32Array;
  readonly gabaJumpNs: Float32Array;
  /** Tsodyks–Markram resource x of each E cell's terminals, and the step it was last updated. */
  readonly resource: Float32Array;
  readonly resourceStampStep: Int32Array;
  /** Spikes per K⁺ tile since the last ion step, and each cell's tile (kernel copy). */
  readonly tileSpikes: Float32Array;
  readonly tileOfCell: Int32Array;
  /** Indices of the cells that spiked in the last step: spikeIdx[0…spikeCount−1]. */
  readonly spikeIdx: Int32Array;
  /** Delay rings: released transmitter (E) and spike count (I) per slot and target. */
  readonly ringSlots: number;
  /** Where slot k starts in a ring: k · ringStride (ringStrideFor). */
  readonly ringStride: number;
  readonly ringE: Float32Array;
  readonly ringI: Float32Array;
  /** Synapses for the kernels: CSR start per cell and ring offset delay·ringStride + target per synapse. */
  readonly outStart: Int32Array;
  readonly outOffset: Int32Array;
  readonly blockE: ParamBlock;
  readonly blockI: ParamBlock;
  readonly blockPropagate: ParamBlock;
  readonly blockIons: ParamBlock;
  /** Pump current per cell (outward positive). */
  readonly pumpPa: Float32Array;
  /** Intracellular Cl⁻ (E cells). */
  readonly clMm: Float32Array;
  /** Per tile, for the ion kernel: 1/(1 + exp(5.5 − Ko)), gL·EL(Ko) of E and I cells. */
  readonly tileKoFactor: Float32Array;
  readonly tileLeakEPa: Float32Array;
  readonly tileLeakIPa: Float32Array;
  /** Per tile: the [Cl⁻]i the chloride transporters pull towards (follows Ko). */
  readonly tileClEqMm: Float32Array;
  /** Per tile, from the ion kernel: Σ excess pump activity of its cells. */
  readonly tilePumpSum: Float32Array;
  /** Per tile: E_K at its Ko (mV), for the Na⁺-activated K⁺ current. */
  readonly tileEkMv: Float32Array;

  /** The generator's four state words, in the kernels' memory (the background drive draws from it). */
  readonly rngState: Int32Array;
  /** With more than one thread: the threads' arrays, in a shared memory; else null. */
  readonly threads: ThreadArrays | null;
  /** The tiles' slow step (kernel ionTiles; dynamics/ions.ts fills its constants). */
  readonly blockTiles: ParamBlock;
  readonly tileReals: Float64Array;
  /** A lesion's glial factor per tile, where the kernel reads it (the Simulation copies it here once). */
  readonly tileGlia: Float32Array;
  /** Extracellular K⁺ per tile and the leak reversals it sets (f64, in the kernels' memory). */
  readonly koMm: Float64Array;
  readonly eLeakEMv: Float64Array;
  readonly eLeakIMv: Float64Array;
  readonly koScratch: Float64Array;

  spikeCount: number;
  /** Steps taken since the network was built. */
  step: number;
  /** Sums over E cells of |I_AMPA + I_NMDA| and of |I_GABA| since the last ion step (pA). */
  eegExcitatorySumPa: number;
  eegInhibitorySumPa: number;
}

/**
 * The length of a ring slot: n cells, then at least 3 spare ones, rounded up to 16 cells (a 64-byte
 * line). The last chunk of interneurons reads and writes back (unchanged) up to 3 lanes past cell
 * n − 1; with slots of exactly n cells those are cells 0–2 of the next slot, which another thread
 * may be writing at that moment (a lost update, seen as a spike train that changed from run to
 * run). Whole lines keep every slot's cuts between threads on line boundaries.
 */
export function ringStrideFor(n: number): number {
  return Math.ceil((n + 3) / CELLS_PER_LINE) * CELLS_PER_LINE;
}

/** Initial membrane potentials are drawn uniformly over this band below threshold. */
const V_INIT_LOW_MV = -70;
const V_INIT_HIGH_MV = -55;
/**
 * Pyramidal cells start with their adaptation current at its mean in the healthy working state
 * (147–161 pA on the 64 × 64 sheet over 60 s, `scripts/seizure-trace.ts`), not at 0 (until
 * 2026-12-08). From w = 0 every E cell fired without adaptation for its first ~100 ms (48 × 48,
 * seed 1: E 40 Hz and I 93 Hz over the first 0.1 s, against 8.6 and 36 Hz from 150 pA): a start-up
 * burst that belongs to no state of the model and that, on a Dravet-like sheet (`scn1a` 0.5,
 * `gaba` 0.9) at dt 0.2 ms, put the weakened interneurons into depolarisation block for good.
 * Interneurons have no adaptation (a = b = 0).
 */
export const W_INIT_E_PA = 150;

/**
 * The state of a network; with `threads` > 1 in a shared memory, with the threads' arrays after
 * the state's own (the state's arrays keep their offsets, and the cache sets they were tuned with).
 */
export function createState(net: Network, rng: Rng, threads = 1): NetworkState {
  const { n, nE, nTiles, synapseCount } = net;
  const ringSlots = net.maxDelaySteps + 2;
  const ringStride = ringStrideFor(n);
  const shares = threads > 1 ? partitionCells(n, nE, threads) : [];
  // Each thread's CSR: the synapses onto its cells, in the order of the full CSR.
  const owner = new Int32Array(n);
  shares.forEach((share, k) => {
    owner.fill(k, share.eFrom, share.eTo);
    owner.fill(k, share.iFrom, share.iTo);
  });
  const perThreadSynapses = new Array<number>(shares.length).fill(0);
  for (let syn = 0; syn < synapseCount && shares.length > 0; syn++) perThreadSynapses[owner[net.outTarget[syn]]]++;
  const threadPlan: Record<string, readonly ['f32' | 'i32', number]> = {};
  shares.forEach((_, k) => {
    threadPlan[`spikesE${k}`] = ['i32', n * THREAD_BATCH_STEPS];
    threadPlan[`amountsE${k}`] = ['f32', n * THREAD_BATCH_STEPS];
    threadPlan[`spikesI${k}`] = ['i32', n * THREAD_BATCH_STEPS];
    threadPlan[`tileSpikes${k}`] = ['f32', nTiles];
    threadPlan[`backgroundMine${k}`] = ['i32', backgroundRoomPerStep(n)];
    threadPlan[`outStart${k}`] = ['i32', n + 1];
    threadPlan[`outOffset${k}`] = ['i32', perThreadSynapses[k]];
    threadPlan[`blockE${k}`] = ['i32', POP_WORDS];
    threadPlan[`blockI${k}`] = ['i32', POP_WORDS];
    threadPlan[`blockPropagate${k}`] = ['i32', PROP_WORDS];
    threadPlan[`blockIons${k}`] = ['i32', ION_WORDS];
    threadPlan[`blockIonsI${k}`] = ['i32', ION_WORDS];
  });
  if (shares.length > 0) {
    threadPlan.segments = ['i32', 8 * shares.length * THREAD_BATCH_STEPS];
    threadPlan.lfpChunks = ['f32', 8 * Math.ceil(nE / 4) * THREAD_BATCH_STEPS];
    threadPlan.lfpLanes = ['f32', 8 * THREAD_BATCH_STEPS];
    threadPlan.lfpOut = ['f32', 2];
    threadPlan.backgroundList = ['i32', backgroundRoomPerStep(n) * THREAD_BATCH_STEPS];
    threadPlan.batchEvents = ['i32', THREAD_BATCH_STEPS];
    // f64 pairs, as words (arrays start on 64-byte lines, so the f64 view is aligned).
    threadPlan.batchJumps = ['i32', 4 * THREAD_BATCH_STEPS];
    threadPlan.aboveRest = ['f32', 4 * Math.ceil(n / 4)];
    threadPlan.tileCellStart = ['i32', nTiles + 1];
    threadPlan.tileCells = ['i32', n];
    threadPlan.tileSpikeTables = ['i32', shares.length];
    threadPlan.control = ['i32', CONTROL_WORDS];
  }
  const plan = {
    vMv: ['f32', n],
    wPa: ['f32', n],
    refractoryUntilStep: ['i32', n],
    gAmpaNs: ['f32', n],
    gNmdaNs: ['f32', n],
    gGabaNs: ['f32', n],
    expGainPa: ['f32', n],
    naAvailability: ['f32', n],
    naSlowGate: ['f32', n],
    naAvailScale: ['f32', n],
    naDrugSensitivity: ['f32', n],
    spikesSinceIonStep: ['f32', n],
    biasPa: ['f32', n],
    eGabaMv: ['f32', n],
    gabaChargePaMs: ['f32', n],
    naiMm: ['f32', n],
    pumpPa: ['f32', n],
    clMm: ['f32', n],
    tileKoFactor: ['f32', nTiles],
    tileLeakEPa: ['f32', nTiles],
    tileLeakIPa: ['f32', nTiles],
    tileClEqMm: ['f32', nTiles],
    tilePumpSum: ['f32', nTiles],
    resource: ['f32', n],
    resourceStampStep: ['i32', n],
    tileOfCell: ['i32', n],
    tileSpikes: ['f32', nTiles],
    spikeIdx: ['i32', n],
    ringE: ['f32', ringSlots * ringStride],
    ringI: ['f32', ringSlots * ringStride],
    outStart: ['i32', n + 1],
    outOffset: ['i32', synapseCount],
    blockE: ['i32', POP_WORDS],
    blockI: ['i32', POP_WORDS],
    blockPropagate: ['i32', PROP_WORDS],
    blockIons: ['i32', ION_WORDS],
    rngState: ['i32', 4],
    // Last, so that the arrays above keep the offsets (and cache sets) they were tuned with.
    gNapNs: ['f32', n],
    gabaJumpNs: ['f32', n],
    gMembraneNs: ['f32', n],
    tileEkMv: ['f32', nTiles],
    // f64 arrays, as pairs of words (arrays start on 64-byte lines, so the f64 views are aligned).
    koMm: ['i32', 2 * nTiles],
    eLeakEMv: ['i32', 2 * nTiles],
    eLeakIMv: ['i32', 2 * nTiles],
    koScratch: ['i32', 2 * nTiles],
    cellsInTile: ['i32', 2 * nTiles],
    tileReals: ['i32', 2 * TILE_REAL_COUNT],
    blockTiles: ['i32', TILE_WORDS],
    tileGlia: ['f32', nTiles],
  } as const;
  const kernel = instantiateKernels({ ...plan, ...threadPlan } as typeof plan & ArrayPlan, shares.length > 0);
  const a = kernel.arrays;
  a.tileOfCell.set(net.tileOfCell);
  a.outStart.set(net.outStart);
  for (let syn = 0; syn < synapseCount; syn++) {
    a.outOffset[syn] = net.outDelaySteps[syn] * ringStride + net.outTarget[syn];
  }
  for (let i = 0; i < n; i++) {
    a.vMv[i] = V_INIT_LOW_MV + (V_INIT_HIGH_MV - V_INIT_LOW_MV) * rng.uniform();
  }
  a.wPa.fill(W_INIT_E_PA, 0, net.nE);
  // From here on the generator's state lives in the kernels' memory, where the background drive
  // (kernels/assembly/background.ts) draws from the same stream.
  rng.moveStateTo(a.rngState);
  const block = (arr: Int32Array): ParamBlock => new ParamBlock(kernel.f32, kernel.i32, arr.byteOffset);
  const f64 = (arr: Int32Array): Float64Array => new Float64Array(kernel.memory.buffer, arr.byteOffset, arr.length / 2);
  const koMm = f64(a.koMm);
  const eLeakEMv = f64(a.eLeakEMv);
  const eLeakIMv = f64(a.eLeakIMv);
  const cellsInTile = f64(a.cellsInTile);
  cellsInTile.set(net.cellsInTile);
  const blockTiles = block(a.blockTiles);
  blockTiles.setPointer(TILE_KO, koMm);
  blockTiles.setPointer(TILE_SCRATCH, a.koScratch);
  blockTiles.setPointer(TILE_SPIKES, a.tileSpikes);
  blockTiles.setPointer(TILE_PUMP_SUM, a.tilePumpSum);
  blockTiles.setPointer(TILE_CELLS, cellsInTile);
  blockTiles.setPointer(TILE_E_LEAK_E, eLeakEMv);
  blockTiles.setPointer(TILE_E_LEAK_I, eLeakIMv);
  blockTiles.setPointer(TILE_LEAK_E_PA, a.tileLeakEPa);
  blockTiles.setPointer(TILE_LEAK_I_PA, a.tileLeakIPa);
  blockTiles.setPointer(TILE_KO_FACTOR, a.tileKoFactor);
  blockTiles.setPointer(TILE_EK, a.tileEkMv);
  blockTiles.setPointer(TILE_REALS, a.tileReals);
  blockTiles.setInt(TILE_COUNT, nTiles);
  blockTiles.setInt(TILE_SIDE, net.tilesPerSide);
  let threadArrays: ThreadArrays | null = null;
  if (shares.length > 0) {
    const t = kernel.arrays as unknown as Record<string, Float32Array & Int32Array>;
    const each = <T>(name: string): T[] => shares.map((_, k) => t[`${name}${k}`] as unknown as T);
    const outStart = each<Int32Array>('outStart');
    const outOffset = each<Int32Array>('outOffset');
    const filled = new Array<number>(shares.length).fill(0);
    for (let pre = 0; pre < n; pre++) {
      for (let k = 0; k < shares.length; k++) outStart[k][pre] = filled[k];
      for (let syn = net.outStart[pre]; syn < net.outStart[pre + 1]; syn++) {
        const k = owner[net.outTarget[syn]];
        outOffset[k][filled[k]++] = a.outOffset[syn];
      }
    }
    for (let k = 0; k < shares.length; k++) outStart[k][n] = filled[k];
    // Each tile's cells in cell order (a counting sort on the tile).
    const cellStart = t.tileCellStart as unknown as Int32Array;
    const tileCells = t.tileCells as unknown as Int32Array;
    for (let i = 0; i < n; i++) cellStart[net.tileOfCell[i] + 1]++;
    for (let tile = 0; tile < nTiles; tile++) cellStart[tile + 1] += cellStart[tile];
    const placed = cellStart.slice(0, nTiles);
    for (let i = 0; i < n; i++) tileCells[placed[net.tileOfCell[i]]++] = i;
    const spikeTables = t.tileSpikeTables as unknown as Int32Array;
    shares.forEach((_, k) => {
      spikeTables[k] = (t[`tileSpikes${k}`] as unknown as Float32Array).byteOffset;
    });
    let minDelaySteps = Number.POSITIVE_INFINITY;
    for (let syn = 0; syn < synapseCount; syn++) minDelaySteps = Math.min(minDelaySteps, net.outDelaySteps[syn]);
    if (synapseCount === 0) minDelaySteps = 0;
    threadArrays = {
      count: shares.length,
      shares,
      spikesE: each('spikesE'),
      amountsE: each('amountsE'),
      spikesI: each('spikesI'),
      tileSpikes: each('tileSpikes'),
      backgroundMine: each('backgroundMine'),
      outStart,
      outOffset,
      blockE: each<Int32Array>('blockE').map(block),
      blockI: each<Int32Array>('blockI').map(block),
      blockPropagate: each<Int32Array>('blockPropagate').map(block),
      blockIons: each<Int32Array>('blockIons').map(block),
      blockIonsI: each<Int32Array>('blockIonsI').map(block),
      segments: t.segments,
      lfpChunks: t.lfpChunks,
      lfpLanes: t.lfpLanes,
      lfpOut: t.lfpOut,
      backgroundList: t.backgroundList,
      backgroundPerStep: backgroundRoomPerStep(n),
      batchEvents: t.batchEvents,
      batchJumps: new Float64Array(
        kernel.memory.buffer,
        (t.batchJumps as unknown as Int32Array).byteOffset,
        2 * THREAD_BATCH_STEPS,
      ),
      minDelaySteps,
      aboveRest: t.aboveRest,
      tileCellStart: t.tileCellStart,
      tileCells: t.tileCells,
      tileSpikeTables: t.tileSpikeTables,
      control: t.control,
      memory: kernel.memory,
      module: kernel.module,
      i32: kernel.i32,
    };
  }
  return {
    n,
    nE,
    kernels: kernel.exports,
    kernelBytes: kernel.bytes,
    vMv: a.vMv,
    wPa: a.wPa,
    refractoryUntilStep: a.refractoryUntilStep,
    gAmpaNs: a.gAmpaNs,
    gNmdaNs: a.gNmdaNs,
    gGabaNs: a.gGabaNs,
    expGainPa: a.expGainPa,
    naAvailability: a.naAvailability,
    naSlowGate: a.naSlowGate,
    naAvailScale: a.naAvailScale,
    naDrugSensitivity: a.naDrugSensitivity,
    spikesSinceIonStep: a.spikesSinceIonStep,
    biasPa: a.biasPa,
    eGabaMv: a.eGabaMv,
    gabaChargePaMs: a.gabaChargePaMs,
    naiMm: a.naiMm,
    gNapNs: a.gNapNs,
    gabaJumpNs: a.gabaJumpNs,
    resource: a.resource,
    resourceStampStep: a.resourceStampStep,
    tileSpikes: a.tileSpikes,
    tileOfCell: a.tileOfCell,
    spikeIdx: a.spikeIdx,
    ringSlots,
    ringStride,
    ringE: a.ringE,
    ringI: a.ringI,
    outStart: a.outStart,
    outOffset: a.outOffset,
    blockE: block(a.blockE),
    blockI: block(a.blockI),
    blockPropagate: block(a.blockPropagate),
    blockIons: block(a.blockIons),
    pumpPa: a.pumpPa,
    clMm: a.clMm,
    tileKoFactor: a.tileKoFactor,
    tileLeakEPa: a.tileLeakEPa,
    tileLeakIPa: a.tileLeakIPa,
    tileClEqMm: a.tileClEqMm,
    tilePumpSum: a.tilePumpSum,
    tileEkMv: a.tileEkMv,
    gMembraneNs: a.gMembraneNs,
    rngState: a.rngState,
    threads: threadArrays,
    blockTiles,
    tileReals: f64(a.tileReals),
    tileGlia: a.tileGlia,
    koMm,
    eLeakEMv,
    eLeakIMv,
    koScratch: f64(a.koScratch),
    spikeCount: 0,
    step: 0,
    eegExcitatorySumPa: 0,
    eegInhibitorySumPa: 0,
  };
}
