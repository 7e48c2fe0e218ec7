/**
 * docs/model.md §7 behaviour 6: depolarising GABA. The same hyperexcitable sheet (gaba 0.6) with adult
 * chloride (clEqMm 5) and with a newborn's raised chloride (clEqMm 10). A benzodiazepine (diazepam
 * 10 mg IV, network 1 h later) strengthens GABA_A: that stops the adult sheet's seizures and does
 * almost nothing for the newborn one, whose GABA_A current no longer hyperpolarises (Dzhala 2005;
 * Painter 1999). Bumetanide blocks NKCC1 and brings chloride down: applied to the tissue (10 µM, as
 * in slices; Dzhala 2005) it leaves an adult-like sheet that still seizes, and diazepam works on it
 * again; given to a newborn at the highest NEMO dose (0.3 mg/kg IV) almost none of it crosses the
 * barrier, and diazepam still fails (Pressler 2015).
 *
 * Why clEqMm 10 (E_GABA about −62 mV at rest, between the −70.6-mV rest and the −50.4-mV spike
 * threshold): GABA depolarises neonatal cortical neurons in vivo without firing them (Kirmse et
 * al. 2015, Nat Commun 6:7750), the 20–40 mM measured in slices of the first postnatal week are
 * highest near the cut surface (Glykys & Staley 2016), and a term newborn is already in the
 * transition from NKCC1 to KCC2 (Dzhala 2005). In this model 10 mM gives seizures that end and come
 * back, as neonatal seizures do; at 20 (E_GABA −47 mV, above the threshold) a discharge that never
 * ends, and at 30 many pyramidal cells held in depolarisation block at ~18 Hz without an event
 * (docs/notes/real-seizures.md §11, §13, §32).
 *
 * Margins (issue 12): where diazepam controls, no event over 120 s and the E rate at most a third of
 * the rate in the events it prevents. 48 × 48, seed 1 (docs/notes/real-seizures.md §32).
 *
 * Why gaba 0.6 (0.7 until the 0.2-ms step, 2026-12-08): 0.7 sits at the edge of the threshold
 * (0.7–0.75), where the adult sheet's only event was its answer to the drop of GABA_A from the
 * healthy start, not a recurring seizure; once the run's start-up burst was removed (E cells begin
 * at their working adaptation) it became a partial climb at the default size (24 Hz, χ 0.48, seed 2:
 * 2.8× diazepam's rate, under issue 12's 3×). At 0.6 the adult sheet has recurring seizures (48 × 48,
 * seed 1: 4.3–24.5 s at 45.3 Hz, 60.4–85.6 s at 37.0 Hz) and diazepam holds it at 10.4 Hz
 * (docs/notes/real-seizures.md §44).
 */
import { describe, expect, it } from 'vitest';
import type { MonitorSummary } from '../../src/model/detect/monitors.ts';
import { runSheet, type Treatment } from './run-sheet.ts';

const SHEET = { gaba: 0.6 };
const ADULT = { ...SHEET, clEqMm: 5 };
const NEWBORN_CHLORIDE = { ...SHEET, clEqMm: 10 };
const CONTROL_S = 120;
// The newborn runs: 150 s since the 0.2-ms step (2026-12-07), whose second seizure (48 × 48, seed 1)
// ends at 116.7 s (gaba 0.6; 118.8 s at 0.7), too near the end of 120 s for the 5 s that show the
// silence after it (111.1 s at 0.1 ms and gaba 0.7).
const NEWBORN_S = 150;
const SEIZING_S = 40;
const DIAZEPAM: Treatment = { drugs: ['diazepam=10iv'], atHours: 1 };
const BATH_BUMETANIDE = [{ drug: 'bumetanide' as const, brainUnboundUm: 10 }];

const run = (params: Record<string, unknown>, durationS: number, treatment?: Treatment): MonitorSummary =>
  runSheet(params, durationS, {}, treatment).summary;
/**
 * The untreated newborn sheet over NEWBORN_S, run once for the two tests that compare with it (body
 * weight enters only the pharmacokinetics, so it is the same sheet at any weight).
 */
let untreatedNewborn: MonitorSummary | null = null;
const newbornUntreated = (): MonitorSummary => {
  untreatedNewborn ??= run(NEWBORN_CHLORIDE, NEWBORN_S);
  return untreatedNewborn;
};
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

  it('with newborn chloride the sheet has seizures that end and recur, and diazepam changes its burden by less than a fifth', () => {
    // 48 × 48, seed 1, 150 s: events from 1.0 s (to 58.5 s), 81.5 s (35.2 s, 40.7 Hz against 4.1
    // before) and 141.5 s; with diazepam 1.0–51.0 s, 77.0–109.8 s and from 137.5 s, burden 0.68 → 0.64.
    const untreated = newbornUntreated();
    const treated = run(NEWBORN_CHLORIDE, NEWBORN_S, DIAZEPAM);
    const ended = untreated.seizureReports.filter((e) => e.endedByItself);
    expect(ended.length).toBeGreaterThanOrEqual(2);
    // The seizure after the first: a distinct state that ends in silence (judged on one that
    // leaves the run the 5 s it takes to see the silence).
    const judged = ended.slice(1).filter((e) => e.rateAfterHz !== null);
    expect(judged.length).toBeGreaterThanOrEqual(1);
    const second = judged[0];
    const before = second.rateBeforeHz ?? Number.NaN;
    expect(second.rateDuringHz).toBeGreaterThanOrEqual(3 * before);
    expect(second.rateAfterHz ?? Number.NaN).toBeLessThan(before / 2);
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
    const untreated = newbornUntreated();
    const newborn = runSheet(
      { ...NEWBORN_CHLORIDE, weightKg: 3.5 },
      NEWBORN_S,
      {},
      {
        drugs: ['diazepam=1iv', 'bumetanide=1iv'],
        atHours: 1,
      },
    );
    const bumetanideBrainUm = newborn.patient?.drugs.find((d) => d.drug === 'bumetanide')?.brainUnboundUm ?? Number.NaN;
    expect(bumetanideBrainUm).toBeLessThan(0.01);
    expect(newborn.summary.seizureBurden).toBeGreaterThan(0.8 * untreated.seizureBurden);
  });
});
