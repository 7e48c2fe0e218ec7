/**
 * Bad input: status 2, nothing on stdout, and exactly one line on stderr that names the problem
 * and what is allowed; never a stack trace.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/main.ts';
import { ParamError } from '../../src/model/params.ts';
import { CapturedStream, expectOneLineError, runCli, spawnCli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'refractory-cli-'));
function scenarioFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const goodScenario = {
  name: 'custom',
  description: 'A custom scenario.',
  params: { gaba: 0.8 },
  durationS: 1,
  demonstrates: 'docs/model.md §7 behaviour 2',
};

describe('commands', () => {
  it('unknown command', () => {
    expectOneLineError(
      runCli(['frobnicate']),
      /unknown command "frobnicate"; commands: run, neuron, bench, pk, params, scenarios, cohort, lessons, help/,
    );
  });
  it('missing command', () => {
    expectOneLineError(runCli([]), /missing command; commands: run, neuron, bench, pk, params, scenarios, cohort/);
  });
  it('help for an unknown command', () => {
    expectOneLineError(runCli(['help', 'frobnicate']), /unknown command "frobnicate"/);
  });
});

describe('flags', () => {
  it('unknown flag, listing the allowed ones', () => {
    expectOneLineError(
      runCli(['run', '--speed', '3']),
      /unknown flag --speed for "run"; its flags are --scenario, --set, --duration-s, --settle-s, --seed, --drug, --at-hours, --threads, --json/,
    );
    expectOneLineError(runCli(['params', '--all']), /unknown flag --all for "params"; its flags are --json/);
  });
  it('missing value, at the end or before another flag', () => {
    expectOneLineError(runCli(['run', '--seed']), /--seed needs a value, e.g. --seed N/);
    expectOneLineError(runCli(['run', '--seed', '--json']), /--seed needs a value/);
    expectOneLineError(runCli(['run', '--duration-s=']), /--duration-s needs a value, e.g. --duration-s S/);
    expectOneLineError(runCli(['neuron', '--type']), /--type needs a value, e.g. --type E\|I/);
  });
  it('a value given to a switch, a repeated flag, a stray argument', () => {
    expectOneLineError(runCli(['run', '--json=yes']), /--json takes no value/);
    expectOneLineError(runCli(['run', '--seed', '1', '--seed', '2']), /--seed is given more than once/);
    expectOneLineError(runCli(['run', 'healthy']), /unexpected argument "healthy" for "run"; its flags are/);
    expectOneLineError(runCli(['run', '-s', '3']), /unexpected argument "-s"/);
  });
});

describe('parameters', () => {
  it('unknown key', () => {
    expectOneLineError(
      runCli(['run', '--set', 'gabba=1']),
      /unknown parameter "gabba"; known parameters: glutamate, gaba, gNapRatio/,
    );
  });
  it('value out of range, and malformed values', () => {
    expectOneLineError(runCli(['run', '--set', 'gaba=4']), /gaba=4 is not allowed: gaba takes a number in 0…3/);
    expectOneLineError(runCli(['run', '--set', 'gaba=abc']), /gaba="abc" is not allowed: gaba takes a number in 0…3/);
    expectOneLineError(runCli(['run', '--set', 'gaba=']), /gaba="" is not allowed/);
    expectOneLineError(
      runCli(['run', '--set', 'pumpNaSensitivity=1.5']),
      /pumpNaSensitivity=1\.5 is not allowed: pumpNaSensitivity takes a number in 0…1 fraction/,
    );
    expectOneLineError(
      runCli(['run', '--set', 'pumpNaSensitivity=-0.1']),
      /pumpNaSensitivity=-0\.1 is not allowed: pumpNaSensitivity takes a number in 0…1/,
    );
    expectOneLineError(runCli(['run', '--set', 'side=20.5']), /side takes a whole number in 16…128/);
    expectOneLineError(
      runCli(['run', '--set', 'dtMs=1']),
      /dtMs=1 is not allowed: dtMs takes a number in 0\.01…0\.2 ms/,
    );
  });
  it('--set without KEY=VALUE', () => {
    expectOneLineError(runCli(['run', '--set', 'gaba']), /--set needs KEY=VALUE, e.g. --set gaba=0\.5; got "gaba"/);
    expectOneLineError(runCli(['run', '--set', '=1']), /--set needs KEY=VALUE/);
  });
  it('bad seeds and durations', () => {
    expectOneLineError(
      runCli(['run', '--seed', '-1']),
      /seed=-1 is not allowed: seed takes a whole number in 0…4294967295/,
    );
    expectOneLineError(runCli(['run', '--seed', '1.5']), /seed=1\.5 is not allowed/);
    expectOneLineError(
      runCli(['run', '--duration-s', '0']),
      /--duration-s "0" is not allowed: it takes a number in 0\.1…3600 s/,
    );
    expectOneLineError(runCli(['run', '--duration-s', 'Infinity']), /--duration-s "Infinity" is not allowed/);
    expectOneLineError(runCli(['run', '--duration-s', '1e400']), /--duration-s "1e400" is not allowed/);
  });
});

describe('scenarios', () => {
  it('unknown scenario name, listing the available ones', () => {
    expectOneLineError(
      runCli(['run', '--scenario', 'nope']),
      /unknown scenario "nope"; available: dravet, dravet-lamotrigine, ei-imbalance, focal-dysplasia, healthy, inflamed, ketogenic, nap-gain, neonatal, rns, sprouting, status-benzodiazepine, transporter, vns, or a path to a \.json file/,
    );
    expectOneLineError(runCli(['run', '--scenario', '../package']), /scenario file \.\.\/package does not exist/);
  });
  it('missing file', () => {
    expectOneLineError(
      runCli(['run', '--scenario', join(dir, 'absent.json')]),
      /scenario file .*absent\.json does not exist/,
    );
  });
  it('invalid JSON', () => {
    const path = scenarioFile('broken.json', '{"name": "broken",');
    expectOneLineError(runCli(['run', '--scenario', path]), /scenario .*broken\.json: invalid JSON: /);
  });
  it('malformed content: unknown field, wrong type, bad parameter', () => {
    const extra = scenarioFile('extra.json', JSON.stringify({ ...goodScenario, colour: 'red' }));
    expectOneLineError(
      runCli(['run', '--scenario', extra]),
      /extra\.json: unknown field "colour"; a scenario has the fields name, description, params, durationS, demonstrates/,
    );
    const wrongType = scenarioFile('type.json', JSON.stringify({ ...goodScenario, durationS: '1' }));
    expectOneLineError(
      runCli(['run', '--scenario', wrongType]),
      /type\.json: "durationS" must be a number of seconds in 0\.1…3600/,
    );
    const badParam = scenarioFile('param.json', JSON.stringify({ ...goodScenario, params: { gaba: -1 } }));
    expectOneLineError(
      runCli(['run', '--scenario', badParam]),
      /param\.json: "params": gaba=-1 is not allowed: gaba takes a number in 0…3/,
    );
    const notObject = scenarioFile('array.json', '[]');
    expectOneLineError(runCli(['run', '--scenario', notObject]), /array\.json: a scenario must be a JSON object/);
  });
  it('a file over the size limit is refused before it is read', () => {
    const big = scenarioFile('big.json', ' '.repeat(70_000));
    expectOneLineError(
      runCli(['run', '--scenario', big]),
      /big\.json is 70000 bytes; a scenario file may have at most 65536/,
    );
  });
  it('a malformed file in the scenario folder makes `scenarios` and `run --scenario` fail, naming it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'refractory-scenarios-'));
    writeFileSync(join(folder, 'good.json'), JSON.stringify({ ...goodScenario, name: 'good' }));
    writeFileSync(join(folder, 'wrong.json'), JSON.stringify({ ...goodScenario, name: 'other' }));
    expectOneLineError(
      runCli(['scenarios'], { scenarioDir: folder }),
      /wrong\.json: "name" is "other" but the file is wrong\.json/,
    );
    expectOneLineError(
      runCli(['run', '--scenario', 'wrong'], { scenarioDir: folder }),
      /wrong\.json: "name" is "other"/,
    );
  });
});

describe('neuron and bench', () => {
  it('neuron: missing or bad type, other parameters, out-of-range numbers', () => {
    expectOneLineError(runCli(['neuron']), /neuron needs --type E or --type I/);
    expectOneLineError(runCli(['neuron', '--type', 'X']), /--type "X" is not allowed: it takes E or I/);
    expectOneLineError(
      runCli(['neuron', '--type', 'E', '--set', 'glutamate=2']),
      /neuron takes only --set gNapRatio=X; "glutamate" has no effect/,
    );
    expectOneLineError(
      runCli(['neuron', '--type', 'E', '--set', 'gNapRatio=2']),
      /gNapRatio=2 is not allowed: gNapRatio takes a number in 0…1/,
    );
    expectOneLineError(
      runCli(['neuron', '--type', 'E', '--dt-ms', '1']),
      /--dt-ms "1" is not allowed: it takes a number in 0\.001…0\.2 ms/,
    );
    expectOneLineError(
      runCli(['neuron', '--type', 'I', '--current-pa', '1e6']),
      /--current-pa "1e6" is not allowed: it takes a number in -10000…10000 pA/,
    );
    expectOneLineError(runCli(['neuron', '--type', 'I', '--duration-ms', '0']), /--duration-ms "0" is not allowed/);
  });
  it('bench: unknown model, sizes that are not allowed', () => {
    expectOneLineError(runCli(['bench', '--model', 'hh']), /--model "hh" is not allowed: it takes coba or default/);
    expectOneLineError(
      runCli(['bench', '--model', 'default', '--neurons', '5000']),
      /--neurons "5000" is not allowed for --model default: it must be side² with side a whole number in 16…128/,
    );
    expectOneLineError(runCli(['bench', '--model', 'default', '--neurons', '65536']), /side a whole number in 16…128/);
    expectOneLineError(
      runCli(['bench', '--neurons', '50']),
      /--neurons "50" is not allowed: it takes a whole number in 100…20000/,
    );
    expectOneLineError(runCli(['bench', '--duration-s', '-1']), /--duration-s "-1" is not allowed/);
  });
});

describe('errors raised inside the engine', () => {
  it('a ParamError becomes one line and status 2; anything else one line and status 1', () => {
    const stderr = new CapturedStream();
    const ctx = { stdout: new CapturedStream(), stderr, cwd: '.', scenarioDir: '.' };
    expect(reportError(new ParamError('drive=9 is not allowed: drive takes a number in 0…3\nsecond line'), ctx)).toBe(
      2,
    );
    expect(stderr.text).toBe('error: drive=9 is not allowed: drive takes a number in 0…3\n');
    stderr.text = '';
    expect(reportError(new TypeError('x is undefined'), ctx)).toBe(1);
    expect(stderr.text).toBe('internal error: x is undefined\n');
  });
});

describe('as a real process', () => {
  it('exits with status 2 and one line, no stack trace', () => {
    const r = spawnCli(['run', '--set', 'gaba=4']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: gaba=4 is not allowed: gaba takes a number in 0…3\n');
  });
});
