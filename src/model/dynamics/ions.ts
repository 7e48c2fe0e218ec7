/**
 * Ion dynamics on the slow step (docs/model.md §4): extracellular K⁺ tiles, intracellular Na⁺ with the
 * Na⁺/K⁺ pump, intracellular Cl⁻ with a dynamic E_GABA. They are why seizures start (K⁺ feedback)
 * and why they stop (the pump), and why GABA can excite (Cl⁻).
 *
 * Slow variables are time-compressed, as in Epileptor-2 (Chizhov 2018), so that an event begins
 * and ends within seconds to a minute of simulated time.
 */

import {
  ION_ABOVE_REST,
  ION_AVAIL_SCALE,
  ION_AVAILABILITY,
  ION_BIAS,
  ION_BLOCK_BELOW,
  ION_CL,
  ION_CL_FLOOR,
  ION_CL_LOAD,
  ION_CL_RELAX,
  ION_DRUG_SENSITIVITY,
  ION_E_GABA,
  ION_EXP_GAIN,
  ION_FROM,
  ION_G_L_E,
  ION_G_L_I,
  ION_G_MEMBRANE,
  ION_GABA_CHARGE,
  ION_GAIN_E,
  ION_GAIN_I,
  ION_GHK_INSIDE_TERM,
  ION_GHK_INV_OUTSIDE,
  ION_H_HALF_MV,
  ION_H_INV_SLOPE,
  ION_H_PER_SPIKE,
  ION_H_RATE,
  ION_KNA_G_MAX,
  ION_KNA_G_WORKING,
  ION_KNA_HILL,
  ION_KNA_HILL_LN_HALF,
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
  ION_TILE_EK,
  ION_TILE_KO_FACTOR,
  ION_TILE_LEAK_E,
  ION_TILE_LEAK_I,
  ION_TILE_OF,
  ION_TILE_PUMP_SUM,
  ION_TO,
  ION_V,
  TILE_GLIA,
  TR_BUFFER_HALF,
  TR_BUFFER_HALF_BELOW,
  TR_BUFFER_MAX,
  TR_DIFFUSION,
  TR_G_L_E,
  TR_G_L_I,
  TR_GLIA_AT_REST,
  TR_GLIA_HALF,
  TR_GLIA_MAX,
  TR_INV_GLIA_SLOPE,
  TR_K_FLOOR,
  TR_K_INSIDE,
  TR_K_PER_ACTIVITY,
  TR_K_PER_SPIKE,
  TR_K_REST,
  TR_KEEP_E,
  TR_KEEP_I,
  TR_NA_PART_E,
  TR_NA_PART_I,
  TR_PUMP_KM_K,
  TR_RT_OVER_F,
  TR_SLOW_RATE,
} from '../kernels/layout.ts';
import type { Network } from '../sheet/network.ts';
import type { SlowInactivation } from './availability.ts';
import { EXCITATORY, INHIBITORY } from './cells.ts';
import {
  E_NA_MV,
  egabaMv,
  ekMv,
  FARADAY_C_PER_MOL,
  GABA_GHK_INSIDE_TERM_MM,
  GABA_GHK_INV_OUTSIDE_MM,
  K_INSIDE_MM,
  K_REST_MM,
  PUMP_ACTIVITY_REST,
  PUMP_K_PER_NA,
  PUMP_KM_K_MM,
  PUMP_KM_NA_MM,
  PUMP_PA_PER_MM_PER_MS,
  pumpActivity,
  RT_OVER_F_MV,
} from './physics.ts';
import type { NetworkState } from './state.ts';

/**
 * [Na⁺]i of each population in the healthy working state: the mean of each population after
 * 120 s of the default network with these dynamics (64 × 64, seed 1: 14.5 and 23.1 mM, the I cells
 * still rising by ~0.1 mM per 20 s). Runs start there (the pump needs
 * minutes of simulated time to get there from 10 mM), the pump current is counted from there
 * (the cell table's EL is that of a cell in its ordinary working state, its ordinary pump current
 * included), and a pump blind to Na⁺ (pumpNaSensitivity 0) keeps the rate it has there.
 */
