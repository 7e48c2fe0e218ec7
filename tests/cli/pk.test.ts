/** `pk`: drug levels on the patient clock through the command line. */
import { describe, expect, it } from 'vitest';
import type { PkReport } from '../../src/cli/commands/pk.ts';
import { drugEffects } from '../../src/model/pharmacology/pd.ts';
import { simulatePk } from '../../src/model/pharmacology/pk.ts';
import { expectOneLineError, runCli, spawnCli } from './helpers.ts';

const adult = { pgp: 1, penetration: 1, adherence: 1, weightKg: 70, inflammation: 0, seed: 1 };

describe('pk', () => {
  it('--json gives the model’s series, the range and Kp,uu for each drug', () => {
    const r = runCli(['pk', '--drug', 'phenytoin=200/12', '--drug', 'diazepam=10iv', '--hours', '48', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as PkReport;
    const expected = simulatePk(
      adult,
      [
        { drug: 'phenytoin', route: 'oral', doseMg: 200, everyH: 12 },
        { drug: 'diazepam', route: 'iv', doseMg: 10 },
      ],
      48,
      1,
    );
    expect(report.hours).toBe(48);
    expect(report.stepH).toBe(1);
    expect(report.inputs).toEqual(adult);
    expect(report.timesH).toEqual(expected.timesH);
    expect(report.pgpEffective).toEqual(expected.pgpEffective);
    expect(report.drugs.map((d) => d.regimen)).toEqual(['phenytoin=200/12', 'diazepam=10iv']);
    const [pht, dzp] = report.drugs;
    expect(pht).toMatchObject({
      drug: 'phenytoin',
      route: 'oral',
      doseMg: 200,
      everyH: 12,
      therapeuticMgL: { low: 10, high: 20 },
      dosesScheduled: 4,
      dosesTaken: 4,
      missedDosesH: [],
    });
    expect(pht.plasmaTotalMgL).toEqual(expected.drugs[0].plasmaTotalMgL);
    expect(pht.plasmaUnboundUm).toEqual(expected.drugs[0].plasmaUnboundUm);
    expect(pht.brainUnboundUm).toEqual(expected.drugs[0].brainUnboundUm);
    expect(pht.kpuu.every((k) => k === 1)).toBe(true);
    expect(pht.effectsAtEnd).toEqual(drugEffects('phenytoin', pht.brainUnboundUm[48]));
    expect(pht.effectsAtEnd.naChannel).toBeLessThan(0);
    expect(dzp).toMatchObject({ route: 'iv', everyH: null, therapeuticMgL: null, dosesScheduled: 1 });
  });

  it('defaults to a week sampled every 2 h; --set acts on P-gp, adherence and weight', () => {
    const r = runCli([
      'pk',
      '--drug',
      'phenobarbital=100/24',
      '--set',
      'pgp=2',
      '--set',
      'adherence=0.5',
      '--set',
      'seed=4',
      '--set',
      'gaba=0.5',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as PkReport;
    expect(report.hours).toBe(168);
    expect(report.stepH).toBe(2);
    expect(report.timesH).toHaveLength(85);
    expect(report.inputs).toEqual({ ...adult, pgp: 2, adherence: 0.5, seed: 4 });
    expect(report.drugs[0].kpuu[0]).toBeCloseTo(0.75, 12);
    expect(report.drugs[0].dosesTaken).toBeLessThan(7);
    expect(report.drugs[0].missedDosesH.length).toBe(7 - report.drugs[0].dosesTaken);
  });

  it('prints a readable table with the range, Kp,uu and doses', () => {
    const r = runCli(['pk', '--drug', 'levetiracetam=1500/12', '--hours', '72', '--step-h', '6']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^pk: 72 h on the patient clock, sampled every 6 h \(an educational model, not medical advice\)/,
    );
    expect(r.stdout).toContain('levetiracetam: 1500 mg by mouth every 12 h (SV2A: lowers release probability U)');
    expect(r.stdout).toMatch(/range +therapeutic 12–46 mg\/L total; last 24 h [\d.]+–[\d.]+ mg\/L, inside the range/);
    expect(r.stdout).toMatch(/Kp,uu +1\.000 at 0 h → 1\.000 at 72 h/);
    expect(r.stdout).toMatch(/doses +6 of 6 taken/);
    expect(r.stdout).toMatch(/effect at 72 h +releaseU −\d+\.\d %/);
    const tq = runCli(['pk', '--drug', 'tariquidar=150/24', '--hours', '24']);
    expect(tq.stdout).toMatch(/effect at 24 h +acts on the barrier, not on neurons/);
    expect(r.stdout).toMatch(/time h +plasma total mg\/L +plasma unbound µM +brain unbound µM/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^ {2}72 +[\d.]+ +[\d.]+ +[\d.]+$/);
  });
});

describe('pk: bad input exits with status 2 and one line', () => {
  it('no --drug', () => {
    expectOneLineError(runCli(['pk']), /pk needs at least one --drug NAME=DOSE_MG\/EVERY_H/);
  });
  it('unknown drug, listing the known ones', () => {
    expectOneLineError(
      runCli(['pk', '--drug', 'aspirin=100/8']),
      /unknown drug "aspirin"; known drugs: phenytoin, carbamazepine, lamotrigine, valproate, phenobarbital, diazepam, midazolam, levetiracetam, bumetanide, tariquidar, celecoxib/,
    );
  });
  it('malformed regimen, showing the accepted forms', () => {
    for (const text of ['phenytoin', 'phenytoin=100', 'phenytoin=100mg/8h', 'phenytoin=ten/8']) {
      expectOneLineError(
        runCli(['pk', '--drug', text]),
        /malformed drug regimen .*; write NAME=DOSE_MG\/EVERY_H \(oral, e\.g\. phenytoin=100\/8\) or NAME=DOSE_MGiv \(one IV bolus, e\.g\. diazepam=10iv\)/,
      );
    }
  });
  it('zero or negative dose', () => {
    expectOneLineError(
      runCli(['pk', '--drug', 'phenytoin=0/8']),
      /phenytoin=0\/8: the dose must be a positive number of mg/,
    );
    expectOneLineError(runCli(['pk', '--drug', 'phenytoin=-100/8']), /the dose must be a positive number of mg/);
    expectOneLineError(runCli(['pk', '--drug', 'diazepam=0iv']), /diazepam=0iv: the dose must be a positive number/);
  });
  it('a dose above 10× the maximum daily dose', () => {
    expectOneLineError(
      runCli(['pk', '--drug', 'carbamazepine=20000/24']),
      /20000 mg\/day is more than 10× the maximum daily dose of carbamazepine \(1600 mg\/day\); at most 16000 mg\/day/,
    );
    expectOneLineError(
      runCli(['pk', '--drug', 'midazolam=1000iv']),
      /more than 10× the maximum daily dose of midazolam/,
    );
  });
  it('non-positive interval', () => {
    expectOneLineError(runCli(['pk', '--drug', 'phenytoin=100/0']), /the interval must be a positive number of hours/);
    expectOneLineError(runCli(['pk', '--drug', 'phenytoin=100/-8']), /the interval must be a positive number of hours/);
  });
  it('the same drug twice', () => {
    expectOneLineError(
      runCli(['pk', '--drug', 'phenytoin=100/8', '--drug', 'phenytoin=200/12']),
      /--drug phenytoin is listed twice/,
    );
  });
  it('bad --hours and --step-h', () => {
    expectOneLineError(
      runCli(['pk', '--drug', 'phenytoin=100/8', '--hours', '0']),
      /--hours "0" is not allowed: it takes a number in 0\.5…4380 h/,
    );
    expectOneLineError(runCli(['pk', '--drug', 'phenytoin=100/8', '--hours', 'week']), /--hours "week" is not allowed/);
    expectOneLineError(
      runCli(['pk', '--drug', 'phenytoin=100/8', '--step-h', '0']),
      /--step-h "0" is not allowed: it takes a number in 0\.05…168 h/,
    );
    expectOneLineError(
      runCli(['pk', '--drug', 'phenytoin=100/8', '--hours', '4000', '--step-h', '0.1']),
      /gives more than 20000 samples over 4000 h; use a step of at least 0\.2 h/,
    );
  });
  it('bad --set, through the parameter table', () => {
    expectOneLineError(
      runCli(['pk', '--drug', 'phenytoin=100/8', '--set', 'pgp=5']),
      /pgp=5 is not allowed: pgp takes a number in 0\.5…4/,
    );
    expectOneLineError(runCli(['pk', '--drug', 'phenytoin=100/8', '--set', 'weight=70']), /unknown parameter "weight"/);
    expectOneLineError(runCli(['pk', '--drug', 'phenytoin=100/8', '--set', 'gaba=7']), /gaba=7 is not allowed/);
  });
  it('unknown flag, and --drug without a value', () => {
    expectOneLineError(
      runCli(['pk', '--dose', '5']),
      /unknown flag --dose for "pk"; its flags are --drug, --hours, --step-h, --set, --json/,
    );
    expectOneLineError(runCli(['pk', '--drug']), /--drug needs a value/);
  });
  it('as a real process: status 2, one line, no stack trace', () => {
    const r = spawnCli(['pk', '--drug', 'phenytoin=100/0']);
    expectOneLineError(r, /the interval must be a positive number of hours/);
  });
});
