/**
 * Plasma pharmacokinetics: closed forms, convergence of the integrator, steady states of the
 * standard adult regimens against their therapeutic ranges, measured half-lives, phenytoin's
 * saturable elimination, and body weight.
 */
import { describe, expect, it } from 'vitest';
import { ParamError } from '../../src/model/params.ts';
import { DRUGS, type DrugName } from '../../src/model/pharmacology/drugs.ts';
import { pkAt, simulatePk } from '../../src/model/pharmacology/pk.ts';
import { type Regimen, standardRegimen } from '../../src/model/pharmacology/regimen.ts';
import { ADULT, intervalWindow } from './helpers.ts';

describe('closed forms', () => {
  it('an IV bolus decays as D/V · exp(−kt)', () => {
    const d = DRUGS.lamotrigine;
    const s = simulatePk(ADULT, [{ drug: 'lamotrigine', route: 'iv', doseMg: 100 }], 48, 6);
    const v = d.volumeLPerKg * 70;
    const k = Math.LN2 / d.halfLifeH;
    s.timesH.forEach((t, i) => {
      expect(s.drugs[0].plasmaTotalMgL[i]).toBeCloseTo((100 / v) * Math.exp(-k * t), 9);
    });
  });

  it('one oral dose follows the Bateman function F·D·ka / (V (ka − k)) · (e^−kt − e^−ka·t)', () => {
    const d = DRUGS.carbamazepine;
    // One dose: an interval longer than the horizon.
    const s = simulatePk(ADULT, [{ drug: 'carbamazepine', route: 'oral', doseMg: 400, everyH: 100 }], 72, 3);
    const v = d.volumeLPerKg * 70;
    const k = Math.LN2 / d.halfLifeH;
    const ka = d.kaPerH;
    s.timesH.forEach((t, i) => {
      const exact = ((d.bioavailability * 400 * ka) / (v * (ka - k))) * (Math.exp(-k * t) - Math.exp(-ka * t));
      expect(Math.abs(s.drugs[0].plasmaTotalMgL[i] - exact)).toBeLessThan(1e-8 * (1 + exact));
    });
  });

  it('the unbound plasma level is fu × total in µM by the molar mass', () => {
    const snap = pkAt(ADULT, [standardRegimen('phenytoin')], 30);
    const p = snap.drugs[0];
    expect(p.plasmaUnboundUm).toBeCloseTo((p.plasmaTotalMgL * 0.1 * 1000) / 252.27, 12);
  });

  it('pkAt gives the series’ value at that time', () => {
    const regimens: Regimen[] = [standardRegimen('phenytoin'), standardRegimen('valproate')];
    const s = simulatePk(ADULT, regimens, 50, 2.5);
    const snap = pkAt(ADULT, regimens, 37.5);
    const i = s.timesH.indexOf(37.5);
    expect(snap.drugs[1].plasmaTotalMgL).toBeCloseTo(s.drugs[1].plasmaTotalMgL[i], 10);
    expect(snap.drugs[0].brainUnboundUm).toBeCloseTo(s.drugs[0].brainUnboundUm[i], 10);
  });
});

describe('integration converges', () => {
  it('halving the step four times changes nothing that matters (< 1e-6 relative)', () => {
    const regimens: Regimen[] = [
      standardRegimen('phenytoin'),
      standardRegimen('tariquidar'),
      standardRegimen('celecoxib'),
      { drug: 'midazolam', route: 'iv', doseMg: 10 },
    ];
    const inputs = { ...ADULT, pgp: 2, inflammation: 0.5 };
    const coarse = simulatePk(inputs, regimens, 72, 1);
    const fine = simulatePk(inputs, regimens, 72, 1, { maxStepH: 0.02 / 16 });
    for (let d = 0; d < regimens.length; d++) {
      for (const key of ['plasmaTotalMgL', 'brainUnboundUm'] as const) {
        coarse.drugs[d][key].forEach((x, i) => {
          const y = fine.drugs[d][key][i];
          expect(Math.abs(x - y), `${regimens[d].drug} ${key} at ${i} h`).toBeLessThanOrEqual(
            1e-6 * Math.abs(y) + 1e-12,
          );
        });
      }
    }
    coarse.pgpEffective.forEach((x, i) => {
      expect(Math.abs(x - fine.pgpEffective[i])).toBeLessThan(1e-6 * fine.pgpEffective[i]);
    });
  });
});

/** Standard adult regimens at 70 kg, trough and peak over one interval after ≥ 5 half-lives. */
const RANGE_DRUGS: { drug: DrugName; afterH: number }[] = [
  // Saturable: the approach is slower than 5 × 22 h; 600 h is far past it.
  { drug: 'phenytoin', afterH: 600 },
  { drug: 'carbamazepine', afterH: 10 * 15 },
  { drug: 'lamotrigine', afterH: 10 * 25 },
  { drug: 'valproate', afterH: 10 * 14 },
  { drug: 'phenobarbital', afterH: 6 * 100 },
  { drug: 'levetiracetam', afterH: 10 * 7 },
];

describe('steady state of the standard adult regimens (70 kg) lies in the therapeutic range', () => {
  for (const { drug, afterH } of RANGE_DRUGS) {
    it(drug, () => {
      const r = standardRegimen(drug);
      if (r.route !== 'oral') throw new Error('oral regimen expected');
      const w = intervalWindow(ADULT, [r], afterH, r.everyH);
      const range = DRUGS[drug].therapeuticMgL;
      expect(range).not.toBeNull();
      expect(w.plasmaTotalMgL.min, 'trough').toBeGreaterThanOrEqual(range?.low ?? Number.NaN);
      expect(w.plasmaTotalMgL.max, 'peak').toBeLessThanOrEqual(range?.high ?? Number.NaN);
      // Steady indeed: one interval later the trough is the same within 1 %.
      const later = intervalWindow(ADULT, [r], afterH + r.everyH, r.everyH);
      expect(later.plasmaTotalMgL.min / w.plasmaTotalMgL.min).toBeCloseTo(1, 2);
    });
  }
});

