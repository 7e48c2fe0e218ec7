/**
 * AdEx + persistent-sodium neurons (docs/model.md §2): the membrane update of one population for one
 * step, fused with the arrival of delayed synaptic input and the decay of the conductances.
 *
 *   C dV/dt  = −gL (V − EL(Ko)) + gL ΔT A exp((V − VT)/ΔT) + I_NaP − w − I_pump + I_syn
 *   τw dw/dt = a (V − EL) − w
 *   I_NaP    = −gNaP m∞(V) (V − ENa),  m∞(V) = 1 / (1 + exp(−(V + 50)/5))
 *   I_syn    = −gAMPA (V − 0) − gNMDA B(V) (V − 0) − gGABA (V − E_GABA)
 *
 * Forward Euler for V and w (as Brian2's `euler`), exact exponential decay for the conductances.
 * A cell whose V reaches VT + 5ΔT spikes: V → Vreset, w → w + b, and V is held for tRef while w
 * keeps integrating (Brian2's `unless refractory` on V only).
 *
 * The loop itself runs in WebAssembly (neurons.kernel.ts, stepPopulation), in f32 with
 * 4 cells per instruction; this file fills its parameter block. gL·EL(Ko) − I_pump and gL·ΔT·A
 * arrive per cell (state.biasPa, state.expGainPa), so that ions and drugs change them on the slow
 * step without touching the hot loop.
 */

import type { ParamBlock } from '../kernels/kernels.ts';
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
  POP_E_L,
  POP_E_NA,
  POP_END,
  POP_EXCITATORY,
  POP_EXP_GAIN,
  POP_FIRST,
  POP_G_AMPA,
  POP_G_GABA,
  POP_G_MEMBRANE,
  POP_G_NAP,
  POP_G_NMDA,
  POP_GABA_CHARGE,
  POP_INV_DELTA_T,
  POP_JUMP_AMPA,
  POP_JUMP_GABA,
  POP_JUMP_NMDA,
  POP_LFP_GABA_SUM,
  POP_LFP_SUM,
  POP_MEAN_AMPA,
  POP_MEAN_GABA,
  POP_MEAN_NMDA,
  POP_MG_FACTOR,
  POP_MG_SLOPE,
  POP_NA_PER_SPIKE,
  POP_NAI,
  POP_NAP_HALF_MV,
  POP_NAP_INV_SLOPE,
  POP_PUMP,
  POP_REF_STEPS,
  POP_REF_UNTIL,
  POP_RESET_FOLLOWS,
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
  POP_V_T,
  POP_W,
} from '../kernels/layout.ts';
import { type CellType, EXCITATORY, spikeCutMv } from './cells.ts';
import {
  E_NA_MV,
  ekMv,
  K_REST_MM,
  MG_BLOCK_KD_MM,
  MG_BLOCK_PER_MV,
  MG_OUT_MM,
  NAP_HALF_MV,
  NAP_SLOPE_MV,
} from './physics.ts';
import type { NetworkState } from './state.ts';
import { TAU_AMPA_MS, TAU_GABA_MS, TAU_NMDA_MS } from './synapses.ts';

/**
 * The reset of a pyramidal cell follows E_K. The trough that ends a spike (AdEx's V_reset) is set
 * by the K⁺ currents that repolarise it, so raised K⁺o lifts it with E_K, the spike's
 * after-hyperpolarisation shrinks, its after-depolarisation wins, and a regular-spiking pyramidal
 * cell becomes an intrinsic burster: raising K⁺o from 3.5 to 7.5–8.5 mM turns CA1 pyramidal cells
 * from single spikes to bursts (Jensen, Azouz & Yaari 1994), the bursting that the elevated-K⁺
 * model of epilepsy synchronises (Jensen & Yaari 1997). In AdEx a reset near or above the
 * threshold region is what makes a cell burst (Naud, Marcille, Clopath & Gerstner 2008).
 *
 * The kernel moves the reset with the shift of the cell's leak reversal, (bias + I_pump)/gL − EL
 * (its tile's K⁺o; the pump's current is added back, so it does not move the reset), times this
 * factor: 1 / (the K⁺ share of the E leak), so that the reset follows E_K one for one
 * (148.6 / 120.6 = 1.23): with K⁺o at 8 mM E_K rises by 22 mV, and so does the reset (−70.6 →
 * −48.5 mV). Nothing is tuned here: the factor follows from E_Na, E_K at rest and the cell's EL.
 * At resting K⁺o the shift is 0 and spikes are those of the fixed reset; with the knock-out
 * `resetFixed` the reset never moves.
 *
 * Measured (48 × 48, gaba 0.6, seed 3, 60 s, scripts/seizure-trace.ts): χ during the event 0.13
 * with a fixed reset (a tonic phase of ~20 s at χ 0.05, every E cell a K⁺-driven pacemaker),
 * 0.54 with the reset following E_K but lowered by the pump's current, 0.79 following E_K alone
 * (with the glial uptake at Cressman's half-point, ions.ts); healthy sheets unchanged (E 8.3 Hz,
 * χ max 0.28).
 *
 * Interneurons keep a fixed reset: fast-spiking cells have no after-depolarisation to unmask and
 * fire single spikes at any K⁺o in these experiments.
 */
