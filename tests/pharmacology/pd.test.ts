/** Pharmacodynamics: the Hill function and each drug's targets at therapeutic brain levels. */
import { describe, expect, it } from 'vitest';
import { DRUGS } from '../../src/model/pharmacology/drugs.ts';
import { combinedEffects, drugEffects, effectsByDrug, hillEffect } from '../../src/model/pharmacology/pd.ts';
import { ADULT, steadyState } from './helpers.ts';

describe('hillEffect', () => {
  const e = { target: 'naChannel', ec50Um: 8, emax: -1, hill: 2 } as const;
  it('is Emax·C^n / (EC50^n + C^n): 0 at 0, Emax/2 at EC50, toward Emax above', () => {
    expect(hillEffect(0, e)).toBe(0);
    expect(hillEffect(8, e)).toBeCloseTo(-0.5, 15);
    expect(hillEffect(16, e)).toBeCloseTo(-0.8, 15);
    expect(hillEffect(1e9, e)).toBeCloseTo(-1, 9);
  });
  it('treats negative or missing concentrations as none', () => {
    expect(hillEffect(-1, e)).toBe(0);
    expect(hillEffect(Number.NaN, e)).toBe(0);
  });
});

describe('drug effects at the brain levels of the standard regimens', () => {
  const brain = (d: 'phenytoin' | 'carbamazepine' | 'valproate' | 'phenobarbital' | 'levetiracetam') =>
    steadyState(d, ADULT, d === 'phenytoin' || d === 'phenobarbital' ? 600 : 200).brainUnboundUm.mean;

  it('phenytoin blocks fast Na⁺ channels by a third to a half and I_NaP less (Kuo 1998; Chao & Alzheimer 1995)', () => {
    const fx = drugEffects('phenytoin', brain('phenytoin'));
    expect(fx.naChannel).toBeLessThan(-0.3);
    expect(fx.naChannel).toBeGreaterThan(-0.5);
    expect(fx.napCurrent).toBeLessThan(-0.05);
    expect(fx.napCurrent).toBeGreaterThan(fx.naChannel ?? 0);
  });

  it('carbamazepine blocks Na⁺ channels; valproate a little, and raises GABA', () => {
    expect(drugEffects('carbamazepine', brain('carbamazepine')).naChannel).toBeLessThan(-0.2);
    const v = drugEffects('valproate', brain('valproate'));
    expect(v.naChannel).toBeLessThan(0);
    expect(v.naChannel).toBeGreaterThan(-0.15);
    expect(v.gabaConductance).toBeGreaterThan(0.1);
  });

  it('phenobarbital lengthens GABA_A decay; levetiracetam lowers release', () => {
    expect(drugEffects('phenobarbital', brain('phenobarbital')).gabaDecay).toBeGreaterThan(0.3);
    expect(drugEffects('levetiracetam', brain('levetiracetam')).releaseU).toBeLessThan(-0.25);
  });

  it('benzodiazepines at most double GABA_A conductance', () => {
    expect(drugEffects('diazepam', 1e6).gabaConductance).toBeCloseTo(1, 4);
    expect(drugEffects('midazolam', 0).gabaConductance).toBe(0);
  });

  it('barrier targets are left to the barrier', () => {
    expect(drugEffects('tariquidar', 1)).toEqual({});
    expect(drugEffects('celecoxib', 1)).toEqual({});
  });

  it('effects per drug, and combined as factors', () => {
    const levels = [
      { drug: 'phenytoin', brainUnboundUm: 8 },
      { drug: 'carbamazepine', brainUnboundUm: 25 },
      { drug: 'diazepam', brainUnboundUm: 0.02 },
    ] as const;
    expect(effectsByDrug(levels).map((x) => x.effects.naChannel)).toEqual([-0.5, -0.5, undefined]);
    const all = combinedEffects(levels);
    expect(all.naChannel).toBeCloseTo(-0.75, 12);
    expect(all.gabaConductance).toBeCloseTo(0.5, 12);
    expect(all.napCurrent).toBeCloseTo(-8 / 42, 12);
  });
});

describe('the table', () => {
  it('holds plausible numbers for every drug', () => {
    for (const d of Object.values(DRUGS)) {
      if (d.placebo) {
        // An inert tablet: nothing reaches the blood, nothing is acted on.
        expect(d.bioavailability).toBe(0);
        expect(d.effects).toEqual([]);
        continue;
      }
      expect(d.bioavailability, d.name).toBeGreaterThan(0);
      expect(d.bioavailability, d.name).toBeLessThanOrEqual(1);
      expect(d.unboundFraction, d.name).toBeGreaterThan(0);
      expect(d.unboundFraction, d.name).toBeLessThanOrEqual(1);
      expect(d.kaPerH, d.name).toBeGreaterThan(Math.LN2 / d.halfLifeH); // no flip-flop kinetics
      expect(d.pgpSubstrate, d.name).toBeLessThan(1); // Kp,uu stays finite when P-gp is fully inhibited
      expect(d.effects.length, d.name).toBeGreaterThan(0);
      if (d.therapeuticMgL) expect(d.therapeuticMgL.low).toBeLessThan(d.therapeuticMgL.high);
      const { doseMg, everyH } = d.standardRegimen;
      expect(doseMg * (everyH === null ? 1 : 24 / everyH), d.name).toBeLessThanOrEqual(d.maxDailyMg);
    }
  });
});
