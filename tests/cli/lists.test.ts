/** `params`, `scenarios` and `help` list what exists. */
import { describe, expect, it } from 'vitest';
import { describeRange, formatParamValue, PARAM_SPECS } from '../../src/model/params.ts';
import { runCli } from './helpers.ts';

describe('params', () => {
  it('lists every key with its default, range, unit and description', () => {
    const r = runCli(['params']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^key +default +range +unit +description$/);
    for (const spec of PARAM_SPECS) {
      const line = lines.find((l) => l.startsWith(`${spec.key} `));
      expect(line, spec.key).toBeDefined();
      expect(line).toContain(formatParamValue(spec.key, spec.default));
      expect(line).toContain(describeRange(spec));
      expect(line?.endsWith(spec.description)).toBe(true);
    }
  });

  it('--json gives the same table', () => {
    const { params } = JSON.parse(runCli(['params', '--json']).stdout) as { params: { key: string; range: string }[] };
    expect(params.map((p) => p.key)).toEqual(PARAM_SPECS.map((s) => s.key));
    expect(params.find((p) => p.key === 'gaba')?.range).toBe('a number in 0…3');
  });
});

describe('scenarios', () => {
  it('lists the shipped scenarios with their one-line lessons', () => {
    const r = runCli(['scenarios']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^name +description\n/);
    expect(r.stdout).toMatch(/\nei-imbalance +Weaken GABA_A inhibition/);
    expect(r.stdout).toMatch(/\nhealthy +A healthy cortical patch at rest/);
  });

  it('--json gives the validated scenarios', () => {
    const { scenarios } = JSON.parse(runCli(['scenarios', '--json']).stdout) as {
      scenarios: { name: string; params: Record<string, unknown> }[];
    };
    expect(scenarios.map((s) => s.name)).toEqual([
      'dravet',
      'dravet-lamotrigine',
      'ei-imbalance',
      'focal-dysplasia',
      'healthy',
      'inflamed',
      'ketogenic',
      'nap-gain',
      'neonatal',
      'rns',
      'sprouting',
      'status-benzodiazepine',
      'transporter',
      'vns',
    ]);
    expect(scenarios.find((s) => s.name === 'ei-imbalance')?.params).toEqual({ gaba: 0.6 });
  });
});

describe('help', () => {
  it('lists the commands, and each command its flags', () => {
    const all = runCli(['help']);
    expect(all.status).toBe(0);
    for (const name of ['run', 'neuron', 'bench', 'params', 'scenarios', 'cohort'])
      expect(all.stdout).toMatch(new RegExp(`\\n  ${name} `));
    const run = runCli(['run', '--help']);
    expect(run.status).toBe(0);
    for (const flag of ['--scenario', '--set', '--duration-s', '--seed', '--json']) expect(run.stdout).toContain(flag);
    expect(runCli(['help', 'bench']).stdout).toContain('--neurons N');
  });
});
