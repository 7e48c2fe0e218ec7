import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/model/params.ts';
import {
  parseScenarioText,
  SCENARIO_MAX_BYTES,
  ScenarioError,
  scenarioParams,
  utf8Bytes,
  validateScenario,
} from '../../src/model/scenario.ts';

const scenarioDir = new URL('../../public/scenarios/', import.meta.url);
const valid = {
  name: 'test-case',
  description: 'One line.',
  params: { gaba: 0.5 },
  durationS: 10,
  demonstrates: 'docs/model.md §7 behaviour 2',
};

/** The ScenarioError message of a rejected value (fails the test if nothing is thrown). */
function rejection(value: unknown, expectedName?: string): string {
  try {
    validateScenario(value, expectedName);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error('expected a ScenarioError');
}

describe('shipped scenarios (public/scenarios)', () => {
  const files = readdirSync(scenarioDir).filter((f) => f.endsWith('.json'));

  it('include healthy and ei-imbalance', () => {
    expect(files).toEqual(expect.arrayContaining(['healthy.json', 'ei-imbalance.json']));
  });

  for (const file of files) {
    it(`${file} is valid, named after its file, and names a docs/model.md §7 behaviour`, () => {
      const text = readFileSync(new URL(file, scenarioDir), 'utf8');
      const s = parseScenarioText(text, file.replace(/\.json$/, ''));
      expect(s.demonstrates).toMatch(/docs\/model\.md §7 behaviour \d+/);
    });
  }

  it('healthy runs the defaults; ei-imbalance lowers GABA and nothing else', () => {
    const read = (name: string) => parseScenarioText(readFileSync(new URL(`${name}.json`, scenarioDir), 'utf8'), name);
    expect(scenarioParams(read('healthy'))).toEqual(defaultParams());
    const ei = scenarioParams(read('ei-imbalance'));
    expect(ei.gaba).toBeLessThan(1);
    expect({ ...ei, gaba: 1 }).toEqual(defaultParams());
  });
});

describe('validateScenario', () => {
  it('accepts a valid scenario and merges its params over the defaults', () => {
    const s = validateScenario(valid);
    expect(s).toEqual({ ...valid, drugs: [], atHours: null });
    expect(scenarioParams(s)).toEqual({ ...defaultParams(), gaba: 0.5 });
  });

  it('accepts a lesion object and a boolean', () => {
    const s = validateScenario({ ...valid, params: { lesion: { xMm: 1, yMm: 1, radiusMm: 0.3 }, resected: true } });
    expect(scenarioParams(s).lesion).toEqual({ xMm: 1, yMm: 1, radiusMm: 0.3 });
    expect(scenarioParams(s).resected).toBe(true);
  });

  it('rejects what is not an object', () => {
    for (const bad of [null, [], 'healthy', 3]) expect(rejection(bad)).toMatch(/must be a JSON object/);
  });

  it('rejects unknown and missing fields, naming them', () => {
    expect(rejection({ ...valid, colour: 'red' })).toMatch(/unknown field "colour".*name, description, params/);
    const { durationS: _dropped, ...noDuration } = valid;
    expect(rejection(noDuration)).toMatch(/missing field "durationS".*0\.1…3600/);
  });

  it('rejects a bad name, or one that does not match its file', () => {
    expect(rejection({ ...valid, name: 'Healthy Rest' })).toMatch(/"name" must be lower-case words/);
    expect(rejection({ ...valid, name: 42 })).toMatch(/"name"/);
    expect(rejection(valid, 'other')).toMatch(/"name" is "test-case" but the file is other\.json/);
  });

  it('rejects descriptions and lessons that are not one line', () => {
    expect(rejection({ ...valid, description: 'two\nlines' })).toMatch(/"description" must be one line/);
    expect(rejection({ ...valid, description: '  ' })).toMatch(/"description"/);
    expect(rejection({ ...valid, demonstrates: 'x'.repeat(301) })).toMatch(/"demonstrates".*at most 300/);
    expect(rejection({ ...valid, demonstrates: 7 })).toMatch(/"demonstrates"/);
  });

  it('rejects durations of the wrong type or out of range', () => {
    expect(rejection({ ...valid, durationS: '10' })).toMatch(/"durationS" must be a number of seconds in 0\.1…3600/);
    expect(rejection({ ...valid, durationS: 0 })).toMatch(/"durationS" is 0/);
    expect(rejection({ ...valid, durationS: 7200 })).toMatch(/"durationS" is 7200/);
  });

  it('rejects params that are not an object, unknown keys, wrong types and values out of range', () => {
    expect(rejection({ ...valid, params: [] })).toMatch(/"params" must be an object/);
    expect(rejection({ ...valid, params: { gabba: 1 } })).toMatch(
      /"params": unknown parameter "gabba"; known parameters: glutamate, gaba/,
    );
    expect(rejection({ ...valid, params: { gaba: '0.5' } })).toMatch(
      /"params": gaba="0\.5" is not allowed: gaba takes a number in 0…3/,
    );
    expect(rejection({ ...valid, params: { gaba: 4 } })).toMatch(/gaba=4 is not allowed: gaba takes a number in 0…3/);
    expect(rejection({ ...valid, params: { side: 20.5 } })).toMatch(/side takes a whole number in 16…128/);
    expect(rejection({ ...valid, params: { resected: 'yes' } })).toMatch(/resected takes true or false/);
    expect(rejection({ ...valid, params: { lesion: { xMm: 1, yMm: 1 } } })).toMatch(/lesion/);
  });

  it('refuses "__proto__" as a parameter instead of touching the prototype', () => {
    const parsed = JSON.parse(
      '{"name":"x","description":"d","params":{"__proto__":{"gaba":3}},"durationS":1,"demonstrates":"d"}',
    );
    expect(rejection(parsed)).toMatch(/unknown parameter "__proto__"/);
  });
});

describe('parseScenarioText', () => {
  it('reports invalid JSON in one line', () => {
    expect(() => parseScenarioText('{"name": "x",')).toThrow(ScenarioError);
    expect(() => parseScenarioText('{"name": "x",')).toThrow(/^invalid JSON: /);
  });

  it('refuses files over the size limit before parsing them', () => {
    const big = JSON.stringify({ ...valid, description: 'x' }) + ' '.repeat(SCENARIO_MAX_BYTES);
    expect(() => parseScenarioText(big)).toThrow(/at most 65536/);
    expect(parseScenarioText(JSON.stringify(valid))).toEqual({ ...valid, drugs: [], atHours: null });
  });

  it('counts bytes as UTF-8 does', () => {
    for (const s of ['', 'abc', 'χ < 0.2 — ±', 'emoji 🧠 and 𝔸', '\u07ff\u0800\uffff']) {
      expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });
});

describe('scenario drugs', () => {
  const base = {
    name: 'treated',
    description: 'with drugs',
    params: {},
    durationS: 10,
    demonstrates: 'a test',
  };
  it('accepts regimens and a patient-clock time', () => {
    const s = validateScenario({ ...base, drugs: ['phenytoin=200/12', 'diazepam=10iv'], atHours: 72 });
    expect(s.drugs).toEqual([
      { drug: 'phenytoin', route: 'oral', doseMg: 200, everyH: 12 },
      { drug: 'diazepam', route: 'iv', doseMg: 10 },
    ]);
    expect(s.atHours).toBe(72);
  });
  it('refuses bad drugs and times with one line naming the field', () => {
    expect(() => validateScenario({ ...base, drugs: 'phenytoin=200/12' })).toThrow(
      /^"drugs" must be a list of regimens/,
    );
    expect(() => validateScenario({ ...base, drugs: ['aspirin=1/8'] })).toThrow(/^"drugs": unknown drug "aspirin"/);
    expect(() => validateScenario({ ...base, drugs: ['phenytoin=1/8', 'phenytoin=2/8'] })).toThrow(
      /"drugs": phenytoin is listed twice/,
    );
    expect(() => validateScenario({ ...base, atHours: -2 })).toThrow(/^"atHours" must be a number of hours in 0…8760/);
  });
});
