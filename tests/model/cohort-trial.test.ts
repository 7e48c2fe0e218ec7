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
  type PatientOutcome,
  regimensAt,
  runPatient,
  type TrialSettings,
} from '../../src/model/runs/cohort/trial.ts';

/** A cheap sheet for the tests of bookkeeping (16 × 16, 4 s): outcomes still depend on every draw. */
const CHEAP: TrialSettings = { side: 16, windowS: 4, atHours: 336 };
const DRUGS: DrugName[] = ['carbamazepine', 'valproate'];

function run(indices: number[], settings: TrialSettings): PatientOutcome[] {
  const out: PatientOutcome[] = [];
  runPatients({ seed: 5, drugs: DRUGS, mode: 'substitution' }, indices, (o) => out.push(o), settings);
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

describe('runPatient', () => {
  it('depends only on (seed, index, drugs): not on the split among workers or the order', () => {
    const together = run([0, 1, 2, 3], CHEAP);
    const split = [...run([2, 3], CHEAP), ...run([0], CHEAP), ...run([1], CHEAP)].sort((a, b) => a.index - b.index);
    expect(split).toEqual(together);
    expect(together.map((o) => o.seed)).toEqual([0, 1, 2, 3].map((i) => patientSeed(5, i)));
    // Different patients differ (their draws are not one stream shared out).
    expect(new Set(together.map((o) => o.traits.gaba)).size).toBeGreaterThan(1);
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
      if (o.seizureFreeOn === null) expect(o.trials.every((t) => t.seizures > 0)).toBe(true);
      else {
        expect(o.trials.length).toBe(o.seizureFreeOn + 1);
        expect(o.trials[o.seizureFreeOn].seizures).toBe(0);
        expect(o.trials.slice(0, -1).every((t) => t.seizures > 0)).toBe(true);
      }
    }
  });
});

describe('a small cohort at the trial settings (seed 1)', () => {
  it('reports the same figures with its seed every time', () => {
    const outcomes: PatientOutcome[] = [];
    runPatients({ seed: 1, drugs: DRUGS, mode: 'substitution' }, [0, 1, 2, 3], (o) => outcomes.push(o));
    const s = summarize(1, DRUGS, 'substitution', COHORT_SETTINGS, outcomes);
    expect(s.seed).toBe(1);
    expect(outcomes.map((o) => o.seed)).toEqual([0, 1, 2, 3].map((i) => patientSeed(1, i)));
    expect({
      withEpilepsy: s.withEpilepsy,
      cumulativeSeizureFree: s.cumulativeSeizureFree,
      seizureFreeOn: outcomes.map((o) => o.seizureFreeOn),
      gaba: outcomes.map((o) => o.traits.gaba),
    }).toMatchInlineSnapshot(`
      {
        "cumulativeSeizureFree": [
          0,
          0,
        ],
        "gaba": [
          0.515,
          0.652,
          0.651,
          0.659,
        ],
        "seizureFreeOn": [
          null,
          null,
          null,
          null,
        ],
        "withEpilepsy": 4,
      }
    `);
  });
});
