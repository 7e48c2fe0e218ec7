/**
 * The single-cell reference protocol (docs/model.md §2): one isolated E or I cell with A = 1, no
 * synapses, no pump, ions at rest (EL from the table), and a current step I_ext from t = 0.
 *
 *   C dV/dt  = −gL (V − EL) + gL ΔT exp((V − VT)/ΔT) + I_NaP − w + I_ext
 *   τw dw/dt = a (V − EL) − w
 *   I_NaP    = −gNaP m∞(V) (V − ENa),  gNaP = gNapRatio · gL,  ENa = +50 mV
 *   spike when V ≥ VT + 5 ΔT: V → Vreset, w → w + b, V held for tRef (w keeps integrating)
 *
 * The F–I curve of the page (fi-curve.ts) runs the same protocol with the network's fast-Na⁺
 * availability A (`sodium`: the genetic factor, a sodium-channel blocker and the slow
 * inactivation gate, as in dynamics/availability.ts) and the network's persistent-sodium block;
 * without them A = 1 and the protocol is the one compared with Brian2.
 *
 * Forward Euler in float64 with Math.exp, V = EL and w = 0 at t = 0. The network kernel runs the
 * same update in f32 over thousands of cells; this one is written for exactness, so that its
 * spike times can be compared with Brian2 running the same equations (tests/reference/).
 *
 * Clock conventions are Brian2's, which the network kernel also follows, so that the three agree
 * step for step:
 *  - step k integrates from t_k = k·dt to t_{k+1}; both V and w are advanced from their values at
 *    t_k (explicit Euler), then the threshold is tested, then the reset is applied;
 *  - a spike found in step k is dated t_k (Brian2's SpikeMonitor records the step's start time);
 *  - after a spike in step k, V is not integrated in steps k+1 … k+R−1 and integrates again in
 *    step k+R, with R = timestep(tRef) (Brian2: `not_refractory = timestep(t − lastspike, dt) >=
 *    timestep(refractory, dt)`, where timestep(x) = ⌊(x + 10⁻³ dt)/dt⌋). For the table's tRef
 *    (1 and 2 ms) and any dt that divides it, R = tRef/dt exactly.
 */
import type { SlowInactivation } from '../dynamics/availability.ts';
import { type CellType, EXCITATORY, INHIBITORY, spikeCutMv } from '../dynamics/cells.ts';
import { E_NA_MV, napActivation } from '../dynamics/physics.ts';

export type ReferenceCellType = 'E' | 'I';

export interface ReferenceNeuronInput {
  type: ReferenceCellType;
  /** The current step I_ext, on from t = 0. */
  currentPa: number;
  durationMs: number;
  dtMs: number;
  /** gNaP / gL (docs/model.md §5 `gNapRatio`). */
  gNapRatio: number;
  /** Keep V and w every this many steps (0 or absent: no trace). Sample j is at t = j·every·dt. */
  traceEverySteps?: number;
  /** The network's fast-Na⁺ availability; absent: A = 1 (the reference protocol). */
  sodium?: ReferenceSodium;
  /** Fraction of the persistent sodium current blocked by drugs (0…1; absent: 0). */
  napBlock?: number;
}

/**
 * Fast-Na⁺ availability as the network has it (docs/model.md §2, §5; dynamics/availability.ts):
 * A = scale × h / (1 + x), x = h·restAffinity + (1 − h)·inactivatedAffinity, the spike current
 * scaled by A and removed while A < gate.blockBelow (depolarisation block). The gate h starts at
 * 1 and is updated every ionStepMs: it relaxes towards h∞(V) with gate.tauMs and loses
 * gate.perSpike of itself per spike since the last update.
 */
export interface ReferenceSodium {
  /** The genetic factor: `scn1a` on interneurons, 1 on pyramidal cells. */
  scale: number;
  /** A sodium-channel blocker's brain level over its dissociation constants (0 and 0: none). */
  restAffinity: number;
  inactivatedAffinity: number;
  gate: SlowInactivation;
  ionStepMs: number;
}

export interface ReferenceNeuronResult {
  spikeTimesMs: number[];
  /** Steps taken: round(durationMs / dtMs). */
  steps: number;
  /** V and w at t = j·traceEverySteps·dt for j = 0, 1, …, including t = 0 (empty without trace). */
  traceVMv: Float64Array;
  traceWPa: Float64Array;
}

/**
 * The protocol's default step and duration: the step of the comparison with other simulators
 * (docs/model.md §2) and one second of current. The `neuron` command and the page's F–I curves
 * both use them.
 */
export const REFERENCE_DEFAULT_DT_MS = 0.01;
export const REFERENCE_DEFAULT_DURATION_MS = 1000;