export const NA_WORKING_E_MM = 14.5;
export const NA_WORKING_I_MM = 23.2;

/**
 * The leak is split into K⁺ and Na⁺ parts, gL (V − EL) = gK (V − EK) + gNa (V − ENa), with the
 * Na⁺ share chosen so that the leak reversal equals the cell table's EL at rest (Ko = 3.5 mM).
 * Raised Ko then depolarises every cell of its tile.
 */
export function leakNaShare(eLMv: number): number {
  const ek0 = ekMv(K_REST_MM);
  return (eLMv - ek0) / (E_NA_MV - ek0);
}
export function leakReversalMv(eLMv: number, koMm: number): number {
  const naShare = leakNaShare(eLMv);
  return (1 - naShare) * ekMv(koMm) + naShare * E_NA_MV;
}

/**
 * The [Cl⁻]i that the cation–chloride cotransporters pull towards. KCC2 moves K⁺ and Cl⁻ out
 * together, so its equilibrium satisfies [K⁺]i[Cl⁻]i = [K⁺]o[Cl⁻]o: the equilibrium [Cl⁻]i rises
 * in proportion to Ko, and raised Ko slows chloride extrusion and even reverses it (Payne 1997;
 * Doyon 2011). clEqMm is the equilibrium at resting Ko; for immature neurons, where NKCC1 sets
 * it, the same proportionality is kept as a simplification.
 */
export function chlorideEquilibriumMm(clEqMm: number, koMm: number): number {
  return (clEqMm * koMm) / K_REST_MM;
}

export interface IonConstants {
  /**
   * Intracellular Na⁺ entering with each spike. A spike moves ≈ C·ΔV of Na⁺ charge: 281 pF ×
   * 100 mV = 28 pC = 0.29 fmol, 0.029 mM in 10 pL (docs/model.md §4).
   */
  naPerSpikeMm: number;
  /**
   * Extracellular space per unit of cell volume. A volume fraction of 0.2 (Nicholson & Syková
   * 1998) gives 2.5 pL around each 10-pL cell, a ratio of 0.25. The K⁺ a spike releases equals
   * the Na⁺ it brings in (the same charge), so each spike raises its cell's share of
   * extracellular space by naPerSpikeMm / 0.25 = 0.1 mM before buffering (docs/model.md §4:
   * 0.05–0.1 mM; Cressman 2009: 0.06–0.17; Epileptor-2: 0.02), and the pump's K⁺ uptake lowers it
   * by 2/3 of the Na⁺ it extrudes, divided by the same ratio.
   */
  extracellularPerCellVolume: number;
  /** Maximal pump Na⁺ extrusion (P = 1), per cell. */
  pumpMaxMmPerMs: number;
  /**
   * Fraction of the pump's charge-consistent current that each population's membrane equation
   * feels (1: all of it, F·V/3 per unit of Na⁺ flux).
   */
  pumpCurrentFractionE: number;
  pumpCurrentFractionI: number;
  /** [Na⁺]i of each population in the working state (see NA_WORKING_E_MM). */
  naWorkingEMm: number;
  naWorkingIMm: number;
  /**
   * Glial K⁺ buffering near rest (Kir4.1 channels and the glial pump), saturating and symmetric:
   * B = Bmax·x/(Bhalf + |x|), x = Ko − 3.5 mM. Fast near rest; firing that releases K⁺ faster
   * than Bmax overwhelms it, the threshold of K⁺ accumulation (Bazhenov 2004: how well K⁺ is
   * cleared sets the seizure threshold).
   */
  kBufferMaxMmPerMs: number;
  kBufferHalfMm: number;
  /**
   * The same buffer gives K⁺ back when Ko falls below rest, but more weakly: Kir4.1 is an inward
   * rectifier, so glia take K⁺ up far more readily than they release it (Kofuji & Newman 2004).
   * B = Bmax·x/(BhalfBelow + |x|) for x < 0. This is what lets the pump's uptake after an event
   * pull Ko below rest (the post-ictal undershoot of Krishnan & Bazhenov 2011).
   */
  kBufferHalfBelowMm: number;
  /**
   * Glial uptake that grows steeply at high Ko (Cressman 2009: G/(1 + exp((18 − Ko)/2.5)),
   * G = 66.7 mM/s), counted from its value at rest: the mechanism of the Heinemann & Lux ceiling.
   */
  kGliaMaxMmPerMs: number;
  kGliaHalfMm: number;
  kGliaSlopeMm: number;
  /** Slow exchange with the blood and distant tissue, towards 3.5 mM (symmetric). */
  kSlowClearanceTauMs: number;
  /** Effective K⁺ diffusion coefficient between tiles. */
  kDiffusionMm2PerMs: number;
  /** Cl⁻ concentration change per pA·ms of GABA_A chloride current. */
  clPerChargeMmPerPaMs: number;
  /** Chloride share of the GABA_A current (the rest is bicarbonate). */
  clShareOfGabaCurrent: number;
  /** Transporters (KCC2/NKCC1) pull [Cl⁻]i back to clEqMm with this time constant. */
  clTauMs: number;
  /**
   * Na⁺-activated K⁺ current of E cells (K_Na, Slack/KCNT1): I_KNa = gKNa(Nai)·(V − E_K) with
   * gKNa = gmax / (1 + (half/Nai)^n). Cortical pyramidal cells have a K⁺ current that grows with
   * the Na⁺ that firing loads and hyperpolarises and shunts them after sustained firing
   * (Schwindt, Spain & Crill 1989). It is counted from its value in the working state (the cell
   * table's gL and EL include that part), so a cell at its ordinary [Na⁺]i is unchanged. 0 turns
   * it off (a knock-out).
   */
  kNaGMaxENs: number;
  kNaHalfMm: number;
  kNaHill: number;
}