/** Log-linear least-squares slope of ln C on t. */
function logSlope(times: readonly number[], values: readonly number[]): number {
  const ys = values.map(Math.log);
  const n = times.length;
  const mt = times.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (times[i] - mt) * (ys[i] - my);
    den += (times[i] - mt) ** 2;
  }
  return num / den;
}

/** Half-life from the terminal phase of the plasma curve, between fromH and toH. */
function measuredHalfLife(regimen: Regimen, fromH: number, toH: number): number {
  const step = (toH - fromH) / 40;
  const s = simulatePk(ADULT, [regimen], toH, step);
  const idx = s.timesH.flatMap((t, i) => (t >= fromH - 1e-9 ? [i] : []));
  const slope = logSlope(
    idx.map((i) => s.timesH[i]),
    idx.map((i) => s.drugs[0].plasmaTotalMgL[i]),
  );
  return -Math.LN2 / slope;
}

// The placebo has no level to measure a half-life from (nothing reaches the blood).
const LINEAR_DRUGS = (Object.keys(DRUGS) as DrugName[]).filter((d) => DRUGS[d].saturable === null && !DRUGS[d].placebo);

describe('the placebo', () => {
  it('puts nothing in the blood or the brain', () => {
    const s = simulatePk(ADULT, [{ drug: 'placebo', route: 'oral', doseMg: 100, everyH: 12 }], 72, 1);
    expect(Math.max(...s.drugs[0].plasmaTotalMgL)).toBe(0);
    expect(Math.max(...s.drugs[0].brainUnboundUm)).toBe(0);
  });
});

describe('half-lives measured from the curves match the table within 10 %', () => {
  for (const drug of LINEAR_DRUGS) {
    it(`${drug}: after one IV dose, and after stopping the oral regimen`, () => {
      const tHalf = DRUGS[drug].halfLifeH;
      const iv = measuredHalfLife({ drug, route: 'iv', doseMg: 1 }, tHalf, 4 * tHalf);
      expect(Math.abs(iv / tHalf - 1), `IV ${iv.toFixed(2)} h`).toBeLessThan(0.1);
      // Five oral doses, then the drug is stopped; the terminal phase begins once the last dose
      // is absorbed (12 / ka later).
      const tau = Math.max(1, tHalf / 4);
      const stopH = 5 * tau;
      const from = stopH + 12 / DRUGS[drug].kaPerH;
      const stopped = measuredHalfLife({ drug, route: 'oral', doseMg: 1, everyH: tau, stopH }, from, from + 3 * tHalf);
      expect(Math.abs(stopped / tHalf - 1), `oral ${stopped.toFixed(2)} h`).toBeLessThan(0.1);
    });
  }
});

describe('phenytoin: saturable elimination', () => {
  /** Mean steady-state level over one 12-h interval at a daily dose. */
  function meanLevel(dailyMg: number, weightKg = 70): number {
    const r: Regimen = { drug: 'phenytoin', route: 'oral', doseMg: dailyMg / 2, everyH: 12 };
    return intervalWindow({ ...ADULT, weightKg }, [r], 1500, 12).plasmaTotalMgL.mean;
  }

  it('rises more than proportionally with the dose', () => {
    const c200 = meanLevel(200);
    const c300 = meanLevel(300);
    const c400 = meanLevel(400);
    expect(c300 / c200).toBeGreaterThan(1.5 * 1.3);
    expect(c400 / c300).toBeGreaterThan((4 / 3) * 1.3);
  });

  it('meets the Michaelis–Menten steady state Km·R / (Vmax − R) within 2 %', () => {
    const vmaxMgDay = 7 * 70;
    const r = 0.95 * 350;
    expect(meanLevel(350) / ((4 * r) / (vmaxMgDay - r))).toBeCloseTo(1, 1);
    expect(Math.abs(meanLevel(350) / ((4 * r) / (vmaxMgDay - r)) - 1)).toBeLessThan(0.02);
  });

  it('a child of 20 kg reaches the adult level on the same mg/kg', () => {
    const adult = meanLevel(350, 70);
    const child = meanLevel(100, 20);
    expect(child / adult).toBeCloseTo(1, 2);
  });
});

describe('inputs', () => {
  it('are checked against the parameter table', () => {
    const r = [standardRegimen('phenytoin')];
    expect(() => simulatePk({ ...ADULT, pgp: 5 }, r, 10, 1)).toThrow(ParamError);
    expect(() => simulatePk({ ...ADULT, weightKg: 0 }, r, 10, 1)).toThrow(/weightKg=0 is not allowed/);
    expect(() => simulatePk({ ...ADULT, seizureBurden: 2 }, r, 10, 1)).toThrow(/seizureBurden must be in 0…1/);
    expect(() => simulatePk(ADULT, r, 0, 1)).toThrow(/hours must be positive/);
  });
});

describe('body weight', () => {
  it('scales the volume: the same dose gives 70/35 × the level in a 35-kg patient', () => {
    const iv: Regimen[] = [{ drug: 'levetiracetam', route: 'iv', doseMg: 500 }];
    const a = pkAt(ADULT, iv, 5).drugs[0].plasmaTotalMgL;
    const b = pkAt({ ...ADULT, weightKg: 35 }, iv, 5).drugs[0].plasmaTotalMgL;
    expect(b / a).toBeCloseTo(2, 10);
  });
});
