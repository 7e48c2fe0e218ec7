/** Regimen text: the accepted forms, and one clear line for every mistake. */
import { describe, expect, it } from 'vitest';
import { DRUG_NAMES, DRUGS } from '../../src/model/pharmacology/drugs.ts';
import {
  DrugError,
  formatRegimen,
  parseRegimen,
  standardRegimen,
  validateRegimen,
} from '../../src/model/pharmacology/regimen.ts';

function expectDrugError(fn: () => unknown, pattern: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DrugError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  expect(message).toMatch(pattern);
}

describe('parseRegimen', () => {
  it('reads oral and IV regimens', () => {
    expect(parseRegimen('phenytoin=100/8')).toEqual({ drug: 'phenytoin', route: 'oral', doseMg: 100, everyH: 8 });
    expect(parseRegimen(' Diazepam = 10iv ')).toEqual({ drug: 'diazepam', route: 'iv', doseMg: 10 });
    expect(parseRegimen('valproate=250.5/7.5')).toEqual({
      drug: 'valproate',
      route: 'oral',
      doseMg: 250.5,
      everyH: 7.5,
    });
    expect(parseRegimen('midazolam=5 IV')).toEqual({ drug: 'midazolam', route: 'iv', doseMg: 5 });
  });

  it('round-trips through formatRegimen, and every standard regimen is valid', () => {
    for (const drug of DRUG_NAMES) {
      const r = standardRegimen(drug);
      expect(parseRegimen(formatRegimen(r))).toEqual(r);
    }
  });

  it('unknown drug: lists the known ones', () => {
    expectDrugError(
      () => parseRegimen('aspirin=100/8'),
      /unknown drug "aspirin"; known drugs: phenytoin, carbamazepine, .*celecoxib, placebo$/,
    );
  });

  it('malformed text: shows the accepted forms', () => {
    for (const text of [
      'phenytoin',
      'phenytoin=',
      'phenytoin=100',
      'phenytoin=100/8/2',
      'phenytoin=abc/8',
      '=100/8',
      'phenytoin=1e400/8x',
      'phenytoin=10 mg/8',
    ]) {
      expectDrugError(
        () => parseRegimen(text),
        /malformed drug regimen .*; write NAME=DOSE_MG\/EVERY_H \(oral, e\.g\. phenytoin=100\/8\) or NAME=DOSE_MGiv/,
      );
    }
  });

  it('zero or negative dose', () => {
    expectDrugError(() => parseRegimen('phenytoin=0/8'), /phenytoin=0\/8: the dose must be a positive number of mg/);
    expectDrugError(() => parseRegimen('phenytoin=-100/8'), /the dose must be a positive number of mg/);
    expectDrugError(() => parseRegimen('diazepam=0iv'), /diazepam=0iv: the dose must be a positive number of mg/);
  });

  it('a dose above 10× the maximum daily dose', () => {
    expectDrugError(
      () => parseRegimen('phenytoin=6001/24'),
      /phenytoin=6001\/24: 6001 mg\/day is more than 10× the maximum daily dose of phenytoin \(600 mg\/day\); at most 6000 mg\/day/,
    );
    expectDrugError(() => parseRegimen('diazepam=401iv'), /more than 10× the maximum daily dose of diazepam/);
    // Small doses often add up: 300 mg every hour is 7200 mg/day.
    expectDrugError(() => parseRegimen('phenytoin=300/1'), /7200 mg\/day is more than 10×/);
    expect(parseRegimen('phenytoin=6000/24').doseMg).toBe(6000);
    // One dose a week is still one dose: its amount is what is checked.
    expectDrugError(() => parseRegimen('phenytoin=7000/168'), /more than 10×/);
  });

  it('zero, negative or too short interval', () => {
    expectDrugError(
      () => parseRegimen('phenytoin=100/0'),
      /phenytoin=100\/0: the interval must be a positive number of hours/,
    );
    expectDrugError(() => parseRegimen('phenytoin=100/-8'), /the interval must be a positive number of hours/);
    expectDrugError(() => parseRegimen('phenytoin=1/0.1'), /the interval must be at least 0\.5 h/);
  });

  it('validateRegimen checks typed regimens from code and files the same way', () => {
    expectDrugError(
      () => validateRegimen({ drug: 'nope' as 'phenytoin', route: 'iv', doseMg: 1 }),
      /unknown drug "nope"/,
    );
    expectDrugError(
      () => validateRegimen({ drug: 'phenytoin', route: 'oral', doseMg: Number.NaN, everyH: 8 }),
      /the dose must be a positive number/,
    );
    expectDrugError(
      () => validateRegimen({ drug: 'phenytoin', route: 'oral', doseMg: 100, everyH: 8, stopH: -1 }),
      /the stop time must be a number of hours ≥ 0/,
    );
    expect(DRUGS.phenytoin.maxDailyMg).toBe(600);
  });
});
