/**
 * The day-by-day vicious circle (src/model/runs/vicious-circle.ts) with stand-in networks, and the
 * patient clock's seizure-burden history it rests on (src/model/pharmacology/pk.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { INDUCTION_TAU_H } from '../../src/model/pharmacology/barrier.ts';
import { pkAt, pkInputs } from '../../src/model/pharmacology/pk.ts';
import { parseRegimen } from '../../src/model/pharmacology/regimen.ts';
import { CIRCLE_DAY_H, runViciousCircle } from '../../src/model/runs/vicious-circle.ts';

const PATIENT = withParams(defaultParams(), { pgp: 1.2 });
const PHENOBARBITAL = [parseRegimen('phenobarbital=200/24')];
const WITH_CELECOXIB = [...PHENOBARBITAL, parseRegimen('celecoxib=200/12')];

describe('seizure-burden history on the patient clock', () => {
  const inputs = pkInputs(PATIENT);

  it('a history of zeros, or none, changes nothing; a constant history equals a constant burden', () => {
    const none = pkAt(inputs, PHENOBARBITAL, 100);
    const zeros = pkAt(
      {
        ...inputs,
        seizureBurdenHistory: [
          { fromH: 10, burden: 0 },
          { fromH: 50, burden: 0 },
        ],
      },
      PHENOBARBITAL,
      100,
    );
    expect(zeros.pgpEffective).toBe(none.pgpEffective);
    expect(zeros.drugs[0].brainUnboundUm).toBeCloseTo(none.drugs[0].brainUnboundUm, 12);
    const constant = pkAt({ ...inputs, seizureBurden: 0.5 }, PHENOBARBITAL, 100);
    const fromZero = pkAt({ ...inputs, seizureBurdenHistory: [{ fromH: 0, burden: 0.5 }] }, PHENOBARBITAL, 100);
    expect(fromZero.pgpEffective).toBe(constant.pgpEffective);
  });

  it('induction follows a step of burden with the 12-h time constant (closed form)', () => {
    const b = 0.8;
    const s = pkAt({ ...inputs, seizureBurdenHistory: [{ fromH: 30, burden: b }] }, [], 30 + 24);
    const induction = 1 + b * (1 - Math.exp(-24 / INDUCTION_TAU_H));
    expect(s.pgpEffective).toBeCloseTo(1.2 * induction, 6);
    // And it relaxes back once the burden falls to 0.
    const back = pkAt(
      {
        ...inputs,
        seizureBurdenHistory: [
          { fromH: 30, burden: b },
          { fromH: 54, burden: 0 },
        ],
      },
      [],
      54 + 12,
    );
    expect(back.pgpEffective).toBeCloseTo(1.2 * (1 + (induction - 1) * Math.exp(-1)), 6);
  });

  it('refuses a history out of order or out of range, naming the piece', () => {
    expect(() =>
      pkAt(
        {
          ...inputs,
          seizureBurdenHistory: [
            { fromH: 5, burden: 0.1 },
            { fromH: 5, burden: 0.2 },
          ],
        },
        [],
        10,
      ),
    ).toThrow(/seizureBurdenHistory\[1\]\.fromH/);
    expect(() => pkAt({ ...inputs, seizureBurdenHistory: [{ fromH: 5, burden: 1.5 }] }, [], 10)).toThrow(
      /seizureBurdenHistory\[0\]\.burden must be in 0…1/,
    );
  });
});

describe('the vicious circle, day by day', () => {
  it('with no seizures every day is pkAt at that day’s time', () => {
    const days = runViciousCircle({ params: PATIENT, regimens: PHENOBARBITAL, startH: 336, days: 3 }, () => 0);
    expect(days.map((d) => d.atHours)).toEqual([336, 336 + CIRCLE_DAY_H, 336 + 2 * CIRCLE_DAY_H]);
    for (const d of days) {
      const direct = pkAt(pkInputs(PATIENT), PHENOBARBITAL, d.atHours);
      expect(d.pgpEffective).toBe(direct.pgpEffective);
      expect(d.drugs[0].brainUnboundUm).toBe(direct.drugs[0].brainUnboundUm);
    }
  });

  it('a day of seizures raises the next day’s P-gp and lowers brain phenobarbital; celecoxib blocks it', () => {
    // A stand-in network: it seizes on day 0 (the trigger) and whenever the drug falls below 36 µM.
    const network = (_p: unknown, levels: readonly { brainUnboundUm: number }[], day: number) =>
      day === 0 || levels[0].brainUnboundUm < 36 ? 0.9 : 0;
    const plain = runViciousCircle({ params: PATIENT, regimens: PHENOBARBITAL, startH: 336, days: 4 }, network);
    const blocked = runViciousCircle({ params: PATIENT, regimens: WITH_CELECOXIB, startH: 336, days: 4 }, network);
    expect(plain[1].pgpEffective).toBeCloseTo(1.2 * (1 + 0.9 * (1 - Math.exp(-2))), 3);
    expect(plain[1].drugs[0].brainUnboundUm).toBeLessThan(0.8 * plain[0].drugs[0].brainUnboundUm);
    expect(plain.map((d) => d.seizureBurden)).toEqual([0.9, 0.9, 0.9, 0.9]);
    // Celecoxib (≈ 90 % block, Zibell 2009): P-gp rises by a tenth as much, the drug stays in.
    expect(blocked[1].pgpEffective - 1.2).toBeLessThan(0.15 * (plain[1].pgpEffective - 1.2));
    expect(blocked.map((d) => d.seizureBurden)).toEqual([0.9, 0, 0, 0]);
  });

  it('applies the trigger to day 0’s network only', () => {
    const seen: number[] = [];
    runViciousCircle({ params: PATIENT, regimens: [], startH: 0, days: 3, trigger: { inflammation: 1 } }, (p) => {
      seen.push(p.inflammation);
      return 0;
    });
    expect(seen).toEqual([1, 0, 0]);
  });

  it('refuses a bad number of days, a bad start and a burden out of range', () => {
    expect(() => runViciousCircle({ params: PATIENT, regimens: [], startH: 0, days: 0 }, () => 0)).toThrow(/1…14 days/);
    expect(() => runViciousCircle({ params: PATIENT, regimens: [], startH: -1, days: 1 }, () => 0)).toThrow(/startH/);
    expect(() => runViciousCircle({ params: PATIENT, regimens: [], startH: 0, days: 1 }, () => 2)).toThrow(
      /seizure burden of 2/,
    );
  });
});
