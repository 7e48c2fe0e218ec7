/** The dosing schedule and adherence: seeded, reproducible missed doses. */
import { describe, expect, it } from 'vitest';
import { simulatePk } from '../../src/model/pharmacology/pk.ts';
import type { Regimen } from '../../src/model/pharmacology/regimen.ts';
import { doseSchedule } from '../../src/model/pharmacology/schedule.ts';
import { ADULT } from './helpers.ts';

const lev: Regimen = { drug: 'levetiracetam', route: 'oral', doseMg: 1500, everyH: 12 };
const taken = (seed: number, adherence: number, hours = 720, r: Regimen = lev) =>
  doseSchedule(r, hours, adherence, seed).map((e) => e.taken);

describe('doseSchedule', () => {
  it('schedules mg every τ hours from t = 0, before the horizon and the stop time', () => {
    const times = doseSchedule(lev, 48, 1, 1).map((e) => e.timeH);
    expect(times).toEqual([0, 12, 24, 36]);
    expect(doseSchedule({ ...lev, stopH: 30 }, 48, 1, 1).map((e) => e.timeH)).toEqual([0, 12, 24]);
    const fine = doseSchedule({ drug: 'midazolam', route: 'oral', doseMg: 1, everyH: 0.7 }, 70, 1, 1);
    expect(fine).toHaveLength(100);
    expect(fine[99].timeH).toBeCloseTo(69.3, 12);
  });

  it('an IV bolus is one dose at t = 0, always given', () => {
    expect(doseSchedule({ drug: 'diazepam', route: 'iv', doseMg: 10 }, 100, 0, 1)).toEqual([
      { timeH: 0, doseMg: 10, route: 'iv', taken: true },
    ]);
  });

  it('the same seed misses the same doses; another seed, others', () => {
    expect(taken(7, 0.5)).toEqual(taken(7, 0.5));
    expect(taken(7, 0.5)).not.toEqual(taken(8, 0.5));
  });

  it('pins the missed doses of seed 1 at adherence 0.5 (a change here changes every scenario)', () => {
    expect(
      taken(1, 0.5, 120)
        .map((t) => (t ? 'x' : '.'))
        .join(''),
    ).toMatchInlineSnapshot(`"xx.xx....."`);
  });

  it('missed doses do not depend on the horizon or on the other drugs', () => {
    expect(taken(3, 0.7, 240)).toEqual(taken(3, 0.7, 720).slice(0, 20));
    const alone = simulatePk({ ...ADULT, adherence: 0.6, seed: 3 }, [lev], 240, 24).drugs[0].doses;
    const withOther = simulatePk(
      { ...ADULT, adherence: 0.6, seed: 3 },
      [{ drug: 'phenytoin', route: 'oral', doseMg: 100, everyH: 8 }, lev],
      240,
      24,
    ).drugs[1].doses;
    expect(withOther).toEqual(alone);
  });

  it('takes about the adherence fraction, all at 1, none at 0', () => {
    const share = (a: number) => taken(11, a, 12 * 2000).filter(Boolean).length / 2000;
    expect(share(1)).toBe(1);
    expect(share(0)).toBe(0);
    expect(Math.abs(share(0.5) - 0.5)).toBeLessThan(0.04);
    expect(Math.abs(share(0.8) - 0.8)).toBeLessThan(0.03);
  });
});

describe('adherence and levels', () => {
  const meanPlasma = (adherence: number, seed = 1) => {
    const xs = simulatePk({ ...ADULT, adherence, seed }, [lev], 720, 1).drugs[0].plasmaTotalMgL;
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };

  it('0.5 lowers the average level to about half; 0 gives none', () => {
    const full = meanPlasma(1);
    const half = meanPlasma(0.5);
    expect(half).toBeLessThan(0.7 * full);
    expect(half).toBeGreaterThan(0.3 * full);
    expect(meanPlasma(0)).toBe(0);
  });

  it('the same seed gives the same curve to the bit', () => {
    const a = simulatePk({ ...ADULT, adherence: 0.5, seed: 5 }, [lev], 200, 2).drugs[0].plasmaTotalMgL;
    const b = simulatePk({ ...ADULT, adherence: 0.5, seed: 5 }, [lev], 200, 2).drugs[0].plasmaTotalMgL;
    expect(a).toEqual(b);
  });
});
