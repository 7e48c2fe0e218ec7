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

import { ION_DRUG_INACT_AFFINITY, ION_DRUG_REST_AFFINITY } from '../kernels/layout.ts';
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
  for (let i = 0; i < net.n; i++) {
    const h = s.naSlowGate[i];
    const x = f(s.naDrugSensitivity[i] * f(f(h * cR) + f(f(1 - h) * cI)));
    const free = f(1 / f(1 + x));
    const a = f(f(s.naAvailScale[i] * h) * free);
    s.naAvailability[i] = a;
    s.expGainPa[i] = a >= blockBelow ? (i < net.nE ? gainE : gainI) * a : 0;
  }
}
