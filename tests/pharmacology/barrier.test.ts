/**
 * The blood–brain barrier: P-gp over-expression, tariquidar, induction by inflammation and
 * seizures and its block by celecoxib, brain entry lag, and bumetanide's poor penetration
 * (docs/model.md §6, §7 behaviours 6, 8, 9).
 */
import { describe, expect, it } from 'vitest';
import { INDUCTION_TAU_H, inductionTarget, kpuu } from '../../src/model/pharmacology/barrier.ts';
import { DRUGS, type DrugName, type DrugTable } from '../../src/model/pharmacology/drugs.ts';
import { drugEffects } from '../../src/model/pharmacology/pd.ts';
import { simulatePk } from '../../src/model/pharmacology/pk.ts';
import { type Regimen, standardRegimen } from '../../src/model/pharmacology/regimen.ts';
import { ADULT, intervalWindow } from './helpers.ts';

/** Mean brain unbound level over one interval at steady state (after 10 half-lives, ≥ 240 h). */
function brainMean(drug: DrugName, pgp: number, extra: Regimen[] = []): number {
  const r = standardRegimen(drug);
  const tau = r.route === 'oral' ? r.everyH : 24;
  const after = Math.max(240, drug === 'phenytoin' ? 600 : 10 * DRUGS[drug].halfLifeH);
  return intervalWindow({ ...ADULT, pgp }, [r, ...extra], after, tau, 0, {}, 0.5).brainUnboundUm.mean;
}

describe('Kp,uu = penetration · kpuuIntrinsic / (1 + s · (pgpEffective − 1))', () => {
  it('is 0.7–0.8 at 2× P-gp for phenytoin and phenobarbital, 1 (within 2 %) for carbamazepine and lamotrigine', () => {
    for (const d of ['phenytoin', 'phenobarbital'] as const) {
      expect(kpuu(DRUGS[d], 1, 2)).toBeGreaterThanOrEqual(0.7);
      expect(kpuu(DRUGS[d], 1, 2)).toBeLessThanOrEqual(0.8);
    }
    for (const d of ['carbamazepine', 'lamotrigine'] as const)
      expect(Math.abs(kpuu(DRUGS[d], 1, 2) - 1)).toBeLessThan(0.02);
  });

  it('scales with the penetration dial and stays finite and positive over the whole P-gp range', () => {
    for (const d of Object.values(DRUGS)) {
      expect(kpuu(d, 0.5, 1)).toBeCloseTo(0.5 * d.kpuuIntrinsic, 12);
      for (const pgp of [0, 0.5, 1, 4, 8]) {
        const k = kpuu(d, 1, pgp);
        expect(Number.isFinite(k) && k > 0, `${d.name} at pgp ${pgp}`).toBe(true);
      }
    }
  });
});

describe('2× P-gp at steady state (docs/model.md §7 behaviour 8)', () => {
  it('lowers brain unbound phenytoin and phenobarbital by 20–30 %', () => {
    for (const d of ['phenytoin', 'phenobarbital'] as const) {
      const ratio = brainMean(d, 2) / brainMean(d, 1);
      expect(ratio, d).toBeGreaterThanOrEqual(0.7);
      expect(ratio, d).toBeLessThanOrEqual(0.8);
    }
  });

  it('leaves carbamazepine and lamotrigine within 2 %', () => {
    for (const d of ['carbamazepine', 'lamotrigine'] as const) {
      expect(Math.abs(brainMean(d, 2) / brainMean(d, 1) - 1), d).toBeLessThan(0.02);
    }
  });

  it('does not change the plasma level (the barrier is not an elimination route here)', () => {
    const r = [standardRegimen('phenytoin')];
    const a = intervalWindow(ADULT, r, 600, 12, 0, {}, 1).plasmaTotalMgL.mean;
    const b = intervalWindow({ ...ADULT, pgp: 2 }, r, 600, 12, 0, {}, 1).plasmaTotalMgL.mean;
    expect(b).toBeCloseTo(a, 10);
  });

  it('tariquidar 150 mg/day restores phenytoin’s brain level at 2× P-gp to within 10 % of normal', () => {
    const normal = brainMean('phenytoin', 1);
    const resistant = brainMean('phenytoin', 2);
    const restored = brainMean('phenytoin', 2, [standardRegimen('tariquidar')]);
    expect(resistant / normal).toBeLessThan(0.8);
    expect(Math.abs(restored / normal - 1)).toBeLessThan(0.1);
  });

  it('tariquidar lowers pgpEffective with its level, to about 1 at 2× P-gp', () => {
    const s = simulatePk({ ...ADULT, pgp: 2 }, [standardRegimen('tariquidar')], 240, 12);
    expect(s.pgpEffective[0]).toBe(2);
    for (let i = 1; i < s.pgpEffective.length; i++) expect(s.pgpEffective[i]).toBeLessThan(2);
    expect(s.pgpEffective[s.pgpEffective.length - 1]).toBeGreaterThan(0.8);
    expect(s.pgpEffective[s.pgpEffective.length - 1]).toBeLessThan(1.2);
  });
});

