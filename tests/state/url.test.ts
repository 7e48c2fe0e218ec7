import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParams, PARAM_SPECS, type ParamSpec, type Params } from '../../src/model/params.ts';
import { DRUG_NAMES, DRUGS } from '../../src/model/pharmacology/drugs.ts';
import { ABSURD_DOSE_FACTOR, dailyMg, formatRegimen, type Regimen } from '../../src/model/pharmacology/regimen.ts';
import { AT_HOURS_MAX } from '../../src/model/pharmacology/treatment.ts';
import { parseScenarioText, type Scenario } from '../../src/model/scenario.ts';
import { presetIntent, sameParams } from '../../src/state/presets.ts';
import { DEFAULT_AT_HOURS, SPEED_MAX, SPEED_MIN, validateTreatment } from '../../src/state/store.ts';
import { type AddressIntent, defaultAddressIntent, intentFromQuery, queryFromIntent } from '../../src/state/url.ts';

const scenarioDir = new URL('../../public/scenarios/', import.meta.url);
const PRESETS: Scenario[] = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseScenarioText(readFileSync(new URL(f, scenarioDir), 'utf8'), f.replace(/\.json$/, '')));

function preset(name: string): Scenario {
  const found = PRESETS.find((s) => s.name === name);
  if (!found) throw new Error(`no preset ${name}`);
  return found;
}

/** Any value the parameter table allows for a key. */
function arbitraryValue(spec: ParamSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'number':
      return fc.oneof(
        fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true }),
        // Values on the slider's grid, as a user would mostly set them.
        fc
          .integer({ min: 0, max: Math.round((spec.max - spec.min) / spec.step) })
          .map((k) => Number((spec.min + k * spec.step).toFixed(6))),
      );
    case 'integer':
      return fc.integer({ min: spec.min, max: spec.max });
    case 'boolean':
      return fc.boolean();
    case 'lesion':
      return fc.option(
        fc.record({
          xMm: fc.double({ min: 0, max: 2, noNaN: true }),
          yMm: fc.double({ min: 0, max: 2, noNaN: true }),
          radiusMm: fc.double({ min: 0.05, max: 1, noNaN: true }),
        }),
      );
  }
}

const paramsArb: fc.Arbitrary<Params> = fc
  .record(Object.fromEntries(PARAM_SPECS.map((spec) => [spec.key, arbitraryValue(spec)])), { requiredKeys: [] })
  .map((changes) => ({ ...defaultParams(), ...changes }) as Params);

const regimenArb: fc.Arbitrary<Regimen> = fc
  .constantFrom(...DRUG_NAMES)
  .chain((drug) =>
    fc.oneof(
      fc.record({
        drug: fc.constant(drug),
        route: fc.constant('oral' as const),
        doseMg: fc.integer({ min: 1, max: DRUGS[drug].maxDailyMg }),
        everyH: fc.oneof(
          fc.constantFrom(6, 8, 12, 24),
          fc.integer({ min: 1, max: 960 }).map((t) => t / 10 + 0.5),
        ),
      }),
      fc.record({
        drug: fc.constant(drug),
        route: fc.constant('iv' as const),
        doseMg: fc.integer({ min: 1, max: 10 * DRUGS[drug].maxDailyMg }).map((d) => d / 10),
      }),
    ),
  )
  .filter((r) => dailyMg(r) <= ABSURD_DOSE_FACTOR * DRUGS[r.drug].maxDailyMg);

const treatmentArb = fc
  .record({
    regimens: fc.uniqueArray(regimenArb, { maxLength: 4, selector: (r) => r.drug }),
    atHours: fc.oneof(
      fc.constant(DEFAULT_AT_HOURS),
      fc.double({ min: 0, max: AT_HOURS_MAX, noNaN: true }),
      fc.integer({ min: 0, max: AT_HOURS_MAX }),
    ),
  })
  .map(({ regimens, atHours }) => validateTreatment({ drugs: regimens.map(formatRegimen), atHours }));

const speedArb = fc.oneof(
  fc.constant(1),
  fc.constantFrom(0.25, 0.5, 2, 4, 16),
  fc.double({ min: SPEED_MIN, max: SPEED_MAX, noNaN: true }),
);

/** Any valid intent: arbitrary ones, presets, and presets changed a little. */
const intentArb: fc.Arbitrary<AddressIntent> = fc.oneof(
  fc.record({ params: paramsArb, treatment: treatmentArb, speed: speedArb }),
  fc.record({ scenario: fc.constantFrom(...PRESETS), speed: speedArb }).map(({ scenario, speed }) => ({
    ...presetIntent(scenario),
    speed,
  })),
  fc
    .record({ scenario: fc.constantFrom(...PRESETS), gaba: fc.constantFrom(0.3, 1, 2), speed: speedArb })
    .map(({ scenario, gaba, speed }) => {
      const p = presetIntent(scenario);
      return { params: { ...p.params, gaba }, treatment: p.treatment, speed };
    }),
);