export const ION_CONSTANTS: IonConstants = {
  naPerSpikeMm: 0.025,
  extracellularPerCellVolume: 0.25,
  pumpMaxMmPerMs: 0.0057,
  pumpCurrentFractionE: 1,
  pumpCurrentFractionI: 1,
  naWorkingEMm: NA_WORKING_E_MM,
  naWorkingIMm: NA_WORKING_I_MM,
  // Bmax sets the seizure threshold (Bazhenov 2004): a sheet whose release outgrows it runs away.
  // 1.2 mM/s puts the threshold between gaba 0.7 and 0.8 with everything else at its default
  // (48 × 48, seed 1, 120 s: gaba 0.8 and 0.9 stay at 10.8 and 9.3 Hz; 0.7 and 0.6 seize and
  // recur), leaving the healthy sheet (8.6 Hz, K⁺o ≤ 3.9 mM) a margin of 20–30 % of its GABA.
  // 1.0 mM/s put it near 0.85 (gaba 0.8 seized), 1.5 mM/s below 0.6 (gaba 0.6 settled into
  // steady bursting instead of recurring events). Measured before the Na⁺-activated K⁺ current;
  // with it the threshold lies between 0.7 and 0.75 (one event in 120 s at 0.7, none at 0.75;
  // docs/notes/real-seizures.md §11). Bhalf = 0.5 mM: the buffer's slope at rest is
  // Bmax/Bhalf = 2.4 s⁻¹ (K⁺ clears with τ ≈ 0.4 s after a small rise).
  kBufferMaxMmPerMs: 0.0012,
  kBufferHalfMm: 0.5,
  // 1 mM: after an event Ko falls ~1 mM below its baseline (48 × 48, gaba 0.6); 3 mM gave
  // −1.4 mM and a minute of silence, 0.5 mM (symmetric) almost no undershoot.
  kBufferHalfBelowMm: 1,
  // Cressman 2009's glial uptake, 66.7 mM/s · σ((Ko − 18 mM)/2.5 mM), his constants: 0.08 s⁻¹
  // of slope at rest, 1.0 / 2.4 / 5.4 mM/s at Ko 8 / 10 / 12 mM (counted from rest). With a fixed pyramidal reset this
  // half-point was raised to 19 mM to let events reach 3× the rate before them; once the reset
  // follows E_K (neurons.ts) the events are strong enough at 18 mM, and 19 mM took K⁺o to
  // 12.9 mM, over the Heinemann & Lux ceiling (48 × 48, gaba 0.6, seed 3: peaks 10.7 mM at 18,
  // 9.7 mM at 17, 12.9 mM at 19).
  kGliaMaxMmPerMs: 0.0667,
  kGliaHalfMm: 18,
  kGliaSlopeMm: 2.5,
  kSlowClearanceTauMs: 30000,
  // K⁺ in brain extracellular space: D = 1.96e-5 cm²/s in free solution, tortuosity λ ≈ 1.6
  // (Nicholson & Syková 1998), D* = D/λ² ≈ 7.7e-4 mm²/s; ×10 for spatial buffering through the
  // astrocytic syncytium, which carries K⁺ away from where it is released far faster than
  // extracellular diffusion (Orkand 1966; Kofuji & Newman 2004).
  kDiffusionMm2PerMs: 7.7e-6,
  // ΔC = Q / (F · volume): 1 pA·ms into 1 pL is 1/96485 mM. Chloride spreads through soma and
  // dendrites, a volume of order 10 pL for a pyramidal cell.
  clPerChargeMmPerPaMs: 1 / (FARADAY_C_PER_MOL * 10),
  // With P_HCO3/P_Cl = 0.2 and ~5:1 chloride to bicarbonate inside, chloride carries ~80 %.
  clShareOfGabaCurrent: 0.8,
  // E_GABA recovers within seconds after a chloride load (Staley & Proctor 1999).
  clTauMs: 2000,
  // The density and half-activation are this model's choices (docs/notes/real-seizures.md §37),
  // made so that the pump is the one brake whose loss a sheet cannot survive (issue 12's
  // knock-out), with the Hill coefficient kept from Bischoff, Vogel & Safronov 1998 (3.5).
  // Half-activation 24 mM: Slack channels open at 15 mM Na⁺ in excised patches with high Cl⁻
  // (Yuan et al. 2003, in the IUPHAR report of Kaczmarek et al. 2017), the native current of
  // Bischoff's cells at 38.7 mM; the channels sense the Na⁺ entering near them (Hage & Salkoff
  // 2012), more than the bulk Na⁺ this model carries. Density 14 nS, 0.10 × Compte et al. 2003's
  // (0.37 × 1.33 mS/cm² over the E cell's 2.81·10⁻⁴ cm² of membrane, 281 pF at 1 µF/cm²: 138 nS).
  // Up to 21 mM of Na⁺i it follows the curve this model used until 2026-12-07 (38.7 mM, 48 nS)
  // within 0.3 nS, so a sheet near its threshold is as it was; above, it flattens: however far
  // Na⁺i climbs it adds at most 12 nS above the working state (14 × (1 − w(14.5 mM)), w = 0.15),
  // which does not end an event by itself, where the old curve added up to 47 nS. With the pump
  // working every surveyed event ends (48 × 48, seed 2, 90–120 s: gaba 0.6, inflammation 1 at
  // gaba 0.8 and 0.85, kClearance 0.4 at gaba 0.7, clEqMm 5 at gaba 0.4, scn1a 0.5 at gaba 0.85);
  // with the pump blind to Na⁺ the first event of gaba 0.6 never ends. Measured against other
  // choices (§37): the old curve ended the pump-blind event through K_Na alone once Na⁺i had
  // risen by 20 mM; 25 mM with 20 nS ended it after 40 s; 22 mM with 15 nS kept it going but,
  // stronger below 21 mM, moved sheets near their threshold (a gaba-0.7 event at 25 Hz instead of
  // 35, the trial's mildest sheet no longer seizing).
  kNaGMaxENs: 14,
  kNaHalfMm: 24,
  kNaHill: 3.5,
};

