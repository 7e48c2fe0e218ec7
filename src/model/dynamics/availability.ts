/**
 * Fast sodium-channel availability A (docs/model.md §2 and §5): the fraction of fast Na⁺ channels that
 * can open, which scales the spike-initiation current gL·ΔT·A·exp((V − VT)/ΔT).
 *
 *   A = genetic factor × h × (1 − drug block)
 *
 * h is a slow-inactivation gate: it relaxes towards h∞(V) and loses a fraction of itself with
 * every spike (use dependence), so that sustained depolarisation and fast firing both reduce it.
 * The genetic factor is `scn1a` on interneurons (Nav1.1; Yu 2006) and 1 on pyramidal cells; the
 * drug-bound fraction depends on the gate (setSodiumChannelDrug). A cell whose A falls below BLOCK_BELOW cannot fire:
 * depolarisation block, which is how halved interneuron sodium current (Dravet syndrome) silences
 * inhibition exactly when the network is most active.
 *
 * The gate runs on the ion step (kernel ionCells); this file holds its constants and the
 * per-cell factor outside it.
 */

import {
  ION_DRUG_GAIN_POWER_E,
  ION_DRUG_GAIN_POWER_I,
  ION_DRUG_INACT_AFFINITY,
  ION_DRUG_REST_AFFINITY,
} from '../kernels/layout.ts';
import type { Network } from '../sheet/network.ts';
import { EXCITATORY, INHIBITORY } from './cells.ts';
import type { NetworkState } from './state.ts';

export interface SlowInactivation {
  /** h∞(V) = 1 / (1 + exp((V − halfMv)/slopeMv)). */
  halfMv: number;
  slopeMv: number;
  tauMs: number;
  /** Fraction of h lost per spike. */
  perSpike: number;
  /** Below this availability a cell cannot fire. */
  blockBelow: number;
}

/**
 * Slow inactivation of cortical Na⁺ channels builds up over hundreds of milliseconds of
 * depolarisation or repetitive firing and recovers on a similar time scale (Fleidervish, Friedman
 * & Gutnick 1996); τ = 300 ms. Half-point −40 mV, slope 3 mV: above the voltages a firing cell
 * visits between spikes, so that h ≈ 1 there, but reached by a cell held depolarised. 6.7 % per
 * spike: at its ordinary 15–20 Hz an interneuron keeps A ≈ 0.7–0.8, an interneuron with halved
 * Nav1.1 (A ≈ 0.35–0.4) sits just above the block level, and tips over when the network pushes it
 * (Dravet: interneurons fail when firing is most needed; Yu 2006). Healthy interneurons block only
 * above ~120 Hz or when held depolarised by raised K⁺.
 */
export const SLOW_INACTIVATION: SlowInactivation = {
  halfMv: -40,
  slopeMv: 3,
  tauMs: 300,
  perSpike: 0.067,
  blockBelow: 0.3,
};

/**
 * How a sodium-channel blocker acts beyond removing channels (docs/model.md §2, "Blockers").
 *
 * - thresholdSlopeMv, kₐ: a conductance-based cell's spike threshold rises by kₐ·ln(1/f) when
 *   only a fraction f of its Na⁺ channels can open (Platkiewicz & Brette 2010, 2011), kₐ the
 *   Boltzmann slope of Na⁺ activation: about 6 mV for central Nav channels (the values Angelino &
 *   Brenner 2007 compiled, in Platkiewicz & Brette 2010, Fig. 3D; their own model used 3.4 mV);
 *   6 mV here. The AdEx spike term, whose
 *   gain is proportional to A, moves the threshold by only ΔT·ln(1/A): 1.4 mV for a pyramidal
 *   cell whose channels are half bound, 0.35 mV for an interneuron (ΔT 2 and 0.5 mV). So the
 *   drug-free fraction enters the gain as free^(kₐ/ΔT): the threshold moves by kₐ·ln(1/free)
 *   for both populations. The slow gate h keeps the AdEx law (VT and ΔT were fitted with it).
 * - interneuronBinding: fast-spiking interneurons' Na⁺ channels recover from inactivation
 *   faster and accumulate less inactivation in trains than pyramidal cells' (Martina & Jonas
 *   1997), so a blocker that binds inactivated channels accumulates less in them. Their binding
 *   is scaled by 0.3, chosen (no measurement gives the factor): at 0.3 lamotrigine at the
 *   standard regimen leaves the interneurons of a disinhibited sheet firing (26–33 Hz, 32 × 32,
 *   gaba 0.45–0.65), where at 1 it put every one of them into depolarisation block (E 18 Hz,
 *   I 0 Hz: the old "intermediate state", docs/notes/real-seizures.md §16–§17), and interneurons
 *   with halved Nav1.1 (Dravet) still fail on it.
 */
