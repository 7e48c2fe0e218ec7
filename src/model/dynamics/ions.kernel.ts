/**
 * The per-cell part of the ion step (see ions.ts beside it for the equations and sources):
 * Na⁺/K⁺ pump activity, pump current and Na⁺ extrusion of every cell, the constant membrane
 * current gL·EL(Ko) − I_pump, and the chloride of E cells with their E_GABA. Per-tile values
 * (the pump's K⁺ factor, the leak reversals) come in precomputed; the pump's K⁺ uptake goes out
 * summed per tile.
 */
import {
  ION_BIAS,
  ION_CL,
  ION_CL_FLOOR,
  ION_CL_LOAD,
  ION_CL_RELAX,
  ION_AVAIL_SCALE,
  ION_AVAILABILITY,
  ION_BLOCK_BELOW,
  ION_E_GABA,
  ION_EXP_GAIN,
  ION_GABA_CHARGE,
  ION_GAIN_E,
  ION_DRUG_INACT_AFFINITY,
  ION_DRUG_REST_AFFINITY,
  ION_DRUG_SENSITIVITY,
  ION_GAIN_I,
  ION_GHK_INSIDE_TERM,
  ION_GHK_INV_OUTSIDE,
  ION_H_HALF_MV,
  ION_H_INV_SLOPE,
  ION_H_PER_SPIKE,
  ION_H_RATE,
  ION_N,
  ION_N_E,
  ION_NA_EXTRUSION,
  ION_NA_WORKING_E,
  ION_NA_WORKING_I,
  ION_NAI,
  ION_PUMP,
  ION_PUMP_KM_NA,
  ION_PUMP_NA_SENSITIVITY,
  ION_PUMP_REST,
  ION_PUMP_SCALE_E,
  ION_PUMP_SCALE_I,
  ION_PUMP_WORKING_E,
  ION_PUMP_WORKING_I,
  ION_RT_OVER_F_MV,
  ION_SLOW_H,
  ION_SPIKES_SINCE,
  ION_TILE_CL_EQ,
  ION_TILE_KO_FACTOR,
  ION_TILE_LEAK_E,
  ION_TILE_LEAK_I,
  ION_TILE_OF,
  ION_TILE_PUMP_SUM,
  ION_V,
  ION_G_MEMBRANE,
  ION_TILE_EK,
  ION_KNA_G_MAX,
  ION_KNA_HILL,
  ION_KNA_HILL_LN_HALF,
  ION_KNA_G_WORKING,
  ION_G_L_E,
  ION_G_L_I,
  ION_FROM,
  ION_TO,
  ION_ABOVE_REST,
  ION_DRUG_GAIN_POWER_E,
  ION_DRUG_GAIN_POWER_I,
} from '../kernels/layout';
import { vexp, vlog } from '../kernels/simd-math.kernel';

// @ts-ignore: AssemblyScript decorator
@inline
function word(block: usize, w: i32): usize {
  return block + (<usize>w << 2);
}
// @ts-ignore: AssemblyScript decorator
@inline
function ptr(block: usize, w: i32): usize {
  return <usize>load<i32>(word(block, w));
}

/** Chunks of 4 cells: all pyramidal, all interneurons, or (at most one, where n_E is not a multiple of 4) both. */
const PYRAMIDAL: i32 = 0;
const INTERNEURONS: i32 = 1;
const MIXED: i32 = 2;

/**
 * The per-cell ion step over the cells [ION_FROM, ION_TO). The loops run over whole chunks of one
 * population without lane masks, with the population's constants fixed at compile time (an
 * interneuron chunk skips the Na⁺-activated K⁺ term, which is zero for it), then a masked chunk
 * where the populations meet or the cells end. Lanes are independent, so every cell gets the same
 * bits as one loop over all cells with masks, which is what this replaced (measured: 46 µs per
 * ion step of the default sheet before).
 */
