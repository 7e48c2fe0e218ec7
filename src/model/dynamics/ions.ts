/**
 * Ion dynamics on the slow step (docs/model.md §4): extracellular K⁺ tiles, intracellular Na⁺ with the
 * Na⁺/K⁺ pump, intracellular Cl⁻ with a dynamic E_GABA. They are why seizures start (K⁺ feedback)
 * and why they stop (the pump), and why GABA can excite (Cl⁻).
 *
 * Slow variables are time-compressed, as in Epileptor-2 (Chizhov 2018), so that an event begins
 * and ends within seconds to a minute of simulated time.
 */

import {
  ION_AVAIL_SCALE,
  ION_AVAILABILITY,
  ION_BIAS,
  ION_BLOCK_BELOW,
  ION_CL,
  ION_CL_FLOOR,
  ION_CL_LOAD,
  ION_CL_RELAX,
  ION_E_GABA,
  ION_EXP_GAIN,
  ION_GABA_CHARGE,
  ION_GAIN_E,
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
  ION_NA_RELAX,
  ION_NA_REST,
  ION_NAI,
  ION_PUMP,
  ION_PUMP_NA_DEPENDENCE,
  ION_PUMP_NA_HALF_MM,
  ION_PUMP_NA_INV_SLOPE,
  ION_PUMP_REST,
  ION_PUMP_SCALE_E,
  ION_PUMP_SCALE_I,
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
  K_REST_MM,
  NA_REST_MM,
  PUMP_ACTIVITY_REST,
  PUMP_K_PER_NA,
  PUMP_NA_HALF_MM,
  PUMP_NA_SLOPE_MM,
  pumpKFactor,
  RT_OVER_F_MV,
} from './physics.ts';
import type { NetworkState } from './state.ts';

/**
 * Na⁺ at the start of a run. Ongoing background firing holds [Na⁺]i above the silent-cell value
 * of 10 mM; the pump needs minutes of simulated time to reach that level from 10 mM, so runs
 * start there instead: the mean of each population after 120 s of the default network
 * (16.0 and 22.1 mM with seed 1; 3.4 relaxation times, so within a few % of its steady state).
 */
export const NA_START_E_MM = 16;
export const NA_START_I_MM = 22;

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
  /** Ko rise of a tile when each of its cells fires one spike. */
  kPerSpikeMm: number;
  /**
   * Glial uptake (Kir4.1 buffering and the glial pump), saturating: U = Umax·x/(Khalf + x) with
   * x = Ko − 3.5 mM. Near rest it clears K⁺ with τ = Khalf/Umax; sustained firing that releases
   * K⁺ faster than Umax overwhelms it, which is the threshold of seizure onset (Bazhenov 2004:
   * how well K⁺ is cleared sets the threshold). kClearance scales Umax.
   */
  kUptakeMaxMmPerMs: number;
  kUptakeHalfMm: number;
  /**
   * A slow, unsaturable clearance (spatial buffering through the glial syncytium and exchange with
   * the blood): together with the pump it holds Ko near the ceiling once glia saturate.
   */
  kSlowClearanceTauMs: number;
  /** Effective K⁺ diffusion coefficient in extracellular space. */
  kDiffusionMm2PerMs: number;
  /** Intracellular Na⁺ entering with each spike. */
  naPerSpikeMm: number;
  /**
   * Na⁺ relaxes to 10 mM with this time constant by the high-affinity transport that handles
   * ordinary firing (Epileptor-2: τNa ≈ 35 s, Chizhov 2018); the Cressman pump below acts on top
   * of it and takes over when Na⁺ climbs during a seizure.
   */
  naRelaxTauMs: number;
  /**
   * Na⁺ extrusion by the pump per unit of excess pump activity; the pump takes up 2 K⁺ for every
   * 3 Na⁺ (the stoichiometry Epileptor-2 writes as −3γI_pump for Na⁺, −2γI_pump for K⁺).
   */
  naPumpMmPerMs: number;
  /**
   * Pump current per unit of excess pump activity, as the potential shift it causes:
   * I_pump = gL · pumpMv · (P − P_rest), per population. The pump is the model's slow brake
   * that ends seizures in pyramidal cells (Krishnan & Bazhenov 2011). Fast-spiking interneurons
   * express the high-capacity α3 isoform of the pump (Richards 2007), which keeps pace with their
   * fast firing; their pump's hyperpolarising effect is taken proportionally smaller, or it would
   * silence them at their ordinary rates.
   */
  pumpMvE: number;
  pumpMvI: number;
  /** Cl⁻ concentration change per pA·ms of GABA_A chloride current. */
  clPerChargeMmPerPaMs: number;
  /** Chloride share of the GABA_A current (the rest is bicarbonate). */
  clShareOfGabaCurrent: number;
  /** Transporters (KCC2/NKCC1) pull [Cl⁻]i back to clEqMm with this time constant. */
  clTauMs: number;
}

