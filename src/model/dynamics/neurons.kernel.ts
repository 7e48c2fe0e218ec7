/**
 * The neuron update, compiled to WebAssembly SIMD (4 × f32 lanes). See neurons.ts beside it for
 * the equations, and simulation.ts for the phase order; these loops are not in TypeScript because
 * of speed (measured: 7.6 ns per cell-step in JavaScript, 1.9 ns here, for the COBA update).
 *
 * Arrays are f32 (state) and i32 (indices, step stamps), laid out by kernels/kernels.ts
 * with at least 4 spare elements after each, so that the last chunk of 4 lanes may read past the
 * population's end. Lanes past the end are masked: their memory is written back unchanged.
 */
import {
  POP_A,
  POP_B,
  POP_BIAS,
  POP_DECAY_AMPA,
  POP_DECAY_GABA,
  POP_DECAY_NMDA,
  POP_DT,
  POP_DT_OVER_C,
  POP_DT_OVER_TAU_W,
  POP_E_GABA,
  POP_EXCITATORY,
  POP_E_L,
  POP_E_NA,
  POP_END,
  POP_EXP_GAIN,
  POP_FIRST,
  POP_G_AMPA,
  POP_G_GABA,
  POP_G_NAP,
  POP_G_NMDA,
  POP_GABA_CHARGE,
  POP_INV_DELTA_T,
  POP_MG_FACTOR,
  POP_MG_SLOPE,
  POP_JUMP_AMPA,
  POP_JUMP_GABA,
  POP_JUMP_NMDA,
  POP_LFP_GABA_SUM,
  POP_LFP_SUM,
  POP_NA_PER_SPIKE,
  POP_NAP_HALF_MV,
  POP_NAP_INV_SLOPE,
  POP_NAI,
  POP_REF_STEPS,
  POP_REF_UNTIL,
  POP_RING_E,
  POP_RING_I,
  POP_SLOT_OFFSET,
  POP_SPIKE_COUNT,
  POP_SPIKE_IDX,
  POP_SPIKES_SINCE,
  POP_STEP,
  POP_TILE_OF,
  POP_TILE_SPIKES,
  POP_V,
  POP_V_CUT,
  POP_V_RESET,
  POP_RESET_FOLLOWS,
  POP_PUMP,
  POP_G_MEMBRANE,
  POP_V_T,
  POP_W,
  POP_LFP_CHUNKS,
  POP_AMOUNTS,
  POP_RESOURCE,
  POP_RESOURCE_STAMP,
  POP_RELEASE_U,
  POP_INV_U0,
  POP_RECOVERY_PER_STEP,
  POP_LFP_LANES_OUT,
  POP_MEAN_AMPA,
  POP_MEAN_GABA,
  POP_MEAN_NMDA,
} from '../kernels/layout';
import { vexpClamped } from '../kernels/simd-math.kernel';
import { releaseAt } from './synapses.kernel';

/**
 * The membrane potential the gates' exponentials see is held within ±350 mV. With I_NaP's half
 * point −50 mV and slope 5 mV its argument stays within (−80, 60), and the Mg²⁺ block's
 * (0.062/mV) within ±22: inside vexp's range, where its clamps would change nothing.
 */
const GATE_V_LIMIT_MV: f32 = 350.0;

// @ts-ignore: AssemblyScript decorator
@inline
function ptr(block: usize, word: i32): usize {
  return <usize>load<i32>(block + (<usize>word << 2));
}
// @ts-ignore: AssemblyScript decorator
@inline
function int(block: usize, word: i32): i32 {
  return load<i32>(block + (<usize>word << 2));
}
// @ts-ignore: AssemblyScript decorator
@inline
function real(block: usize, word: i32): f32 {
  return load<f32>(block + (<usize>word << 2));
}
// @ts-ignore: AssemblyScript decorator
@inline
function splat(block: usize, word: i32): v128 {
  return f32x4.splat(load<f32>(block + (<usize>word << 2)));
}

/**
 * Conductances that decay without input would pass through the subnormal floats, which x86
 * processes about 100 times slower (measured here: the population step went from 12 to 27 ns per
 * cell). WebAssembly has no flush-to-zero mode, so values below 1e-30 nS, physically zero, are set
 * to zero. Called once per ion step (≈ 1 ms): from 1e-30 a conductance needs hundreds of steps to
 * decay into the subnormal range (below 1.2e-38), so none ever gets there.
 */
