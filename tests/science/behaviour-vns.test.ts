/**
 * Vagus nerve stimulation (docs/model.md §6, other therapies): cycles of extra drive onto interneurons.
 * In a seizing sheet (gaba 0.7) seizures still begin while the stimulator is off, later than
 * without it, and an on-phase ends them: burden falls without reaching zero, as VNS helps without
 * curing (about half of patients have 50 % fewer seizures after two years; Englot 2011).
 */
import { describe, expect, it } from 'vitest';
import { VNS_OFF_MS, VNS_ON_MS, vnsOn } from '../../src/model/modifiers/vns.ts';
import { runSheet } from './run-sheet.ts';

describe('vagus nerve stimulation', () => {
  it('cycles on and off, starting on', () => {
    expect(vnsOn(0)).toBe(true);
    expect(vnsOn(VNS_ON_MS - 0.1)).toBe(true);
    expect(vnsOn(VNS_ON_MS)).toBe(false);
    expect(vnsOn(VNS_ON_MS + VNS_OFF_MS)).toBe(true);
  });

  it('lowers burden, delays the first seizure, and seizures that begin while it is off end in the next on-phase', () => {
    // 120 s at gaba 0.7, seed 1 (48 × 48): without VNS events from 7.9 and 92.5 s (burden 0.47);
    // with it from 14.4 and 106.3 s (burden 0.32), the first ending at 39.6 s, in the on-phase
    // that began at 30 s (docs/notes/real-seizures.md §8).
    const durationS = 120;
    const off = runSheet({ gaba: 0.7 }, durationS).summary;
    const on = runSheet({ gaba: 0.7, vns: true }, durationS).summary;
    expect(off.seizures.length).toBeGreaterThan(0);
    expect(on.seizures.length).toBeGreaterThan(0);
    expect(on.seizures[0].onsetMs).toBeGreaterThan(off.seizures[0].onsetMs);
    expect(on.seizureBurden).toBeLessThan(0.8 * off.seizureBurden);
    const cycle = VNS_ON_MS + VNS_OFF_MS;
    const ended = on.seizures.filter((e) => e.offsetMs !== null);
    expect(ended.length).toBeGreaterThan(0);
    for (const e of ended) {
      const offsetMs = e.offsetMs as number;
      expect(vnsOn(offsetMs), `event from ${e.onsetMs} ms ended at ${offsetMs} ms`).toBe(true);
      expect(offsetMs - e.onsetMs, `event from ${e.onsetMs} ms`).toBeLessThanOrEqual(cycle + VNS_ON_MS);
    }
  });
});
