/** `run`: one JSON object with every field; parameters from scenario, --set and --seed in order. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRunReport, describeOnsetAndSpread, describeSeizure, type RunReport } from '../../src/cli/commands/run.ts';
import type { MonitorSummary } from '../../src/model/detect/monitors.ts';
import { reportSeizures } from '../../src/model/detect/seizure-report.ts';
import { defaultParams, PARAM_KEYS } from '../../src/model/params.ts';
import { runCli, spawnCli } from './helpers.ts';

/** A small sheet (16 × 16) for short runs. */
const SMALL = ['--set', 'side=16'];

function runJson(args: readonly string[]): RunReport {
  const r = runCli(['run', '--json', ...SMALL, ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as RunReport;
}

describe('run --json', () => {
  it('prints exactly one JSON object with every field', () => {
    const r = runCli(['run', '--json', ...SMALL, '--duration-s', '1.2', '--seed', '5']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(
      [
        'atHours',
        'chi',
        'drugs',
        'pgpEffective',
        'durationS',
        'interictalSpikes',
        'ions',
        'neurons',
        'params',
        'rateHz',
        'realtimeFactor',
        'rnsBursts',
        'scenario',
        'seed',
        'seizureBurden',
        'seizures',
        'settleS',
        'threads',
        'wallS',
      ].sort(),
    );
    const rep = report as unknown as RunReport;
    expect(rep.scenario).toBeNull();
    expect(rep.seed).toBe(5);
    expect(rep.durationS).toBeCloseTo(1.2, 9);
    expect(rep.neurons).toBe(256);
    expect(Object.keys(rep.params).sort()).toEqual([...PARAM_KEYS].sort());
    expect(rep.params).toEqual({ ...defaultParams(), side: 16, seed: 5 });
    expect(rep.rateHz.exc).toBeGreaterThan(0);
    expect(rep.rateHz.inh).toBeGreaterThan(0);
    // χ needs a full 1-s window: a 1.2-s run has one.
    expect(typeof rep.chi.mean).toBe('number');
    expect(rep.chi.max).toBeGreaterThanOrEqual(rep.chi.mean as number);
    expect(Array.isArray(rep.seizures)).toBe(true);
    expect(rep.seizureBurden).toBeGreaterThanOrEqual(0);
    expect(rep.seizureBurden).toBeLessThanOrEqual(1);
    expect(Number.isInteger(rep.interictalSpikes)).toBe(true);
    // Concentrations, whatever the ion tuning: positive and finite.
    expect(rep.ions.koMaxMm).toBeGreaterThan(0);
    expect(rep.ions.naiMaxMm).toBeGreaterThan(0);
    expect(typeof rep.ions.eGabaMeanMv).toBe('number');
    expect(rep.wallS).toBeGreaterThan(0);
    expect(rep.settleS).toBe(0);
    expect(rep.realtimeFactor).toBeCloseTo(rep.durationS / rep.wallS, 6);
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const a = runJson(['--duration-s', '0.5', '--seed', '7']);
    const b = runJson(['--duration-s', '0.5', '--seed', '7']);
    const c = runJson(['--duration-s', '0.5', '--seed', '8']);
    expect(b.rateHz).toEqual(a.rateHz);
    expect(b.ions).toEqual(a.ions);
    expect(c.rateHz).not.toEqual(a.rateHz);
  });

  it('takes parameters from the scenario, then --set in order, then --seed', () => {
    const fromScenario = runJson(['--scenario', 'ei-imbalance', '--duration-s', '0.2']);
    expect(fromScenario.scenario).toBe('ei-imbalance');
    expect(fromScenario.params.gaba).toBe(0.6);
    const overridden = runJson([
      '--scenario',
      'ei-imbalance',
      '--set',
      'gaba=0.9',
      '--set',
      'gaba=0.7',
      '--set',
      'seed=3',
      '--seed',
      '9',
      '--set',
      'lesion=1,1,0.3',
      '--duration-s',
      '0.2',
    ]);
    expect(overridden.params.gaba).toBe(0.7);
    expect(overridden.seed).toBe(9);
    expect(overridden.params.seed).toBe(9);
    expect(overridden.params.lesion).toEqual({ xMm: 1, yMm: 1, radiusMm: 0.3 });
  });

  it('runs a scenario file for its own duration unless --duration-s says otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refractory-run-'));
    const path = join(dir, 'short.json');
    writeFileSync(
      path,
      JSON.stringify({
        name: 'short',
        description: 'A short run on a small sheet.',
        params: { side: 16, drive: 1.5 },
        durationS: 0.3,
        demonstrates: 'docs/model.md §7 behaviour 1',
      }),
    );
    const own = JSON.parse(runCli(['run', '--json', '--scenario', path]).stdout) as RunReport;
    expect(own.scenario).toBe('short');
    expect(own.durationS).toBeCloseTo(0.3, 9);
    expect(own.params.drive).toBe(1.5);
    // A relative path resolves from the working directory.
    const relative = JSON.parse(
      runCli(['run', '--json', '--scenario', 'short.json', '--duration-s', '0.2'], { cwd: dir }).stdout,
    ) as RunReport;
    expect(relative.durationS).toBeCloseTo(0.2, 9);
  });

  it('as a real process: stdout is one parsable object and stderr is empty', () => {
    const r = spawnCli(['run', '--json', ...SMALL, '--duration-s', '0.3']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.neurons).toBe(256);
  });
});

