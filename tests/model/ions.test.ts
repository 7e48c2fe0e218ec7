import { describe, expect, it } from 'vitest';
import { EXCITATORY, INHIBITORY } from '../../src/model/dynamics/cells.ts';
import { chlorideEquilibriumMm, leakReversalMv } from '../../src/model/dynamics/ions.ts';
import {
  egabaMv,
  ekMv,
  K_REST_MM,
  NA_REST_MM,
  PUMP_ACTIVITY_REST,
  pumpActivity,
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

  it('runs the pump at its resting value at rest and faster with more Na⁺ or K⁺', () => {
    expect(pumpActivity(NA_REST_MM, K_REST_MM)).toBe(PUMP_ACTIVITY_REST);
    expect(pumpActivity(25, K_REST_MM)).toBeGreaterThan(50 * PUMP_ACTIVITY_REST);
    expect(pumpActivity(NA_REST_MM, 8)).toBeGreaterThan(5 * PUMP_ACTIVITY_REST);
  });

  it('moves the chloride transporters’ equilibrium with Ko (KCC2 thermodynamics)', () => {
    expect(chlorideEquilibriumMm(5, K_REST_MM)).toBe(5);
    expect(chlorideEquilibriumMm(5, 7)).toBeCloseTo(10, 10);
  });
});