/** Input limits; outside them the Euler update is unstable or the run pointlessly long. */
export const REFERENCE_DT_MIN_MS = 0.001;
/** Same bound as the network's `dtMs`: the I cells' exponential term (ΔT = 0.5 mV) needs dt ≤ 0.2 ms. */
export const REFERENCE_DT_MAX_MS = 0.2;
export const REFERENCE_DURATION_MAX_MS = 600_000;
/** 10 nA: far above any rheobase of the table's cells. */
export const REFERENCE_CURRENT_MAX_PA = 10_000;

export function cellOfType(type: ReferenceCellType): CellType {
  return type === 'E' ? EXCITATORY : INHIBITORY;
}

/** Brian2's timestep(): the number of whole steps in x, robust to x/dt landing just below an integer. */
export function wholeSteps(xMs: number, dtMs: number): number {
  return Math.floor((xMs + 1e-3 * dtMs) / dtMs);
}

function checkInput(input: ReferenceNeuronInput): void {
  const { currentPa, durationMs, dtMs, gNapRatio } = input;
  if (input.type !== 'E' && input.type !== 'I') throw new RangeError(`type must be "E" or "I", got ${input.type}`);
  if (!Number.isFinite(dtMs) || dtMs < REFERENCE_DT_MIN_MS || dtMs > REFERENCE_DT_MAX_MS) {
    throw new RangeError(`dtMs must be in ${REFERENCE_DT_MIN_MS}…${REFERENCE_DT_MAX_MS} ms, got ${dtMs}`);
  }
  if (!Number.isFinite(durationMs) || durationMs <= 0 || durationMs > REFERENCE_DURATION_MAX_MS) {
    throw new RangeError(`durationMs must be in (0, ${REFERENCE_DURATION_MAX_MS}] ms, got ${durationMs}`);
  }
  if (!Number.isFinite(currentPa) || Math.abs(currentPa) > REFERENCE_CURRENT_MAX_PA) {
    throw new RangeError(
      `currentPa must be in −${REFERENCE_CURRENT_MAX_PA}…${REFERENCE_CURRENT_MAX_PA} pA, got ${currentPa}`,
    );
  }
  if (!Number.isFinite(gNapRatio) || gNapRatio < 0 || gNapRatio > 1) {
    throw new RangeError(`gNapRatio must be in 0…1, got ${gNapRatio}`);
  }
  const napBlock = input.napBlock ?? 0;
  if (!(napBlock >= 0 && napBlock <= 1)) throw new RangeError(`napBlock must be in 0…1, got ${napBlock}`);
  const sodium = input.sodium;
  if (sodium) {
    const { scale, restAffinity, inactivatedAffinity, ionStepMs } = sodium;
    if (!(scale >= 0 && scale <= 1)) throw new RangeError(`the sodium scale must be in 0…1, got ${scale}`);
    if (!(restAffinity >= 0 && inactivatedAffinity >= 0)) {
      throw new RangeError(`drug affinities must be ≥ 0, got ${restAffinity} and ${inactivatedAffinity}`);
    }
    if (!(ionStepMs >= dtMs)) throw new RangeError(`the ion step must be at least dt, got ${ionStepMs} ms`);
  }
}

/** A = scale × h × the drug-free fraction of the channels. */
function availability(sodium: ReferenceSodium, h: number): number {
  const x = h * sodium.restAffinity + (1 - h) * sodium.inactivatedAffinity;
  return (sodium.scale * h) / (1 + x);
}

