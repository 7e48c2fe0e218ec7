/** From outcomes to the trial's figures, on hand-made outcomes (no simulation). */
import { describe, expect, it } from 'vitest';
import type { DrugName } from '../../src/model/pharmacology/drugs.ts';
import {
  CLINICAL_CUMULATIVE_SEIZURE_FREE,
  CLINICAL_REFRACTORY,
  wilsonInterval,
} from '../../src/model/runs/cohort/clinical.ts';
import type { PatientTraits } from '../../src/model/runs/cohort/population.ts';
import { dischargingText, summarize, worsenedText } from '../../src/model/runs/cohort/summary.ts';
import { COHORT_SETTINGS, type PatientOutcome } from '../../src/model/runs/cohort/trial.ts';

const PLAIN: PatientTraits = {
  kClearance: 0.6,
  lesion: null,
  lesionBlockerBinding: 1,
  pgp: 1,
  pgpHigh: false,
  scn1a: 1,
  dravet: false,
  inflammation: 0,
  adherence: 0.95,
  weightKg: 75,
};
const DRUGS: DrugName[] = ['carbamazepine', 'valproate', 'lamotrigine', 'levetiracetam'];

function outcome(index: number, seizureFreeOn: number | null, traits: Partial<PatientTraits> = {}): PatientOutcome {
  const tried = seizureFreeOn === null ? DRUGS.length : seizureFreeOn + 1;
  return {
    index,
    seed: 1000 + index,
    traits: { ...PLAIN, ...traits },
    severityDraws: 1,
    epileptic: true,
    baselineSeizureBurden: 0.5,
    baselineSeizures: 2,
    baselineRateEHz: 20,
    baselinePeakRate1sHz: 45,
    trials: DRUGS.slice(0, tried).map((drug, k) => ({
      drug,
      seizures: k === seizureFreeOn ? 0 : 1,
      seizureBurden: k === seizureFreeOn ? 0 : k === 0 && traits.dravet ? 0.8 : 0.5,
      rateEHz: k === seizureFreeOn ? 9 : 20,
      peakRate1sHz: k === seizureFreeOn ? 11 : 40,
      chiMean: 0.3,
      dischargesPerS: 0.5,
      brainUnboundUm: 10,
      pgpEffective: 1,
    })),
    seizureFreeOn,
  };
}

