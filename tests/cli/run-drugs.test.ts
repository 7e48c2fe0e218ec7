/** `run --drug` and scenario drugs: the patient clock's concentrations reach the network. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/cli/commands/run.ts';
import { expectOneLineError, runCli } from './helpers.ts';

const SMALL = ['--set', 'side=16', '--duration-s', '0.5'];

function runJson(args: readonly string[], options: { scenarioDir?: string } = {}): RunReport {
  const r = runCli(['run', '--json', ...SMALL, ...args], options);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as RunReport;
}

/** `run` on the small sheet with bad input: the shared one-line error check. */
function expectRunError(args: readonly string[], pattern: RegExp): void {
  expectOneLineError(runCli(['run', ...SMALL, ...args]), pattern);
}

describe('run with drugs', () => {
  it('reports each drug at the patient-clock time, with its targets, and P-gp', () => {
    const r = runJson(['--drug', 'carbamazepine=400/12', '--drug', 'diazepam=10iv', '--at-hours', '48']);
    expect(r.atHours).toBe(48);
    expect(r.pgpEffective).toBeCloseTo(1, 6);
    expect(r.drugs.map((d) => d.name)).toEqual(['carbamazepine', 'diazepam']);
    const cbz = r.drugs[0];
    expect(cbz.regimen).toBe('carbamazepine=400/12');
    expect(cbz.plasmaTotalMgL).toBeGreaterThan(4);
    expect(cbz.plasmaTotalMgL).toBeLessThan(12);
    expect(cbz.brainUnboundUm).toBeGreaterThan(0);
    expect(cbz.kpuu).toBeCloseTo(1, 6);
    expect(cbz.effect.naChannel).toBeLessThan(0);
    // 48 h after one 10 mg bolus (t½ 36 h) diazepam is still there, and raises GABA_A conductance.
    expect(r.drugs[1].effect.gabaConductance).toBeGreaterThan(0);
  });

  it('runs without drugs exactly as before, and a drug changes the network', () => {
    const none = runJson(['--seed', '3']);
    expect(none.drugs).toEqual([]);
    const again = runJson(['--seed', '3', '--at-hours', '10']);
    expect(again.rateHz).toEqual(none.rateHz);
    const treated = runJson(['--seed', '3', '--drug', 'diazepam=10iv', '--at-hours', '1']);
    expect(treated.rateHz.exc).toBeLessThan(none.rateHz.exc);
  });

  it('takes drugs from a scenario, adds --drug to them, and lets --drug replace a drug it names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refractory-drugs-'));
    writeFileSync(
      join(dir, 'treated.json'),
      JSON.stringify({
        name: 'treated',
        description: 'a test scenario with drugs',
        params: {},
        durationS: 0.5,
        demonstrates: 'nothing; a test',
        drugs: ['phenytoin=200/12'],
        atHours: 96,
      }),
    );
    const a = runJson(['--scenario', 'treated'], { scenarioDir: dir });
    expect(a.atHours).toBe(96);
    expect(a.drugs.map((d) => d.regimen)).toEqual(['phenytoin=200/12']);
    const b = runJson(['--scenario', 'treated', '--drug', 'levetiracetam=1500/12'], { scenarioDir: dir });
    expect(b.drugs.map((d) => d.regimen)).toEqual(['phenytoin=200/12', 'levetiracetam=1500/12']);
    const c = runJson(['--scenario', 'treated', '--drug', 'phenytoin=150/12', '--at-hours', '24'], {
      scenarioDir: dir,
    });
    expect(c.drugs.map((d) => d.regimen)).toEqual(['phenytoin=150/12']);
    expect(c.atHours).toBe(24);
  });

  it('refuses bad drug input with status 2 and one line naming what is allowed', () => {
    expectRunError(['--drug', 'aspirin=100/8'], /unknown drug "aspirin"; known drugs: phenytoin, /);
    expectRunError(['--drug', 'phenytoin=100'], /malformed drug regimen "phenytoin=100"; write NAME=DOSE_MG\/EVERY_H/);
    expectRunError(['--drug', 'phenytoin=-5/8'], /the dose must be a positive number of mg/);
    expectRunError(['--drug', 'phenytoin=20000/8'], /more than 10× the maximum daily dose of phenytoin/);
    expectRunError(['--drug', 'phenytoin=100/8', '--drug', 'phenytoin=50/8'], /phenytoin is listed twice/);
    expectRunError(['--at-hours', '-1'], /--at-hours "-1" is not allowed: it takes a number in 0…8760 h/);
  });
});
