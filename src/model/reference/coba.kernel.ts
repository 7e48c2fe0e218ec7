/**
 * The COBA benchmark step (docs/model.md §8; Brette et al. 2007, benchmark 1; Vogels & Abbott 2005),
 * 4 × f32 lanes. Forward Euler on
 *   τm dV/dt = (EL − V) + ge (Ee − V) + gi (Ei − V),  dge/dt = −ge/τe,  dgi/dt = −gi/τi
 * with V held for the refractory period, then threshold, reset, and the spikes' jumps added to
 * their targets' ge or gi (no delay: they act from the next step on, as in Brian2).
 */
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
} from '../kernels/layout';

// @ts-ignore: AssemblyScript decorator
@inline
function word(block: usize, w: i32): usize {
  return block + (<usize>w << 2);
}

/** Spikes of the current step so far (cobaStep resets it; cobaChunks appends). */
let count = 0;

/**
 * Cells from…to−1, 4 at a time. With `masked` (a compile-time constant at each call) the range is
 * one partial chunk, and lanes at or past `to` keep their memory unchanged.
 */
// @ts-ignore: AssemblyScript decorator
@inline
function cobaChunks(block: usize, from: i32, to: i32, masked: bool): void {
  const vP = <usize>load<i32>(word(block, COBA_V));
  const geP = <usize>load<i32>(word(block, COBA_GE));
  const giP = <usize>load<i32>(word(block, COBA_GI));
  const refP = <usize>load<i32>(word(block, COBA_REF_UNTIL));
  const spikeP = <usize>load<i32>(word(block, COBA_SPIKE_IDX));
  const step = load<i32>(word(block, COBA_STEP));
  const stepV = i32x4.splat(step);
  const refEndV = i32x4.splat(step + load<i32>(word(block, COBA_REF_STEPS)));
  const endV = i32x4.splat(to);
  const k = f32x4.splat(load<f32>(word(block, COBA_DT_OVER_TAU_M)));
  const eL = f32x4.splat(load<f32>(word(block, COBA_E_L)));
  const eE = f32x4.splat(load<f32>(word(block, COBA_E_E)));
  const eI = f32x4.splat(load<f32>(word(block, COBA_E_I)));
  const decE = f32x4.splat(load<f32>(word(block, COBA_DECAY_E)));
  const decI = f32x4.splat(load<f32>(word(block, COBA_DECAY_I)));
  const vThr = f32x4.splat(load<f32>(word(block, COBA_V_THRESHOLD)));
  const vReset = f32x4.splat(load<f32>(word(block, COBA_V_RESET)));
  // Below 1e-30 a conductance is zero; flushing avoids slow subnormal arithmetic (dynamics/neurons.kernel.ts, flushTiny).
  const tiny = f32x4.splat(1e-30);

  for (let i = from; i < to; i += 4) {
    const o = <usize>i << 2;
    const inside = masked ? i32x4.lt_s(i32x4.add(i32x4.splat(i), i32x4(0, 1, 2, 3)), endV) : i32x4.splat(-1);
    const v = v128.load(vP + o);
    const ge = v128.load(geP + o);
    const gi = v128.load(giP + o);
    const refUntil = v128.load(refP + o);
    const integrating = i32x4.ge_s(stepV, refUntil);
    const drive = f32x4.add(
      f32x4.add(f32x4.sub(eL, v), f32x4.mul(ge, f32x4.sub(eE, v))),
      f32x4.mul(gi, f32x4.sub(eI, v)),
    );
    let vNext = v128.bitselect(f32x4.add(v, f32x4.mul(k, drive)), v, integrating);
    const geNext = f32x4.mul(ge, decE);
    const giNext = f32x4.mul(gi, decI);
    const geKept = v128.and(geNext, f32x4.gt(f32x4.abs(geNext), tiny));
    const giKept = v128.and(giNext, f32x4.gt(f32x4.abs(giNext), tiny));
    v128.store(geP + o, masked ? v128.bitselect(geKept, ge, inside) : geKept);
    v128.store(giP + o, masked ? v128.bitselect(giKept, gi, inside) : giKept);
    const crossed = v128.and(f32x4.gt(vNext, vThr), integrating);
    const spiked = masked ? v128.and(crossed, inside) : crossed;
    if (v128.any_true(spiked)) {
      vNext = v128.bitselect(vReset, vNext, spiked);
      v128.store(refP + o, v128.bitselect(refEndV, refUntil, spiked));
      let bits = i32x4.bitmask(spiked);
      while (bits != 0) {
        const lane = ctz(bits);
        bits &= bits - 1;
        store<i32>(spikeP + (<usize>count << 2), i + lane);
        count++;
      }
    }
    v128.store(vP + o, masked ? v128.bitselect(vNext, v, inside) : vNext);
  }
}

export function cobaStep(block: usize): void {
  const n = load<i32>(word(block, COBA_N));
  count = 0;
  // Whole chunks of 4 cells without masking, then at most one masked chunk for the rest (as in
  // dynamics/neurons.kernel.ts: the masks cost a fifth of the update when every chunk paid them).
  const wholeEnd = n & ~3;
  cobaChunks(block, 0, wholeEnd, false);
  if (wholeEnd < n) cobaChunks(block, wholeEnd, n, true);

  const spikeP = <usize>load<i32>(word(block, COBA_SPIKE_IDX));
  const outStartP = <usize>load<i32>(word(block, COBA_OUT_START));
  const outTargetP = <usize>load<i32>(word(block, COBA_OUT_TARGET));
  const geP = <usize>load<i32>(word(block, COBA_GE));
  const giP = <usize>load<i32>(word(block, COBA_GI));
  const nE = load<i32>(word(block, COBA_N_E));
  const wE = load<f32>(word(block, COBA_W_E));
  const wI = load<f32>(word(block, COBA_W_I));
  for (let s = 0; s < count; s++) {
    const pre = load<i32>(spikeP + (<usize>s << 2));
    const from = load<i32>(outStartP + (<usize>pre << 2));
    const to = load<i32>(outStartP + (<usize>(pre + 1) << 2));
    const targetG = pre < nE ? geP : giP;
    const jump = pre < nE ? wE : wI;
    for (let syn = from; syn < to; syn++) {
      const at = targetG + (<usize>load<i32>(outTargetP + (<usize>syn << 2)) << 2);
      store<f32>(at, load<f32>(at) + jump);
    }
  }
  store<i32>(word(block, COBA_SPIKE_COUNT), count);
}