describe('summarize', () => {
  // 10 patients: 5 on the first drug, 2 on the second, none on the third, 1 on the fourth, 2 refractory
  // (one lesional with high P-gp, one Dravet-like whom the first drug made worse); 1 never seized.
  const outcomes = [
    ...[0, 1, 2, 3, 4].map((i) => outcome(i, 0)),
    outcome(5, 1, { lesion: { xMm: 1, yMm: 1, radiusMm: 0.4 } }),
    outcome(6, 1),
    outcome(7, 3),
    outcome(8, null, { lesion: { xMm: 1, yMm: 1, radiusMm: 0.4 }, pgp: 2, pgpHigh: true }),
    outcome(9, null, { dravet: true, scn1a: 0.5 }),
    { ...outcome(10, null), epileptic: false, trials: [], severityDraws: 10 },
  ].reverse();
  const s = summarize(3, DRUGS, 'substitution', COHORT_SETTINGS, outcomes);

  it('counts only the patients with epilepsy, and the cumulative fractions never fall', () => {
    expect(s.patients).toBe(11);
    expect(s.withEpilepsy).toBe(10);
    expect(s.withoutEpilepsy).toBe(1);
    expect(s.newlySeizureFree).toEqual([0.5, 0.2, 0, 0.1]);
    expect(s.cumulativeSeizureFree).toEqual([0.5, 0.7, 0.7, 0.8]);
    expect(s.refractoryFraction).toBeCloseTo(0.2, 12);
    expect(s.cumulativeCount).toEqual([5, 7, 7, 8]);
  });

  it('gives the rate of the seizure-free windows per drug, and of the untreated ones', () => {
    expect(s.seizureFreeRateEHz).toEqual([
      { min: 9, median: 9, max: 9 },
      { min: 9, median: 9, max: 9 },
      null,
      { min: 9, median: 9, max: 9 },
    ]);
    expect(s.untreatedRateEHz).toEqual({ min: 20, median: 20, max: 20 });
    const spread = summarize(3, DRUGS, 'substitution', COHORT_SETTINGS, [
      ...[8, 12, 16, 10].map((rate, i) => {
        const o = outcome(i, 0);
        return { ...o, baselineRateEHz: 15 + i, trials: [{ ...o.trials[0], rateEHz: rate }] };
      }),
    ]);
    // Median of an even count: the mean of the middle two.
    expect(spread.seizureFreeRateEHz[0]).toEqual({ min: 8, median: 11, max: 16 });
    expect(spread.untreatedRateEHz).toEqual({ min: 15, median: 16.5, max: 18 });
    expect(s.seizureFreeDischargesPerS[0]).toEqual({ min: 0.5, median: 0.5, max: 0.5 });
    expect(s.seizureFreeDischargesPerS[2]).toBeNull();
  });

  it('counts apart the patients a drug left without an event but discharging continuously', () => {
    expect(s.dischargingWithoutEvent).toEqual([0, 0, 0, 0]);
    // A lesional patient whose lesion bursts on without an event on the first drug: not seizure-free
    // (trial.ts, isSeizureFree), and counted here.
    const o = outcome(0, 1, { lesion: { xMm: 1, yMm: 1, radiusMm: 0.4 } });
    const bursting = {
      ...o,
      trials: [{ ...o.trials[0], seizures: 0, seizureBurden: 0, dischargesPerS: 5.2 }, o.trials[1]],
    };
    const t = summarize(3, DRUGS, 'substitution', COHORT_SETTINGS, [bursting]);
    expect(t.dischargingWithoutEvent).toEqual([1, 0, 0, 0]);
    expect(t.newlySeizureFree).toEqual([0, 1, 0, 0]);
    expect(dischargingText(s)).toBeNull();
    expect(dischargingText(t)).toBe(
      'Not counted as seizure-free: 1 patient on carbamazepine had no seizure-like event, but the sheet discharged ' +
        'more than once a second over the window (an EEG would read the ictal–interictal continuum or worse). ' +
        'The seizure-free patches discharged 0.50 times a second (0.50–0.50) on valproate.',
    );
  });

  it('gives each share its Wilson 95 % interval, and says whether the clinical figure lies inside it', () => {
    // 5 of 10: Wilson's interval is 0.237–0.763 (Brown, Cai & DasGupta 2001, table values).
    expect(s.cumulativeInterval[0].low).toBeCloseTo(0.2366, 3);
    expect(s.cumulativeInterval[0].high).toBeCloseTo(0.7634, 3);
    expect(s.refractoryInterval.low).toBeCloseTo(0.0567, 3);
    expect(s.refractoryInterval.high).toBeCloseTo(0.5098, 3);
    expect(s.clinicalInInterval).toEqual([true, true, true, null]);
    for (const [k, i] of s.cumulativeInterval.entries()) {
      expect(i.low).toBeLessThanOrEqual(s.cumulativeSeizureFree[k]);
      expect(i.high).toBeGreaterThanOrEqual(s.cumulativeSeizureFree[k]);
    }
  });

  it('gives the clinical figures and the distance in percentage points, none beyond the third drug', () => {
    expect(s.clinical.cumulativeSeizureFree).toEqual([...CLINICAL_CUMULATIVE_SEIZURE_FREE, null]);
    expect(s.distancePp).toEqual([3, 10, 7.5, null]);
    expect(s.refractoryDistancePp).toBeCloseTo(100 * (0.2 - CLINICAL_REFRACTORY), 9);
    expect(s.seed).toBe(3);
  });

  it('says who stayed refractory, mechanism by mechanism', () => {
    const row = (key: string) => s.mechanisms.find((m) => m.key === key);
    expect(row('lesion')).toMatchObject({
      cohortShare: 0.2,
      refractoryShare: 0.5,
      seizureFreeShare: 0.125,
      refractoryRate: 0.5,
    });
    expect(row('pgpHigh')).toMatchObject({ cohortShare: 0.1, refractoryShare: 0.5, refractoryRate: 1 });
    expect(row('dravet')).toMatchObject({ cohortShare: 0.1, refractoryShare: 0.5, seizureFreeShare: 0 });
    expect(row('inflamed')).toMatchObject({ cohortShare: 0, refractoryRate: null });
  });

  it('makes no clinical comparison for a sequence with a placebo in it', () => {
    const placebo = summarize(3, ['placebo'], 'substitution', COHORT_SETTINGS, [
      { ...outcome(0, null), trials: [{ ...outcome(0, null).trials[0], drug: 'placebo' }] },
    ]);
    expect(placebo.clinical.cumulativeSeizureFree).toEqual([null]);
    expect(placebo.distancePp).toEqual([null]);
    expect(placebo.clinical.refractory).toBeNull();
    expect(placebo.refractoryDistancePp).toBeNull();
    expect(placebo.clinicalInInterval).toEqual([null]);
  });

  it('counts whom a drug made worse among those who took it', () => {
    // The Dravet-like patient's burden rose on the first drug (0.5 → 0.8); everyone took it.
    expect(s.worsenedBy[0]).toBeCloseTo(0.1, 12);
    expect(s.worsenedBy[1]).toBe(0);
  });

  it('says whether the seizures a drug made worse were weaker or longer than untreated', () => {
    // The Dravet-like patient: one event filling 0.8 of the window against two filling 0.5 (0.25
    // each), so longer; its peak 40 Hz against 45 untreated is not a fifth lower, so not weaker.
    expect(s.worsenedHow[0]).toEqual({ patients: 1, weaker: 0, longer: 1 });
    expect(s.worsenedHow[1]).toEqual({ patients: 0, weaker: 0, longer: 0 });
    const base = outcome(0, null);
    const failing = (peakRate1sHz: number, seizures: number, seizureBurden: number): PatientOutcome => ({
      ...base,
      trials: [{ ...base.trials[0], peakRate1sHz, seizures, seizureBurden }],
    });
    const how = (o: PatientOutcome) => summarize(3, [DRUGS[0]], 'substitution', COHORT_SETTINGS, [o]).worsenedHow[0];
    // Untreated: 2 events, burden 0.5, peak 45 Hz. At 36 Hz (exactly 0.8 of 45) the events count as weaker.
    expect(how(failing(36, 2, 0.6))).toEqual({ patients: 1, weaker: 1, longer: 0 });
    expect(how(failing(36.5, 2, 0.6))).toEqual({ patients: 1, weaker: 0, longer: 0 });
    // 0.625 in two events is 1.25 times 0.25 per event: longer; 0.6 in two is not.
    expect(how(failing(30, 2, 0.625))).toEqual({ patients: 1, weaker: 1, longer: 1 });
    // Not made worse (burden within 0.05 of untreated): counted nowhere.
    expect(how(failing(30, 1, 0.55))).toEqual({ patients: 0, weaker: 0, longer: 0 });
  });

  it('says so in words, and calls the seizures milder only when most were weaker and longer', () => {
    expect(worsenedText(s)).toBe(
      'Time in seizure rose by more than 5 points of the window in 10.0 % of those who took carbamazepine (1 patient: the events were weaker than untreated in 0, each lasted longer in 1).',
    );
    const text = worsenedText({
      drugs: ['lamotrigine', 'valproate', 'carbamazepine'],
      worsenedBy: [0.5, 0, 0.25],
      worsenedHow: [
        { patients: 6, weaker: 6, longer: 5 },
        { patients: 0, weaker: 0, longer: 0 },
        { patients: 2, weaker: 0, longer: 0 },
      ],
    });
    expect(text).toBe(
      'Time in seizure rose by more than 5 points of the window in 50.0 % of those who took lamotrigine (6 patients: the events were weaker than untreated in 6, each lasted longer in 5) and 25.0 % of those who took carbamazepine (2 patients: the events were weaker than untreated in 0, each lasted longer in 0). Most of them had weaker seizures (a highest 1-s rate at least 20 % lower) that lasted longer (at least 25 % more time in seizure each): more time in seizure, but each milder.',
    );
    // Above, 6 of the 8 made worse were weaker and 5 longer: most. With 4 of 8 longer, not.
    const half = worsenedText({
      drugs: ['lamotrigine'],
      worsenedBy: [0.5],
      worsenedHow: [{ patients: 8, weaker: 8, longer: 4 }],
    });
    expect(half).not.toContain('milder');
    expect(
      worsenedText({ drugs: ['lamotrigine'], worsenedBy: [0], worsenedHow: [{ patients: 0, weaker: 0, longer: 0 }] }),
    ).toBeNull();
  });
});

describe('wilsonInterval', () => {
  it('stays inside 0…1 at the edges and narrows as the cohort grows', () => {
    expect(wilsonInterval(0, 40).low).toBe(0);
    // 0 of 40: the upper end is 8.8 % (the "rule of three" gives 7.5 %, Wilson a little more).
    expect(wilsonInterval(0, 40).high).toBeCloseTo(0.0876, 3);
    expect(wilsonInterval(40, 40).high).toBe(1);
    const small = wilsonInterval(47, 100);
    const large = wilsonInterval(470, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 0 });
  });

  it('refuses counts that are not whole numbers with 0 ≤ k ≤ n', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(/0 ≤ k ≤ n, got k 5, n 4/);
    expect(() => wilsonInterval(1.5, 4)).toThrow(/whole numbers/);
  });
});