export function ionCells(block: usize): void {
  const n = load<i32>(word(block, ION_N));
  const nE = load<i32>(word(block, ION_N_E));
  // The cells of this call (threads split them at multiples of 4; one thread: 0…n).
  const from = load<i32>(word(block, ION_FROM));
  const to = load<i32>(word(block, ION_TO));
  const eEnd = to < nE ? to : nE;
  // Whole chunks of pyramidal cells, the chunk where the populations meet, whole chunks of
  // interneurons, and the last partial chunk.
  const eWholeEnd = from + (eEnd > from ? (eEnd - from) & ~3 : 0);
  const iFrom = eWholeEnd < eEnd ? eWholeEnd + 4 : eWholeEnd;
  const iWholeEnd = iFrom + (to > iFrom ? (to - iFrom) & ~3 : 0);
  const drug =
    load<f32>(word(block, ION_DRUG_REST_AFFINITY)) != 0 || load<f32>(word(block, ION_DRUG_INACT_AFFINITY)) != 0;
  pumpChunks(block, from, eWholeEnd, PYRAMIDAL, false);
  if (eWholeEnd < eEnd) pumpChunks(block, eWholeEnd, eWholeEnd + 4, MIXED, true);
  pumpChunks(block, iFrom, iWholeEnd, INTERNEURONS, false);
  if (iWholeEnd < to) pumpChunks(block, iWholeEnd, to, MIXED, true);

  // `drug` becomes a compile-time constant in each of the two copies of the gate's loops.
  if (drug) gateSegments(block, from, eWholeEnd, eEnd, iFrom, iWholeEnd, to, true);
  else gateSegments(block, from, eWholeEnd, eEnd, iFrom, iWholeEnd, to, false);

  chlorideChunks(block, from, eWholeEnd, false);
  if (eWholeEnd < eEnd) chlorideChunks(block, eWholeEnd, eEnd, true);
}

/** The gate's loops over the segments ionCells cut: pyramidal chunks, the meeting chunk, interneuron chunks, the tail. */
// @ts-ignore: AssemblyScript decorator
@inline
function gateSegments(
  block: usize,
  from: i32,
  eWholeEnd: i32,
  eEnd: i32,
  iFrom: i32,
  iWholeEnd: i32,
  to: i32,
  drug: bool,
): void {
  gateChunks(block, from, eWholeEnd, PYRAMIDAL, false, drug);
  if (eWholeEnd < eEnd) gateChunks(block, eWholeEnd, eWholeEnd + 4, MIXED, true, drug);
  gateChunks(block, iFrom, iWholeEnd, INTERNEURONS, false, drug);
  if (iWholeEnd < to) gateChunks(block, iWholeEnd, to, MIXED, true, drug);
}

/** 4 lanes of a per-tile array at the tiles t0…t3 (byte offsets). */
// @ts-ignore: AssemblyScript decorator
@inline
function gather(arrayP: usize, t0: usize, t1: usize, t2: usize, t3: usize): v128 {
  let x = f32x4.splat(load<f32>(arrayP + t0));
  x = f32x4.replace_lane(x, 1, load<f32>(arrayP + t1));
  x = f32x4.replace_lane(x, 2, load<f32>(arrayP + t2));
  return f32x4.replace_lane(x, 3, load<f32>(arrayP + t3));
}

/** Per population, a constant when `kind` is: E's value, I's, or a lane-wise choice. */
// @ts-ignore: AssemblyScript decorator
@inline
function pick(kind: i32, e: v128, i: v128, excitatory: v128): v128 {
  return kind == PYRAMIDAL ? e : kind == INTERNEURONS ? i : v128.bitselect(e, i, excitatory);
}

/** A store that leaves lanes outside the cells unchanged when `masked`. */
// @ts-ignore: AssemblyScript decorator
@inline
function put(at: usize, value: v128, masked: bool, inside: v128): void {
  v128.store(at, masked ? v128.bitselect(value, v128.load(at), inside) : value);
}

/**
 * Pump activity P = (1 + Km,K/Ko)⁻² (1 + Km,Na/Nai)⁻³ (ions.ts), with the Na⁺ it sees blended
 * towards the working state by pumpNaSensitivity. It extrudes Na⁺ in proportion to P − P_rest
 * (the silent cell's pump only balances the resting leak) and its current is counted from the
 * population's working state, P − P_working (that part is in the cell table's EL). Then the
 * Na⁺-activated K⁺ conductance of E cells and the constant membrane current.
 */
