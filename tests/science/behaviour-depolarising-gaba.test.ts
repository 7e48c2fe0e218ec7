/**
 * docs/model.md §7 behaviour 6: depolarising GABA. The same hyperexcitable sheet (gaba 0.7) with adult
 * chloride (clEqMm 5) and with neonatal chloride (clEqMm 30, E_GABA ≈ −36 mV). A benzodiazepine
 * (diazepam 10 mg IV, network 1 h later) strengthens GABA_A: that stops the adult sheet's
 * seizures and does nothing for the neonatal one, whose GABA_A current no longer hyperpolarises
 * (Dzhala 2005; Painter 1999). Bumetanide blocks NKCC1 and brings chloride down: applied to the
 * tissue (10 µM, as in slices; Dzhala 2005) it restores diazepam's effect; given to a newborn at
 * the highest NEMO dose (0.3 mg/kg IV) almost none of it crosses the barrier, and diazepam still
 * fails (Pressler 2015).
 */
import { describe, expect, it } from 'vitest';
import { runSheet, type Treatment } from './run-sheet.ts';

const DURATION_S = 30;
const burden = (params: Record<string, unknown>, treatment?: Treatment): number =>
  runSheet({ gaba: 0.7, ...params }, DURATION_S, {}, treatment).summary.seizureBurden;
const DIAZEPAM: Treatment = { drugs: ['diazepam=10iv'], atHours: 1 };
const BATH_BUMETANIDE = [{ drug: 'bumetanide' as const, brainUnboundUm: 10 }];

describe('behaviour 6: depolarising GABA', () => {
  it('a benzodiazepine cuts burden by at least half with adult chloride, by less than a fifth with neonatal chloride', () => {
    const adult = burden({ clEqMm: 5 });
    const adultTreated = burden({ clEqMm: 5 }, DIAZEPAM);
    const neonatal = burden({ clEqMm: 30 });
    const neonatalTreated = burden({ clEqMm: 30 }, DIAZEPAM);
    expect(adult).toBeGreaterThan(0.5);
    expect(neonatal).toBeGreaterThan(0.5);
    expect(adultTreated).toBeLessThanOrEqual(0.5 * adult);
    expect(neonatalTreated).toBeGreaterThan(0.8 * neonatal);
  });

  it('bumetanide that reaches the neurons restores the benzodiazepine; at clinical newborn doses it does not reach them', () => {
    const bathOnly = burden({ clEqMm: 30 }, { drugs: [], atHours: 1, bath: BATH_BUMETANIDE });
    const bathWithDiazepam = burden({ clEqMm: 30 }, { ...DIAZEPAM, bath: BATH_BUMETANIDE });
    // Bumetanide alone leaves an adult-like sheet that still seizes at gaba 0.6; with it, the
    // benzodiazepine works again.
    expect(bathOnly).toBeGreaterThan(0.5);
    expect(bathWithDiazepam).toBeLessThanOrEqual(0.5 * bathOnly);

    const newborn = runSheet(
      { gaba: 0.7, clEqMm: 30, weightKg: 3.5 },
      DURATION_S,
      {},
      {
        drugs: ['diazepam=1iv', 'bumetanide=1iv'],
        atHours: 1,
      },
    );
    const bumetanideBrainUm = newborn.patient?.drugs.find((d) => d.drug === 'bumetanide')?.brainUnboundUm ?? Number.NaN;
    expect(bumetanideBrainUm).toBeLessThan(0.01);
    expect(newborn.summary.seizureBurden).toBeGreaterThan(0.8 * bathOnly);
  });
});
