/** `cohort`: the virtual trial on the command line. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CohortReport } from '../../src/cli/commands/cohort.ts';
import { CLINICAL_CUMULATIVE_SEIZURE_FREE } from '../../src/model/runs/cohort/clinical.ts';
import { patientSeed } from '../../src/model/runs/cohort/population.ts';
import type { CliResult } from './helpers.ts';
import { expectOneLineError, runCli, spawnCli } from './helpers.ts';

/** Two patients, each drug watched 100 s (the shortest window the flag takes) to keep the test short. */
const SMALL = ['--patients', '2', '--drugs', 'carbamazepine,valproate', '--seed', '4', '--observe-s', '100'];

describe('cohort --json', () => {
  let r: CliResult;
  let report: CohortReport;
  beforeAll(() => {
    r = runCli(['cohort', ...SMALL, '--workers', '1', '--json']);
    report = JSON.parse(r.stdout) as CohortReport;
  });

  it('prints one object with the figures, the seeds, the clinical reference and the distances', () => {
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(report.seed).toBe(4);
    expect(report.patients).toBe(2);
    expect(report.drugs).toEqual(['carbamazepine', 'valproate']);
    expect(report.mode).toBe('substitution');
    expect(report.cumulativeSeizureFree).toHaveLength(2);
    expect(report.cumulativeSeizureFree[1]).toBeGreaterThanOrEqual(report.cumulativeSeizureFree[0]);
    for (const f of report.cumulativeSeizureFree) expect(f >= 0 && f <= 1).toBe(true);
    expect(report.clinical.cumulativeSeizureFree).toEqual(CLINICAL_CUMULATIVE_SEIZURE_FREE.slice(0, 2));
    expect(report.clinical.source).toMatch(/Kwan & Brodie 2000/);
    report.distancePp.forEach((d, k) => {
      expect(d).toBeCloseTo(100 * (report.cumulativeSeizureFree[k] - CLINICAL_CUMULATIVE_SEIZURE_FREE[k]), 1);
    });
    expect(report.refractoryFraction).toBeCloseTo(1 - report.cumulativeSeizureFree[1], 12);
    expect(report.mechanisms.map((m) => m.key)).toEqual([
      'severeK',
      'lesion',
      'inflamed',
      'pgpHigh',
      'dravet',
      'nonAdherent',
    ]);
    expect(report.patientOutcomes.map((o) => o.seed)).toEqual([0, 1].map((i) => patientSeed(4, i)));
    expect(report.settings).toEqual({ side: 32, settleS: 40, observeS: 100, atHours: 336 });
    expect(report.cumulativeInterval).toHaveLength(2);
    report.cumulativeInterval.forEach((i, k) => {
      expect(i.low).toBeLessThanOrEqual(report.cumulativeSeizureFree[k]);
      expect(i.high).toBeGreaterThanOrEqual(report.cumulativeSeizureFree[k]);
    });
    expect(report.wallS).toBeGreaterThan(0);
  });

  it('gives the same figures from two worker threads as from one (the real program)', () => {
    const threaded = spawnCli(['cohort', ...SMALL, '--workers', '2', '--json']);
    expect(threaded.status).toBe(0);
    const t = JSON.parse(threaded.stdout) as CohortReport;
    expect(t.workers).toBe(2);
    expect(t.cumulativeSeizureFree).toEqual(report.cumulativeSeizureFree);
    expect(t.patientOutcomes).toEqual(report.patientOutcomes);
  });
});

describe('cohort, text', () => {
  it('prints the table next to the clinical figures and who stayed refractory', () => {
    const r = runCli(['cohort', '--patients', '1', '--drugs', 'levetiracetam', '--workers', '1', '--observe-s', '100']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^cohort: seed 1, 1 patients/);
    expect(r.stdout).toContain('each drug watched 100 s (after 40 s of settling)');
    expect(r.stdout).toMatch(/1\. levetiracetam +\d/);
    expect(r.stdout).toMatch(/95 % interval/);
    expect(r.stdout).toMatch(
      /Is the clinical figure inside the cohort's 95 % interval\? after levetiracetam (yes|no)\./,
    );
    expect(r.stdout).toMatch(/refractory +\d/);
    expect(r.stdout).toContain('who stayed refractory:');
    expect(r.stdout).toContain('not medical advice');
  });
});

describe('cohort, placebo', () => {
  it('labels the placebo arm and makes no clinical comparison for it', () => {
    const r = runCli(['cohort', '--patients', '1', '--drugs', 'placebo', '--workers', '1', '--observe-s', '100']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1. placebo (no effect: placebo arm)');
    expect(r.stdout).toContain('no clinical comparison (a placebo is in the sequence)');
  });
});

describe('cohort, bad input', () => {
  it('names the flag and what it takes', () => {
    expectOneLineError(
      runCli(['cohort', '--patients', '0']),
      /--patients "0" is not allowed: it takes a whole number in 1…2000/,
    );
    expectOneLineError(runCli(['cohort', '--patients', 'ten']), /--patients "ten" is not allowed/);
    expectOneLineError(
      runCli(['cohort', '--seed', '-1']),
      /--seed "-1" is not allowed: it takes a whole number in 0…4294967295/,
    );
    expectOneLineError(
      runCli(['cohort', '--drugs', 'carbamazepine,aspirin']),
      /"aspirin" cannot be given in a trial; the trial's drugs are phenytoin/,
    );
    expectOneLineError(runCli(['cohort', '--drugs', 'valproate,valproate']), /valproate is listed twice/);
    expectOneLineError(
      runCli(['cohort', '--drugs', 'diazepam']),
      /acute and research drugs have no maintenance regimen/,
    );
    expectOneLineError(
      runCli(['cohort', '--mode', 'both']),
      /--mode "both" is not allowed: it takes substitution or add-on/,
    );
    expectOneLineError(
      runCli(['cohort', '--observe-s', '5']),
      /--observe-s "5" is not allowed: it takes a number in 100…600 s/,
    );
    expectOneLineError(
      runCli(['cohort', '--workers', '0']),
      /--workers "0" is not allowed: it takes a whole number in 1…16/,
    );
    expectOneLineError(
      runCli(['cohort', '--patient', '3']),
      /unknown flag --patient for "cohort"; its flags are --patients/,
    );
  });

  it('is listed in help with its flags', () => {
    expect(runCli(['help']).stdout).toMatch(/\n {2}cohort +a virtual trial/);
    const help = runCli(['help', 'cohort']).stdout;
    for (const flag of [
      '--patients N',
      '--drugs A,B,C',
      '--seed S',
      '--mode',
      '--observe-s S',
      '--workers N',
      '--json',
    ])
      expect(help).toContain(flag);
  });
});
