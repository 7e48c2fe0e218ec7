/**
 * The F–I curves of the page (src/model/reference/fi-curve.ts): the `neuron` command's protocol
 * with what the settings change in a lone cell.
 */
import { describe, expect, it } from 'vitest';
import { NEURON_DEFAULT_DT_MS, NEURON_DEFAULT_DURATION_MS } from '../../src/cli/commands/neuron.ts';
import { NO_DRUG_EFFECTS } from '../../src/model/modifiers/drug-effects.ts';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { FI_DT_MS, FI_DURATION_MS, FI_STEP_PA, fiCurves, fiCurvesFor } from '../../src/model/reference/fi-curve.ts';
import { findRheobase, simulateReferenceNeuron } from '../../src/model/reference/single-neuron.ts';

const at = (set: Record<string, unknown>) => withParams(defaultParams(), set);
const rateAt = (curve: { currentsPa: Float64Array; ratesHz: Float64Array }, pa: number) =>
  curve.ratesHz[curve.currentsPa.indexOf(pa)];

describe('F–I curves', () => {
  it('run the neuron command’s protocol: its step and duration, and its rheobase and rates without drugs', () => {
    expect(FI_DT_MS).toBe(NEURON_DEFAULT_DT_MS);
    expect(FI_DURATION_MS).toBe(NEURON_DEFAULT_DURATION_MS);
    const curves = fiCurves(defaultParams(), NO_DRUG_EFFECTS);
    expect(curves.e.currentsPa[1] - curves.e.currentsPa[0]).toBe(FI_STEP_PA);
    for (const curve of [curves.e, curves.i]) {
      const plain = findRheobase({
        type: curve.type,
        gNapRatio: defaultParams().gNapRatio,
        durationMs: FI_DURATION_MS,
        dtMs: FI_DT_MS,
        tolerancePa: 1,
      }).rheobasePa;
      // At rest the slow gate is open (h∞ ≈ 1 below −50 mV): the same threshold to a picoampere.
      expect(Math.abs((curve.rheobasePa ?? Number.NaN) - plain)).toBeLessThanOrEqual(1.5);
      // Above it the gate closes a little with each spike; the rates stay within 15 % at 500 pA.
      const reference = simulateReferenceNeuron({
        type: curve.type,
        currentPa: 500,
        durationMs: FI_DURATION_MS,
        dtMs: FI_DT_MS,
        gNapRatio: defaultParams().gNapRatio,
      }).spikeTimesMs.length;
      expect(rateAt(curve, 500)).toBeGreaterThan(0.85 * reference);
      expect(rateAt(curve, 500)).toBeLessThanOrEqual(reference);
      // Zero below the rheobase, firing above it.
      expect(rateAt(curve, 0)).toBe(0);
      expect(curve.ratesHz[Math.ceil((curve.rheobasePa ?? 0) / FI_STEP_PA) + 1]).toBeGreaterThan(0);
    }
  });

  it('move the rheobase down as persistent sodium grows (the persistent-sodium lesson)', () => {
    const rheobase = [0, 0.3, 0.8].map((gNapRatio) => fiCurves(at({ gNapRatio }), NO_DRUG_EFFECTS).e.rheobasePa ?? 0);
    expect(rheobase[0]).toBeGreaterThan(rheobase[1] + 100);
    expect(rheobase[1]).toBeGreaterThan(rheobase[2] + 100);
  });

  it('show Dravet interneurons failing under strong drive, pyramidal cells unchanged (the Dravet lesson)', () => {
    const wild = fiCurves(defaultParams(), NO_DRUG_EFFECTS);
    const dravet = fiCurves(at({ scn1a: 0.5 }), NO_DRUG_EFFECTS);
    expect(Array.from(dravet.e.ratesHz)).toEqual(Array.from(wild.e.ratesHz));
    expect(rateAt(dravet.i, 300)).toBeLessThan(0.5 * rateAt(wild.i, 300));
    expect(dravet.scn1a).toBe(0.5);
  });

  it('take the drugs at their brain level on the patient clock: phenytoin raises the pyramidal rheobase', () => {
    const none = fiCurvesFor(defaultParams(), { drugs: [], atHours: 72 });
    const phenytoin = fiCurvesFor(defaultParams(), { drugs: ['phenytoin=200/12'], atHours: 72 });
    expect(phenytoin.napBlock).toBeGreaterThan(0);
    expect(phenytoin.restingFreeFraction).toBeLessThan(1);
    expect(phenytoin.e.rheobasePa ?? 0).toBeGreaterThan((none.e.rheobasePa ?? 0) + 5);
  });
});
