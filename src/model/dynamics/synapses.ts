/**
 * Synapses (docs/model.md §3): conductance-based single-exponential AMPA, NMDA (Mg²⁺ block) and
 * GABA_A, axonal delays through ring buffers, and Tsodyks–Markram short-term depression of
 * excitatory terminals.
 *
 * A spike of cell i at step t with delay d is written into ring slot (t + d + 1) mod D and reaches
 * the target's conductance at the start of step t + d + 1, i.e. it first acts on the membrane
 * update of that step. That is Brian2's schedule (state update, threshold, synaptic effect), so
 * that a delay of d steps means the same thing in both.
 */
import type { ParamBlock } from '../kernels/kernels.ts';
import {
  PROP_BASE_OFFSET,
  PROP_EVENTS,
  PROP_INV_U0,
  PROP_N_E,
  PROP_OUT_OFFSET,
  PROP_OUT_START,
  PROP_RECOVERY_PER_STEP,
  PROP_RELEASE_U,
  PROP_RESOURCE,
  PROP_RESOURCE_STAMP,
  PROP_RING_E,
  PROP_RING_I,
  PROP_RING_SIZE,
  PROP_SPIKE_COUNT,
  PROP_SPIKE_IDX,
  PROP_STEP,
} from '../kernels/layout.ts';
import type { Network } from '../sheet/network.ts';
import type { NetworkState } from './state.ts';

/**
 * Decay time constants (docs/model.md §3). AMPA and NMDA reverse at 0 mV, so the kernel writes
 * their current as g·V.
 */
export const TAU_AMPA_MS = 5;
export const TAU_NMDA_MS = 100;
export const TAU_GABA_MS = 8;
/** GABA_A reversal on interneurons (docs/model.md §3: −75 mV on I cells, not dynamic). */
export const E_GABA_INHIBITORY_MV = -75;

/**
 * Tsodyks–Markram depression of E terminals: each spike releases U·x of the resource, which
 * recovers to 1 with τrec. U = 0.2 and τrec = 800 ms lie in the ranges fitted to neocortical
 * pyramidal synapses (Markram, Wang & Tsodyks 1998: U 0.1–0.9, τrec 0.1–1.5 s; docs/model.md §3:
 * τrec 0.5–2 s). Weights below are the conductance jump of a release at full resource, U·1.
 */
export const RELEASE_U = 0.2;
export const RESOURCE_TAU_MS = 800;

/**
 * Peak conductance jumps at rest (nS), chosen so that the default network sits in an
 * asynchronous irregular state (docs/model.md §7, behaviour 1) — docs/model.md leaves the weights to us.
 * Tuned with `npm run sim -- run` sweeps; see README "Model in brief".
 */
export interface SynapticWeights {
  /** Tsodyks–Markram release fraction U and resource recovery time of E terminals. */
  releaseU: number;
  resourceTauMs: number;
  ampaOntoENs: number;
  ampaOntoINs: number;
  /** NMDA peak as a fraction of the AMPA peak of the same synapse. */
  nmdaToAmpa: number;
  gabaOntoENs: number;
  gabaOntoINs: number;
  /** Background Poisson drive: total rate per cell at drive = 1, and its AMPA jump. */
  backgroundRateHz: number;
  backgroundOntoENs: number;
  backgroundOntoINs: number;
}

export const SYNAPTIC_WEIGHTS: SynapticWeights = {
  releaseU: RELEASE_U,
  resourceTauMs: RESOURCE_TAU_MS,
  ampaOntoENs: 5,
  ampaOntoINs: 2,
  nmdaToAmpa: 0.15,
  gabaOntoENs: 10,
  gabaOntoINs: 3,
  backgroundRateHz: 800,
  // 2.1 nS until the ion dynamics of issue 12: the old pump held healthy E cells ~130 pA below
  // their table EL (about twice the charge their Na⁺ carried); the charge-consistent pump counted
  // from the working state does not, so E background was lowered to keep healthy E at ~8 Hz
  // (48 × 48: 10.5 Hz at 2.1 nS, 8.0 Hz at 1.9 nS).
  backgroundOntoENs: 1.9,
  backgroundOntoINs: 0.8,
};

/** Every terminal's resource full at the start (x = 1). */
export function initResources(s: NetworkState): void {
  s.resource.fill(1);
}

/** Fill the constant part of the propagation block. */
export function configurePropagation(
  net: Network,
  s: NetworkState,
  block: ParamBlock,
  dtMs: number,
  w: SynapticWeights,
): void {
  block.setPointer(PROP_SPIKE_IDX, s.spikeIdx);
  block.setPointer(PROP_OUT_START, s.outStart);
  block.setPointer(PROP_OUT_OFFSET, s.outOffset);
  block.setPointer(PROP_RING_E, s.ringE);
  block.setPointer(PROP_RING_I, s.ringI);
  block.setPointer(PROP_RESOURCE, s.resource);
  block.setPointer(PROP_RESOURCE_STAMP, s.resourceStampStep);
  block.setInt(PROP_N_E, net.nE);
  block.setInt(PROP_RING_SIZE, s.ringSlots * s.ringStride);
  block.setReal(PROP_INV_U0, 1 / w.releaseU);
  block.setReal(PROP_RECOVERY_PER_STEP, dtMs / w.resourceTauMs);
  block.setReal(PROP_RELEASE_U, w.releaseU);
}

/** Release probability U of E terminals (levetiracetam lowers it; docs/model.md §6). */
export function setReleaseU(block: ParamBlock, releaseU: number): void {
  block.setReal(PROP_RELEASE_U, releaseU);
}

/**
 * Write the spikes of this step (s.spikeIdx) into the delay rings: the kernel `propagate`.
 * E spikes carry U·x/U0 of a full release (their resource is updated lazily at each spike);
 * I spikes carry 1. Returns the number of synaptic events written.
 */
export function propagateSpikes(s: NetworkState, block: ParamBlock): number {
  block.setInt(PROP_SPIKE_COUNT, s.spikeCount);
  block.setInt(PROP_STEP, s.step);
  block.setInt(PROP_BASE_OFFSET, ((s.step + 1) % s.ringSlots) * s.ringStride);
  s.kernels.propagate(block.byteOffset);
  return block.getInt(PROP_EVENTS);
}