/** Run the reference protocol. Throws RangeError for inputs outside the limits above. */
export function simulateReferenceNeuron(input: ReferenceNeuronInput): ReferenceNeuronResult {
  checkInput(input);
  const cell = cellOfType(input.type);
  const dtMs = input.dtMs;
  const steps = Math.round(input.durationMs / dtMs);
  const { cPf, gLNs, eLMv, vTMv, deltaTMv, tauWMs, aNs, bPa, vResetMv } = cell;
  const gNapNs = input.gNapRatio * (1 - (input.napBlock ?? 0)) * gLNs;
  const sodium = input.sodium;
  const gate = sodium?.gate;
  const ionEvery = sodium ? Math.max(1, Math.round(sodium.ionStepMs / dtMs)) : 0;
  const gateRate = sodium && gate ? (ionEvery * dtMs) / gate.tauMs : 0;
  /** The gate, the spikes since its last update, and the spike current's gain gL·ΔT·A. */
  let h = 1;
  let spikesSinceGate = 0;
  const spikeGainPa = gLNs * deltaTMv;
  let gainPa = spikeGainPa;
  if (sodium && gate) {
    const a = availability(sodium, h);
    gainPa = a >= gate.blockBelow ? spikeGainPa * a : 0;
  }
  const iExtPa = input.currentPa;
  const vCutMv = spikeCutMv(cell);
  const refractorySteps = wholeSteps(cell.tRefMs, dtMs);
  const every = input.traceEverySteps ?? 0;
  const samples = every > 0 ? Math.floor(steps / every) + 1 : 0;
  const traceVMv = new Float64Array(samples);
  const traceWPa = new Float64Array(samples);

  const spikeTimesMs: number[] = [];
  let vMv = eLMv;
  let wPa = 0;
  /** First step at which V integrates again (Brian2's not_refractory). */
  let integrateFromStep = 0;
  if (samples > 0) {
    traceVMv[0] = vMv;
    traceWPa[0] = wPa;
  }
  for (let k = 0; k < steps; k++) {
    const iNapPa = -gNapNs * napActivation(vMv) * (vMv - E_NA_MV);
    // As in the network's kernel: the argument is capped at the cut (a cell in depolarisation
    // block may sit above it; otherwise V is always below it here), and a cell fires only while it
    // has a spike current.
    const dvdt =
      (-gLNs * (vMv - eLMv) + gainPa * Math.exp((Math.min(vMv, vCutMv) - vTMv) / deltaTMv) + iNapPa - wPa + iExtPa) /
      cPf;
    const dwdt = (aNs * (vMv - eLMv) - wPa) / tauWMs;
    let vNextMv = k >= integrateFromStep ? vMv + dtMs * dvdt : vMv;
    wPa += dtMs * dwdt;
    if (vNextMv >= vCutMv && gainPa > 0) {
      // Rounded to 1 ps so that t_k prints as the grid time it is (k·dt carries float noise in
      // its last digits); every allowed dt is a multiple of 1 ps, so nothing else changes.
      spikeTimesMs.push(Math.round(k * dtMs * 1e9) / 1e9);
      vNextMv = vResetMv;
      wPa += bPa;
      integrateFromStep = k + refractorySteps;
      spikesSinceGate++;
    }
    vMv = vNextMv;
    if (sodium && gate && (k + 1) % ionEvery === 0) {
      const hInf = 1 / (1 + Math.exp((vMv - gate.halfMv) / gate.slopeMv));
      h += gateRate * (hInf - h);
      h = Math.max(0, h - gate.perSpike * spikesSinceGate * h);
      spikesSinceGate = 0;
      const a = availability(sodium, h);
      gainPa = a >= gate.blockBelow ? spikeGainPa * a : 0;
    }
    if (every > 0 && (k + 1) % every === 0) {
      traceVMv[(k + 1) / every] = vMv;
      traceWPa[(k + 1) / every] = wPa;
    }
  }
  return { spikeTimesMs, steps, traceVMv, traceWPa };
}

export interface RheobaseInput {
  type: ReferenceCellType;
  gNapRatio: number;
  /** A current counts as suprathreshold if it gives at least one spike within this time. */
  durationMs: number;
  dtMs: number;
  /** Bisection stops when the bracket is narrower than this. */
  tolerancePa?: number;
  /** As in ReferenceNeuronInput: the network's Na⁺ availability and persistent-sodium block. */
  sodium?: ReferenceSodium;
  napBlock?: number;
}

export interface RheobaseResult {
  /** Lowest current found to spike (upper end of the final bracket). */
  rheobasePa: number;
  /** Highest current found not to spike (lower end of the final bracket). */
  belowPa: number;
}

function spikes(type: ReferenceCellType, currentPa: number, input: RheobaseInput): boolean {
  const r = simulateReferenceNeuron({
    type,
    currentPa,
    durationMs: input.durationMs,
    dtMs: input.dtMs,
    gNapRatio: input.gNapRatio,
    sodium: input.sodium,
    napBlock: input.napBlock,
  });
  return r.spikeTimesMs.length > 0;
}

/**
 * Rheobase by bisection on I_ext: the smallest step current that makes the cell spike within
 * `durationMs`. The bracket starts at [0, gL·(VT − EL)] (the leak current at VT, a first guess
 * of the right size) and its top doubles until it spikes.
 * A cell that spikes with no current at all has no positive rheobase: RangeError.
 */
export function findRheobase(input: RheobaseInput): RheobaseResult {
  const cell = cellOfType(input.type);
  const tolerancePa = input.tolerancePa ?? 0.1;
  if (!(tolerancePa > 0)) throw new RangeError(`tolerancePa must be positive, got ${tolerancePa}`);
  let lo = 0;
  if (spikes(input.type, lo, input)) {
    throw new RangeError(`the ${input.type} cell fires without input at gNapRatio ${input.gNapRatio}`);
  }
  let hi = cell.gLNs * (cell.vTMv - cell.eLMv);
  while (!spikes(input.type, hi, input)) {
    lo = hi;
    hi *= 2;
    if (hi > REFERENCE_CURRENT_MAX_PA) throw new RangeError(`no spike below ${REFERENCE_CURRENT_MAX_PA} pA`);
  }
  while (hi - lo > tolerancePa) {
    const mid = 0.5 * (lo + hi);
    if (spikes(input.type, mid, input)) hi = mid;
    else lo = mid;
  }
  return { rheobasePa: hi, belowPa: lo };
}
