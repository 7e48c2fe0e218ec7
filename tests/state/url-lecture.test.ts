import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, type Scenario } from '../../src/model/scenario.ts';
import { sameParams, sameTreatment } from '../../src/state/presets.ts';
import { defaultAddressIntent, intentFromQuery, queryFromIntent } from '../../src/state/url.ts';
import { buildDeck } from '../../src/ui/lecture/deck.ts';

const scenarioDir = new URL('../../public/scenarios/', import.meta.url);
const PRESETS: Scenario[] = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseScenarioText(readFileSync(new URL(f, scenarioDir), 'utf8'), f.replace(/\.json$/, '')));
const DECK = buildDeck(PRESETS);
const SCENES = DECK.scenes.map((s) => s.state);

function read(query: string) {
  return intentFromQuery(query, defaultAddressIntent(), PRESETS, SCENES);
}

describe('lecture mode in the address', () => {
  it('lecture=N alone opens scene N with its state', () => {
    const r = read('?lecture=5');
    expect(r.problems).toEqual([]);
    expect(r.lecture).toBe(4);
    expect(sameParams(r.intent.params, SCENES[4].params)).toBe(true);
    expect(sameTreatment(r.intent.treatment, SCENES[4].treatment)).toBe(true);
  });

  it('with state entries, the entries say what is shown (as in any address)', () => {
    const r = read('?lecture=5&gaba=0.6');
    expect(r.lecture).toBe(4);
    expect(r.intent.params.gaba).toBe(0.6);
    expect(r.intent.params.pgp).toBe(1);
    expect(r.intent.treatment.drugs).toEqual([]);
  });

  it('names a scene number that is not in the deck, and what is allowed', () => {
    for (const text of ['0', '10', '2.5', 'two', '']) {
      const r = read(`?lecture=${text}`);
      expect(r.lecture).toBeUndefined();
      expect(r.problems).toEqual([
        `lecture=${text} is not allowed: lecture takes a scene number, a whole number in 1…${SCENES.length}`,
      ]);
    }
    expect(intentFromQuery('?lecture=1', defaultAddressIntent(), PRESETS).problems).toEqual([
      'lecture=1 was left out: lecture mode has no scenes',
    ]);
    expect(read('?lecture=2&lecture=3').problems).toEqual([
      'lecture=3 was left out: lecture is given more than once, and lecture=2 is used',
    ]);
  });

  it('writes lecture=N alone while the scene is unchanged, and the full state once it differs', () => {
    const at = (scene: number) => ({ scene, state: SCENES[scene] });
    expect(queryFromIntent({ ...SCENES[4], speed: 1 }, PRESETS, at(4))).toBe('?lecture=5');
    expect(queryFromIntent({ ...SCENES[4], speed: 2 }, PRESETS, at(4))).toBe('?lecture=5&speed=2');
    expect(queryFromIntent({ ...SCENES[3], speed: 1 }, PRESETS, at(4))).toBe(
      '?lecture=5&kClearance=0.555&drug=phenytoin=200/12&at=336',
    );
    // The defaults while at a scene that is not: written so that they still read back.
    expect(queryFromIntent(defaultAddressIntent(), PRESETS, at(4))).toBe('?lecture=5&seed=1');
    // Outside lecture mode nothing changes.
    expect(queryFromIntent({ ...SCENES[4], speed: 1 }, PRESETS)).toBe('?preset=transporter');
  });

  it('round-trips: any scene with any of the scenes’ states reads back as written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SCENES.length - 1 }),
        fc.integer({ min: -1, max: SCENES.length - 1 }),
        fc.constantFrom(0.5, 1, 4),
        (scene, stateOf, speed) => {
          const state = stateOf < 0 ? defaultAddressIntent() : { ...SCENES[stateOf], speed: 1 };
          const intent = { ...state, speed };
          const query = queryFromIntent(intent, PRESETS, { scene, state: SCENES[scene] });
          const back = read(query);
          expect(back.problems).toEqual([]);
          expect(back.lecture).toBe(scene);
          expect(sameParams(back.intent.params, intent.params)).toBe(true);
          expect(sameTreatment(back.intent.treatment, intent.treatment)).toBe(true);
          expect(back.intent.speed).toBe(speed);
        },
      ),
    );
  });
});
