/**
 * The virtual trial's premise (docs/model.md §6 "The virtual trial"; docs/notes/real-seizures.md
 * §28), through the trial's own sheet and observation (runs/cohort/observe.ts, COHORT_SETTINGS:
 * 32 × 32, 40 s settled, 120 s watched, drugs at two weeks): the severity band's two ends seize
 * untreated, and lamotrigine's verdict is a margin between states, not a line through one — it holds
 * a sheet above its line at a healthy sheet's rate, far under the same sheet's seizures, and lets
 * recurring events through below it. Seeds 3 and 4: the band and the lines were measured on 11 and
 * 12, the trial is reported on 2.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { standardRegimen } from '../../src/model/pharmacology/regimen.ts';
import { observe } from '../../src/model/runs/cohort/observe.ts';
import { SEVERITY_BANDS } from '../../src/model/runs/cohort/population.ts';
import {
  COHORT_SETTINGS,
  isSeizureFree,
  SEIZURE_FREE_MAX_DISCHARGES_PER_S,
} from '../../src/model/runs/cohort/trial.ts';

const BAND = SEVERITY_BANDS[0];

function watch(kClearance: number, seed: number, drug: 'lamotrigine' | null, scn1a = 1) {
  const params = withParams(defaultParams(), { side: COHORT_SETTINGS.side, kClearance, scn1a, seed });
  return observe(params, COHORT_SETTINGS, {
    regimens: drug ? [standardRegimen(drug)] : [],
    atHours: COHORT_SETTINGS.atHours,
    seizureBurden: 0,
  });
}

// A controlled sheet sits at a healthy sheet's rate (8–10 Hz at this size), with no 1-s rate near
// the detector's 20-Hz onset.
function expectControlled(o: ReturnType<typeof watch>) {
  expect(o.seizures).toBe(0);
  // The trial's verdict, which also asks that the sheet not discharge continuously.
  expect(isSeizureFree(o), JSON.stringify(o)).toBe(true);
  expect(o.rateEHz).toBeLessThan(11);
  expect(o.peakRate1sHz).toBeLessThan(15);
}

// One run per test, so that no test holds several long simulations.
describe('the virtual trial’s premise (32 × 32, the trial’s window)', () => {
  it('the band’s mildest sheet seizes untreated', () => {
    const o = watch(BAND.max, 3, null);
    expect(o.seizures).toBeGreaterThanOrEqual(1);
    expect(o.peakRate1sHz).toBeGreaterThan(35);
  });

  it('the band’s most severe sheet seizes untreated', () => {
    const o = watch(BAND.min, 3, null);
    expect(o.seizures).toBeGreaterThanOrEqual(1);
    expect(o.peakRate1sHz).toBeGreaterThan(35);
  });

  let untreatedPeakHz = Number.NaN;
  it('a sheet above lamotrigine’s line seizes untreated …', () => {
    const o = watch(0.62, 3, null);
    expect(o.seizures).toBeGreaterThanOrEqual(1);
    untreatedPeakHz = o.peakRate1sHz;
  });

  for (const seed of [3, 4]) {
    it(`… and lamotrigine holds it at under a third of its seizures' rate (seed ${seed})`, () => {
      const o = watch(0.62, seed, 'lamotrigine');
      expectControlled(o);
      expect(untreatedPeakHz / o.rateEHz).toBeGreaterThan(3);
    });
  }

  it('below the line lamotrigine lets recurring events through, well above the controlled rate', () => {
    const o = watch(0.45, 3, 'lamotrigine');
    expect(o.seizures).toBeGreaterThanOrEqual(2);
    expect(o.peakRate1sHz).toBeGreaterThan(2.5 * 10);
  });

  // The state the rule on continuous discharges is for (docs/notes/real-seizures.md §41–§42): a
  // Dravet-like sheet (interneurons' Nav1.1 halved) on lamotrigine, above the drug's line for a
  // sheet with normal interneurons, has no event the detector calls but keeps discharging (at
  // kClearance 0.55–0.6, seeds 3 and 4: 2.08–2.09 a second, 14.3–14.8 Hz, χ 0.48–0.49), so it is
  // not seizure-free, as lamotrigine can aggravate Dravet syndrome (Guerrini 1998).
  it('a Dravet-like sheet on lamotrigine is not seizure-free: it discharges continuously', () => {
    const o = watch(0.6, 3, 'lamotrigine', 0.5);
    expect(isSeizureFree(o), JSON.stringify(o)).toBe(false);
    if (o.seizures === 0) expect(o.dischargesPerS).toBeGreaterThan(1.5 * SEIZURE_FREE_MAX_DISCHARGES_PER_S);
  });
});
