/** Per-cell ISI statistics for `bench`, against a direct computation. */
import { describe, expect, it } from 'vitest';
import { SpikeStats } from '../../src/cli/spike-stats.ts';
import { Rng } from '../../src/model/rng.ts';

function cv(intervals: number[]): number {
  const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  const variance = intervals.reduce((a, b) => a + (b - mean) ** 2, 0) / intervals.length;
  return Math.sqrt(variance) / mean;
}

describe('SpikeStats', () => {
  it('counts spikes per population and averages the ISI CV over cells with ≥ 3 spikes', () => {
    const stats = new SpikeStats(4, 2);
    const trains: number[][] = [[1, 3, 9, 10], [5, 6], [2, 4, 6], []];
    const idx = new Int32Array(4);
    for (let step = 0; step <= 10; step++) {
      let count = 0;
      for (let cell = 0; cell < 4; cell++) if (trains[cell].includes(step)) idx[count++] = cell;
      stats.add(idx, count, step);
    }
    expect(stats.spikesE).toBe(6);
    expect(stats.spikesI).toBe(3);
    expect(stats.spikes).toBe(9);
    expect(Array.from(stats.counts)).toEqual([4, 2, 3, 0]);
    // Cell 0: ISIs 2, 6, 1; cell 2: ISIs 2, 2 (CV 0); cell 1 has only 2 spikes.
    expect(stats.meanCvIsi()).toBeCloseTo((cv([2, 6, 1]) + 0) / 2, 12);
  });

  it('matches the direct computation on random trains', () => {
    const rng = new Rng(11);
    const n = 50;
    const stats = new SpikeStats(n, 40);
    const trains: number[][] = Array.from({ length: n }, () => []);
    const idx = new Int32Array(n);
    for (let step = 0; step < 5000; step++) {
      let count = 0;
      for (let cell = 0; cell < n; cell++) {
        if (rng.uniform() < 0.003 * (1 + (cell % 5))) {
          idx[count++] = cell;
          trains[cell].push(step);
        }
      }
      stats.add(idx, count, step);
    }
    const cvs = trains.filter((t) => t.length >= 3).map((t) => cv(t.slice(1).map((s, i) => s - t[i])));
    expect(cvs.length).toBeGreaterThan(40);
    expect(stats.meanCvIsi()).toBeCloseTo(cvs.reduce((a, b) => a + b, 0) / cvs.length, 10);
  });

  it('gives null when no cell has 3 spikes', () => {
    const stats = new SpikeStats(2, 1);
    stats.add(Int32Array.of(0, 1), 2, 0);
    stats.add(Int32Array.of(0), 1, 7);
    expect(stats.meanCvIsi()).toBeNull();
  });
});
