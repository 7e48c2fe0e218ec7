import { describe, expect, it } from 'vitest';
import { defaultParams, ParamError } from '../../src/model/params.ts';
import { DrugError } from '../../src/model/pharmacology/regimen.ts';
import { AT_HOURS_MAX } from '../../src/model/pharmacology/treatment.ts';
import { createIntentStore, DEFAULT_AT_HOURS, SPEED_MAX, SPEED_MIN } from '../../src/state/store.ts';

/** The message of the error `action` throws, checking its class (fails the test if nothing is thrown). */
function rejection(action: () => void, kind: typeof ParamError | typeof DrugError): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error(`expected a ${kind.name}`);
}

describe('parameters', () => {
  it('setParam and setParams change only what they name', () => {
    const store = createIntentStore();
    store.getState().setParam('gaba', 0.6);
    store.getState().setParams({ pgp: 2, lesion: { xMm: 1, yMm: 1, radiusMm: 0.5 } });
    expect(store.getState().params).toEqual({
      ...defaultParams(),
      gaba: 0.6,
      pgp: 2,
      lesion: { xMm: 1, yMm: 1, radiusMm: 0.5 },
    });
  });

  it('a value out of range is refused with the key and its range, and nothing changes', () => {
    const store = createIntentStore();
    store.getState().setParam('gaba', 0.6);
    const before = store.getState().params;
    const message = rejection(() => store.getState().setParam('gaba', 9), ParamError);
    expect(message).toContain('gaba=9');
    expect(message).toContain('0…3');
    expect(store.getState().params).toBe(before);
  });

  it('setParams is all or nothing: one bad key keeps every other change out', () => {
    const store = createIntentStore();
    const before = store.getState().params;
    const message = rejection(() => store.getState().setParams({ pgp: 2, side: 3.5 }), ParamError);
    expect(message).toContain('side');
    expect(message).toContain('whole number');
    expect(store.getState().params).toBe(before);
    expect(rejection(() => store.getState().setParams({ nonsense: 1 }), ParamError)).toContain('unknown parameter');
    expect(store.getState().params).toBe(before);
  });

  it('a lesion off the sheet is refused', () => {
    const store = createIntentStore();
    const message = rejection(() => store.getState().setParam('lesion', { xMm: 3, yMm: 1, radiusMm: 0.5 }), ParamError);
    expect(message).toContain('outside the sheet');
    expect(store.getState().params.lesion).toBeNull();
  });

  it('setting a value it already has does not notify', () => {
    const store = createIntentStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.getState().setParam('gaba', 1);
    store.getState().setParams({});
    expect(calls).toBe(0);
  });
});