describe('queryFromIntent and intentFromQuery', () => {
  it('writes nothing for the defaults, and reads the empty address as the defaults', () => {
    expect(queryFromIntent(defaultAddressIntent(), PRESETS)).toBe('');
    const read = intentFromQuery('', defaultAddressIntent(), PRESETS);
    expect(read).toEqual({ intent: defaultAddressIntent(), preset: null, problems: [] });
  });

  it('writes what differs from the defaults, in the command line’s text', () => {
    const intent: AddressIntent = {
      params: { ...defaultParams(), gaba: 0.6, pgp: 2, seed: 3, lesion: { xMm: 1, yMm: 1, radiusMm: 0.5 } },
      treatment: { drugs: ['phenytoin=300/24', 'diazepam=10iv'], atHours: 100 },
      speed: 2,
    };
    expect(queryFromIntent(intent, PRESETS)).toBe(
      '?gaba=0.6&pgp=2&lesion=1,1,0.5&seed=3&drug=phenytoin=300/24&drug=diazepam=10iv&at=100&speed=2',
    );
  });

  it('reads the example address of the README', () => {
    const read = intentFromQuery('?gaba=0.6&pgp=2&drug=phenytoin=300/24&seed=3&lesion=1,1,0.5', undefined, PRESETS);
    expect(read.problems).toEqual([]);
    expect(read.intent.params).toEqual({
      ...defaultParams(),
      gaba: 0.6,
      pgp: 2,
      seed: 3,
      lesion: { xMm: 1, yMm: 1, radiusMm: 0.5 },
    });
    expect(read.intent.treatment).toEqual({ drugs: ['phenytoin=300/24'], atHours: DEFAULT_AT_HOURS });
  });

  it('reads escaped text as well as plain (what URLSearchParams would write)', () => {
    const read = intentFromQuery('?lesion=1%2C1%2C0.5&drug=phenytoin%3D300%2F24', undefined, PRESETS);
    expect(read.problems).toEqual([]);
    expect(read.intent.params.lesion).toEqual({ xMm: 1, yMm: 1, radiusMm: 0.5 });
    expect(read.intent.treatment.drugs).toEqual(['phenytoin=300/24']);
  });

  it('names a preset when the intent is exactly one, and reads it back', () => {
    const transporter = { ...presetIntent(preset('transporter')), speed: 1 };
    expect(queryFromIntent(transporter, PRESETS)).toBe('?preset=transporter');
    const read = intentFromQuery('?preset=transporter', undefined, PRESETS);
    expect(read.problems).toEqual([]);
    expect(read.preset).toBe('transporter');
    expect(read.intent).toEqual(transporter);
    expect(read.intent.treatment).toEqual({ drugs: ['phenytoin=200/12'], atHours: 336 });
    // The healthy preset is the defaults, whose address stays empty.
    expect(queryFromIntent({ ...presetIntent(preset('healthy')), speed: 1 }, PRESETS)).toBe('');
  });

  it('lets entries override a preset: parameters one by one, drugs as a whole schedule', () => {
    const read = intentFromQuery('?preset=transporter&pgp=1&drug=tariquidar=75/12&at=24', undefined, PRESETS);
    expect(read.problems).toEqual([]);
    expect(read.intent.params).toEqual({ ...defaultParams(), kClearance: 0.555 });
    expect(read.intent.treatment).toEqual({ drugs: ['tariquidar=75/12'], atHours: 24 });
    expect(queryFromIntent(read.intent, PRESETS)).toBe('?kClearance=0.555&drug=tariquidar=75/12&at=24');
  });

  it('round-trips every valid intent: query(intent(query(x))) = query(x), with no problems', () => {
    fc.assert(
      fc.property(intentArb, (x) => {
        const query = queryFromIntent(x, PRESETS);
        const read = intentFromQuery(query, defaultAddressIntent(), PRESETS);
        expect(read.problems).toEqual([]);
        expect(queryFromIntent(read.intent, PRESETS)).toBe(query);
        // And the intent itself comes back, not just its text.
        expect(sameParams(read.intent.params, x.params)).toBe(true);
        expect(read.intent.treatment).toEqual(x.treatment);
        expect(read.intent.speed).toBe(x.speed);
      }),
      { numRuns: 400 },
    );
  });
});