export const SODIUM_BLOCKER = {
  thresholdSlopeMv: 6,
  interneuronBinding: 0.3,
} as const;

/** The gain's power on the drug-free fraction, kₐ/ΔT − 1, per population (the gain already has A). */
export function blockerGainPower(deltaTMv: number, thresholdSlopeMv = SODIUM_BLOCKER.thresholdSlopeMv): number {
  return thresholdSlopeMv / deltaTMv - 1;
}

/** Every channel available at the start: h = 1, factor 1, A = 1, full drug sensitivity (parameters and a lesion then set the factors). */
export function initAvailability(s: NetworkState): void {
  s.naSlowGate.fill(1);
  s.naAvailScale.fill(1);
  s.naDrugSensitivity.fill(1);
  s.naAvailability.fill(1);
}

/** The genetic factor of A per cell: `scn1a` on interneurons, 1 on pyramidal cells. */
export function setAvailabilityScale(net: Network, s: NetworkState, scn1a: number): void {
  s.naAvailScale.fill(1, 0, net.nE);
  s.naAvailScale.fill(scn1a, net.nE, net.n);
}

/**
 * A sodium-channel blocker at brain unbound concentration C: the drug-bound fraction of a cell's
 * channels is x/(1 + x), x = h·C/Kd,rest + (1 − h)·C/Kd,inactivated, so that block grows as
 * channels inactivate (depolarisation, fast firing). Pass 0 and 0 without a drug.
 */
export function setSodiumChannelDrug(s: NetworkState, restAffinity: number, inactivatedAffinity: number): void {
  if (!(restAffinity >= 0 && inactivatedAffinity >= 0)) {
    throw new RangeError(`sodium-channel drug affinities must be ≥ 0, got ${restAffinity} and ${inactivatedAffinity}`);
  }
  s.blockIons.setReal(ION_DRUG_REST_AFFINITY, restAffinity);
  s.blockIons.setReal(ION_DRUG_INACT_AFFINITY, inactivatedAffinity);
  s.blockIons.setReal(ION_DRUG_GAIN_POWER_E, blockerGainPower(EXCITATORY.deltaTMv));
  s.blockIons.setReal(ION_DRUG_GAIN_POWER_I, blockerGainPower(INHIBITORY.deltaTMv));
}

/**
 * A and the spike gain from the current gate, factor and drug, without advancing the gate: used
 * when the network is built, when parameters change, and when ions are clamped. The arithmetic is
 * the kernel's, in f32 (Math.fround), so both give the same bits.
 */
export function refreshSpikeGain(net: Network, s: NetworkState, gate: SlowInactivation): void {
  const f = Math.fround;
  const gainE = f(EXCITATORY.gLNs * EXCITATORY.deltaTMv);
  const gainI = f(INHIBITORY.gLNs * INHIBITORY.deltaTMv);
  const blockBelow = f(gate.blockBelow);
  const cR = s.blockIons.getReal(ION_DRUG_REST_AFFINITY);
  const cI = s.blockIons.getReal(ION_DRUG_INACT_AFFINITY);
  const powerE = s.blockIons.getReal(ION_DRUG_GAIN_POWER_E);
  const powerI = s.blockIons.getReal(ION_DRUG_GAIN_POWER_I);
  const drug = cR !== 0 || cI !== 0;
  for (let i = 0; i < net.n; i++) {
    const h = s.naSlowGate[i];
    let a = f(s.naAvailScale[i] * h);
    let gainFactor = a;
    if (drug) {
      const x = f(s.naDrugSensitivity[i] * f(f(h * cR) + f(f(1 - h) * cI)));
      const free = f(1 / f(1 + x));
      a = f(a * free);
      const power = i < net.nE ? powerE : powerI;
      gainFactor = f(a * s.kernels.expScalar(f(power * s.kernels.logScalar(free))));
    }
    s.naAvailability[i] = a;
    s.expGainPa[i] = a >= blockBelow ? f((i < net.nE ? gainE : gainI) * gainFactor) : 0;
  }
}
