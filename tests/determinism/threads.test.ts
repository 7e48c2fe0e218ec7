/**
 * Threads (src/model/parallel) give the same network, bit for bit, as one thread: every spike
 * (step and cell, in order), the EEG proxy's sums at every ion step, and the final state of every
 * cell and tile. Sheets whose E count is not a multiple of 4 (16 × 16: 205 E cells), seizing
 * sheets, a lesion with responsive stimulation and sprouting, drugs, parameters changed between
 * runs of steps, clamped ions, and threads started in the middle of a run.
 *
 * Helpers are Node worker threads (src/cli/sim-threads.ts). Three threads on this 2-core machine
 * are slower than one (the helpers wait by spinning): they are here for the partition, not speed.
 */
import { describe, expect, it } from 'vitest';
import { spawnNodeHelper } from '../../src/cli/sim-threads.ts';
import { partitionCells } from '../../src/model/parallel/partition.ts';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { dosingOf, startRun } from '../../src/model/runs/start-run.ts';
import type { Simulation, SimulationOptions, StepObserver } from '../../src/model/simulation.ts';
import { BASIS, stateHash as fingerprintStateHash, hashArray, mix } from './fingerprint.ts';

class Recorder implements StepObserver {
  /** With a watched cell, its V every step: threads then step one at a time. */
  readonly readsStateEachStep: boolean;
  voltage = BASIS;
  constructor(private readonly watched = -1) {
    this.readsStateEachStep = watched >= 0;
  }
  spikes = BASIS;
  eeg = BASIS;
  count = 0;
  private readonly f64 = new Float64Array(1);
  private readonly words = new Uint32Array(this.f64.buffer);
  private readonly f32 = new Float32Array(1);
  private readonly f32words = new Uint32Array(this.f32.buffer);
  afterStep(sim: Simulation): void {
    const s = sim.state;
    for (let k = 0; k < s.spikeCount; k++) this.spikes = mix(mix(this.spikes, s.step), s.spikeIdx[k]);
    this.count += s.spikeCount;
    if (this.watched >= 0) {
      this.f32[0] = s.vMv[this.watched];
      this.voltage = mix(this.voltage, this.f32words[0]);
    }
  }
  afterIonStep(sim: Simulation): void {
    for (const x of [sim.state.eegExcitatorySumPa, sim.state.eegInhibitorySumPa]) {
      this.f64[0] = x;
      this.eeg = mix(mix(this.eeg, this.words[0]), this.words[1]);
    }
  }
}

/** The fingerprint's final state, and what else the threads write: gains, stamps, refractory ends, rings, tile sums. */
function stateHash(sim: Simulation): number {
  const s = sim.state;
  let h = fingerprintStateHash(sim);
  for (const a of [s.expGainPa, s.resourceStampStep, s.refractoryUntilStep, s.ringE, s.ringI, s.tilePumpSum]) {
    h = hashArray(h, a);
  }
  return h;
}

interface Case {
  label: string;
  params: Record<string, unknown>;
  steps: number;
  drugs?: string[];
  atHours?: number;
  options?: SimulationOptions;
  /** Parameters set after the first half of the steps. */
  setAfterHalf?: Record<string, unknown>;
  /** Start the threads only after the first half (the first half on one thread). */
  startLate?: boolean;
  /** Stop the threads after the first half (the second half on one thread). */
  stopEarly?: boolean;
  /** A cell whose V the observer reads every step. */
  watched?: number;
}

function run(
  c: Case,
  threads: number,
): { spikes: number; eeg: number; voltage: number; state: number; count: number; ran: number } {
  const params = withParams(defaultParams(), c.params);
  const dosing = c.drugs ? dosingOf({ drugs: c.drugs, atHours: c.atHours ?? 72 }) : undefined;
  const { sim } = startRun(params, dosing, { ...c.options, threads });
  const start = () => {
    if (threads > 1) sim.startThreads(spawnNodeHelper).waitReady();
  };
  const recorder = new Recorder(c.watched);
  let ran = 1;
  try {
    if (!c.startLate) start();
    const half = Math.floor(c.steps / 2);
    sim.advance(half, recorder);
    ran = Math.max(ran, sim.threadsRunning);
    if (c.setAfterHalf) sim.setParams(withParams(sim.params, c.setAfterHalf));
    if (c.startLate) start();
    if (c.stopEarly) sim.stopThreads();
    sim.advance(c.steps - half, recorder);
    ran = Math.max(ran, sim.threadsRunning);
  } finally {
    sim.stopThreads();
  }
  return {
    spikes: recorder.spikes,
    eeg: recorder.eeg,
    voltage: recorder.voltage,
    state: stateHash(sim),
    count: recorder.count,
    ran,
  };
}

const LESION = { xMm: 1, yMm: 1, radiusMm: 0.5 };

