import { describe, expect, it } from 'vitest';
import { flashTransitions, maxFlashesPerWindow, type Sample } from '../e2e/flashes.ts';

const series = (values: number[], stepMs = 50): Sample[] =>
  values.map((luminance, k) => ({ tMs: k * stepMs, luminance }));

describe('WCAG 2.3.1 flash counter (used by the browser flash test)', () => {
  it('counts a square wave of 0.3 luminance at 5 Hz as 5 flashes per second', () => {
    // 100 ms dark, 100 ms bright, sampled every 50 ms, for 2 s.
    const values = Array.from({ length: 40 }, (_, k) => (Math.floor(k / 2) % 2 === 0 ? 0.05 : 0.35));
    expect(maxFlashesPerWindow(series(values))).toBe(5);
  });

  it('ignores changes under 0.1 however fast, and slow drifts', () => {
    const small = Array.from({ length: 40 }, (_, k) => (k % 2 === 0 ? 0.1 : 0.19));
    expect(flashTransitions(series(small))).toEqual([]);
    const drift = Array.from({ length: 40 }, (_, k) => 0.05 + k * 0.01);
    expect(flashTransitions(series(drift)).length).toBe(1);
    expect(maxFlashesPerWindow(series(drift))).toBe(0);
  });

  it('ignores changes between bright states (the darker above 0.8)', () => {
    const bright = Array.from({ length: 40 }, (_, k) => (k % 2 === 0 ? 0.82 : 1));
    expect(flashTransitions(series(bright))).toEqual([]);
  });

  it('counts a change built up over several samples once', () => {
    expect(flashTransitions(series([0.0, 0.04, 0.08, 0.12, 0.16, 0.12, 0.08, 0.04, 0.0])).length).toBe(2);
  });
});