describe('P-gp induction on the patient clock (docs/model.md §7 behaviour 9)', () => {
  it('inflammation 1 raises pgpEffective over hours, not at once, toward 2', () => {
    const s = simulatePk({ ...ADULT, inflammation: 1 }, [], 72, 1);
    expect(s.pgpEffective[0]).toBe(1);
    expect(s.pgpEffective[1]).toBeLessThan(1.1); // 1 h
    expect(s.pgpEffective[12]).toBeGreaterThan(1.5); // 12 h
    expect(s.pgpEffective[12]).toBeLessThan(1.75);
    expect(s.pgpEffective[72]).toBeGreaterThan(1.95);
    for (let i = 1; i < s.pgpEffective.length; i++) expect(s.pgpEffective[i]).toBeGreaterThan(s.pgpEffective[i - 1]);
    // First order: 1 + (1 − e^(−t/τ)).
    expect(s.pgpEffective[24]).toBeCloseTo(2 - Math.exp(-24 / INDUCTION_TAU_H), 6);
  });

  it('seizure burden induces P-gp too, and the phenytoin brain level falls with it', () => {
    const r = [standardRegimen('phenytoin')];
    const calm = simulatePk(ADULT, r, 600, 24);
    const seizing = simulatePk({ ...ADULT, seizureBurden: 0.5 }, r, 600, 24);
    expect(seizing.pgpEffective.at(-1)).toBeCloseTo(1.5, 6);
    const ratio = (seizing.drugs[0].brainUnboundUm.at(-1) ?? 0) / (calm.drugs[0].brainUnboundUm.at(-1) ?? 1);
    expect(ratio).toBeCloseTo(1 / (1 + 0.5 / 3), 2);
  });

  it('celecoxib prevents the rise', () => {
    const inflamed = { ...ADULT, inflammation: 1 };
    const without = simulatePk(inflamed, [], 72, 6);
    const withCelecoxib = simulatePk(inflamed, [standardRegimen('celecoxib')], 72, 6);
    const rise = (s: typeof without) => Math.max(...s.pgpEffective) - 1;
    expect(rise(without)).toBeGreaterThan(0.95);
    expect(rise(withCelecoxib)).toBeLessThan(0.25 * rise(without));
  });

  it('celecoxib does nothing else: no P-gp change without induction, no network effect', () => {
    const s = simulatePk(ADULT, [standardRegimen('celecoxib'), standardRegimen('phenytoin')], 96, 12);
    for (const p of s.pgpEffective) expect(p).toBe(1);
    const alone = simulatePk(ADULT, [standardRegimen('phenytoin')], 96, 12);
    expect(s.drugs[1].brainUnboundUm).toEqual(alone.drugs[0].brainUnboundUm);
    expect(drugEffects('celecoxib', 10)).toEqual({});
  });

  it('the induction target rises with each input and falls with the block', () => {
    expect(inductionTarget(0, 0, 0)).toBe(1);
    expect(inductionTarget(1, 0, 0)).toBe(2);
    expect(inductionTarget(1, 1, 0)).toBe(3);
    expect(inductionTarget(1, 1, 1)).toBe(1);
  });
});

describe('brain entry', () => {
  it('levetiracetam’s brain level lags serum by about 2 h (Tong & Patsalos 2001)', () => {
    const s = simulatePk(ADULT, [{ drug: 'levetiracetam', route: 'oral', doseMg: 1000, everyH: 100 }], 24, 0.1);
    const d = s.drugs[0];
    const peakAt = (xs: number[]) => s.timesH[xs.indexOf(Math.max(...xs))];
    const lag = peakAt(d.brainUnboundUm) - peakAt(d.plasmaUnboundUm);
    expect(lag).toBeGreaterThan(1.5);
    expect(lag).toBeLessThan(4);
  });

  it('phenytoin’s brain level follows plasma within minutes', () => {
    const s = simulatePk(ADULT, [standardRegimen('phenytoin')], 48, 0.1);
    const i = s.timesH.indexOf(36);
    expect(s.drugs[0].brainUnboundUm[i] / s.drugs[0].plasmaUnboundUm[i]).toBeCloseTo(1, 1);
  });
});

describe('bumetanide (docs/model.md §7 behaviour 6; Pressler 2015, Dzhala 2005)', () => {
  const clEqEc50 = DRUGS.bumetanide.effects[0].ec50Um;
  const peakBrain = (inputs: typeof ADULT, regimen: Regimen, drugs: DrugTable = DRUGS) =>
    Math.max(...simulatePk(inputs, [regimen], 24, 0.1, { drugs }).drugs[0].brainUnboundUm);
  // The highest NEMO dose, 0.3 mg/kg IV, in a 3.5-kg newborn (Pressler 2015).
  const newborn = { ...ADULT, weightKg: 3.5 };
  const nemo: Regimen = { drug: 'bumetanide', route: 'iv', doseMg: 1 };
  const crossing: DrugTable = { ...DRUGS, bumetanide: { ...DRUGS.bumetanide, kpuuIntrinsic: 1 } };

  it('at clinical doses, the brain sees far less than the EC50', () => {
    expect(peakBrain(ADULT, standardRegimen('bumetanide'))).toBeLessThan(0.01 * clEqEc50);
    expect(peakBrain(newborn, nemo)).toBeLessThan(0.05 * clEqEc50);
    expect(-(drugEffects('bumetanide', peakBrain(newborn, nemo)).clEq ?? 0)).toBeLessThan(0.05);
  });

  it('the same dose reaches the brain when Kp,uu is high, and the penetration dial scales it', () => {
    const high = peakBrain(newborn, nemo, crossing);
    expect(high).toBeGreaterThan(0.2 * clEqEc50);
    expect(-(drugEffects('bumetanide', high).clEq ?? 0)).toBeGreaterThan(0.15);
    expect(peakBrain({ ...newborn, penetration: 0.1 }, nemo, crossing) / high).toBeCloseTo(0.1, 6);
  });

  it('in a slice, where 10 µM bathes the neurons (Dzhala 2005), NKCC1 is almost fully blocked', () => {
    expect(drugEffects('bumetanide', 10).clEq).toBeLessThan(-0.95);
  });
});
