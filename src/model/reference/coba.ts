/**
 * The COBA benchmark network (docs/model.md §8): Brette et al. 2007, benchmark 1, after Vogels &
 * Abbott 2005. A reference model in the same engine, for raw speed and for cross-checking against
 * other simulators (Brian2 runs the same equations; see tests/reference/).
 *
 * 4,000 leaky integrate-and-fire cells, 80 % excitatory; every ordered pair connected with
 * probability 0.02 (self-connections allowed); no delay. τm = 20 ms, EL = Vreset = −60 mV,
 * threshold −50 mV, refractory 5 ms. Conductances in units of gL:
 *   τm dV/dt = (EL − V) + ge (0 − V) + gi (−80 − V),  τe = 5 ms, τi = 10 ms,
 * a spike adds 0.6 (E source) or 6.7 (I source). No external input. V ~ N(−65, 5) mV,
 * ge ~ N(4, 1.5), gi ~ N(20, 12). Forward Euler, dt = 0.1 ms.
 */
import { instantiateKernels, type KernelExports, ParamBlock } from '../kernels/kernels.ts';
import {
  COBA_DECAY_E,
  COBA_DECAY_I,
  COBA_DT_OVER_TAU_M,
  COBA_E_E,
  COBA_E_I,
  COBA_E_L,
  COBA_GE,
  COBA_GI,
  COBA_N,
  COBA_N_E,
  COBA_OUT_START,
  COBA_OUT_TARGET,
  COBA_REF_STEPS,
  COBA_REF_UNTIL,
  COBA_SPIKE_COUNT,
  COBA_SPIKE_IDX,
  COBA_STEP,
  COBA_V,
  COBA_V_RESET,
  COBA_V_THRESHOLD,
  COBA_W_E,
  COBA_W_I,
  COBA_WORDS,
} from '../kernels/layout.ts';
import { Rng } from '../rng.ts';

export const COBA = {
  neurons: 4000,
  excitatoryFraction: 0.8,
  connectionProbability: 0.02,
  dtMs: 0.1,
  tauMMs: 20,
  tauEMs: 5,
  tauIMs: 10,
  eLMv: -60,
  vResetMv: -60,
  vThresholdMv: -50,
  refractoryMs: 5,
  eExcMv: 0,
  eInhMv: -80,
  weightE: 0.6,
  weightI: 6.7,
} as const;

export interface CobaOptions {
  neurons?: number;
  seed?: number;
}

export class CobaNetwork {
  readonly n: number;
  readonly nE: number;
  readonly synapseCount: number;
  readonly vMv: Float32Array;
  readonly ge: Float32Array;
  readonly gi: Float32Array;
  readonly spikeIdx: Int32Array;
  private readonly kernels: KernelExports;
  private readonly block: ParamBlock;
  step = 0;
  spikeCount = 0;

  constructor(options: CobaOptions = {}) {
    const n = options.neurons ?? COBA.neurons;
    const rng = new Rng(options.seed ?? 1);
    const nE = Math.round(COBA.excitatoryFraction * n);
    // Every ordered pair with probability p: the number of targets of each source is
    // Binomial(n, p); targets are drawn by geometric skips over 0…n−1, which gives exactly that.
    const targets: number[] = [];
    const outStartList = [0];
    const logQ = Math.log(1 - COBA.connectionProbability);
    for (let pre = 0; pre < n; pre++) {
      let post = -1;
      for (;;) {
        post += 1 + Math.floor(Math.log(rng.uniformOpenZero()) / logQ);
        if (post >= n) break;
        targets.push(post);
      }
      outStartList.push(targets.length);
    }
    const kernel = instantiateKernels({
      vMv: ['f32', n],
      ge: ['f32', n],
      gi: ['f32', n],
      refractoryUntilStep: ['i32', n],
      spikeIdx: ['i32', n],
      outStart: ['i32', n + 1],
      outTarget: ['i32', targets.length],
      block: ['i32', COBA_WORDS],
    });
    const a = kernel.arrays;
    a.outStart.set(outStartList);
    a.outTarget.set(targets);
    for (let i = 0; i < n; i++) {
      a.vMv[i] = -65 + 5 * rng.normal();
      a.ge[i] = 4 + 1.5 * rng.normal();
      a.gi[i] = 20 + 12 * rng.normal();
    }
    this.n = n;
    this.nE = nE;
    this.synapseCount = targets.length;
    this.vMv = a.vMv;
    this.ge = a.ge;
    this.gi = a.gi;
    this.spikeIdx = a.spikeIdx;
    this.kernels = kernel.exports;
    const b = new ParamBlock(kernel.f32, kernel.i32, a.block.byteOffset);
    b.setPointer(COBA_V, a.vMv);
    b.setPointer(COBA_GE, a.ge);
    b.setPointer(COBA_GI, a.gi);
    b.setPointer(COBA_REF_UNTIL, a.refractoryUntilStep);
    b.setPointer(COBA_SPIKE_IDX, a.spikeIdx);
    b.setPointer(COBA_OUT_START, a.outStart);
    b.setPointer(COBA_OUT_TARGET, a.outTarget);
    b.setInt(COBA_N, n);
    b.setInt(COBA_N_E, nE);
    b.setInt(COBA_REF_STEPS, Math.round(COBA.refractoryMs / COBA.dtMs));
    b.setReal(COBA_DT_OVER_TAU_M, COBA.dtMs / COBA.tauMMs);
    b.setReal(COBA_E_L, COBA.eLMv);
    b.setReal(COBA_E_E, COBA.eExcMv);
    b.setReal(COBA_E_I, COBA.eInhMv);
    // Forward Euler on dg/dt = −g/τ: g ← g (1 − dt/τ).
    b.setReal(COBA_DECAY_E, 1 - COBA.dtMs / COBA.tauEMs);
    b.setReal(COBA_DECAY_I, 1 - COBA.dtMs / COBA.tauIMs);
    b.setReal(COBA_V_THRESHOLD, COBA.vThresholdMv);
    b.setReal(COBA_V_RESET, COBA.vResetMv);
    b.setReal(COBA_W_E, COBA.weightE);
    b.setReal(COBA_W_I, COBA.weightI);
    this.block = b;
  }

  /** One step; the spikes are spikeIdx[0…spikeCount−1]. */
  advanceStep(): number {
    this.block.setInt(COBA_STEP, this.step);
    this.kernels.cobaStep(this.block.byteOffset);
    this.spikeCount = this.block.getInt(COBA_SPIKE_COUNT);
    this.step++;
    return this.spikeCount;
  }
}