// @ts-ignore: AssemblyScript decorator
@inline
function pumpChunks(block: usize, from: i32, to: i32, kind: i32, masked: bool): void {
  const naiP = ptr(block, ION_NAI);
  const pumpP = ptr(block, ION_PUMP);
  const biasP = ptr(block, ION_BIAS);
  const tileOfP = ptr(block, ION_TILE_OF);
  const koFactorP = ptr(block, ION_TILE_KO_FACTOR);
  const leakEP = ptr(block, ION_TILE_LEAK_E);
  const leakIP = ptr(block, ION_TILE_LEAK_I);
  const pumpSumP = ptr(block, ION_TILE_PUMP_SUM);
  const n = load<i32>(word(block, ION_N));
  const nE = load<i32>(word(block, ION_N_E));
  const sensitivity = f32x4.splat(load<f32>(word(block, ION_PUMP_NA_SENSITIVITY)));
  const scaleE = f32x4.splat(load<f32>(word(block, ION_PUMP_SCALE_E)));
  const scaleI = f32x4.splat(load<f32>(word(block, ION_PUMP_SCALE_I)));
  const extrusion = f32x4.splat(load<f32>(word(block, ION_NA_EXTRUSION)));
  const pumpRest = f32x4.splat(load<f32>(word(block, ION_PUMP_REST)));
  const naWorkingE = f32x4.splat(load<f32>(word(block, ION_NA_WORKING_E)));
  const naWorkingI = f32x4.splat(load<f32>(word(block, ION_NA_WORKING_I)));
  const pumpWorkingE = f32x4.splat(load<f32>(word(block, ION_PUMP_WORKING_E)));
  const pumpWorkingI = f32x4.splat(load<f32>(word(block, ION_PUMP_WORKING_I)));
  const kmNa = f32x4.splat(load<f32>(word(block, ION_PUMP_KM_NA)));
  const gMembraneP = ptr(block, ION_G_MEMBRANE);
  const ekP = ptr(block, ION_TILE_EK);
  const kNaGMax = f32x4.splat(load<f32>(word(block, ION_KNA_G_MAX)));
  const kNaHill = f32x4.splat(load<f32>(word(block, ION_KNA_HILL)));
  const kNaHillLnHalf = f32x4.splat(load<f32>(word(block, ION_KNA_HILL_LN_HALF)));
  const kNaGWorking = f32x4.splat(load<f32>(word(block, ION_KNA_G_WORKING)));
  const gLE = f32x4.splat(load<f32>(word(block, ION_G_L_E)));
  const gLI = f32x4.splat(load<f32>(word(block, ION_G_L_I)));
  const one = f32x4.splat(1.0);
  const laneIndex = i32x4(0, 1, 2, 3);
  const nV = i32x4.splat(n);
  const nEV = i32x4.splat(nE);
  // Where the excess pump activity goes (0: into the tiles here; else per cell, for tileBalanceRows).
  const aboveP = ptr(block, ION_ABOVE_REST);

  for (let i = from; i < to; i += 4) {
    const o = <usize>i << 2;
    const lanes = i32x4.add(i32x4.splat(i), laneIndex);
    const inside = masked ? i32x4.lt_s(lanes, nV) : i32x4.splat(-1);
    const excitatory = kind == MIXED ? i32x4.lt_s(lanes, nEV) : i32x4.splat(kind == PYRAMIDAL ? -1 : 0);
    const t0 = <usize>load<i32>(tileOfP + o) << 2;
    const t1 = <usize>load<i32>(tileOfP + o, 4) << 2;
    const t2 = <usize>load<i32>(tileOfP + o, 8) << 2;
    const t3 = <usize>load<i32>(tileOfP + o, 12) << 2;
    const koFactor = gather(koFactorP, t0, t1, t2, t3);
    const leak = kind == PYRAMIDAL
      ? gather(leakEP, t0, t1, t2, t3)
      : kind == INTERNEURONS
        ? gather(leakIP, t0, t1, t2, t3)
        : v128.bitselect(gather(leakEP, t0, t1, t2, t3), gather(leakIP, t0, t1, t2, t3), excitatory);

    const nai = v128.load(naiP + o);
    const naWorking = pick(kind, naWorkingE, naWorkingI, excitatory);
    const naSeen = f32x4.add(naWorking, f32x4.mul(sensitivity, f32x4.sub(nai, naWorking)));
    const r = f32x4.div(naSeen, f32x4.add(naSeen, kmNa));
    const naFactor = f32x4.mul(f32x4.mul(r, r), r);
    const p = f32x4.mul(naFactor, koFactor);
    const aboveRest = masked ? v128.and(f32x4.sub(p, pumpRest), inside) : f32x4.sub(p, pumpRest);
    const pumpWorking = pick(kind, pumpWorkingE, pumpWorkingI, excitatory);
    const pump = f32x4.mul(pick(kind, scaleE, scaleI, excitatory), f32x4.sub(p, pumpWorking));
    put(pumpP + o, pump, masked, inside);
    put(naiP + o, f32x4.sub(nai, f32x4.mul(extrusion, aboveRest)), masked, inside);
    // Na⁺-activated K⁺ conductance of E cells, gKNa = gmax / (1 + (half/Nai)^n) (ions.ts), counted
    // from its working-state value (that part is in the cell table's gL and EL): ΔgKNa·(V − E_K)
    // enters as a conductance, gL + ΔgKNa, and a current, ΔgKNa·E_K, in the bias.
    if (kind == INTERNEURONS) {
      put(gMembraneP + o, gLI, masked, inside);
      put(biasP + o, f32x4.sub(leak, pump), masked, inside);
    } else {
      const ek = gather(ekP, t0, t1, t2, t3);
      const hill = vexp(f32x4.sub(kNaHillLnHalf, f32x4.mul(kNaHill, vlog(nai))));
      const kNa = f32x4.sub(f32x4.div(kNaGMax, f32x4.add(one, hill)), kNaGWorking);
      const dgKNa = kind == PYRAMIDAL ? kNa : v128.and(kNa, excitatory);
      const gMembrane = f32x4.add(pick(kind, gLE, gLI, excitatory), dgKNa);
      put(gMembraneP + o, gMembrane, masked, inside);
      put(biasP + o, f32x4.add(f32x4.sub(leak, pump), f32x4.mul(dgKNa, ek)), masked, inside);
    }

    if (aboveP != 0) {
      v128.store(aboveP + o, aboveRest);
    } else {
      store<f32>(pumpSumP + t0, load<f32>(pumpSumP + t0) + f32x4.extract_lane(aboveRest, 0));
      store<f32>(pumpSumP + t1, load<f32>(pumpSumP + t1) + f32x4.extract_lane(aboveRest, 1));
      store<f32>(pumpSumP + t2, load<f32>(pumpSumP + t2) + f32x4.extract_lane(aboveRest, 2));
      store<f32>(pumpSumP + t3, load<f32>(pumpSumP + t3) + f32x4.extract_lane(aboveRest, 3));
    }
  }
}