/** Bad entries of each kind, with the text the problem must contain: the entry and what is allowed. */
const BAD_ENTRIES: { entry: string; key: string; mentions: string[] }[] = [
  { entry: 'gaba=banana', key: 'gaba', mentions: ['gaba="banana"', 'a number in 0…3'] },
  { entry: 'gaba=', key: 'gaba', mentions: ['gaba=""', '0…3'] },
  { entry: 'glutamate=9', key: 'glutamate', mentions: ['glutamate=9', '0…3'] },
  { entry: 'drive=Infinity', key: 'drive', mentions: ['drive="Infinity"', '0…3'] },
  { entry: 'pgp=1e400', key: 'pgp', mentions: ['pgp=', '0.5…4'] },
  { entry: 'side=20.5', key: 'side', mentions: ['side=20.5', 'a whole number in 16…128'] },
  { entry: 'seed=-1', key: 'seed', mentions: ['seed=-1', 'whole number in 0…4294967295'] },
  { entry: 'vns=maybe', key: 'vns', mentions: ['vns="maybe"', 'true or false'] },
  { entry: 'lesion=1,1', key: 'lesion', mentions: ['lesion="1,1"', '"none" or "x,y,radius"'] },
  { entry: 'lesion=3,1,0.5', key: 'lesion', mentions: ['lesion centre (3, 1)', '0…2 mm'] },
  { entry: 'lesion=1,1,5', key: 'lesion', mentions: ['lesion radius 5 mm', '0.05…1 mm'] },
  { entry: 'drug=aspirin=100/8', key: 'drug', mentions: ['drug=aspirin=100/8', 'known drugs: phenytoin'] },
  { entry: 'drug=phenytoin=9000/1', key: 'drug', mentions: ['drug=phenytoin=9000/1', 'at most 6000 mg/day'] },
  { entry: 'drug=phenytoin', key: 'drug', mentions: ['drug=phenytoin', 'NAME=DOSE_MG/EVERY_H'] },
  { entry: 'at=-1', key: 'at', mentions: ['at=-1', '0…8760'] },
  { entry: 'at=soon', key: 'at', mentions: ['at=soon', 'hours in 0…8760'] },
  { entry: 'speed=0', key: 'speed', mentions: ['speed=0', '0.1…16'] },
  { entry: 'speed=fast', key: 'speed', mentions: ['speed=fast', '0.1…16'] },
  { entry: 'preset=nonsense', key: 'preset', mentions: ['preset=nonsense', 'the presets are', 'transporter'] },
  { entry: 'gabba=0.5', key: 'gabba', mentions: ['"gabba=0.5"', 'gaba', 'drug, at, speed, preset'] },
];

describe('bad entries are reported and left out; the rest load', () => {
  for (const { entry, mentions } of BAD_ENTRIES) {
    it(`${entry}`, () => {
      const read = intentFromQuery(`?${entry}&clEqMm=30&drug=diazepam=1iv&at=1`, undefined, PRESETS);
      expect(read.problems).toHaveLength(1);
      for (const text of mentions) expect(read.problems[0]).toContain(text);
      expect(read.problems[0]).not.toMatch(/\n|at .*\.ts:/);
      expect(read.intent.params).toEqual({ ...defaultParams(), clEqMm: 30 });
      expect(read.intent.treatment).toEqual({ drugs: ['diazepam=1iv'], atHours: 1 });
    });
  }

  it('inserted anywhere into a valid address, a bad entry changes nothing else', () => {
    fc.assert(
      fc.property(intentArb, fc.constantFrom(...BAD_ENTRIES), fc.nat(), (x, bad, position) => {
        const query = queryFromIntent(x, PRESETS);
        const entries = query === '' ? [] : query.slice(1).split('&');
        // A single-valued key the address already holds would be a repetition instead (tested below).
        fc.pre(bad.key === 'drug' || !entries.some((e) => e.startsWith(`${bad.key}=`)));
        entries.splice(position % (entries.length + 1), 0, bad.entry);
        const read = intentFromQuery(`?${entries.join('&')}`, defaultAddressIntent(), PRESETS);
        expect(read.problems).toHaveLength(1);
        expect(read.problems[0]).toContain(bad.mentions[0]);
        expect(queryFromIntent(read.intent, PRESETS)).toBe(query);
      }),
      { numRuns: 400 },
    );
  });

  it('a key given twice: the first good value is used and the other reported', () => {
    const twice = intentFromQuery('?gaba=0.6&gaba=0.7', undefined, PRESETS);
    expect(twice.intent.params.gaba).toBe(0.6);
    expect(twice.problems).toEqual(['gaba=0.7 was left out: gaba is given more than once, and gaba=0.6 is used']);
    const badFirst = intentFromQuery('?gaba=banana&gaba=0.7', undefined, PRESETS);
    expect(badFirst.intent.params.gaba).toBe(0.7);
    expect(badFirst.problems).toHaveLength(1);
    expect(badFirst.problems[0]).toContain('gaba="banana"');
  });

  it('a drug given twice keeps the first regimen', () => {
    const read = intentFromQuery('?drug=phenytoin=300/24&drug=phenytoin=100/8&drug=diazepam=10iv', undefined, PRESETS);
    expect(read.intent.treatment.drugs).toEqual(['phenytoin=300/24', 'diazepam=10iv']);
    expect(read.problems).toEqual([
      'drug=phenytoin=100/8 was left out: phenytoin is already given (phenytoin=300/24); give each drug once',
    ]);
  });

  it('bad drugs alongside a preset still replace its schedule with the good ones', () => {
    const read = intentFromQuery('?preset=transporter&drug=aspirin=1/1&drug=tariquidar=75/12', undefined, PRESETS);
    expect(read.problems).toHaveLength(1);
    expect(read.intent.treatment.drugs).toEqual(['tariquidar=75/12']);
    expect(read.intent.params.pgp).toBe(2);
  });
});