/** The Na⁺-activated K⁺ conductance of an E cell at [Na⁺]i (nS), before counting from the working state. */
export function kNaConductanceNs(c: IonConstants, naiMm: number): number {
  return c.kNaGMaxENs / (1 + (c.kNaHalfMm / naiMm) ** c.kNaHill);
}

export interface IonStepInputs {
  /** Ion step length. */
  dtMs: number;
  /**
   * Scale of the Kir4.1 buffer (kClearance, times the inflammation factor). The glial uptake at
   * high Ko, the ceiling, is not scaled (modifiers/drive.ts says why).
   */
  uptakeScale: number;
  /** Equilibrium [Cl⁻]i of E cells. */
  clEqMm: number;
  /** How much the pump follows [Na⁺]i (pumpNaSensitivity; 0: it keeps its working-state rate). */
  pumpNaSensitivity: number;
  /**
   * Static chloride (a knock-out for docs/model.md §7 behaviour 4): GABA_A current loads no Cl⁻ and the
   * transporters' equilibrium ignores Ko, so E_GABA stays at its resting value.
   */
  chlorideStatic: boolean;
  /**
   * Per-tile factor on glial K⁺ clearance, the buffer near rest and the ceiling alike (a lesion's
   * impaired astrocytes, sheet/lesion.ts), or null where every tile clears K⁺ in full. It must be
   * the state's own `tileGlia`, in the kernels' memory (the Simulation copies it there once).
   */
  tileGliaFactor: Float32Array | null;
}