export function flushTiny(arrayP: usize, count: i32): void {
  const tiny = f32x4.splat(1e-30);
  // Whole chunks: every array has spare elements after its end (zeros, unchanged by this).
  for (let i = 0; i < count; i += 4) {
    const at = arrayP + (<usize>i << 2);
    const g = v128.load(at);
    v128.store(at, v128.and(g, f32x4.gt(f32x4.abs(g), tiny)));
  }
}

/**
 * The LFP sums of a population stepped by threads: starting from the lanes the thread with the
 * first E cells left (POP_LFP_LANES_OUT at lanesP), the later chunks' terms (POP_LFP_CHUNKS, in
 * cell order) added into the 4 lanes and the lanes summed, exactly as stepPopulation does with
 * one thread. Writes Σ|I_AMPA + I_NMDA| and Σ|I_GABA| to out and out + 4.
 */
export function sumLfpChunks(lanesP: usize, chunksP: usize, chunks: i32, outP: usize): void {
  let lanes = v128.load(lanesP);
  let gabaLanes = v128.load(lanesP, 16);
  for (let k = 0; k < chunks; k++) {
    const at = chunksP + (<usize>k << 5);
    lanes = f32x4.add(lanes, v128.load(at));
    gabaLanes = f32x4.add(gabaLanes, v128.load(at, 16));
  }
  store<f32>(
    outP,
    f32x4.extract_lane(lanes, 0) + f32x4.extract_lane(lanes, 1) + f32x4.extract_lane(lanes, 2) + f32x4.extract_lane(lanes, 3),
  );
  store<f32>(
    outP,
    f32x4.extract_lane(gabaLanes, 0) +
      f32x4.extract_lane(gabaLanes, 1) +
      f32x4.extract_lane(gabaLanes, 2) +
      f32x4.extract_lane(gabaLanes, 3),
    4,
  );
}

/** The start of free memory after the module's static data. */
export function heapBase(): usize {
  return __heap_base;
}

/** Σ |I_AMPA + I_NMDA| and Σ |I_GABA| per lane over the chunks of one stepPopulation call. */
let lfpLanes: v128 = f32x4.splat(0.0);
let lfpGabaLanes: v128 = f32x4.splat(0.0);
/** The spike count while stepPopulation runs. */
let spikeCount: i32 = 0;
/** With POP_LFP_CHUNKS: where the next chunk's LFP terms go. */
let lfpChunkCursor: usize = 0;

/**
 * One step of the AdEx + I_NaP population [first, end): arrival of delayed input, Euler update
 * of V and w, exact decay of the conductances, threshold and reset. Appends spiking cells to the
 * spike list and updates the block's spike count and LFP sum.
 */
export function stepPopulation(block: usize): void {
  const first = int(block, POP_FIRST);
  const end = int(block, POP_END);
  spikeCount = int(block, POP_SPIKE_COUNT);
  lfpLanes = f32x4.splat(0.0);
  lfpGabaLanes = f32x4.splat(0.0);
  // Whole chunks of 4 cells without masking, then at most one masked chunk for the rest.
  // Compile-time flags: `masked` only for the last partial chunk; `excitatory` adds the LFP proxy
  // and the chloride load, which only E cells need.
  // With POP_LFP_CHUNKS (threads), `chunked` stores each chunk's LFP terms instead of summing them.
  const wholeEnd = first + ((end - first) & ~3);
  lfpChunkCursor = ptr(block, POP_LFP_CHUNKS);
  if (int(block, POP_EXCITATORY) != 0) {
    if (lfpChunkCursor != 0) {
      integrateChunks(block, first, wholeEnd, false, true, true);
      if (wholeEnd < end) integrateChunks(block, wholeEnd, end, true, true, true);
    } else {
      integrateChunks(block, first, wholeEnd, false, true, false);
      if (wholeEnd < end) integrateChunks(block, wholeEnd, end, true, true, false);
    }
  } else {
    integrateChunks(block, first, wholeEnd, false, false, false);
    if (wholeEnd < end) integrateChunks(block, wholeEnd, end, true, false, false);
  }
  store<i32>(block + (<usize>POP_SPIKE_COUNT << 2), spikeCount);
  const lanesOut = ptr(block, POP_LFP_LANES_OUT);
  if (lanesOut != 0) {
    v128.store(lanesOut, lfpLanes);
    v128.store(lanesOut, lfpGabaLanes, 16);
  }
  const lfp = lfpLanes;
  const lfpSum =
    f32x4.extract_lane(lfp, 0) + f32x4.extract_lane(lfp, 1) + f32x4.extract_lane(lfp, 2) + f32x4.extract_lane(lfp, 3);
  store<f32>(block + (<usize>POP_LFP_SUM << 2), lfpSum);
  const g = lfpGabaLanes;
  const gabaSum =
    f32x4.extract_lane(g, 0) + f32x4.extract_lane(g, 1) + f32x4.extract_lane(g, 2) + f32x4.extract_lane(g, 3);
  store<f32>(block + (<usize>POP_LFP_GABA_SUM << 2), gabaSum);
}