/**
 * Fast Na⁺ availability A = scale × h. The slow-inactivation gate h relaxes to h∞(V) and loses a
 * fraction with every spike (use dependence); below blockBelow the cell cannot fire
 * (depolarisation block) and its spike current is removed. Without a drug the free fraction is
 * exactly 1 and `drug` (false) leaves out its division.
 */
// @ts-ignore: AssemblyScript decorator
@inline
function gateChunks(block: usize, from: i32, to: i32, kind: i32, masked: bool, drug: bool): void {
  const hP = ptr(block, ION_SLOW_H);
  const spikesP = ptr(block, ION_SPIKES_SINCE);
  const vP = ptr(block, ION_V);
  const scaleP = ptr(block, ION_AVAIL_SCALE);
  const sensitivityP = ptr(block, ION_DRUG_SENSITIVITY);
  const availP = ptr(block, ION_AVAILABILITY);
  const gainP = ptr(block, ION_EXP_GAIN);
  const n = load<i32>(word(block, ION_N));
  const nE = load<i32>(word(block, ION_N_E));
  const hHalf = f32x4.splat(load<f32>(word(block, ION_H_HALF_MV)));
  const hInvSlope = f32x4.splat(load<f32>(word(block, ION_H_INV_SLOPE)));
  const hRate = f32x4.splat(load<f32>(word(block, ION_H_RATE)));
  const hPerSpike = f32x4.splat(load<f32>(word(block, ION_H_PER_SPIKE)));
  const blockBelow = f32x4.splat(load<f32>(word(block, ION_BLOCK_BELOW)));
  const gainE = f32x4.splat(load<f32>(word(block, ION_GAIN_E)));
  const gainI = f32x4.splat(load<f32>(word(block, ION_GAIN_I)));
  const drugRest = f32x4.splat(load<f32>(word(block, ION_DRUG_REST_AFFINITY)));
  const drugInact = f32x4.splat(load<f32>(word(block, ION_DRUG_INACT_AFFINITY)));
  const powerE = f32x4.splat(load<f32>(word(block, ION_DRUG_GAIN_POWER_E)));
  const powerI = f32x4.splat(load<f32>(word(block, ION_DRUG_GAIN_POWER_I)));
  const zeroV = f32x4.splat(0.0);
  const one = f32x4.splat(1.0);
  const laneIndex = i32x4(0, 1, 2, 3);
  const nV = i32x4.splat(n);
  const nEV = i32x4.splat(nE);
  for (let i = from; i < to; i += 4) {
    const o = <usize>i << 2;
    const lanes = i32x4.add(i32x4.splat(i), laneIndex);
    const inside = masked ? i32x4.lt_s(lanes, nV) : i32x4.splat(-1);
    const excitatory = kind == MIXED ? i32x4.lt_s(lanes, nEV) : i32x4.splat(kind == PYRAMIDAL ? -1 : 0);
    const v = v128.load(vP + o);
    const h = v128.load(hP + o);
    const spikes = v128.load(spikesP + o);
    const hInf = f32x4.div(one, f32x4.add(one, vexp(f32x4.mul(f32x4.sub(v, hHalf), hInvSlope))));
    let hNext = f32x4.add(h, f32x4.mul(hRate, f32x4.sub(hInf, h)));
    hNext = f32x4.sub(hNext, f32x4.mul(f32x4.mul(hPerSpike, spikes), hNext));
    hNext = f32x4.pmax(hNext, zeroV);
    // Drug bound to the channels, weighted by their state: blockers of the phenytoin class bind
    // inactivated channels far more tightly than resting ones (Kuo 1998), so the block deepens
    // with depolarisation and with firing. Without a drug the free fraction is exactly 1 and this
    // part is left out. The cell's sensitivity scales the binding (SODIUM_BLOCKER's factor in
    // interneurons, lesionBlockerBinding in a lesion's pyramidal cells, else 1).
    let availability = f32x4.mul(v128.load(scaleP + o), hNext);
    let gainFactor = availability;
    if (drug) {
      const bound = f32x4.add(f32x4.mul(hNext, drugRest), f32x4.mul(f32x4.sub(one, hNext), drugInact));
      const x = f32x4.mul(v128.load(sensitivityP + o), bound);
      const free = f32x4.div(one, f32x4.add(one, x));
      availability = f32x4.mul(availability, free);
      // The drug-bound channels raise the threshold by kₐ·ln(1/free) (availability.ts): free^power
      // on top of the A the gain already has. With power 0 the factor is exp(0) = 1 exactly.
      gainFactor = f32x4.mul(availability, vexp(f32x4.mul(pick(kind, powerE, powerI, excitatory), vlog(free))));
    }
    const firing = f32x4.ge(availability, blockBelow);
    const gain = v128.and(f32x4.mul(pick(kind, gainE, gainI, excitatory), gainFactor), firing);
    put(hP + o, hNext, masked, inside);
    put(spikesP + o, zeroV, masked, inside);
    put(availP + o, availability, masked, inside);
    put(gainP + o, gain, masked, inside);
  }
}