const CASES: Case[] = [
  { label: 'healthy 16 × 16 (205 E cells)', params: { side: 16, seed: 2 }, steps: 3000 },
  { label: 'seizing 24 × 24, gaba 0.4', params: { side: 24, gaba: 0.4 }, steps: 3000 },
  {
    label: 'lesion, sprouting, RNS, then gaba changed',
    params: { side: 24, gaba: 0.7, lesion: LESION, sprouting: 0.15, rns: true },
    steps: 3000,
    setAfterHalf: { gaba: 0.5 },
  },
  {
    label: 'phenytoin and bumetanide, P-gp, Dravet, VNS, inflammation',
    params: { side: 20, gaba: 0.63, pgp: 2, scn1a: 0.5, vns: true, inflammation: 0.6, kClearance: 0.5 },
    steps: 3000,
    drugs: ['phenytoin=200/12', 'bumetanide=2/12'],
    atHours: 200,
  },
  { label: 'ions clamped', params: { side: 16 }, steps: 2000, options: { ionsClamped: true } },
  { label: 'threads started halfway', params: { side: 24, gaba: 0.5, seed: 3 }, steps: 3000, startLate: true },
  { label: 'an observer reading a cell every step', params: { side: 20, gaba: 0.5 }, steps: 2000, watched: 123 },
  { label: 'dt 0.05 ms (batches of up to 10 steps)', params: { side: 16, gaba: 0.5, dtMs: 0.05 }, steps: 3000 },
  // 1505 steps: stopped between two ion steps, with spikes counted on the threads' tiles.
  { label: 'threads stopped halfway', params: { side: 24, gaba: 0.5, seed: 3 }, steps: 3010, stopEarly: true },
];

describe('threads step the network with the same bits as one thread', () => {
  for (const c of CASES) {
    it(c.label, { timeout: 120_000 }, () => {
      const one = run(c, 1);
      expect(one.count).toBeGreaterThan(0);
      const two = run(c, 2);
      expect(two.ran).toBe(2);
      expect(two).toEqual({ ...one, ran: 2 });
    });
  }

  it('three threads too (an odd split of every range)', { timeout: 120_000 }, () => {
    const c = CASES[1];
    const one = run(c, 1);
    expect(run(c, 3)).toEqual({ ...one, ran: 3 });
  });
});

describe('partitionCells', () => {
  it('covers every cell once, in contiguous ranges on chunk boundaries, with both ends of the E/I border on one thread', () => {
    for (const [n, nE] of [
      [256, 205],
      [4096, 3277],
      [1024, 819],
      [12, 10],
    ]) {
      for (const threads of [1, 2, 3, 4, 7]) {
        const shares = partitionCells(n, nE, threads);
        expect(shares).toHaveLength(threads);
        const owner = new Int32Array(n).fill(-1);
        const ionOwner = new Int32Array(n).fill(-1);
        shares.forEach((s, k) => {
          for (const [from, to, base] of [
            [s.eFrom, s.eTo, 0],
            [s.iFrom, s.iTo, nE],
          ]) {
            if (to > from) expect((from - base) % 4).toBe(0);
            for (let i = from; i < to; i++) {
              expect(owner[i]).toBe(-1);
              owner[i] = k;
            }
          }
          for (const [from, to] of [
            [s.ionEFrom, s.ionETo],
            [s.ionIFrom, s.ionITo],
          ]) {
            if (to > from) expect(from % 4).toBe(0);
            for (let i = from; i < to; i++) {
              expect(ionOwner[i]).toBe(-1);
              ionOwner[i] = k;
            }
          }
          // The ion step keeps each cell on its thread, but for the ≤ 3 cells of a chunk cut by a border.
          let moved = 0;
          for (let i = 0; i < n; i++) if (owner[i] === k && ionOwner[i] !== k) moved++;
          expect(moved).toBeLessThanOrEqual(6);
        });
        expect([...owner].every((k) => k >= 0)).toBe(true);
        expect([...ionOwner].every((k) => k >= 0)).toBe(true);
        // The last E chunk spills into the first interneurons: one thread steps both.
        expect(owner[nE - 1]).toBe(owner[nE]);
        // One contiguous range per thread, the last cells on thread 0 (the coordinator).
        shares.forEach((s, k) => {
          expect(s.eTo - s.eFrom + s.iTo - s.iFrom).toBe(s.to - s.from);
          for (let i = s.from; i < s.to; i++) expect(owner[i]).toBe(k);
          if (k > 0) expect(s.to).toBe(shares[k - 1].from);
        });
        expect(shares[0].to).toBe(n);
      }
    }
  });

  it('cuts pyramidal cells on 64-byte lines and splits the default sheet into halves', () => {
    const shares = partitionCells(4096, 3277, 2);
    expect(shares.map((s) => [s.from, s.to])).toEqual([
      [2048, 4096],
      [0, 2048],
    ]);
    for (const threads of [2, 3, 4, 5, 8]) {
      for (const s of partitionCells(4096, 3277, threads)) {
        if (s.from > 0 && s.from < 3276) expect(s.from % 16).toBe(0);
        // No thread gets more than a line's worth of cells above an even share.
        expect(s.to - s.from).toBeLessThanOrEqual(Math.ceil(4096 / threads) + 16);
      }
    }
  });

  it('refuses a thread count that is not a whole number ≥ 1', () => {
    expect(() => partitionCells(256, 205, 0)).toThrow(/threads must be a whole number ≥ 1, not 0/);
    expect(() => partitionCells(256, 205, 1.5)).toThrow(/not 1.5/);
  });
});