/**
 * Cells from…to−1, 4 at a time; everything else comes from the population's parameter block, read
 * once into locals (the loop keeps them in registers: read from memory in every chunk instead,
 * the step ran 20 % slower). With `masked` (a compile-time constant at each call) the range is one
 * partial chunk, and lanes at or past `end` keep their memory unchanged.
 */
// @ts-ignore: AssemblyScript decorator
@inline
function integrateChunks(block: usize, from: i32, to: i32, masked: bool, excitatory: bool, chunked: bool): void {
  const slotOffset = <usize>int(block, POP_SLOT_OFFSET) << 2;
  const step = int(block, POP_STEP);
  const vP0 = ptr(block, POP_V);
  const wP0 = ptr(block, POP_W);
  const refP0 = ptr(block, POP_REF_UNTIL);
  const gAP0 = ptr(block, POP_G_AMPA);
  const gNP0 = ptr(block, POP_G_NMDA);
  const gGP0 = ptr(block, POP_G_GABA);
  const ringEP0 = ptr(block, POP_RING_E) + slotOffset;
  const ringIP0 = ptr(block, POP_RING_I) + slotOffset;
  const expGainP0 = ptr(block, POP_EXP_GAIN);
  const biasP0 = ptr(block, POP_BIAS);
  const eGabaP0 = ptr(block, POP_E_GABA);
  const chargeP0 = ptr(block, POP_GABA_CHARGE);
  const gNapP0 = ptr(block, POP_G_NAP);
  const jumpGP0 = ptr(block, POP_JUMP_GABA);
  const endV = i32x4.splat(int(block, POP_END));
  const stepV = i32x4.splat(step);
  const refEndV = i32x4.splat(step + int(block, POP_REF_STEPS));
  const jumpA = splat(block, POP_JUMP_AMPA);
  const jumpN = splat(block, POP_JUMP_NMDA);
  const decA = splat(block, POP_DECAY_AMPA);
  const decN = splat(block, POP_DECAY_NMDA);
  const decG = splat(block, POP_DECAY_GABA);
  const meanA = splat(block, POP_MEAN_AMPA);
  const meanN = splat(block, POP_MEAN_NMDA);
  const meanG = splat(block, POP_MEAN_GABA);
  const vT = splat(block, POP_V_T);
  const invDeltaT = splat(block, POP_INV_DELTA_T);
  const gMembraneP0 = ptr(block, POP_G_MEMBRANE);
  const eNa = splat(block, POP_E_NA);
  const dtOverC = splat(block, POP_DT_OVER_C);
  const dt = splat(block, POP_DT);
  const a = splat(block, POP_A);
  const b = splat(block, POP_B);
  const eL = splat(block, POP_E_L);
  const dtOverTauW = splat(block, POP_DT_OVER_TAU_W);
  const vCut = splat(block, POP_V_CUT);
  const vReset = splat(block, POP_V_RESET);
  const resetFollows = splat(block, POP_RESET_FOLLOWS);
  const napHalf = splat(block, POP_NAP_HALF_MV);
  const napInvSlope = splat(block, POP_NAP_INV_SLOPE);
  const mgFactor = splat(block, POP_MG_FACTOR);
  const mgSlope = splat(block, POP_MG_SLOPE);
  const gateVHigh = f32x4.splat(GATE_V_LIMIT_MV);
  const gateVLow = f32x4.splat(-GATE_V_LIMIT_MV);
  for (let i = from; i < to; i += 4) {
    const o = <usize>i << 2;
    const inside = masked ? i32x4.lt_s(i32x4.add(i32x4.splat(i), i32x4(0, 1, 2, 3)), endV) : i32x4.splat(-1);
    const vP = vP0 + o;
    const wP = wP0 + o;
    const refP = refP0 + o;
    const gAP = gAP0 + o;
    const gNP = gNP0 + o;
    const gGP = gGP0 + o;
    const ringEP = ringEP0 + o;
    const ringIP = ringIP0 + o;
    const chargeP = chargeP0 + o;

    const arrivingE = v128.load(ringEP);
    const arrivingI = v128.load(ringIP);
    const zero = f32x4.splat(0.0);
    v128.store(ringEP, masked ? v128.bitselect(zero, arrivingE, inside) : zero);
    v128.store(ringIP, masked ? v128.bitselect(zero, arrivingI, inside) : zero);

    const gA0 = v128.load(gAP);
    const gN0 = v128.load(gNP);
    const gG0 = v128.load(gGP);
    const gA = f32x4.add(gA0, f32x4.mul(jumpA, arrivingE));
    const gN = f32x4.add(gN0, f32x4.mul(jumpN, arrivingE));
    const gG = f32x4.add(gG0, f32x4.mul(v128.load(jumpGP0 + o), arrivingI));
    const v = v128.load(vP);
    const w = v128.load(wP);
    const refUntil = v128.load(refP);
    const integrating = i32x4.ge_s(stepV, refUntil);

    const one = f32x4.splat(1.0);
    const iGaba = f32x4.mul(f32x4.mul(gG, meanG), f32x4.sub(v, v128.load(eGabaP0 + o)));
    // Persistent sodium activation and the NMDA Mg²⁺ block (their constants: dynamics/physics.ts).
    // Their exponentials see V held within ±GATE_V_LIMIT_MV, which keeps both arguments inside
    // vexp's range (|x| < 87), so they need no clamps of their own; a membrane potential is never
    // near those limits, where the gates are long saturated anyway.
    const vGate = f32x4.pmax(f32x4.pmin(v, gateVHigh), gateVLow);
    // Both gates are 1/d; one division serves the two, 1/(d₁d₂) times the other's d. Within the
    // clamped V the product stays far below f32's range (at −350 mV about 10³⁵; at −100 mV 10⁷).
    const napDenominator = f32x4.add(one, vexpClamped(f32x4.mul(f32x4.sub(napHalf, vGate), napInvSlope), false, false));
    const mgDenominator = f32x4.add(one, f32x4.mul(mgFactor, vexpClamped(f32x4.mul(mgSlope, vGate), false, false)));
    const inverseProduct = f32x4.div(one, f32x4.mul(napDenominator, mgDenominator));
    const nap = f32x4.mul(mgDenominator, inverseProduct);
    const unblock = f32x4.mul(napDenominator, inverseProduct);
    // Below the cut this is exactly exp((V − VT)/ΔT). A cell in depolarisation block (gain 0) may sit
    // above the cut; capping the argument there keeps the term finite when it leaves the block, and
    // at most 5 (the cut is VT + 5 ΔT), so only the lower clamp can act.
    const spikeExp = vexpClamped(f32x4.mul(f32x4.sub(f32x4.pmin(v, vCut), vT), invDeltaT), true, false);
    const iAmpaNmda = f32x4.mul(f32x4.add(f32x4.mul(gA, meanA), f32x4.mul(f32x4.mul(gN, meanN), unblock)), v);
    const expGain = v128.load(expGainP0 + o);
    // The resting conductance: gL plus the Na⁺-activated K⁺ conductance's change (ions.kernel.ts).
    const gMembrane = v128.load(gMembraneP0 + o);
    let current = f32x4.sub(v128.load(biasP0 + o), f32x4.mul(gMembrane, v));
    current = f32x4.add(current, f32x4.mul(expGain, spikeExp));
    current = f32x4.sub(current, f32x4.mul(f32x4.mul(v128.load(gNapP0 + o), nap), f32x4.sub(v, eNa)));
    current = f32x4.sub(current, w);
    current = f32x4.sub(current, iAmpaNmda);
    current = f32x4.sub(current, iGaba);
    let vNext = v128.bitselect(f32x4.add(v, f32x4.mul(current, dtOverC)), v, integrating);
    if (excitatory) {
      const counted = masked ? v128.and(integrating, inside) : integrating;
      const lfpTerm = v128.and(f32x4.abs(iAmpaNmda), counted);
      const lfpGabaTerm = v128.and(f32x4.abs(iGaba), counted);
      if (chunked) {
        v128.store(lfpChunkCursor, lfpTerm);
        v128.store(lfpChunkCursor, lfpGabaTerm, 16);
        lfpChunkCursor += 32;
      } else {
        lfpLanes = f32x4.add(lfpLanes, lfpTerm);
        lfpGabaLanes = f32x4.add(lfpGabaLanes, lfpGabaTerm);
      }
      const charge = v128.load(chargeP);
      const chargeNext = f32x4.add(charge, f32x4.mul(iGaba, dt));
      v128.store(chargeP, masked ? v128.bitselect(chargeNext, charge, inside) : chargeNext);
    }
    const gANext = f32x4.mul(gA, decA);
    const gNNext = f32x4.mul(gN, decN);
    const gGNext = f32x4.mul(gG, decG);
    v128.store(gAP, masked ? v128.bitselect(gANext, gA0, inside) : gANext);
    v128.store(gNP, masked ? v128.bitselect(gNNext, gN0, inside) : gNNext);
    v128.store(gGP, masked ? v128.bitselect(gGNext, gG0, inside) : gGNext);

    let wNext = f32x4.add(w, f32x4.mul(dtOverTauW, f32x4.sub(f32x4.mul(a, f32x4.sub(v, eL)), w)));
    // A cell fires only while it has a spike current: with gain 0 (depolarisation block) it may
    // cross the cut without spiking.
    const crossed = v128.and(f32x4.ge(vNext, vCut), f32x4.gt(expGain, f32x4.splat(0.0)));
    const spiked = masked ? v128.and(crossed, inside) : crossed;
    if (v128.any_true(spiked)) {
      // The reset follows the effective leak reversal (K⁺o, pump): see POP_RESET_FOLLOWS.
      const restShift = f32x4.sub(
        f32x4.div(f32x4.add(v128.load(biasP0 + o), v128.load(ptr(block, POP_PUMP) + o)), gMembrane),
        eL,
      );
      const resetV = f32x4.add(vReset, f32x4.mul(resetFollows, restShift));
      vNext = v128.bitselect(resetV, vNext, spiked);
      wNext = v128.bitselect(f32x4.add(wNext, b), wNext, spiked);
      v128.store(refP, v128.bitselect(refEndV, refUntil, spiked));
      recordSpikes(block, i, i32x4.bitmask(spiked), excitatory);
    }
    v128.store(vP, masked ? v128.bitselect(vNext, v, inside) : vNext);
    v128.store(wP, masked ? v128.bitselect(wNext, w, inside) : wNext);
  }
}