/** Glial K⁺ uptake (mM/ms) at Ko, before kClearance: the buffer near rest plus the growing term. */
export function glialUptakeMmPerMs(c: IonConstants, koMm: number): number {
  const x = koMm - K_REST_MM;
  const buffer = (c.kBufferMaxMmPerMs * x) / (x > 0 ? c.kBufferHalfMm + x : c.kBufferHalfBelowMm - x);
  const sigmoid = 1 / (1 + Math.exp((c.kGliaHalfMm - koMm) / c.kGliaSlopeMm));
  const sigmoidAtRest = 1 / (1 + Math.exp((c.kGliaHalfMm - K_REST_MM) / c.kGliaSlopeMm));
  return buffer + c.kGliaMaxMmPerMs * (sigmoid - sigmoidAtRest);
}

/** [Cl⁻]i cannot fall below this: a chloride efflux larger than the content is not physical. */
const CL_FLOOR_MM = 0.1;
/** Nor Ko below this. */
const K_FLOOR_MM = 0.1;

/**
 * The ions at the start of a run: Na⁺ at each population's working level (c.naWorking*), K⁺ at
 * rest in every tile with the leak reversals that follow, and every E cell's chloride at `clEqMm`
 * with its E_GABA (I cells get a fixed GABA_A reversal, `eGabaInhibitoryMv`).
 */
export function initIons(
  net: Network,
  s: NetworkState,
  c: IonConstants,
  clEqMm: number,
  eGabaInhibitoryMv: number,
): void {
  s.naiMm.fill(c.naWorkingEMm, 0, net.nE);
  s.naiMm.fill(c.naWorkingIMm, net.nE, net.n);
  s.koMm.fill(K_REST_MM);
  s.eLeakEMv.fill(EXCITATORY.eLMv);
  s.eLeakIMv.fill(INHIBITORY.eLMv);
  const eGabaE = egabaMv(clEqMm);
  for (let i = 0; i < net.n; i++) {
    if (i < net.nE) {
      s.clMm[i] = clEqMm;
      s.eGabaMv[i] = eGabaE;
    } else {
      s.eGabaMv[i] = eGabaInhibitoryMv;
    }
  }
}

