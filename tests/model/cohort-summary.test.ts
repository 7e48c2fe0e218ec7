/** From outcomes to the trial's figures, on hand-made outcomes (no simulation). */
import { describe, expect, it } from 'vitest';
import type { DrugName } from '../../src/model/pharmacology/drugs.ts';
import { CLINICAL_CUMULATIVE_SEIZURE_FREE, CLINICAL_REFRACTORY } from '../../src/model/runs/cohort/clinical.ts';
import type { PatientTraits } from '../../src/model/runs/cohort/population.ts';
import { summarize } from '../../src/model/runs/cohort/summary.ts';
import { COHORT_SETTINGS, type PatientOutcome } from '../../src/model/runs/cohort/trial.ts';

const PLAIN: PatientTraits = {
  gaba: 0.66,
  lesion: null,
  pgp: 1,
  pgpHigh: false,
  scn1a: 1,
  dravet: false,
  inflammation: 0,
  adherence: 0.95,
  weightKg: 75,
};
const DRUGS: DrugName[] = ['carbamazepine', 'valproate', 'lamotrigine', 'levetiracetam'];

function outcome(index: number, seizureFreeOn: number | null, traits: Partial<PatientTraits> = {}): PatientOutcome {
  const tried = seizureFreeOn === null ? DRUGS.length : seizureFreeOn + 1;
  return {
    index,
    seed: 1000 + index,
    traits: { ...PLAIN, ...traits },
    severityDraws: 1,
    epileptic: true,
    baselineSeizureBurden: 0.5,
    trials: DRUGS.slice(0, tried).map((drug, k) => ({
      drug,
      seizures: k === seizureFreeOn ? 0 : 1,
      seizureBurden: k === seizureFreeOn ? 0 : k === 0 && traits.dravet ? 0.8 : 0.5,
      brainUnboundUm: 10,
      pgpEffective: 1,
    })),
    seizureFreeOn,
  };
}

describe('summarize', () => {
  // 10 patients: 5 on the first drug, 2 on the second, none on the third, 1 on the fourth, 2 refractory
  // (one lesional with high P-gp, one Dravet-like whom the first drug made worse); 1 never seized.
  const outcomes = [
    ...[0, 1, 2, 3, 4].map((i) => outcome(i, 0)),
    outcome(5, 1, { lesion: { xMm: 1, yMm: 1, radiusMm: 0.4 } }),
    outcome(6, 1),
    outcome(7, 3),
    outcome(8, null, { lesion: { xMm: 1, yMm: 1, radiusMm: 0.4 }, pgp: 2, pgpHigh: true }),
    outcome(9, null, { dravet: true, scn1a: 0.5 }),
    { ...outcome(10, null), epileptic: false, trials: [], severityDraws: 10 },
  ].reverse();
  const s = summarize(3, DRUGS, 'substitution', COHORT_SETTINGS, outcomes);

  it('counts only the patients with epilepsy, and the cumulative fractions never fall', () => {
    expect(s.patients).toBe(11);
    expect(s.withEpilepsy).toBe(10);
    expect(s.withoutEpilepsy).toBe(1);
    expect(s.newlySeizureFree).toEqual([0.5, 0.2, 0, 0.1]);
    expect(s.cumulativeSeizureFree).toEqual([0.5, 0.7, 0.7, 0.8]);
    expect(s.refractoryFraction).toBeCloseTo(0.2, 12);
  });

  it('gives the clinical figures and the distance in percentage points, none beyond the third drug', () => {
    expect(s.clinical.cumulativeSeizureFree).toEqual([...CLINICAL_CUMULATIVE_SEIZURE_FREE, null]);
    expect(s.distancePp).toEqual([3, 10, 7.5, null]);
    expect(s.refractoryDistancePp).toBeCloseTo(100 * (0.2 - CLINICAL_REFRACTORY), 9);
    expect(s.seed).toBe(3);
  });

  it('says who stayed refractory, mechanism by mechanism', () => {
    const row = (key: string) => s.mechanisms.find((m) => m.key === key);
    expect(row('lesion')).toMatchObject({
      cohortShare: 0.2,
      refractoryShare: 0.5,
      seizureFreeShare: 0.125,
      refractoryRate: 0.5,
    });
    expect(row('pgpHigh')).toMatchObject({ cohortShare: 0.1, refractoryShare: 0.5, refractoryRate: 1 });
    expect(row('dravet')).toMatchObject({ cohortShare: 0.1, refractoryShare: 0.5, seizureFreeShare: 0 });
    expect(row('inflamed')).toMatchObject({ cohortShare: 0, refractoryRate: null });
  });

  it('counts whom a drug made worse among those who took it', () => {
    // The Dravet-like patient's burden rose on the first drug (0.5 → 0.8); everyone took it.
    expect(s.worsenedBy[0]).toBeCloseTo(0.1, 12);
    expect(s.worsenedBy[1]).toBe(0);
  });
});