/**
 * Append the cells of a chunk whose bits are set; add their Na⁺ load and their tile's spike. With
 * POP_AMOUNTS (threads), an E cell's terminals release here, and the amount goes beside the spike.
 */
function recordSpikes(block: usize, i: i32, bits: i32, excitatory: bool): void {
  const spikeP = ptr(block, POP_SPIKE_IDX);
  const naiP = ptr(block, POP_NAI);
  const tileOfP = ptr(block, POP_TILE_OF);
  const tileSpikesP = ptr(block, POP_TILE_SPIKES);
  const naPerSpike = real(block, POP_NA_PER_SPIKE);
  const spikesSinceP = ptr(block, POP_SPIKES_SINCE);
  const amountsP = excitatory ? ptr(block, POP_AMOUNTS) : 0;
  let count = spikeCount;
  while (bits != 0) {
    const cell = i + ctz(bits);
    bits &= bits - 1;
    store<i32>(spikeP + (<usize>count << 2), cell);
    if (amountsP != 0) {
      const released = releaseAt(
        ptr(block, POP_RESOURCE),
        ptr(block, POP_RESOURCE_STAMP),
        cell,
        int(block, POP_STEP),
        real(block, POP_RELEASE_U),
        real(block, POP_RECOVERY_PER_STEP),
      );
      store<f32>(amountsP + (<usize>count << 2), released * real(block, POP_INV_U0));
    }
    count++;
    const naAt = naiP + (<usize>cell << 2);
    store<f32>(naAt, load<f32>(naAt) + naPerSpike);
    const countAt = spikesSinceP + (<usize>cell << 2);
    store<f32>(countAt, load<f32>(countAt) + 1.0);
    const tileAt = tileSpikesP + (<usize>load<i32>(tileOfP + (<usize>cell << 2)) << 2);
    store<f32>(tileAt, load<f32>(tileAt) + 1.0);
  }
  spikeCount = count;
}
