/**
 * Virtual patients through a drug sequence: the same (seed, index, drugs) always gives the same
 * outcome, however the patients are split among workers, and a small cohort's figures are pinned
 * with their seed.
 */
import { describe, expect, it } from 'vitest';
import type { DrugName } from '../../src/model/pharmacology/drugs.ts';
import { runPatients } from '../../src/model/runs/cohort/cohort.ts';
import { patientSeed } from '../../src/model/runs/cohort/population.ts';
import { summarize } from '../../src/model/runs/cohort/summary.ts';
import {
  COHORT_SETTINGS,
  dischargesWithoutEvent,
  isSeizureFree,
  type PatientOutcome,
  periodSeed,
  regimensAt,
  runPatient,
  SEIZURE_FREE_MAX_DISCHARGES_PER_S,
  type TrialSettings,
  withObserveS,
} from '../../src/model/runs/cohort/trial.ts';

/** A cheap sheet for the tests of bookkeeping (16 × 16, 2 s settling, 4 s watched): outcomes still depend on every draw. */
const CHEAP: TrialSettings = { side: 16, settleS: 2, observeS: 4, atHours: 336 };
const DRUGS: DrugName[] = ['carbamazepine', 'valproate'];

function run(indices: number[], settings: TrialSettings): PatientOutcome[] {
  const out: PatientOutcome[] = [];
  runPatients(
    { seed: 5, drugs: DRUGS, mode: 'substitution', observeS: settings.observeS },
    indices,
    (o) => out.push(o),
    settings,
  );
  return out;
}

describe('regimensAt', () => {
  it('gives each drug alone in substitution and on top of the ones before in add-on', () => {
    const drugs: DrugName[] = ['carbamazepine', 'valproate', 'lamotrigine'];
    expect(regimensAt(drugs, 1, 'substitution').map((r) => r.drug)).toEqual(['valproate']);
    expect(regimensAt(drugs, 2, 'add-on').map((r) => r.drug)).toEqual(['carbamazepine', 'valproate', 'lamotrigine']);
    expect(regimensAt(drugs, 0, 'substitution')[0]).toEqual({
      drug: 'carbamazepine',
      route: 'oral',
      doseMg: 400,
      everyH: 12,
    });
  });
});

describe('the verdict and the window', () => {
  it('counts a patient seizure-free when no event overlaps the window and the sheet does not discharge continuously', () => {
    expect(isSeizureFree({ seizures: 0, dischargesPerS: 0.05 })).toBe(true);
    expect(isSeizureFree({ seizures: 1, dischargesPerS: 0.05 })).toBe(false);
    expect(isSeizureFree({ seizures: 3, dischargesPerS: 0.05 })).toBe(false);
    // The line is ACNS's lower edge of the ictal–interictal continuum, 1 a second, inclusive.
    expect(SEIZURE_FREE_MAX_DISCHARGES_PER_S).toBe(1);
    expect(isSeizureFree({ seizures: 0, dischargesPerS: 1 })).toBe(true);
    expect(isSeizureFree({ seizures: 0, dischargesPerS: 1.01 })).toBe(false);
    // A lesion bursting on 2–5 times a second without an event (the trial's lesional windows).
    expect(isSeizureFree({ seizures: 0, dischargesPerS: 5.2 })).toBe(false);
    expect(dischargesWithoutEvent({ seizures: 0, dischargesPerS: 5.2 })).toBe(true);
    expect(dischargesWithoutEvent({ seizures: 2, dischargesPerS: 5.2 })).toBe(false);
    expect(dischargesWithoutEvent({ seizures: 0, dischargesPerS: 0.3 })).toBe(false);
  });

  it('takes an observation window in 100…600 s and keeps the rest of the settings', () => {
    expect(withObserveS(120)).toEqual({ ...COHORT_SETTINGS, observeS: 120 });
    expect(() => withObserveS(99)).toThrow(/the observation window must be a number of seconds in 100…600, got 99/);
    expect(() => withObserveS(Number.POSITIVE_INFINITY)).toThrow(/observation window/);
  });

  it('gives each observation period its own network seed, the untreated one the patient’s', () => {
    expect(periodSeed(12345, 0)).toBe(12345);
    const seeds = [1, 2, 3].map((k) => periodSeed(12345, k));
    expect(new Set([12345, ...seeds]).size).toBe(4);
    expect(periodSeed(12345, 2)).toBe(seeds[1]);
  });
});

describe('runPatient', () => {
  it('depends only on (seed, index, drugs): not on the split among workers or the order', () => {
    const together = run([0, 1, 2, 3], CHEAP);
    const split = [...run([2, 3], CHEAP), ...run([0], CHEAP), ...run([1], CHEAP)].sort((a, b) => a.index - b.index);
    expect(split).toEqual(together);
    expect(together.map((o) => o.seed)).toEqual([0, 1, 2, 3].map((i) => patientSeed(5, i)));
    // Different patients differ (their draws are not one stream shared out).
    expect(new Set(together.map((o) => o.traits.kClearance)).size).toBeGreaterThan(1);
  });

  it('gives a different patient for a different cohort seed, and the same mechanisms for any drug list', () => {
    const a = runPatient(5, 0, DRUGS, 'substitution', CHEAP);
    const b = runPatient(6, 0, DRUGS, 'substitution', CHEAP);
    expect(b.seed).not.toBe(a.seed);
    const other = runPatient(5, 0, ['levetiracetam'], 'substitution', CHEAP);
    expect(other.traits).toEqual(a.traits);
    expect(other.baselineSeizureBurden).toBe(a.baselineSeizureBurden);
  });

  it('treats only patients whose untreated sheet seized, and stops at the first drug that works', () => {
    for (const o of run([0, 1, 2, 3, 4, 5], CHEAP)) {
      if (!o.epileptic) {
        expect(o.trials).toEqual([]);
        continue;
      }
      expect(o.baselineSeizureBurden).toBeGreaterThan(0);
      if (o.seizureFreeOn === null) expect(o.trials.every((t) => !isSeizureFree(t))).toBe(true);
      else {
        expect(o.trials.length).toBe(o.seizureFreeOn + 1);
        expect(o.trials[o.seizureFreeOn].seizures).toBe(0);
        expect(isSeizureFree(o.trials[o.seizureFreeOn])).toBe(true);
        expect(o.trials.slice(0, -1).every((t) => !isSeizureFree(t))).toBe(true);
      }
    }
  });
});

describe('a small cohort at the trial settings (seed 1)', () => {
  it('reports the same figures with its seed every time', () => {
    const outcomes: PatientOutcome[] = [];
    // One patient: at the trial's 120-s window each of its runs is 171 s of network time.
    runPatients({ seed: 1, drugs: DRUGS, mode: 'substitution', observeS: COHORT_SETTINGS.observeS }, [0], (o) =>
      outcomes.push(o),
    );
    const s = summarize(1, DRUGS, 'substitution', COHORT_SETTINGS, outcomes);
    expect(s.seed).toBe(1);
    expect(outcomes.map((o) => o.seed)).toEqual([patientSeed(1, 0)]);
    expect({
      withEpilepsy: s.withEpilepsy,
      cumulativeSeizureFree: s.cumulativeSeizureFree,
      seizureFreeOn: outcomes.map((o) => o.seizureFreeOn),
      kClearance: outcomes.map((o) => o.traits.kClearance),
    }).toMatchInlineSnapshot(`
      {
        "cumulativeSeizureFree": [
          0,
          0,
        ],
        "kClearance": [
          0.449,
        ],
        "seizureFreeOn": [
          null,
        ],
        "withEpilepsy": 1,
      }
    `);
  });
});