describe('treatment', () => {
  it('starts with no drugs at the default patient-clock time', () => {
    expect(createIntentStore().getState().treatment).toEqual({ drugs: [], atHours: DEFAULT_AT_HOURS });
  });

  it('is stored in canonical form', () => {
    const store = createIntentStore();
    store.getState().setTreatment({ drugs: [' Phenytoin = 300.0/24.0 ', 'diazepam=10 IV'], atHours: 12 });
    expect(store.getState().treatment).toEqual({ drugs: ['phenytoin=300/24', 'diazepam=10iv'], atHours: 12 });
    store.getState().addDrug('LAMOTRIGINE=200/12');
    expect(store.getState().treatment.drugs).toEqual(['phenytoin=300/24', 'diazepam=10iv', 'lamotrigine=200/12']);
  });

  it('a repeated drug, an absurd dose, an unknown drug or a malformed regimen is refused and the schedule kept', () => {
    const store = createIntentStore();
    store.getState().addDrug('phenytoin=300/24');
    const before = store.getState().treatment;
    expect(rejection(() => store.getState().addDrug('phenytoin=100/8'), DrugError)).toContain(
      'phenytoin is listed twice',
    );
    expect(rejection(() => store.getState().addDrug('valproate=50000/8'), DrugError)).toMatch(/maximum daily dose/);
    expect(rejection(() => store.getState().addDrug('aspirin=100/8'), DrugError)).toContain('unknown drug "aspirin"');
    expect(rejection(() => store.getState().addDrug('phenytoin'), DrugError)).toContain('NAME=DOSE_MG/EVERY_H');
    expect(rejection(() => store.getState().addDrug('diazepam=10/0.1'), DrugError)).toContain('at least 0.5 h');
    expect(store.getState().treatment).toBe(before);
  });

  it('removeDrug removes by position and refuses positions outside the schedule', () => {
    const store = createIntentStore({ treatment: { drugs: ['phenytoin=300/24', 'diazepam=10iv'], atHours: 72 } });
    const before = store.getState().treatment;
    expect(rejection(() => store.getState().removeDrug(2), DrugError)).toContain('the schedule has 2');
    expect(rejection(() => store.getState().removeDrug(-1), DrugError)).toContain('no drug number 0');
    expect(rejection(() => store.getState().removeDrug(0.5), DrugError)).toContain('the schedule has 2');
    expect(store.getState().treatment).toBe(before);
    store.getState().removeDrug(0);
    expect(store.getState().treatment.drugs).toEqual(['diazepam=10iv']);
    store.getState().removeDrug(0);
    expect(store.getState().treatment.drugs).toEqual([]);
    expect(rejection(() => store.getState().removeDrug(0), DrugError)).toContain('the schedule has 0');
  });

  it('setAtHours accepts 0…AT_HOURS_MAX and refuses anything else', () => {
    const store = createIntentStore();
    store.getState().setAtHours(0);
    store.getState().setAtHours(AT_HOURS_MAX);
    expect(store.getState().treatment.atHours).toBe(AT_HOURS_MAX);
    for (const bad of [-1, AT_HOURS_MAX + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(rejection(() => store.getState().setAtHours(bad), DrugError)).toContain(`0…${AT_HOURS_MAX} h`);
    }
    expect(store.getState().treatment.atHours).toBe(AT_HOURS_MAX);
  });

  it('a bad initial treatment is refused when the store is made', () => {
    expect(rejection(() => createIntentStore({ treatment: { drugs: ['x=1/1'], atHours: 72 } }), DrugError)).toContain(
      'unknown drug',
    );
  });
});

describe('playback and view', () => {
  it('speed accepts its bounds and refuses outside them, keeping the last good value', () => {
    const store = createIntentStore();
    store.getState().setSpeed(SPEED_MIN);
    store.getState().setSpeed(SPEED_MAX);
    expect(store.getState().speed).toBe(SPEED_MAX);
    for (const bad of [SPEED_MIN / 2, SPEED_MAX + 1, 0, -1, Number.NaN]) {
      expect(rejection(() => store.getState().setSpeed(bad), ParamError)).toContain(`${SPEED_MIN}…${SPEED_MAX}`);
    }
    expect(store.getState().speed).toBe(SPEED_MAX);
  });

  it('playing and view options change as asked, view options merged', () => {
    const store = createIntentStore({ playing: false });
    store.getState().setPlaying(true);
    store.getState().setView({ map: 'potassium' });
    expect(store.getState().playing).toBe(true);
    expect(store.getState().view).toEqual({ map: 'potassium', rawSpikes: false });
    expect(() => store.getState().setView({ map: 'calcium' as never })).toThrow(/none, potassium, sodium, egaba/);
    expect(store.getState().view.map).toBe('potassium');
  });

  it('a selected cell is a grid point of the sheet, and is let go when the sheet changes size', () => {
    const store = createIntentStore();
    expect(store.getState().selectedCell).toBeNull();
    store.getState().setSelectedCell(64 * 64 - 1);
    expect(store.getState().selectedCell).toBe(64 * 64 - 1);
    expect(() => store.getState().setSelectedCell(64 * 64)).toThrow(RangeError);
    expect(() => store.getState().setSelectedCell(-1)).toThrow(RangeError);
    expect(store.getState().selectedCell).toBe(64 * 64 - 1);
    store.getState().setParams({ gaba: 0.5 });
    expect(store.getState().selectedCell).toBe(64 * 64 - 1);
    store.getState().setParams({ side: 32 });
    expect(store.getState().selectedCell).toBeNull();
    store.getState().setSelectedCell(100);
    store.getState().setParams({ side: 48 });
    expect(store.getState().selectedCell).toBeNull();
    store.getState().setSelectedCell(100);
    store.getState().setParams({ seed: 7 });
    expect(store.getState().selectedCell).toBe(100);
    store.getState().setSelectedCell(null);
    expect(store.getState().selectedCell).toBeNull();
  });
});
