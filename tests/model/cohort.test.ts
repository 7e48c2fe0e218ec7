/** The trial's request: drug sequences, patient counts, and how patients are split among workers. */
import { describe, expect, it } from 'vitest';
import { DrugError } from '../../src/model/pharmacology/regimen.ts';
import {
  checkCohortSpec,
  DEFAULT_TRIAL_DRUGS,
  parseDrugSequence,
  splitPatients,
  TRIAL_DRUGS,
} from '../../src/model/runs/cohort/cohort.ts';

describe('the trial drugs', () => {
  it('are the maintenance antiseizure drugs of the table and the placebo, and the default sequence uses them', () => {
    expect(TRIAL_DRUGS).toEqual([
      'phenytoin',
      'carbamazepine',
      'lamotrigine',
      'valproate',
      'phenobarbital',
      'levetiracetam',
      'placebo',
    ]);
    expect(DEFAULT_TRIAL_DRUGS).not.toContain('placebo');
    for (const d of DEFAULT_TRIAL_DRUGS) expect(TRIAL_DRUGS).toContain(d);
  });
});

describe('parseDrugSequence', () => {
  it('reads a comma-separated sequence in order, ignoring spaces and case', () => {
    expect(parseDrugSequence('carbamazepine, Valproate ,lamotrigine')).toEqual([
      'carbamazepine',
      'valproate',
      'lamotrigine',
    ]);
  });

  it('refuses an empty list, unknown or acute drugs and repeats, naming what is allowed', () => {
    expect(() => parseDrugSequence(' , ')).toThrow(DrugError);
    expect(() => parseDrugSequence('')).toThrow(/the drug sequence is empty; give one or more of phenytoin, /);
    expect(() => parseDrugSequence('aspirin')).toThrow(
      /"aspirin" cannot be given in a trial; the trial's drugs are phenytoin, carbamazepine/,
    );
    expect(() => parseDrugSequence('carbamazepine,diazepam')).toThrow(
      /"diazepam" cannot be given in a trial.*acute and research drugs/,
    );
    expect(() => parseDrugSequence('valproate,valproate')).toThrow(/valproate is listed twice in the sequence/);
  });
});

describe('checkCohortSpec', () => {
  const ok = { seed: 1, patients: 10, drugs: ['valproate' as const], mode: 'substitution' as const, observeS: 120 };
  it('passes a good spec and refuses bad counts, seeds, modes and windows', () => {
    expect(() => checkCohortSpec({ ...ok, observeS: 10 })).toThrow(
      /the observation window must be a number of seconds in 100…600, got 10/,
    );
    expect(() => checkCohortSpec({ ...ok, observeS: Number.NaN })).toThrow(/observation window/);
    expect(checkCohortSpec(ok)).toEqual(ok);
    expect(() => checkCohortSpec({ ...ok, patients: 0 })).toThrow(/patients must be a whole number in 1…2000, got 0/);
    expect(() => checkCohortSpec({ ...ok, patients: 2.5 })).toThrow(/patients/);
    expect(() => checkCohortSpec({ ...ok, seed: -3 })).toThrow(/seed must be a whole number in 0…4294967295/);
    expect(() => checkCohortSpec({ ...ok, mode: 'both' as never })).toThrow(
      /mode must be substitution or add-on, got both/,
    );
    expect(() => checkCohortSpec({ ...ok, drugs: [] })).toThrow(/empty/);
  });
});

describe('splitPatients', () => {
  it('gives every patient to exactly one worker, in contiguous shares of nearly equal size', () => {
    for (const [patients, workers] of [
      [1, 1],
      [1, 4],
      [7, 2],
      [10, 3],
      [400, 8],
    ]) {
      const shares = splitPatients(patients, workers);
      expect(shares.length).toBe(Math.min(patients, workers));
      expect(shares.flat()).toEqual(Array.from({ length: patients }, (_, i) => i));
      const sizes = shares.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});
