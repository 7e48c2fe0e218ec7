import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/model/params.ts';
import { parseScenarioText, type Scenario } from '../../src/model/scenario.ts';
import { matchingPreset, presetIntent, sortPresets } from '../../src/state/presets.ts';
import { DEFAULT_AT_HOURS } from '../../src/state/store.ts';

const scenarioDir = new URL('../../public/scenarios/', import.meta.url);
const PRESETS: Scenario[] = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseScenarioText(readFileSync(new URL(f, scenarioDir), 'utf8'), f.replace(/\.json$/, '')));
const byName = (name: string): Scenario => PRESETS.find((s) => s.name === name) as Scenario;

describe('presets', () => {
  it('a preset is its parameters over the defaults and its treatment, 72 h when it names no time', () => {
    expect(presetIntent(byName('transporter'))).toEqual({
      params: { ...defaultParams(), kClearance: 0.555, pgp: 2 },
      treatment: { drugs: ['phenytoin=200/12'], atHours: 336 },
    });
    expect(presetIntent(byName('dravet')).treatment).toEqual({ drugs: [], atHours: DEFAULT_AT_HOURS });
  });

  it('every shipped preset is recognised as itself, and a changed one as none', () => {
    for (const scenario of PRESETS) {
      expect(matchingPreset(presetIntent(scenario), PRESETS)?.name).toBe(scenario.name);
    }
    const moved = presetIntent(byName('transporter'));
    expect(matchingPreset({ ...moved, params: { ...moved.params, pgp: 1 } }, PRESETS)).toBeNull();
    expect(matchingPreset({ ...moved, treatment: { ...moved.treatment, atHours: 72 } }, PRESETS)).toBeNull();
    expect(matchingPreset({ ...moved, treatment: { ...moved.treatment, drugs: [] } }, PRESETS)).toBeNull();
  });

  it('the menu runs in the order of the behaviours shown, healthy rest first, ties by name', () => {
    const order = sortPresets(PRESETS).map((s) => s.name);
    expect(order[0]).toBe('healthy');
    expect(order.indexOf('ei-imbalance')).toBeLessThan(order.indexOf('nap-gain'));
    expect(order.indexOf('dravet')).toBeLessThan(order.indexOf('dravet-lamotrigine'));
    expect(order.indexOf('focal-dysplasia')).toBeLessThan(order.indexOf('rns'));
    expect(order.indexOf('rns')).toBeLessThan(order.indexOf('sprouting'));
    expect(new Set(order).size).toBe(PRESETS.length);
  });
});