/** Fill the constant part of the ion kernel's block. */
export function configureIons(
  net: Network,
  s: NetworkState,
  c: IonConstants,
  gate: SlowInactivation,
  dtMs: number,
): void {
  const b = s.blockIons;
  b.setPointer(ION_SLOW_H, s.naSlowGate);
  b.setPointer(ION_SPIKES_SINCE, s.spikesSinceIonStep);
  b.setPointer(ION_V, s.vMv);
  b.setPointer(ION_AVAIL_SCALE, s.naAvailScale);
  b.setPointer(ION_DRUG_SENSITIVITY, s.naDrugSensitivity);
  b.setPointer(ION_AVAILABILITY, s.naAvailability);
  b.setPointer(ION_EXP_GAIN, s.expGainPa);
  b.setReal(ION_H_HALF_MV, gate.halfMv);
  b.setReal(ION_H_INV_SLOPE, 1 / gate.slopeMv);
  b.setReal(ION_H_RATE, dtMs / gate.tauMs);
  b.setReal(ION_H_PER_SPIKE, gate.perSpike);
  b.setReal(ION_BLOCK_BELOW, gate.blockBelow);
  b.setReal(ION_GAIN_E, EXCITATORY.gLNs * EXCITATORY.deltaTMv);
  b.setReal(ION_GAIN_I, INHIBITORY.gLNs * INHIBITORY.deltaTMv);
  b.setPointer(ION_NAI, s.naiMm);
  b.setPointer(ION_PUMP, s.pumpPa);
  b.setPointer(ION_BIAS, s.biasPa);
  b.setPointer(ION_TILE_OF, s.tileOfCell);
  b.setPointer(ION_TILE_KO_FACTOR, s.tileKoFactor);
  b.setPointer(ION_TILE_CL_EQ, s.tileClEqMm);
  b.setPointer(ION_TILE_LEAK_E, s.tileLeakEPa);
  b.setPointer(ION_TILE_LEAK_I, s.tileLeakIPa);
  b.setPointer(ION_TILE_PUMP_SUM, s.tilePumpSum);
  b.setPointer(ION_CL, s.clMm);
  b.setPointer(ION_GABA_CHARGE, s.gabaChargePaMs);
  b.setPointer(ION_E_GABA, s.eGabaMv);
  b.setInt(ION_N, net.n);
  b.setInt(ION_N_E, net.nE);
  // Every cell, tiles summed in the kernel (model/parallel narrows the range per thread).
  b.setInt(ION_FROM, 0);
  b.setInt(ION_TO, net.n);
  b.setInt(ION_ABOVE_REST, 0);
  // Pump current per unit of P: F·V/3 per unit of Na⁺ flux, times the maximal flux.
  b.setReal(ION_PUMP_SCALE_E, PUMP_PA_PER_MM_PER_MS * c.pumpMaxMmPerMs * c.pumpCurrentFractionE);
  b.setReal(ION_PUMP_SCALE_I, PUMP_PA_PER_MM_PER_MS * c.pumpMaxMmPerMs * c.pumpCurrentFractionI);
  b.setReal(ION_NA_EXTRUSION, c.pumpMaxMmPerMs * dtMs);
  b.setReal(ION_PUMP_REST, PUMP_ACTIVITY_REST);
  b.setReal(ION_NA_WORKING_E, c.naWorkingEMm);
  b.setReal(ION_NA_WORKING_I, c.naWorkingIMm);
  b.setReal(ION_PUMP_WORKING_E, pumpActivity(c.naWorkingEMm, K_REST_MM));
  b.setReal(ION_PUMP_WORKING_I, pumpActivity(c.naWorkingIMm, K_REST_MM));
  b.setReal(ION_PUMP_KM_NA, PUMP_KM_NA_MM);
  b.setReal(ION_CL_LOAD, c.clPerChargeMmPerPaMs * c.clShareOfGabaCurrent);
  b.setReal(ION_CL_FLOOR, CL_FLOOR_MM);
  b.setReal(ION_RT_OVER_F_MV, RT_OVER_F_MV);
  b.setReal(ION_GHK_INSIDE_TERM, GABA_GHK_INSIDE_TERM_MM);
  b.setReal(ION_GHK_INV_OUTSIDE, GABA_GHK_INV_OUTSIDE_MM);
  b.setPointer(ION_G_MEMBRANE, s.gMembraneNs);
  b.setPointer(ION_TILE_EK, s.tileEkMv);
  b.setReal(ION_KNA_G_MAX, c.kNaGMaxENs);
  b.setReal(ION_KNA_HILL, c.kNaHill);
  b.setReal(ION_KNA_HILL_LN_HALF, c.kNaHill * Math.log(c.kNaHalfMm));
  b.setReal(ION_KNA_G_WORKING, kNaConductanceNs(c, c.naWorkingEMm));
  b.setReal(ION_G_L_E, EXCITATORY.gLNs);
  b.setReal(ION_G_L_I, INHIBITORY.gLNs);
  s.gMembraneNs.fill(EXCITATORY.gLNs, 0, net.nE);
  s.gMembraneNs.fill(INHIBITORY.gLNs, net.nE, net.n);
  refreshTiles(s);
  updateBias(net, s);
}