export const ION_CONSTANTS: IonConstants = {
  kPerSpikeMm: 0.01,
  // τ near rest = 0.3 mM / 0.2 mM·s⁻¹ = 1.5 s ("a time constant of seconds", docs/model.md §4).
  kUptakeMaxMmPerMs: 0.0002,
  kUptakeHalfMm: 0.3,
  kSlowClearanceTauMs: 30000,
  // K⁺ in brain extracellular space: D = 1.96e-5 cm²/s in free solution, tortuosity λ ≈ 1.6
  // (Nicholson & Syková 1998), D* = D/λ² ≈ 7.7e-4 mm²/s = 7.7e-7 mm²/ms.
  kDiffusionMm2PerMs: 7.7e-7,
  naPerSpikeMm: 0.025,
  naRelaxTauMs: 35000,
  naPumpMmPerMs: 0.003,
  // pumpMvE sets how much Na⁺ load ends an event. Tuned on the Dravet-like sheet (scn1a 0.5,
  // gaba 0.8, side 48, 90 s): 1400 mV ended its events after ~5 s, 1100 after 3–7 s, 800 after
  // 7–13 s once the sheet has settled (≈ 20 s), with 5–7 s of post-ictal quiet between them; the
  // healthy default sheet barely changes (E 7.2 Hz at 1100, 7.6 Hz at 800; χ 0.13 and 0.12).
  pumpMvE: 800,
  pumpMvI: 150,
  // ΔC = Q / (F · volume): 1 pA·ms into 1 pL is 1/96485 mM. Chloride spreads through soma and
  // dendrites, a volume of order 10 pL for a pyramidal cell.
  clPerChargeMmPerPaMs: 1 / (FARADAY_C_PER_MOL * 10),
  // With P_HCO3/P_Cl = 0.2 and ~5:1 chloride to bicarbonate inside, chloride carries ~80 %.
  clShareOfGabaCurrent: 0.8,
  // E_GABA recovers within seconds after a chloride load (Staley & Proctor 1999).
  clTauMs: 2000,
};

export interface IonStepInputs {
  /** Ion step length. */
  dtMs: number;
  /** Glial uptake scale (kClearance, times the inflammation factor). */
  uptakeScale: number;
  /** Equilibrium [Cl⁻]i of E cells. */
  clEqMm: number;
  /** When false, the pump ignores [Na⁺]i (a lesion test: seizures then do not end). */
  pumpNaDependence: boolean;
}

/** [Cl⁻]i cannot fall below this: a chloride efflux larger than the content is not physical. */
const CL_FLOOR_MM = 0.1;

/**
 * The ions at the start of a run: Na⁺ at its running level (NA_START_*), K⁺ at rest in every tile
 * with the leak reversals that follow, and every E cell's chloride at `clEqMm` with its E_GABA
 * (I cells get a fixed GABA_A reversal, `eGabaInhibitoryMv`).
 */
export function initIons(net: Network, s: NetworkState, clEqMm: number, eGabaInhibitoryMv: number): void {
  s.naiMm.fill(NA_START_E_MM, 0, net.nE);
  s.naiMm.fill(NA_START_I_MM, net.nE, net.n);
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
  b.setReal(ION_PUMP_SCALE_E, c.pumpMvE * EXCITATORY.gLNs);
  b.setReal(ION_PUMP_SCALE_I, c.pumpMvI * INHIBITORY.gLNs);
  b.setReal(ION_PUMP_REST, PUMP_ACTIVITY_REST);
  b.setReal(ION_NA_REST, NA_REST_MM);
  b.setReal(ION_CL_LOAD, c.clPerChargeMmPerPaMs * c.clShareOfGabaCurrent);
  b.setReal(ION_CL_FLOOR, CL_FLOOR_MM);
  b.setReal(ION_PUMP_NA_HALF_MM, PUMP_NA_HALF_MM);
  b.setReal(ION_PUMP_NA_INV_SLOPE, 1 / PUMP_NA_SLOPE_MM);
  b.setReal(ION_RT_OVER_F_MV, RT_OVER_F_MV);
  b.setReal(ION_GHK_INSIDE_TERM, GABA_GHK_INSIDE_TERM_MM);
  b.setReal(ION_GHK_INV_OUTSIDE, GABA_GHK_INV_OUTSIDE_MM);
  refreshTiles(net, s);
  updateBias(net, s);
}

