/** Shared set-up of the pharmacology tests: a standard adult and steady-state windows. */
import type { DrugName } from '../../src/model/pharmacology/drugs.ts';
import { type PkInputs, type PkOptions, simulatePk } from '../../src/model/pharmacology/pk.ts';
import { type Regimen, standardRegimen } from '../../src/model/pharmacology/regimen.ts';

export const ADULT: PkInputs = { pgp: 1, penetration: 1, adherence: 1, weightKg: 70, inflammation: 0, seed: 1 };

export interface Window {
  plasmaTotalMgL: { min: number; max: number; mean: number };
  brainUnboundUm: { min: number; max: number; mean: number };
  pgpEffective: { min: number; max: number };
}

function stats(xs: readonly number[]): { min: number; max: number; mean: number } {
  return { min: Math.min(...xs), max: Math.max(...xs), mean: xs.reduce((a, b) => a + b, 0) / xs.length };
}

/**
 * Trough, peak and mean of the `index`-th regimen over one dosing interval that starts at the
 * first dose at or after `afterH`, sampled every `stepH`.
 */
export function intervalWindow(
  inputs: PkInputs,
  regimens: readonly Regimen[],
  afterH: number,
  intervalH: number,
  index = 0,
  options: PkOptions = {},
  stepH = 0.1,
): Window {
  const start = Math.ceil(afterH / intervalH - 1e-9) * intervalH;
  const s = simulatePk(inputs, regimens, start + intervalH, stepH, options);
  const idx = s.timesH.flatMap((t, i) => (t >= start - 1e-9 ? [i] : []));
  const d = s.drugs[index];
  return {
    plasmaTotalMgL: stats(idx.map((i) => d.plasmaTotalMgL[i])),
    brainUnboundUm: stats(idx.map((i) => d.brainUnboundUm[i])),
    pgpEffective: stats(idx.map((i) => s.pgpEffective[i])),
  };
}

/** The standard regimen's window over the first dosing interval that starts at or after `afterH`. */
export function steadyState(drug: DrugName, inputs: PkInputs = ADULT, afterH = 0): Window {
  const r = standardRegimen(drug);
  const tau = r.route === 'oral' ? r.everyH : 24;
  return intervalWindow(inputs, [r], afterH, tau);
}