/**
 * Per-tile values that follow Ko: the leak reversals, gL·EL, the pump's K⁺ factor and E_K (kernel
 * refreshTiles, dynamics/tiles.kernel.ts). EL(Ko) = (1 − share)·E_K(Ko) + share·E_Na, the shares
 * computed once here.
 */
export function refreshTiles(s: NetworkState): void {
  const r = s.tileReals;
  const shareE = leakNaShare(EXCITATORY.eLMv);
  const shareI = leakNaShare(INHIBITORY.eLMv);
  r[TR_KEEP_E] = 1 - shareE;
  r[TR_NA_PART_E] = shareE * E_NA_MV;
  r[TR_KEEP_I] = 1 - shareI;
  r[TR_NA_PART_I] = shareI * E_NA_MV;
  r[TR_G_L_E] = EXCITATORY.gLNs;
  r[TR_G_L_I] = INHIBITORY.gLNs;
  r[TR_RT_OVER_F] = RT_OVER_F_MV;
  r[TR_K_INSIDE] = K_INSIDE_MM;
  r[TR_PUMP_KM_K] = PUMP_KM_K_MM;
  s.kernels.refreshTiles(s.blockTiles.byteOffset);
}

/**
 * One slow step, explicit: every rate is computed from the values at the start of the step.
 *   cells (kernel ionCells): pump activity P(Nai, Ko), its Na⁺ extrusion Pmax·(P − P_rest) and
 *                            its current F·V/3·Pmax·(P − P_working); gL·EL(Ko) − I_pump;
 *                            the Na⁺-channel availability gate (availability.ts);
 *                            Cl⁻ loading by GABA_A current and extrusion; E_GABA
 *   tiles (kernel ionTiles): K⁺ release by spikes, pump uptake, glial buffering and uptake, slow
 *                            exchange, diffusion; then refreshTiles
 */
