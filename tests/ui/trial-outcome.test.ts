/**
 * The panel's line for each patient: its verdict, and why an event-free window did not count as
 * seizure-free (src/model/runs/cohort/trial.ts, isSeizureFree).
 */
import { describe, expect, it } from 'vitest';
import type { PatientOutcome } from '../../src/model/runs/cohort/trial.ts';
import { outcomeOf } from '../../src/ui/trial/trial-results.ts';

const DRUGS = ['lamotrigine', 'valproate'];

function patient(
  windows: { seizures: number; dischargesPerS: number }[],
  seizureFreeOn: number | null,
): PatientOutcome {
  return {
    index: 0,
    seed: 1,
    traits: {
      lesion: { xMm: 1, yMm: 1, radiusMm: 0.4 },
      lesionBlockerBinding: 0.2,
      pgp: 1,
      pgpHigh: false,
      scn1a: 1,
      dravet: false,
      inflammation: 0,
      adherence: 0.9,
      weightKg: 70,
      kClearance: 0.6,
    },
    severityDraws: 1,
    epileptic: true,
    baselineSeizureBurden: 0.5,
    baselineSeizures: 2,
    baselineRateEHz: 20,
    baselinePeakRate1sHz: 60,
    trials: windows.map((w, k) => ({
      drug: DRUGS[k] as PatientOutcome['trials'][number]['drug'],
      seizures: w.seizures,
      seizureBurden: w.seizures > 0 ? 0.4 : 0,
      rateEHz: 15,
      peakRate1sHz: 25,
      chiMean: 0.3,
      dischargesPerS: w.dischargesPerS,
      brainUnboundUm: 5,
      pgpEffective: 1,
    })),
    seizureFreeOn,
  };
}

describe('a patient’s line in the trial panel', () => {
  it('says the verdict, and names a drug that left no event but continuous discharges', () => {
    expect(outcomeOf(patient([{ seizures: 0, dischargesPerS: 0.1 }], 0), DRUGS)).toBe('seizure-free on lamotrigine');
    expect(
      outcomeOf(
        patient(
          [
            { seizures: 0, dischargesPerS: 5.23 },
            { seizures: 2, dischargesPerS: 5.8 },
          ],
          null,
        ),
        DRUGS,
      ),
    ).toBe('refractory (lamotrigine: no event, but 5.2 discharges a second)');
    expect(outcomeOf({ ...patient([], null), epileptic: false }, DRUGS)).toBe('never seized untreated: left out');
  });
});
