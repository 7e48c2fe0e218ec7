/**
 * Fast sodium-channel availability A (MODEL.md §2 and §5): the fraction of fast Na⁺ channels that
 * can open, which scales the spike-initiation current gL·ΔT·A·exp((V − VT)/ΔT).
 *
 *   A = genetic factor × h × (1 − drug block)
 *
 * h is a slow-inactivation gate: it relaxes towards h∞(V) and loses a fraction of itself with
 * every spike (use dependence), so that sustained depolarisation and fast firing both reduce it.
 * The genetic factor is `scn1a` on interneurons (Nav1.1; Yu 2006) and 1 on pyramidal cells; drug
 * block arrives with the pharmacology. A cell whose A falls below BLOCK_BELOW cannot fire:
 * depolarisation block, which is how halved interneuron sodium current (Dravet syndrome) silences
 * inhibition exactly when the network is most active.
 *
 * The gate runs on the ion step (kernel ionCells); this file holds its constants and the
 * per-cell factor outside it.
 */
import { EXCITATORY, INHIBITORY } from './cells.ts';
import type { Network } from './network.ts';
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

/** Per-cell factor genetic × (1 − drug block); `drugBlock` is per population (0 when no drug). */
export function setAvailabilityScale(
  net: Network,
  s: NetworkState,
  scn1a: number,
  drugBlockE = 0,
  drugBlockI = 0,
): void {
  s.naAvailScale.fill(1 - drugBlockE, 0, net.nE);
  s.naAvailScale.fill(scn1a * (1 - drugBlockI), net.nE, net.n);
}

/**
 * A and the spike gain from the current gate and factor, without advancing the gate: used when
 * the network is built, when parameters change, and when ions are clamped.
 */
export function refreshSpikeGain(net: Network, s: NetworkState, gate: SlowInactivation): void {
  const gainE = EXCITATORY.gLNs * EXCITATORY.deltaTMv;
  const gainI = INHIBITORY.gLNs * INHIBITORY.deltaTMv;
  for (let i = 0; i < net.n; i++) {
    const a = s.naAvailScale[i] * s.naSlowGate[i];
    s.naAvailability[i] = a;
    s.expGainPa[i] = a >= gate.blockBelow ? (i < net.nE ? gainE : gainI) * a : 0;
  }
}