/** Per-tile values that follow Ko: leak reversals and the pump's K⁺ factor. */
export function refreshTiles(net: Network, s: NetworkState): void {
  const gLE = EXCITATORY.gLNs;
  const gLI = INHIBITORY.gLNs;
  // leakReversalMv for both cell types, with the shares and E_K computed once (this runs for
  // every tile every millisecond).
  const shareE = leakNaShare(EXCITATORY.eLMv);
  const shareI = leakNaShare(INHIBITORY.eLMv);
  for (let t = 0; t < net.nTiles; t++) {
    const ko = s.koMm[t];
    const ek = ekMv(ko);
    const eLeakE = (1 - shareE) * ek + shareE * E_NA_MV;
    const eLeakI = (1 - shareI) * ek + shareI * E_NA_MV;
    s.eLeakEMv[t] = eLeakE;
    s.eLeakIMv[t] = eLeakI;
    s.tileLeakEPa[t] = gLE * eLeakE;
    s.tileLeakIPa[t] = gLI * eLeakI;
    s.tileKoFactor[t] = pumpKFactor(ko);
  }
}

/**
 * One slow step, explicit: every rate is computed from the values at the start of the step.
 *   cells (kernel ionCells): pump activity, pump current and Na⁺ extrusion; gL·EL(Ko) − I_pump;
 *                            the Na⁺-channel availability gate (availability.ts);
 *                            Cl⁻ loading by GABA_A current and extrusion; E_GABA
 *   tiles (here):            K⁺ release by spikes, glial uptake, pump uptake, diffusion
 */
export function ionStep(net: Network, s: NetworkState, c: IonConstants, inputs: IonStepInputs): void {
  const { dtMs, uptakeScale, clEqMm, pumpNaDependence } = inputs;
  const { nTiles, tilesPerSide, cellsInTile } = net;
  const ko = s.koMm;
  const tileSpikes = s.tileSpikes;
  const pumpSum = s.tilePumpSum;

  const b = s.blockIons;
  b.setInt(ION_PUMP_NA_DEPENDENCE, pumpNaDependence ? 1 : 0);
  b.setReal(ION_NA_EXTRUSION, c.naPumpMmPerMs * dtMs);
  b.setReal(ION_NA_RELAX, dtMs / c.naRelaxTauMs);
  b.setReal(ION_CL_RELAX, dtMs / c.clTauMs);
  for (let t = 0; t < nTiles; t++) s.tileClEqMm[t] = chlorideEquilibriumMm(clEqMm, ko[t]);
  pumpSum.fill(0);
  s.kernels.ionCells(b.byteOffset);

  // K⁺ per tile: release by spikes, glial uptake (saturating; symmetric below rest), pump uptake.
  const uptakeMax = uptakeScale * c.kUptakeMaxMmPerMs * dtMs;
  const kPerSpike = c.kPerSpikeMm;
  const kPerActivity = PUMP_K_PER_NA * c.naPumpMmPerMs * dtMs;
  const slowRate = dtMs / c.kSlowClearanceTauMs;
  for (let t = 0; t < nTiles; t++) {
    const cells = cellsInTile[t];
    const excess = ko[t] - K_REST_MM;
    ko[t] +=
      (kPerSpike * tileSpikes[t]) / cells -
      (uptakeMax * excess) / (c.kUptakeHalfMm + Math.abs(excess)) -
      slowRate * excess -
      (kPerActivity * pumpSum[t]) / cells;
    tileSpikes[t] = 0;
  }

  // Diffusion between neighbouring tiles (explicit, periodic edges; stable while D·dt/dx² < 1/4).
  const tileMm = 2 / tilesPerSide;
  const diffusion = (c.kDiffusionMm2PerMs * dtMs) / (tileMm * tileMm);
  if (diffusion > 0) {
    const scratch = s.koScratch;
    scratch.set(ko);
    for (let ty = 0; ty < tilesPerSide; ty++) {
      const up = ((ty + tilesPerSide - 1) % tilesPerSide) * tilesPerSide;
      const down = ((ty + 1) % tilesPerSide) * tilesPerSide;
      const row = ty * tilesPerSide;
      for (let tx = 0; tx < tilesPerSide; tx++) {
        const left = (tx + tilesPerSide - 1) % tilesPerSide;
        const right = (tx + 1) % tilesPerSide;
        const here = scratch[row + tx];
        const sum = scratch[row + left] + scratch[row + right] + scratch[up + tx] + scratch[down + tx];
        ko[row + tx] = here + diffusion * (sum - 4 * here);
      }
    }
  }
  refreshTiles(net, s);
}

/** With ions clamped, the per-step accumulators are emptied without changing any ion. */
export function clearIonAccumulators(s: NetworkState): void {
  s.tileSpikes.fill(0);
  s.gabaChargePaMs.fill(0);
  s.spikesSinceIonStep.fill(0);
}

/** The constant membrane current of each cell from its tile's leak reversal and its pump. */
export function updateBias(net: Network, s: NetworkState): void {
  const tileOf = net.tileOfCell;
  for (let i = 0; i < net.nE; i++) s.biasPa[i] = s.tileLeakEPa[tileOf[i]] - s.pumpPa[i];
  for (let i = net.nE; i < net.n; i++) s.biasPa[i] = s.tileLeakIPa[tileOf[i]] - s.pumpPa[i];
}
