/**
 * The ketogenic diet (docs/model.md §6, other therapies): a modest shift of the synaptic balance that
 * tips a borderline sheet back below threshold and leaves a severe one seizing.
 */
import { describe, expect, it } from 'vitest';
import { ketogenicFactors } from '../../src/model/modifiers/ketogenic.ts';
import { runSheet } from './run-sheet.ts';

describe('ketogenic diet', () => {
  it('is neutral when off and modest when on', () => {
    expect(ketogenicFactors(false)).toEqual({ release: 1, gaba: 1 });
    const on = ketogenicFactors(true);
    expect(on.release).toBeGreaterThanOrEqual(0.8);
    expect(on.release).toBeLessThan(1);
    expect(on.gaba).toBeGreaterThan(1);
    expect(on.gaba).toBeLessThanOrEqual(1.2);
  });

  it('stops a borderline sheet (gaba 0.75) and not a severe one (gaba 0.5)', () => {
    const borderline = runSheet({ gaba: 0.75 }, 40).summary.seizureBurden;
    const borderlineKeto = runSheet({ gaba: 0.75, ketogenic: true }, 40).summary.seizureBurden;
    const severeKeto = runSheet({ gaba: 0.5, ketogenic: true }, 30).summary.seizureBurden;
    expect(borderline).toBeGreaterThan(0.5);
    expect(borderlineKeto).toBeLessThan(0.5 * borderline);
    expect(severeKeto).toBeGreaterThan(0.5);
  });
});
