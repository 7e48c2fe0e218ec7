/**
 * Cell-type constants of the AdEx + persistent-sodium neurons (MODEL.md §2) and the voltage
 * functions they need, in closed form.
 */

export interface CellType {
  readonly name: 'E' | 'I';
  readonly cPf: number;
  readonly gLNs: number;
  readonly eLMv: number;
  readonly vTMv: number;
  readonly deltaTMv: number;
  readonly tauWMs: number;
  readonly aNs: number;
  readonly bPa: number;
  readonly vResetMv: number;
  readonly tRefMs: number;
}

/** Pyramidal cell: Brette & Gerstner 2005, regular-spiking fit (ModelDB 154770). */
export const EXCITATORY: CellType = {
  name: 'E',
  cPf: 281,
  gLNs: 30,
  eLMv: -70.6,
  vTMv: -50.4,
  deltaTMv: 2,
  tauWMs: 144,
  aNs: 4,
  bPa: 80.5,
  vResetMv: -70.6,
  tRefMs: 2,
};

/**
 * Fast-spiking interneuron (MODEL.md §2 table): no adaptation (a = b = 0), sharp spike onset
 * (ΔT = 0.5 mV). τw is irrelevant with a = b = 0; 144 ms keeps the update well defined.
 */
export const INHIBITORY: CellType = {
  name: 'I',
  cPf: 200,
  gLNs: 10,
  eLMv: -70,
  vTMv: -50,
  deltaTMv: 0.5,
  tauWMs: 144,
  aNs: 0,
  bPa: 0,
  vResetMv: -70,
  tRefMs: 1,
};

/** Spike when V ≥ VT + 5 ΔT (MODEL.md §2). */
export function spikeCutMv(cell: CellType): number {
  return cell.vTMv + 5 * cell.deltaTMv;
}

/** Sodium reversal in the reference protocol and the network (MODEL.md §2). */
export const E_NA_MV = 50;
/**
 * Persistent sodium activation: half-activation −50 mV, slope 5 mV (MODEL.md §2; cortical and
 * hippocampal models span −52…−42 mV and 3–7 mV: Golomb, Yue & Yaari 2006; Uebachs 2010;
 * Bazhenov 2002).
 */
export const NAP_HALF_MV = -50;
export const NAP_SLOPE_MV = 5;

export function napActivation(vMv: number): number {
  return 1 / (1 + Math.exp(-(vMv - NAP_HALF_MV) / NAP_SLOPE_MV));
}

/** NMDA Mg²⁺ block, Jahr & Stevens 1990 form with [Mg²⁺]o = 1 mM (MODEL.md §3). */
export const MG_MM = 1;
export function nmdaUnblocked(vMv: number): number {
  return 1 / (1 + (MG_MM / 3.57) * Math.exp(-0.062 * vMv));
}

/** RT/F at 37 °C, in mV (MODEL.md §4 writes Nernst potentials with 26.7 mV). */
export const RT_OVER_F_MV = 26.7;
