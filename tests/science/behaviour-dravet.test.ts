/**
 * docs/model.md §7 behaviour 7 (Dravet): halving interneurons' Nav1.1 (scn1a 0.5; Yu 2006) lowers the
 * seizure threshold, and a sodium-channel blocker at a therapeutic level calms a hyperexcitable
 * wild-type sheet but makes the Dravet-like sheet worse: it takes away sodium current from the
 * interneurons that were already short of it (lamotrigine worsened 80 % of Dravet patients;
 * Guerrini 1998). Lamotrigine 100 mg every 12 h, the network run 72 h into the regimen (2.8 mg/L,
 * inside the 2.5–15 mg/L reference range). At 150–200 mg every 12 h (4.3–5.7 mg/L) the Dravet-like
 * sheet sits instead in a steady ~20-Hz discharge for 300 s: the blocker also caps the pyramidal
 * cells' rate (docs/notes/real-seizures.md §32).
 */
import { describe, expect, it } from 'vitest';
import { runSheet, type Treatment } from './run-sheet.ts';

const LAMOTRIGINE: Treatment = { drugs: ['lamotrigine=100/12'], atHours: 72 };
/** The Dravet-like sheet on the drug opens with one long discharge (~60 s); its seizures come after. */
// 180 s since the 0.2-ms step (2026-12-07), whose first discharge on the drug lasts to ~80 s
// (48 × 48, seed 1) instead of ~62 s, leaving too little of 150 s for three seizures after it.
const DRAVET_RUN_S = 180;

describe('behaviour 7: Dravet', () => {
  it('scn1a 0.5 lowers the threshold: at gaba 0.85 only the Dravet-like sheet seizes', () => {
    const wildType = runSheet({ gaba: 0.85 }, 30).summary;
    const dravet = runSheet({ gaba: 0.85, scn1a: 0.5 }, 30).summary;
    expect(wildType.seizures).toEqual([]);
    expect(dravet.seizureBurden).toBeGreaterThan(0.3);
  });

  it('a sodium-channel blocker in the therapeutic range stops a hyperexcitable wild-type sheet', () => {
    // The wild type is a sclerosis-like patch whose glia clear K⁺ poorly (kClearance 0.6, the
    // focal-dysplasia patient's patch without its lesion): recurring K⁺ runaways, seed 1, 120 s
    // (48 × 48): events at 12.8–34.0 s (45.8 Hz) and 91.3–111.5 s (49.3 Hz) untreated; with
    // lamotrigine 100 mg/12 h 10.0 Hz and no event, 4.6× below the weaker event. Until 2026-12-07
    // it was gaba 0.7, whose only event is the acute one a drop of GABA_A gives from the healthy
    // working state: at the default size 31–32 Hz against 10.7 on the drug, under the 3× margin
    // issue 12 asks (docs/notes/real-seizures.md §38).
    const patch = { kClearance: 0.6 };
    const untreated = runSheet(patch, 120).summary;
    const treated = runSheet(patch, 120, {}, LAMOTRIGINE);
    const level = treated.patient?.drugs[0].plasmaTotalMgL ?? Number.NaN;
    expect(level).toBeGreaterThanOrEqual(2.5);
    expect(level).toBeLessThanOrEqual(15);
    expect(untreated.seizures.length).toBeGreaterThanOrEqual(2);
    expect(treated.summary.seizures).toEqual([]);
    const weakestEventHz = Math.min(...untreated.seizureReports.map((e) => e.rateDuringHz));
    expect(treated.summary.rateHz.exc).toBeLessThanOrEqual(weakestEventHz / 3);
  });

  it('the same drug gives the Dravet-like sheet (scn1a 0.5, gaba 0.9) recurrent seizures', () => {
    // 48 × 48, seed 1, 150 s: untreated 9.5 Hz, interneurons 23 Hz, no event. On lamotrigine the
    // interneurons fall to 0.05 Hz; a first discharge (2–62 s, 23 Hz) is the drug's start, then
    // seizures every ~23 s, 14–15 s each at 30–32 Hz, χ 0.58–0.62, each ended by itself with the
    // sheet near silent after (0.1 Hz) (docs/notes/real-seizures.md §32).
    const untreated = runSheet({ gaba: 0.9, scn1a: 0.5 }, DRAVET_RUN_S).summary;
    const treated = runSheet({ gaba: 0.9, scn1a: 0.5 }, DRAVET_RUN_S, {}, LAMOTRIGINE).summary;
    expect(untreated.seizures).toEqual([]);
    expect(treated.seizureBurden).toBeGreaterThan(untreated.seizureBurden + 0.3);
    expect(treated.rateHz.inh).toBeLessThan(untreated.rateHz.inh / 10);
    // The seizures after the first discharge: at least three that ended by themselves. The first
    // of them rises from that discharge's tail (2.4× the 10 s before it); each one after is a
    // distinct state (3× the rate before it), at 3× the untreated sheet's rate or more, with the
    // sheet at under half its pre-event rate after.
    const after = treated.seizureReports.slice(1).filter((e) => e.endedByItself);
    expect(after.length).toBeGreaterThanOrEqual(3);
    for (const e of after.slice(1)) {
      const tag = `event at ${e.onsetS} s: ${JSON.stringify(e)}`;
      const before = e.rateBeforeHz ?? Number.NaN;
      expect(e.rateDuringHz, tag).toBeGreaterThanOrEqual(3 * untreated.rateHz.exc);
      expect(e.rateDuringHz, tag).toBeGreaterThanOrEqual(3 * before);
      expect(e.rateAfterHz ?? Number.NaN, tag).toBeLessThan(before / 2);
      expect(e.chiDuring, tag).toBeGreaterThanOrEqual(0.5);
    }
  });
});
