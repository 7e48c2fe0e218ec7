import { describe, expect, it } from 'vitest';
import { instantiateKernels } from '../../src/model/kernels/kernels.ts';

const { exports: k } = instantiateKernels({ scratch: ['f32', 4] });
const f32 = Math.fround;

describe('vector math of the WebAssembly kernels', () => {
  it('computes exp within a few f32 ulp over the range the model uses', () => {
    let worst = 0;
    for (let x = -80; x <= 80; x += 0.0137) {
      const exact = Math.exp(f32(x));
      worst = Math.max(worst, Math.abs(k.expScalar(x) / exact - 1));
    }
    // f32 has 2^-24 ≈ 6e-8 relative resolution; the polynomial adds 7.7e-8.
    expect(worst).toBeLessThan(3e-7);
  });

  it('computes ln within a few f32 ulp', () => {
    let worst = 0;
    for (let x = 0.001; x < 200; x *= 1.0173) {
      const exact = Math.log(f32(x));
      worst = Math.max(worst, Math.abs(k.logScalar(x) - exact) / Math.max(1, Math.abs(exact)));
    }
    expect(worst).toBeLessThan(3e-7);
  });

  it('is the same on every call (no hidden state) and exact at 0', () => {
    expect(k.expScalar(0)).toBe(1);
    expect(k.expScalar(1.234)).toBe(k.expScalar(1.234));
    expect(k.logScalar(1)).toBe(0);
  });
});
