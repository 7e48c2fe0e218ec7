import { describe, expect, it } from 'vitest';
import type { FiCurves } from '../../src/model/reference/fi-curve.ts';
import { fiSummary } from '../../src/ui/cell/fi-summary.ts';

function curves(over: Partial<FiCurves>): FiCurves {
  const curve = { type: 'E' as const, currentsPa: new Float64Array(0), ratesHz: new Float64Array(0), rheobasePa: 328 };
  return {
    e: curve,
    i: { ...curve, type: 'I' as const, rheobasePa: 99 },
    gNapRatio: 0.2,
    scn1a: 1,
    napBlock: 0,
    restingFreeFraction: 1,
    inactivatedFreeFraction: 1,
    ...over,
  };
}

describe('fiSummary', () => {
  it('says when no sodium-channel drug acts', () => {
    expect(fiSummary(curves({}))).toBe(
      'Rheobase: pyramidal cell 328 pA, interneuron 99 pA (gNapRatio 0.20, scn1a 1.00, no sodium-channel drug).',
    );
  });

  it('gives a small resting block with a decimal, beside the use-dependent block of inactivated channels', () => {
    // Carbamazepine 400 mg/12 h at 72 h: resting affinity 0.0031, inactivated 0.31 (×100).
    const text = fiSummary(curves({ restingFreeFraction: 1 / 1.0031, inactivatedFreeFraction: 1 / 1.31 }));
    expect(text).toContain('block 0.3 % of resting channels, 24 % of inactivated ones');
    expect(text).toContain('and 0 % of the persistent current');
  });

  it('rounds shares of 10 % and more to whole numbers', () => {
    expect(fiSummary(curves({ napBlock: 0.1234, restingFreeFraction: 0.5, inactivatedFreeFraction: 0.1 }))).toContain(
      'block 50 % of resting channels, 90 % of inactivated ones (a cell that fires a lot feels more of the drug) and 12 % of the persistent current',
    );
  });
});
