import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changedKeys, defaultParams } from '../../src/model/params.ts';
import { parseScenarioText, type Scenario } from '../../src/model/scenario.ts';
import { presetIntent } from '../../src/state/presets.ts';
import { buildDeck, contrastState, LECTURE_SCENES } from '../../src/ui/lecture/deck.ts';
import { LECTURE_SHORTCUTS, lectureCommand } from '../../src/ui/lecture/keys.ts';

const scenarioDir = new URL('../../public/scenarios/', import.meta.url);
const SCENARIOS: Scenario[] = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseScenarioText(readFileSync(new URL(f, scenarioDir), 'utf8'), f.replace(/\.json$/, '')));

function scenario(name: string): Scenario {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

describe('the lecture deck', () => {
  const deck = buildDeck(SCENARIOS);

  it('builds every scene from the shipped scenarios, in order, with nothing left out', () => {
    expect(deck.problems).toEqual([]);
    expect(deck.scenes.map((s) => s.spec.id)).toEqual([
      'healthy',
      'ei-imbalance',
      'nap-gain',
      'drug-works',
      'transporter',
      'dravet-lamotrigine',
      'neonatal',
      'lesion-surgery',
      'rns',
    ]);
    for (const scene of deck.scenes) {
      expect(scene.spec.title.length).toBeGreaterThan(0);
      expect(scene.spec.sentences.length).toBeGreaterThanOrEqual(1);
      expect(scene.spec.sentences.length).toBeLessThanOrEqual(2);
    }
  });

  it('says the GABA_A strength the too-little-inhibition scene runs with', () => {
    const scene = deck.scenes.find((s) => s.spec.id === 'ei-imbalance');
    const gaba = scenario('ei-imbalance').params.gaba;
    expect(gaba).toBeDefined();
    expect(scene?.spec.sentences[0]).toContain(`to ${Math.round(100 * (gaba ?? 1))} %`);
  });

  it("shows each scenario's own state, changed only where the scene says", () => {
    for (const scene of deck.scenes) {
      const base = presetIntent(scenario(scene.spec.scenario));
      expect(scene.state.treatment).toEqual(base.treatment);
      const expected = [...Object.keys(scene.spec.set ?? {}), ...(scene.spec.reset ?? [])].filter(
        (key) => base.params[key as keyof typeof base.params] !== scene.state.params[key as keyof typeof base.params],
      );
      expect(changedKeys(base.params, scene.state.params).sort()).toEqual(expected.sort());
    }
    const drugWorks = deck.scenes[3].state;
    expect(drugWorks.params.pgp).toBe(defaultParams().pgp);
    expect(drugWorks.params.kClearance).toBe(scenario('transporter').params.kClearance);
    expect(drugWorks.treatment.drugs).toEqual(['phenytoin=200/12']);
    // The lesion scene shows the patient on carbamazepine, the drug that fails until the lesion is removed.
    const lesion = deck.scenes.find((s) => s.spec.id === 'lesion-surgery');
    expect(lesion?.state.treatment.drugs).toEqual(['carbamazepine=400/12']);
  });

  it('pairs each split-screen scene with the same patient, one thing changed, responders on the left', () => {
    const pairs = deck.scenes.filter((s) => s.spec.contrast);
    expect(pairs.map((s) => s.spec.id)).toEqual([
      'drug-works',
      'transporter',
      'dravet-lamotrigine',
      'neonatal',
      'lesion-surgery',
      'rns',
    ]);
    const changed = pairs.map((s) => {
      const contrast = s.spec.contrast;
      if (!contrast) throw new Error('unreachable');
      const other = contrastState(s.state, contrast);
      expect(other.treatment).toBe(s.state.treatment);
      return [s.spec.id, contrast.side, changedKeys(s.state.params, other.params)];
    });
    expect(changed).toEqual([
      ['drug-works', 'right', ['pgp']],
      ['transporter', 'left', ['pgp']],
      ['dravet-lamotrigine', 'left', ['scn1a']],
      ['neonatal', 'left', ['clEqMm']],
      ['lesion-surgery', 'left', ['resected']],
      ['rns', 'right', ['rns']],
    ]);
    // The two P-gp scenes show the same pair from either side.
    expect(contrastState(pairs[0].state, pairs[0].spec.contrast ?? ({} as never)).params.pgp).toBe(2);
    expect(contrastState(pairs[1].state, pairs[1].spec.contrast ?? ({} as never)).params.pgp).toBe(1);
  });

  it('leaves out, and names, a scene whose scenario did not load or whose change the table refuses', () => {
    const withoutNeonatal = buildDeck(SCENARIOS.filter((s) => s.name !== 'neonatal'));
    expect(withoutNeonatal.scenes).toHaveLength(LECTURE_SCENES.length - 1);
    expect(withoutNeonatal.problems).toEqual([
      'the lecture scene “The newborn brain: GABA excites” was left out: its scenario “neonatal” did not load',
    ]);
    const bad = buildDeck(SCENARIOS, [
      { id: 'x', title: 'Bad', sentences: ['s'], scenario: 'healthy', shows: 'no-seizures', set: { gaba: 9 } },
    ]);
    expect(bad.scenes).toEqual([]);
    expect(bad.problems[0]).toMatch(/^the lecture scene “Bad” was left out: gaba=9/);
  });
});

describe('lecture keys', () => {
  it('moves between scenes with the arrows and the page keys a presenter clicker sends', () => {
    expect(lectureCommand('ArrowRight', true, false)).toBe('next');
    expect(lectureCommand('PageDown', true, false)).toBe('next');
    expect(lectureCommand('ArrowLeft', true, false)).toBe('previous');
    expect(lectureCommand('PageUp', true, false)).toBe('previous');
    expect(lectureCommand('Home', true, false)).toBe('first');
    expect(lectureCommand('End', true, false)).toBe('last');
  });

  it('outside lecture mode only L means anything', () => {
    for (const key of ['ArrowRight', 'PageDown', 'f', 'a', 's', 'Escape', 'z']) {
      expect(lectureCommand(key, false, false)).toBeNull();
    }
    expect(lectureCommand('l', false, false)).toBe('toggle-lecture');
    expect(lectureCommand('L', true, false)).toBe('toggle-lecture');
  });

  it('undo and clear only while drawing; the other letters in either case', () => {
    expect(lectureCommand('z', true, false)).toBeNull();
    expect(lectureCommand('z', true, true)).toBe('undo');
    expect(lectureCommand('Backspace', true, true)).toBe('undo');
    expect(lectureCommand('C', true, true)).toBe('clear');
    expect(lectureCommand('F', true, false)).toBe('fullscreen');
    expect(lectureCommand('a', true, true)).toBe('annotate');
    expect(lectureCommand('s', true, false)).toBe('split');
    expect(lectureCommand('Escape', true, true)).toBe('leave');
    expect(lectureCommand('x', true, true)).toBeNull();
  });

  it('lists every key it acts on in the shortcut sheet', () => {
    const listed = LECTURE_SHORTCUTS.flatMap(([keys]) => keys).join(' ');
    for (const key of ['L', '→', 'Page Down', '←', 'Page Up', 'Home', 'End', 'F', 'A', 'Z', 'C', 'S', 'Escape']) {
      expect(listed).toContain(key);
    }
  });
});
