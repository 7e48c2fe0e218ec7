/**
 * Cell-type constants of the AdEx + persistent-sodium neurons (docs/model.md §2). The voltage
 * functions they share with the ions (persistent sodium, reversal potentials) are in physics.ts.
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
 * Fast-spiking interneuron (docs/model.md §2 table): no adaptation (a = b = 0), sharp spike onset
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

/** Spike when V ≥ VT + 5 ΔT (docs/model.md §2). */
export function spikeCutMv(cell: CellType): number {
  return cell.vTMv + 5 * cell.deltaTMv;
}