export const RESET_FOLLOWS_E = (E_NA_MV - ekMv(K_REST_MM)) / (E_NA_MV - EXCITATORY.eLMv);

/** Fill the constant part of a population's parameter block. */
export function configurePopulation(
  s: NetworkState,
  block: ParamBlock,
  cell: CellType,
  first: number,
  end: number,
  dtMs: number,
  naPerSpikeMm: number,
  resetFollows: number,
): void {
  block.setPointer(POP_V, s.vMv);
  block.setPointer(POP_W, s.wPa);
  block.setPointer(POP_REF_UNTIL, s.refractoryUntilStep);
  block.setPointer(POP_G_AMPA, s.gAmpaNs);
  block.setPointer(POP_G_NMDA, s.gNmdaNs);
  block.setPointer(POP_G_GABA, s.gGabaNs);
  block.setPointer(POP_RING_E, s.ringE);
  block.setPointer(POP_RING_I, s.ringI);
  block.setPointer(POP_EXP_GAIN, s.expGainPa);
  block.setPointer(POP_BIAS, s.biasPa);
  block.setPointer(POP_PUMP, s.pumpPa);
  block.setPointer(POP_G_MEMBRANE, s.gMembraneNs);
  block.setPointer(POP_E_GABA, s.eGabaMv);
  block.setPointer(POP_GABA_CHARGE, s.gabaChargePaMs);
  block.setPointer(POP_NAI, s.naiMm);
  block.setPointer(POP_TILE_OF, s.tileOfCell);
  block.setPointer(POP_TILE_SPIKES, s.tileSpikes);
  block.setPointer(POP_SPIKES_SINCE, s.spikesSinceIonStep);
  block.setPointer(POP_SPIKE_IDX, s.spikeIdx);
  block.setPointer(POP_G_NAP, s.gNapNs);
  block.setPointer(POP_JUMP_GABA, s.gabaJumpNs);
  block.setInt(POP_EXCITATORY, cell.name === 'E' ? 1 : 0);
  block.setInt(POP_FIRST, first);
  block.setInt(POP_END, end);
  block.setInt(POP_REF_STEPS, Math.round(cell.tRefMs / dtMs));
  block.setReal(POP_DT_OVER_C, dtMs / cell.cPf);
  block.setReal(POP_E_NA, E_NA_MV);
  block.setReal(POP_V_T, cell.vTMv);
  block.setReal(POP_INV_DELTA_T, 1 / cell.deltaTMv);
  block.setReal(POP_A, cell.aNs);
  block.setReal(POP_E_L, cell.eLMv);
  block.setReal(POP_DT_OVER_TAU_W, dtMs / cell.tauWMs);
  block.setReal(POP_B, cell.bPa);
  block.setReal(POP_V_CUT, spikeCutMv(cell));
  block.setReal(POP_V_RESET, cell.vResetMv);
  block.setReal(POP_RESET_FOLLOWS, resetFollows);
  setDecay(block, POP_DECAY_AMPA, POP_MEAN_AMPA, dtMs, TAU_AMPA_MS);
  setDecay(block, POP_DECAY_NMDA, POP_MEAN_NMDA, dtMs, TAU_NMDA_MS);
  setGabaDecay(block, dtMs, TAU_GABA_MS);
  block.setReal(POP_DT, dtMs);
  block.setReal(POP_NA_PER_SPIKE, naPerSpikeMm);
  block.setReal(POP_NAP_HALF_MV, NAP_HALF_MV);
  block.setReal(POP_NAP_INV_SLOPE, 1 / NAP_SLOPE_MV);
  block.setReal(POP_MG_FACTOR, MG_OUT_MM / MG_BLOCK_KD_MM);
  block.setReal(POP_MG_SLOPE, -MG_BLOCK_PER_MV);
}

