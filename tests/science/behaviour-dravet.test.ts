/**
 * docs/model.md §7 behaviour 7 (Dravet): halving interneurons' Nav1.1 (scn1a 0.5; Yu 2006) lowers the
 * seizure threshold, and a sodium-channel blocker at a therapeutic level calms a hyperexcitable
 * wild-type sheet but makes the Dravet-like sheet worse: it takes away sodium current from the
 * interneurons that were already short of it (lamotrigine worsened 80 % of Dravet patients;
 * Guerrini 1998). Lamotrigine 200 mg every 12 h, the network run 72 h into the regimen.
 */
import { describe, expect, it } from 'vitest';
import { runSheet, type Treatment } from './run-sheet.ts';

const LAMOTRIGINE: Treatment = { drugs: ['lamotrigine=200/12'], atHours: 72 };

describe('behaviour 7: Dravet', () => {
  it('scn1a 0.5 lowers the threshold: at gaba 0.85 only the Dravet-like sheet seizes', () => {
    const wildType = runSheet({ gaba: 0.85 }, 30).summary;
    const dravet = runSheet({ gaba: 0.85, scn1a: 0.5 }, 30).summary;
    expect(wildType.seizures).toEqual([]);
    expect(dravet.seizureBurden).toBeGreaterThan(0.3);
  });

  it('a sodium-channel blocker in the therapeutic range stops a hyperexcitable wild-type sheet', () => {
    // gaba 0.7, seed 1, 120 s (48 × 48): an event at 9.3–31.9 s (35.7 Hz, K⁺o 9.0 mM) untreated;
    // with lamotrigine 11.4 Hz and no event (docs/notes/real-seizures.md §11).
    const untreated = runSheet({ gaba: 0.7 }, 120).summary;
    const treated = runSheet({ gaba: 0.7 }, 120, {}, LAMOTRIGINE);
    const level = treated.patient?.drugs[0].plasmaTotalMgL ?? Number.NaN;
    expect(level).toBeGreaterThanOrEqual(2.5);
    expect(level).toBeLessThanOrEqual(15);
    expect(untreated.seizures.length).toBeGreaterThan(0);
    expect(treated.summary.seizures).toEqual([]);
    const eventRate = Math.max(...untreated.seizureReports.map((e) => e.rateDuringHz));
    expect(treated.summary.rateHz.exc).toBeLessThanOrEqual(eventRate / 3);
  });

  it('the same drug raises burden in the Dravet-like sheet (scn1a 0.5, gaba 0.9)', () => {
    // With the reset following E_K the Dravet-like sheet is all or none: at gaba 0.85–0.88 it is
    // already in a never-ending event untreated; at 0.9 it is quiet (10.1 Hz), and lamotrigine
    // holds it at ~22 Hz with rhythmic discharges (48 × 48, seed 1; docs/notes/real-seizures.md §8).
    const untreated = runSheet({ gaba: 0.9, scn1a: 0.5 }, 40).summary;
    const treated = runSheet({ gaba: 0.9, scn1a: 0.5 }, 40, {}, LAMOTRIGINE).summary;
    expect(untreated.seizures).toEqual([]);
    expect(treated.seizureBurden).toBeGreaterThan(untreated.seizureBurden + 0.3);
  });
});