/** The chloride of E cells and their E_GABA, from the Goldman equation with bicarbonate (constants: dynamics/physics.ts). */
// @ts-ignore: AssemblyScript decorator
@inline
function chlorideChunks(block: usize, from: i32, to: i32, masked: bool): void {
  const tileOfP = ptr(block, ION_TILE_OF);
  const clP = ptr(block, ION_CL);
  const chargeP = ptr(block, ION_GABA_CHARGE);
  const eGabaP = ptr(block, ION_E_GABA);
  const nEV = i32x4.splat(load<i32>(word(block, ION_N_E)));
  const laneIndex = i32x4(0, 1, 2, 3);
  const clLoad = f32x4.splat(load<f32>(word(block, ION_CL_LOAD)));
  const clRelax = f32x4.splat(load<f32>(word(block, ION_CL_RELAX)));
  const clEqP = ptr(block, ION_TILE_CL_EQ);
  const clFloor = f32x4.splat(load<f32>(word(block, ION_CL_FLOOR)));
  const rtOverF = f32x4.splat(load<f32>(word(block, ION_RT_OVER_F_MV)));
  const ghkInside = f32x4.splat(load<f32>(word(block, ION_GHK_INSIDE_TERM)));
  const ghkInvOutside = f32x4.splat(load<f32>(word(block, ION_GHK_INV_OUTSIDE)));
  const zero = f32x4.splat(0.0);
  for (let i = from; i < to; i += 4) {
    const o = <usize>i << 2;
    const inside = masked ? i32x4.lt_s(i32x4.add(i32x4.splat(i), laneIndex), nEV) : i32x4.splat(-1);
    const clEq = gather(
      clEqP,
      <usize>load<i32>(tileOfP + o) << 2,
      <usize>load<i32>(tileOfP + o, 4) << 2,
      <usize>load<i32>(tileOfP + o, 8) << 2,
      <usize>load<i32>(tileOfP + o, 12) << 2,
    );
    const cl = v128.load(clP + o);
    const charge = v128.load(chargeP + o);
    let next = f32x4.sub(f32x4.add(cl, f32x4.mul(clLoad, charge)), f32x4.mul(clRelax, f32x4.sub(cl, clEq)));
    // [Cl⁻]i cannot fall below the floor: an efflux larger than the content is not physical.
    next = f32x4.pmax(next, clFloor);
    put(clP + o, next, masked, inside);
    put(chargeP + o, zero, masked, inside);
    const ratio = f32x4.mul(f32x4.add(next, ghkInside), ghkInvOutside);
    put(eGabaP + o, f32x4.mul(rtOverF, vlog(ratio)), masked, inside);
  }
}
