/**
 * Benzodiazepines lose their effect as status epilepticus goes on: synaptic GABA_A receptors,
 * which carry the benzodiazepine site, are internalised over tens of minutes (Kapur & Macdonald
 * 1997; Naylor 2005). Diazepam 10 mg IV stops a seizing sheet (gaba 0.6) at the start of status
 * and barely changes it after an hour.
 */
import { describe, expect, it } from 'vitest';
import { synapticGabaFraction } from '../../src/model/modifiers/status-epilepticus.ts';
import { runSheet, type Treatment } from './run-sheet.ts';

const DIAZEPAM: Treatment = { drugs: ['diazepam=10iv'], atHours: 0.25 };

describe('status epilepticus and benzodiazepines', () => {
  it('loses about half the synaptic GABA_A receptors within the first hour, none at the start', () => {
    expect(synapticGabaFraction(0)).toBe(1);
    expect(synapticGabaFraction(30)).toBeCloseTo(1 - 0.5 * (1 - Math.exp(-1)), 12);
    expect(synapticGabaFraction(60)).toBeGreaterThan(0.5);
    expect(synapticGabaFraction(60)).toBeLessThan(0.6);
    expect(() => synapticGabaFraction(-1)).toThrow(/statusMin must be a number ≥ 0/);
  });

  it('diazepam stops the seizures at the start of status, and not after an hour of it', () => {
    const early = runSheet({ gaba: 0.7, statusMin: 0 }, 30, {}, DIAZEPAM).summary.seizureBurden;
    const lateUntreated = runSheet({ gaba: 0.7, statusMin: 60 }, 30).summary.seizureBurden;
    const late = runSheet({ gaba: 0.7, statusMin: 60 }, 30, {}, DIAZEPAM).summary.seizureBurden;
    expect(early).toBe(0);
    expect(lateUntreated).toBeGreaterThan(0.5);
    expect(late).toBeGreaterThan(0.8 * lateUntreated);
  });
});
