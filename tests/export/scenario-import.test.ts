import { describe, expect, it } from 'vitest';
import {
  EXPORTED_DEFAULT_DURATION_S,
  EXPORTED_SCENARIO_NAME,
  exportDurationS,
  scenarioFile,
  scenarioFileText,
} from '../../src/export/scenario-export.ts';
import { ImportError, scenarioSizeProblem, settingsFromScenarioText } from '../../src/export/scenario-import.ts';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { SCENARIO_MAX_BYTES, ScenarioError, validateScenario } from '../../src/model/scenario.ts';
import { presetIntent } from '../../src/state/presets.ts';

const transporter = validateScenario({
  name: 'transporter',
  description: 'Phenytoin fails when P-glycoprotein doubles.',
  params: { gaba: 0.63, pgp: 2 },
  drugs: ['phenytoin=200/12'],
  atHours: 336,
  durationS: 60,
  demonstrates: 'docs/model.md §7 behaviour 8',
});

function problemsOf(text: string): readonly string[] {
  try {
    settingsFromScenarioText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).problems;
  }
  throw new Error('expected an ImportError');
}

describe('scenario export', () => {
  it('writes the settings that differ from the defaults, the treatment and the run length; they read back the same', () => {
    const params = withParams(defaultParams(), { gaba: 0.6, seed: 7, lesion: { xMm: 1, yMm: 0.5, radiusMm: 0.3 } });
    const treatment = { drugs: ['phenytoin=200/12', 'diazepam=10iv'], atHours: 336 };
    const file = scenarioFile(params, treatment, exportDurationS(12_345));
    expect(file).toEqual({
      name: EXPORTED_SCENARIO_NAME,
      description:
        'Settings exported from the Refractory app: gaba=0.6, lesion=1,0.5,0.3, seed=7; phenytoin=200/12, diazepam=10iv at 336 h.',
      params: { gaba: 0.6, lesion: { xMm: 1, yMm: 0.5, radiusMm: 0.3 }, seed: 7 },
      drugs: ['phenytoin=200/12', 'diazepam=10iv'],
      atHours: 336,
      durationS: 12.4,
      demonstrates: 'No docs/model.md §7 behaviour claimed: settings exported from the Refractory app',
    });
    const back = settingsFromScenarioText(scenarioFileText(file));
    expect(back.params).toEqual(params);
    expect(back.treatment).toEqual(treatment);
  });

  it('keeps a preset its own name and lesson; the run length stays in the scenario range', () => {
    const { params, treatment } = presetIntent(transporter);
    const file = scenarioFile(params, treatment, 60, [transporter]);
    expect(file.name).toBe('transporter');
    expect(file.demonstrates).toBe('docs/model.md §7 behaviour 8');
    expect(exportDurationS(0)).toBe(EXPORTED_DEFAULT_DURATION_S);
    expect(exportDurationS(7_200_000)).toBe(3600);
    expect(exportDurationS(20)).toBe(0.1);
  });
});

describe('scenario import', () => {
  it('refuses an empty or oversized file from its size alone, before reading it', () => {
    expect(scenarioSizeProblem(0)).toMatch(/the file is empty/);
    expect(scenarioSizeProblem(SCENARIO_MAX_BYTES)).toBeNull();
    expect(scenarioSizeProblem(SCENARIO_MAX_BYTES + 1)).toBe(
      `the file is ${SCENARIO_MAX_BYTES + 1} bytes; a scenario file may have at most ${SCENARIO_MAX_BYTES} bytes (a scenario is a few hundred)`,
    );
    expect(problemsOf(`{"name": "x", "description": "${'a'.repeat(SCENARIO_MAX_BYTES)}"}`)[0]).toMatch(
      /may have at most 65536/,
    );
  });

  it('says what is wrong with malformed JSON', () => {
    expect(problemsOf('{"name": "x",')).toEqual([expect.stringMatching(/^invalid JSON: /)]);
    expect(problemsOf('[1, 2]')).toEqual([expect.stringMatching(/must be a JSON object with the fields name/)]);
  });

  it('lists every problem at once, each naming the field or key and what is allowed', () => {
    const problems = problemsOf(
      JSON.stringify({
        name: 'Bad Name',
        description: 'ok',
        params: { gaba: 9, pgp: -1, colour: 1 },
        durationS: 0,
        drugs: ['aspirin=1/1'],
        atHours: 99999,
        extra: true,
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^unknown field "extra"/),
      expect.stringMatching(/^missing field "demonstrates"/),
      expect.stringMatching(/^"name" must be lower-case words/),
      expect.stringMatching(/^"durationS" is 0; it must be a number of seconds in 0\.1…3600/),
      expect.stringMatching(/^"params": gaba=9 is not allowed: gaba takes a number in/),
      expect.stringMatching(/^"params": pgp=-1 is not allowed/),
      expect.stringMatching(/^"params": unknown parameter "colour"; known parameters: /),
      expect.stringMatching(/^"drugs": .*aspirin/),
      expect.stringMatching(/^"atHours" must be a number of hours in 0…8760/),
    ]);
  });

  it('the command line still gets one line naming each problem', () => {
    try {
      validateScenario({ name: 'ok', description: 'ok', params: { gaba: 9 }, durationS: 0, demonstrates: 'x' });
      throw new Error('expected a ScenarioError');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as Error).message).toMatch(/^"durationS" is 0; .*; "params": gaba=9 is not allowed/);
      expect((error as Error).message).not.toMatch(/\n/);
    }
  });
});