describe('run --threads', () => {
  it('gives the same report as one thread, apart from the speed, and says how many ran', { timeout: 120_000 }, () => {
    const args = ['--set', 'gaba=0.5', '--duration-s', '1', '--seed', '3'];
    const withoutSpeed = (r: RunReport) => {
      const { wallS: _w, realtimeFactor: _r, threads: _t, ...rest } = r;
      return rest;
    };
    const one = runJson(args);
    const two = runJson([...args, '--threads', '2']);
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    expect(withoutSpeed(two)).toEqual(withoutSpeed(one));
    const text = runCli(['run', ...SMALL, '--duration-s', '0.2', '--threads', '2']);
    expect(text.stdout).toMatch(/speed +.*× real time on 2 threads/);
  });

  it('names a bad thread count and what is allowed', () => {
    for (const bad of ['0', '2.5', 'many']) {
      const r = runCli(['run', ...SMALL, '--threads', bad]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`error: --threads "${bad}" is not allowed: it takes a whole number in 1…16\n`);
    }
  });
});

describe('run --settle-s', () => {
  it('leaves the settling time out of the report and goes on without a break', { timeout: 120_000 }, () => {
    // A 16 × 16 sheet at gaba 0.3 has an event within its first seconds (from about 1 s).
    const sick = ['--set', 'gaba=0.3', '--seed', '4'];
    const whole = runJson([...sick, '--duration-s', '6']);
    const head = runJson([...sick, '--duration-s', '3']);
    const tail = runJson([...sick, '--settle-s', '3', '--duration-s', '3']);
    expect(whole.seizures.length).toBeGreaterThan(0);
    expect([tail.settleS, tail.durationS]).toEqual([3, 3]);
    // The same network and noise: the window's spikes are the whole run's less the settling time's.
    const nE = Math.round(0.8 * 256);
    const spikes = (r: RunReport) => r.rateHz.exc * nE * r.durationS;
    expect(spikes(tail)).toBeCloseTo(spikes(whole) - spikes(head), 6);
    // Events that end before the window are left out; one going on into it keeps its own times.
    const overlapping = whole.seizures.filter((e) => e.offsetS === null || e.offsetS > 3);
    expect(tail.seizures.map((e) => e.onsetS)).toEqual(overlapping.map((e) => e.onsetS));
    let inWindowS = 0;
    for (const e of overlapping) inWindowS += (e.offsetS ?? 6) - Math.max(e.onsetS, 3);
    expect(tail.seizureBurden).toBeCloseTo(inWindowS / 3, 9);
    // Speed counts every simulated second.
    expect(tail.realtimeFactor).toBeCloseTo(6 / tail.wallS, 6);
    const text = runCli(['run', ...SMALL, '--settle-s', '0.5', '--duration-s', '0.3']);
    expect(text.stdout).toMatch(
      /^run: seed 1, 256 neurons \(16 × 16\), 0\.3 s simulated after 0\.5 s of settling \(left out; times count from the start, so this window is 0\.5–0\.8 s\)\n/,
    );
  });

  it('names a bad settling time and what is allowed, and runs nothing', () => {
    for (const bad of ['-1', '601', 'long']) {
      const r = runCli(['run', ...SMALL, '--settle-s', bad]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: --settle-s "${bad}" is not allowed: it takes a number in 0…600 s\n`);
    }
  });
});

describe('buildRunReport', () => {
  it('reports each seizure with its figures, an ongoing event open, and the speed', () => {
    const seizures = [
      {
        onsetMs: 1500,
        offsetMs: 4250,
        onsetXMm: 0.5,
        onsetYMm: 1.25,
        recruitedFromMs: 700,
        onsetInLesion: true,
        spreadMmPerS: 0.4,
        spreadFitR2: 0.6,
        recruitedShare: 0.9,
      },
      {
        onsetMs: 8000,
        offsetMs: null,
        onsetXMm: 1,
        onsetYMm: 1,
        recruitedFromMs: null,
        onsetInLesion: false,
        spreadMmPerS: null,
        spreadFitR2: null,
        recruitedShare: 0.25,
      },
    ];
    const series = Array.from({ length: 100 }, (_, k) => ({
      tMs: (k + 1) * 100,
      rateEHz: 5,
      rateIHz: 20,
      chi: 0.6,
      rate1sHz: 5,
      discharges: 0,
      lfpPa: 0,
      koMaxMm: 4,
      koMeanMm: 3.5,
      naiMeanMm: 15,
      naiMeanEMm: 14,
      eGabaMeanMv: -72,
      inSeizure: false,
    }));
    const summary: MonitorSummary = {
      windowStartS: 0,
      durationS: 10,
      rateHz: { exc: 12, inh: 30 },
      chi: { mean: 0.3, max: 0.6 },
      seizures,
      seizureReports: reportSeizures(series, seizures, [2000, 3000], 10_000),
      seizureBurden: 0.475,
      interictalSpikes: 3,
      ions: { koMaxMm: 8, naiMaxMm: 20, eGabaMeanMv: -70 },
    };
    const r = buildRunReport(summary, { scenario: 'x', params: defaultParams(), neurons: 4096, wallS: 4 });
    expect(r.seizures.map((e) => [e.onsetS, e.offsetS, e.endedByItself, e.onsetXMm, e.onsetYMm])).toEqual([
      [1.5, 4.25, true, 0.5, 1.25],
      [8, null, false, 1, 1],
    ]);
    // Issue 14: where it started, from recruitment, and how fast it spread.
    expect(r.seizures.map((e) => [e.recruitedFromS, e.onsetInLesion, e.spreadMmPerS, e.recruitedShare])).toEqual([
      [0.7, true, 0.4, 0.9],
      [null, false, null, 0.25],
    ]);
    expect(describeOnsetAndSpread(r.seizures[0])).toBe(
      'from (0.50, 1.25) mm, inside the lesion; spread 0.40 mm/s over 90 % of the sheet',
    );
    expect(describeOnsetAndSpread(r.seizures[1])).toBe(
      'from (1.00, 1.00) mm (no tile at the ictal level: the most active tile), outside the lesion; recruited 25 % of the sheet with no measurable front',
    );
    // The interface of issue 12, for each seizure.
    for (const key of [
      'onsetS',
      'offsetS',
      'endedByItself',
      'rateBeforeHz',
      'rateDuringHz',
      'rateAfterHz',
      'chiDuring',
      'koPeakMm',
      'naiPeakMm',
      'burstsPerSFirstThird',
      'burstsPerSLastThird',
      'onsetXMm',
      'onsetYMm',
      'onsetInLesion',
      'spreadMmPerS',
      'recruitedShare',
    ]) {
      expect(Object.keys(r.seizures[0])).toContain(key);
    }
    expect(r.seizures[0].discharges).toBe(2);
    // Both began less than 10 s into the run: the rate before covers what the run had, and the
    // summary says so instead of calling it the 10 s before.
    expect(r.seizures.map((e) => e.rateBeforeWindowS)).toEqual([1.5, 8]);
    expect(describeSeizure(r.seizures[0])).toContain(
      '5.0 Hz in the 1.5 s before (all the run had: no interictal baseline)',
    );
    const later = reportSeizures(
      Array.from({ length: 200 }, (_, k) => ({ ...series[0], tMs: (k + 1) * 100 })),
      [{ ...seizures[0], onsetMs: 12_000, offsetMs: 15_000 }],
      [],
      20_000,
    );
    expect(later[0].rateBeforeWindowS).toBe(10);
    expect(describeSeizure(later[0])).toContain('5.0 Hz in the 10 s before, ');
    expect(r.seizures[0].rateAfterHz).toBeCloseTo(5, 9);
    expect(r.seizures[1].rateAfterHz).toBeNull();
    expect(r.realtimeFactor).toBe(2.5);
    expect(r.seed).toBe(1);
  });
});

describe('run (text)', () => {
  it('prints a readable summary and no progress bar for a short run, even on a terminal', () => {
    const r = runCli(['run', ...SMALL, '--set', 'gaba=0.8', '--duration-s', '0.3'], { stderrTTY: true });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^run: seed 1, 256 neurons \(16 × 16\), 0\.3 s simulated\n/);
    expect(r.stdout).toMatch(/parameters +gaba=0\.8 side=16\n/);
    for (const label of ['rates', 'synchrony χ', 'seizures', 'seizure burden', 'interictal', 'ions', 'speed']) {
      expect(r.stdout).toContain(label);
    }
  });
});
