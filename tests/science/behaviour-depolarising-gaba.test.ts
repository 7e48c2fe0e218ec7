/**
 * docs/model.md §7 behaviour 6: depolarising GABA. The same hyperexcitable sheet (gaba 0.7) with adult
 * chloride (clEqMm 5) and with a newborn's raised chloride (clEqMm 20). A benzodiazepine (diazepam
 * 10 mg IV, network 1 h later) strengthens GABA_A: that stops the adult sheet's seizures and does
 * nothing for the newborn one, whose GABA_A current no longer hyperpolarises (Dzhala 2005; Painter
 * 1999). Bumetanide blocks NKCC1 and brings chloride down: applied to the tissue (10 µM, as in
 * slices; Dzhala 2005) it leaves an adult-like sheet that still seizes, and diazepam works on it
 * again; given to a newborn at the highest NEMO dose (0.3 mg/kg IV) almost none of it crosses the
 * barrier, and diazepam still fails (Pressler 2015).
 *
 * Why clEqMm 20 and not 30: at 30 (E_GABA ≈ −36 mV, above the spike threshold) GABA holds many
 * pyramidal cells in depolarisation block and the sheet sits at ~18 Hz without an event; at 20 it
 * makes a sustained discharge (26–27 Hz, K⁺o 9.3 mM) that does not end by itself: in this model the
 * newborn's seizure is a status-like state, not a recurring event (docs/notes/real-seizures.md §11).
 *
 * Margins (issue 12): where diazepam controls, no event over 120 s and the E rate at most a third of
 * the rate in the events it prevents. 48 × 48, seed 1 (seeds 2 and 3 in docs/notes/real-seizures.md §13).
 */
import { describe, expect, it } from 'vitest';
import type { MonitorSummary } from '../../src/model/detect/monitors.ts';
import { runSheet, type Treatment } from './run-sheet.ts';

const SHEET = { gaba: 0.7 };
const ADULT = { ...SHEET, clEqMm: 5 };
const NEWBORN_CHLORIDE = { ...SHEET, clEqMm: 20 };
const CONTROL_S = 120;
const SEIZING_S = 40;
const DIAZEPAM: Treatment = { drugs: ['diazepam=10iv'], atHours: 1 };
const BATH_BUMETANIDE = [{ drug: 'bumetanide' as const, brainUnboundUm: 10 }];

const run = (params: Record<string, unknown>, durationS: number, treatment?: Treatment): MonitorSummary =>
  runSheet(params, durationS, {}, treatment).summary;
/** The highest E rate during any event of a run. */
const eventRate = (s: MonitorSummary): number => Math.max(...s.seizureReports.map((e) => e.rateDuringHz));

describe('behaviour 6: depolarising GABA', () => {
  it('with adult chloride the sheet has an event, and diazepam prevents it with a margin', () => {
    const untreated = run(ADULT, SEIZING_S);
    const treated = run(ADULT, CONTROL_S, DIAZEPAM);
    expect(untreated.seizureReports.length).toBeGreaterThan(0);
    expect(treated.seizureReports).toEqual([]);
    expect(treated.rateHz.exc).toBeLessThanOrEqual(eventRate(untreated) / 3);
  });

  it('with newborn chloride the sheet seizes without end, and diazepam changes its burden by less than a fifth', () => {
    const untreated = run(NEWBORN_CHLORIDE, SEIZING_S);
    const treated = run(NEWBORN_CHLORIDE, SEIZING_S, DIAZEPAM);
    expect(untreated.seizureBurden).toBeGreaterThan(0.9);
    expect(untreated.seizureReports.some((e) => !e.endedByItself)).toBe(true);
    expect(treated.seizureBurden).toBeGreaterThan(0.8 * untreated.seizureBurden);
    // Not a milder state either: the E rate stays within a fifth of the untreated one, or above it.
    expect(treated.rateHz.exc).toBeGreaterThan(0.8 * untreated.rateHz.exc);
  });

  it('bumetanide in the tissue leaves seizures that diazepam then prevents, with a margin', () => {
    const bathOnly = run(NEWBORN_CHLORIDE, SEIZING_S, { drugs: [], atHours: 1, bath: BATH_BUMETANIDE });
    const withDiazepam = run(NEWBORN_CHLORIDE, CONTROL_S, { ...DIAZEPAM, bath: BATH_BUMETANIDE });
    // Chloride down: the events now end by themselves, as with adult chloride.
    expect(bathOnly.seizureReports.length).toBeGreaterThan(0);
    expect(bathOnly.seizureReports[0].endedByItself).toBe(true);
    expect(withDiazepam.seizureReports).toEqual([]);
    expect(withDiazepam.rateHz.exc).toBeLessThanOrEqual(eventRate(bathOnly) / 3);
  });

  it('at the clinical newborn dose bumetanide hardly reaches the brain, and diazepam still fails', () => {
    const newborn = runSheet(
      { ...NEWBORN_CHLORIDE, weightKg: 3.5 },
      SEIZING_S,
      {},
      {
        drugs: ['diazepam=1iv', 'bumetanide=1iv'],
        atHours: 1,
      },
    );
    const bumetanideBrainUm = newborn.patient?.drugs.find((d) => d.drug === 'bumetanide')?.brainUnboundUm ?? Number.NaN;
    expect(bumetanideBrainUm).toBeLessThan(0.01);
    expect(newborn.summary.seizureBurden).toBeGreaterThan(0.9);
  });
});
