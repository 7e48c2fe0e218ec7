import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/model/rng.ts';

describe('Rng (sfc32)', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const xs = Array.from({ length: 8 }, () => a.nextU32());
    const ys = Array.from({ length: 8 }, () => b.nextU32());
    const zs = Array.from({ length: 8 }, () => c.nextU32());
    expect(xs).toEqual(ys);
    expect(xs).not.toEqual(zs);
  });

  it('pins the stream of seed 1 (a change here changes every network)', () => {
    const r = new Rng(1);
    expect(Array.from({ length: 4 }, () => r.nextU32())).toMatchInlineSnapshot(`
      [
        1828152527,
        3394835397,
        2967886022,
        2251045104,
      ]
    `);
  });

  it('draws uniforms in [0, 1) with the right mean', () => {
    const r = new Rng(3);
    let sum = 0;
    let lo = 1;
    let hi = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      sum += u;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
  });

  it('draws normals with mean 0 and variance 1', () => {
    const r = new Rng(4);
    let s = 0;
    let s2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });

  it.each([0.5, 5, 29, 30, 100, 819, 5000])('draws Poisson(%d) with the right mean and variance', (mean) => {
    const r = new Rng(5);
    let s = 0;
    let s2 = 0;
    let bad = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      const k = r.poisson(mean);
      if (!Number.isInteger(k) || k < 0) bad++;
      s += k;
      s2 += k * k;
    }
    expect(bad).toBe(0);
    const m = s / n;
    const v = s2 / n - m * m;
    // Standard error of the mean is √(mean/n); of the variance about mean·√(2/n).
    expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
    expect(Math.abs(v - mean)).toBeLessThan(6 * mean * Math.sqrt(2 / n) + 0.01);
  });

  it('rejects a seed outside 0…2^32−1 with a message naming it', () => {
    expect(() => new Rng(-1)).toThrow(/seed must be an integer in 0…4294967295, got -1/);
    expect(() => new Rng(1.5)).toThrow(/seed/);
  });
});
