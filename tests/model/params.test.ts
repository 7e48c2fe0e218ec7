import { describe, expect, it } from 'vitest';
import {
  changedKeys,
  defaultParams,
  formatParamValue,
  PARAM_KEYS,
  PARAM_SPECS,
  ParamError,
  parseParamText,
  validateParamValue,
  withParams,
} from '../../src/model/params.ts';

describe('parameter table', () => {
  it('holds every key of docs/model.md §5 with its default', () => {
    const p = defaultParams();
    expect(p).toMatchObject({
      glutamate: 1,
      gaba: 1,
      gNapRatio: 0.2,
      inflammation: 0,
      pgp: 1,
      penetration: 1,
      kClearance: 1,
      scn1a: 1,
      clEqMm: 5,
      sprouting: 0,
      drive: 1,
      lesion: null,
      resected: false,
      adherence: 1,
      weightKg: 70,
      side: 64,
      seed: 1,
      dtMs: 0.2,
    });
    expect(PARAM_KEYS).toHaveLength(new Set(PARAM_KEYS).size);
  });

  it('gives every number a range that contains its default, and a unit and description', () => {
    for (const spec of PARAM_SPECS) {
      expect(spec.description.length).toBeGreaterThan(10);
      if (spec.kind === 'number' || spec.kind === 'integer') {
        expect(spec.min).toBeLessThanOrEqual(spec.default);
        expect(spec.default).toBeLessThanOrEqual(spec.max);
      }
    }
  });

  it.each([
    ['gaba', '0.5', 0.5],
    ['gaba', '3', 3],
    ['side', '32', 32],
    ['resected', 'true', true],
    ['lesion', 'none', null],
    ['lesion', '1,1.5,0.3', { xMm: 1, yMm: 1.5, radiusMm: 0.3 }],
    // What formatParamValue writes for a tiny coordinate (String(5e-324)) must read back.
    ['lesion', '0,5e-324,1e-1', { xMm: 0, yMm: 5e-324, radiusMm: 0.1 }],
    ['seed', '4294967295', 4294967295],
  ] as const)('parses %s=%s', (key, text, value) => {
    expect(parseParamText(key, text)).toEqual(value);
  });

  it.each([
    ['gaba', '5', /gaba=5 is not allowed: gaba takes a number in 0…3/],
    ['gaba', '-0.1', /gaba=-0.1 is not allowed/],
    ['gaba', 'NaN', /gaba="NaN" is not allowed/],
    ['gaba', 'Infinity', /not allowed/],
    ['gaba', '1e400', /not allowed/],
    ['gaba', '', /not allowed/],
    ['gaba', '0x1', /not allowed/],
    ['side', '32.5', /side=32.5 is not allowed: side takes a whole number in 16…128/],
    ['side', '8', /16…128/],
    ['resected', 'maybe', /true or false/],
    ['lesion', '3,1,0.3', /outside the sheet: x and y must be in 0…2 mm/],
    ['lesion', '1,1,2', /radius must be in 0.05…1 mm/],
    ['lesion', '1,1', /"none" or "x,y,radius"/],
    ['lesion', '1e400,1,0.5', /"none" or "x,y,radius"/],
    ['nonsense', '1', /unknown parameter "nonsense"; known parameters: glutamate, gaba/],
  ])('rejects %s=%s with a message naming the key and what is allowed', (key, text, message) => {
    expect(() => parseParamText(key, text)).toThrow(ParamError);
    expect(() => parseParamText(key, text)).toThrow(message);
  });

  it('rejects non-finite and wrongly typed values given directly (JSON, code)', () => {
    expect(() => validateParamValue('gaba', Number.NaN)).toThrow(/gaba/);
    expect(() => validateParamValue('gaba', Number.POSITIVE_INFINITY)).toThrow(/gaba/);
    expect(() => validateParamValue('gaba', '0.5')).toThrow(/gaba/);
    expect(() => validateParamValue('resected', 1)).toThrow(/true or false/);
    expect(() => validateParamValue('lesion', { xMm: 1, yMm: 1, radiusMm: 0.3, extra: 1 })).toThrow(
      /unknown field "extra"/,
    );
  });

  it('never changes the base set and loses nothing when a change is rejected', () => {
    const base = withParams(defaultParams(), { gaba: 0.6 });
    const snapshot = JSON.stringify(base);
    expect(() => withParams(base, { glutamate: 1.5, gaba: 9 })).toThrow(ParamError);
    expect(JSON.stringify(base)).toBe(snapshot);
    const next = withParams(base, { glutamate: 1.5 });
    expect(next.gaba).toBe(0.6);
    expect(next.glutamate).toBe(1.5);
    expect(changedKeys(base, next)).toEqual(['glutamate']);
  });

  it('formats values the way it parses them', () => {
    const p = withParams(defaultParams(), { lesion: { xMm: 1, yMm: 0.5, radiusMm: 0.25 }, resected: true });
    for (const key of PARAM_KEYS) {
      expect(parseParamText(key, formatParamValue(key, p[key]))).toEqual(p[key]);
    }
  });
});
