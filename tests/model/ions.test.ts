import { describe, expect, it } from 'vitest';
import { EXCITATORY, INHIBITORY } from '../../src/model/dynamics/cells.ts';
import {
  chlorideEquilibriumMm,
  glialUptakeMmPerMs,
  ION_CONSTANTS,
  leakReversalMv,
} from '../../src/model/dynamics/ions.ts';
import {
  egabaMv,
  ekMv,
  K_REST_MM,
  NA_REST_MM,
  PUMP_ACTIVITY_REST,
  PUMP_PA_PER_MM_PER_MS,
  pumpActivity,
  pumpKFactor,
  pumpNaFactor,
} from '../../src/model/dynamics/physics.ts';

describe('ion equations of docs/model.md §4', () => {
  it('gives E_K = 26.7 mV · ln(Ko/140)', () => {
    expect(ekMv(3.5)).toBeCloseTo(26.7 * Math.log(3.5 / 140), 12);
    expect(ekMv(3.5)).toBeCloseTo(-98.49, 2);
  });

  it('gives E_GABA ≈ −75 mV at 5 mM chloride and ≈ −42 mV at 25 mM', () => {
    expect(egabaMv(5)).toBeCloseTo(-74.8, 1);
    expect(egabaMv(25)).toBeCloseTo(-41.85, 1);
  });

  it('splits the leak so that its reversal is the table EL at rest and rises with Ko', () => {
    expect(leakReversalMv(EXCITATORY.eLMv, K_REST_MM)).toBeCloseTo(EXCITATORY.eLMv, 10);
    expect(leakReversalMv(INHIBITORY.eLMv, K_REST_MM)).toBeCloseTo(INHIBITORY.eLMv, 10);
    expect(leakReversalMv(EXCITATORY.eLMv, 8)).toBeGreaterThan(EXCITATORY.eLMv + 15);
  });

  it('runs the pump as (1 + 2/Ko)⁻² (1 + 10/Nai)⁻³: its K⁺ site mostly saturated at rest, its Na⁺ sites not', () => {
    expect(pumpActivity(NA_REST_MM, K_REST_MM)).toBe(PUMP_ACTIVITY_REST);
    expect(PUMP_ACTIVITY_REST).toBeCloseTo((3.5 / 5.5) ** 2 * 0.5 ** 3, 12);
    expect(pumpKFactor(K_REST_MM)).toBeCloseTo(0.405, 3);
    // Raising Ko from 3.5 to 8 mM speeds the pump by only 1.6× (Cressman's 5.5-mM logistic: 7.8×).
    expect(pumpKFactor(8) / pumpKFactor(K_REST_MM)).toBeCloseTo(1.58, 2);
    // Na⁺ from 10 to 25 mM: 2.9×.
    expect(pumpNaFactor(25) / pumpNaFactor(NA_REST_MM)).toBeCloseTo(2.92, 2);
  });

  it('makes the pump current the charge of the Na⁺ it moves: F·V/3 per unit of flux', () => {
    // 1 mM/ms out of 10 pL is 1e-14 mol/ms, 0.965 µA of Na⁺; one net charge per 3 Na⁺.
    expect(PUMP_PA_PER_MM_PER_MS).toBeCloseTo((96485 * 1e-14 * 1e3 * 1e12) / 3, 6);
  });

  it('takes up glial K⁺ steeply at high Ko (the ceiling), returns it weakly below rest', () => {
    const c = ION_CONSTANTS;
    expect(glialUptakeMmPerMs(c, K_REST_MM)).toBe(0);
    const at = (ko: number) => glialUptakeMmPerMs(c, ko) * 1000;
    expect(at(4)).toBeGreaterThan(0.5);
    expect(at(12) - at(10)).toBeGreaterThan(2 * (at(6) - at(4)));
    expect(-at(2.5)).toBeLessThan(at(4.5));
  });

  it('moves the chloride transporters’ equilibrium with Ko (KCC2 thermodynamics)', () => {
    expect(chlorideEquilibriumMm(5, K_REST_MM)).toBe(5);
    expect(chlorideEquilibriumMm(5, 7)).toBeCloseTo(10, 10);
  });
});