export function ionStep(
  net: Network,
  s: NetworkState,
  c: IonConstants,
  inputs: IonStepInputs,
  /** Threads sharing the step (model/parallel/team.ts: ionCells, ionTiles); else the kernels on one thread. */
  team?: { ionCells(): void; ionTiles(): void },
): void {
  const { dtMs, uptakeScale, clEqMm, pumpNaSensitivity, chlorideStatic, tileGliaFactor } = inputs;
  const { nTiles, tilesPerSide } = net;
  const ko = s.koMm;

  const b = s.blockIons;
  b.setReal(ION_PUMP_NA_SENSITIVITY, pumpNaSensitivity);
  b.setReal(ION_CL_RELAX, dtMs / c.clTauMs);
  b.setReal(ION_CL_LOAD, chlorideStatic ? 0 : c.clPerChargeMmPerPaMs * c.clShareOfGabaCurrent);
  for (let t = 0; t < nTiles; t++) s.tileClEqMm[t] = chlorideStatic ? clEqMm : chlorideEquilibriumMm(clEqMm, ko[t]);
  s.tilePumpSum.fill(0);
  if (team) team.ionCells();
  else s.kernels.ionCells(b.byteOffset);

  // K⁺ per tile: release by spikes (the charge of their Na⁺), pump uptake (2 K⁺ per 3 Na⁺),
  // glial buffering (the saturating buffer near rest) and uptake (Cressman's sigmoid at high Ko),
  // slow exchange; then diffusion. The constants are f64, as the kernel uses them.
  const r = s.tileReals;
  const volumeRatio = c.extracellularPerCellVolume;
  r[TR_K_PER_SPIKE] = c.naPerSpikeMm / volumeRatio;
  r[TR_K_PER_ACTIVITY] = (PUMP_K_PER_NA * c.pumpMaxMmPerMs * dtMs) / volumeRatio;
  r[TR_BUFFER_MAX] = uptakeScale * c.kBufferMaxMmPerMs * dtMs;
  r[TR_GLIA_MAX] = c.kGliaMaxMmPerMs * dtMs;
  r[TR_GLIA_AT_REST] = 1 / (1 + Math.exp((c.kGliaHalfMm - K_REST_MM) / c.kGliaSlopeMm));
  r[TR_INV_GLIA_SLOPE] = 1 / c.kGliaSlopeMm;
  r[TR_SLOW_RATE] = dtMs / c.kSlowClearanceTauMs;
  r[TR_BUFFER_HALF] = c.kBufferHalfMm;
  r[TR_BUFFER_HALF_BELOW] = c.kBufferHalfBelowMm;
  r[TR_GLIA_HALF] = c.kGliaHalfMm;
  r[TR_K_REST] = K_REST_MM;
  r[TR_K_FLOOR] = K_FLOOR_MM;
  // Diffusion between neighbouring tiles (explicit, periodic edges; stable while D·dt/dx² < 1/4).
  const tileMm = 2 / tilesPerSide;
  r[TR_DIFFUSION] = (c.kDiffusionMm2PerMs * dtMs) / (tileMm * tileMm);
  if (tileGliaFactor && tileGliaFactor !== s.tileGlia) {
    throw new Error("the tiles' glial factor must be the state's own tileGlia (the kernel reads it there)");
  }
  s.blockTiles.setInt(TILE_GLIA, tileGliaFactor ? s.tileGlia.byteOffset : 0);
  if (team) team.ionTiles();
  else s.kernels.ionTiles(s.blockTiles.byteOffset);
}

/** With ions clamped, the per-step accumulators are emptied without changing any ion. */
export function clearIonAccumulators(s: NetworkState): void {
  s.tileSpikes.fill(0);
  s.gabaChargePaMs.fill(0);
  s.spikesSinceIonStep.fill(0);
}

/**
 * The constant membrane current of each cell from its tile's leak reversal and its pump, at the
 * start of a run (the Na⁺-activated K⁺ current is then at its working value: no change to add).
 */
export function updateBias(net: Network, s: NetworkState): void {
  const tileOf = net.tileOfCell;
  for (let i = 0; i < net.nE; i++) s.biasPa[i] = s.tileLeakEPa[tileOf[i]] - s.pumpPa[i];
  for (let i = net.nE; i < net.n; i++) s.biasPa[i] = s.tileLeakIPa[tileOf[i]] - s.pumpPa[i];
}
