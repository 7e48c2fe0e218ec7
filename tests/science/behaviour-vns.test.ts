/**
 * Vagus nerve stimulation (docs/model.md §6, other therapies): cycles of extra drive onto interneurons.
 * In a seizing sheet (gaba 0.6) seizures still begin while the stimulator is off, and the next
 * on-phase ends them: burden falls without reaching zero, as VNS helps without curing (about half
 * of patients have 50 % fewer seizures after two years; Englot 2011).
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

  it('lowers burden, and seizures that begin while it is off end in the next on-phase', () => {
    const durationS = 60;
    const off = runSheet({ gaba: 0.7 }, durationS).summary;
    const on = runSheet({ gaba: 0.7, vns: true }, durationS).summary;
    expect(off.seizureBurden).toBeGreaterThan(0.8);
    expect(on.seizureBurden).toBeLessThan(0.75 * off.seizureBurden);
    const cycle = VNS_ON_MS + VNS_OFF_MS;
    const ended = on.seizures.filter((e) => e.offsetMs !== null);
    expect(ended.length).toBeGreaterThan(0);
    for (const e of ended) {
      const nextOnMs = Math.ceil(e.onsetMs / cycle) * cycle;
      expect(e.offsetMs as number, `event from ${e.onsetMs} ms`).toBeGreaterThanOrEqual(nextOnMs);
      expect(e.offsetMs as number, `event from ${e.onsetMs} ms`).toBeLessThanOrEqual(nextOnMs + VNS_ON_MS);
    }
  });
});