/**
 * A conductance that decays exactly, g(t) = g₀e^(−t/τ), has the mean τ(1 − e^(−dt/τ))/dt · g₀ over a
 * step. The membrane equation is stepped with that mean rather than g₀, so that an event moves the
 * charge g₀τ whatever the step (with g₀ it moved g₀·dt/(1 − e^(−dt/τ)): 1 % too much for AMPA at
 * dt 0.1 ms, 2 % at 0.2 ms, and more for AMPA than for GABA_A, which tipped sheets near a
 * threshold at the larger step; docs/model.md §2, "Integration").
 */
export function stepMeanOfDecay(dtMs: number, tauMs: number): number {
  return (tauMs * -Math.expm1(-dtMs / tauMs)) / dtMs;
}

/** A conductance's decay factor per step and its step mean (the two always go together). */
function setDecay(block: ParamBlock, decayWord: number, meanWord: number, dtMs: number, tauMs: number): void {
  block.setReal(decayWord, Math.exp(-dtMs / tauMs));
  block.setReal(meanWord, stepMeanOfDecay(dtMs, tauMs));
}

/** GABA_A decay per step for a decay time constant (drugs such as phenobarbital prolong it). */
export function setGabaDecay(block: ParamBlock, dtMs: number, tauGabaMs: number): void {
  setDecay(block, POP_DECAY_GABA, POP_MEAN_GABA, dtMs, tauGabaMs);
}

/** Conductance jumps (nS) per arriving event at full release onto one population, and its gNaP. */
export interface PopulationDrive {
  ampaJumpNs: number;
  nmdaJumpNs: number;
  /** Before a lesion's factor (sheet/lesion.ts), which setPopulationDrive applies per cell. */
  gabaJumpNs: number;
  gNapNs: number;
}

/**
 * The parts of a population's block that parameters change live (the drive, modifiers/drive.ts).
 * gNaP and the GABA_A jump are per cell (a lesion changes them inside it): cells [first, end) get
 * the population's value times their factor, 1 outside a lesion (so that the f32 value is the
 * same as without one).
 */
export function setPopulationDrive(
  s: NetworkState,
  block: ParamBlock,
  first: number,
  end: number,
  drive: PopulationDrive,
  napFactor: Float32Array | null,
  gabaFactor: Float32Array | null,
): void {
  const { gNapNs, ampaJumpNs, nmdaJumpNs, gabaJumpNs } = drive;
  block.setReal(POP_JUMP_AMPA, ampaJumpNs);
  block.setReal(POP_JUMP_NMDA, nmdaJumpNs);
  for (let i = first; i < end; i++) {
    s.gNapNs[i] = napFactor ? gNapNs * napFactor[i] : gNapNs;
    s.gabaJumpNs[i] = gabaFactor ? gabaJumpNs * gabaFactor[i] : gabaJumpNs;
  }
}

/**
 * Integrate one population for the current step (s.step). Spikes are appended after the
 * s.spikeCount already in s.spikeIdx.
 */
export function stepPopulation(s: NetworkState, block: ParamBlock): void {
  block.setInt(POP_STEP, s.step);
  block.setInt(POP_SLOT_OFFSET, (s.step % s.ringSlots) * s.ringStride);
  block.setInt(POP_SPIKE_COUNT, s.spikeCount);
  s.kernels.stepPopulation(block.byteOffset);
  s.spikeCount = block.getInt(POP_SPIKE_COUNT);
}

/** Add the E population's Σ|I_AMPA + I_NMDA| and Σ|I_GABA| of this step to the EEG sums. */
export function addEegSums(s: NetworkState, blockE: ParamBlock): void {
  s.eegExcitatorySumPa += blockE.getReal(POP_LFP_SUM);
  s.eegInhibitorySumPa += blockE.getReal(POP_LFP_GABA_SUM);
}

/** Zero conductances below 1e-30 nS (see flushTiny in the kernel); once per ion step. */
export function flushTinyConductances(s: NetworkState): void {
  s.kernels.flushTiny(s.gAmpaNs.byteOffset, s.n);
  s.kernels.flushTiny(s.gNmdaNs.byteOffset, s.n);
  s.kernels.flushTiny(s.gGabaNs.byteOffset, s.n);
}
