/**
 * The kernels' f64 exp and log (src/model/kernels/fdlibm.kernel.ts) against V8's Math.exp and
 * Math.log: the same bits, so that the K⁺ tiles give the same results in the kernels as they did
 * in TypeScript (and the spikes stay the same in Node and in the browser).
 */
import { describe, expect, it } from 'vitest';
import { instantiateKernels } from '../../src/model/kernels/kernels.ts';
import { Rng } from '../../src/model/rng.ts';

const { exports: k } = instantiateKernels({ scratch: ['f32', 4] });
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** A double from two random 32-bit words: every exponent and mantissa, NaN and ±∞ included. */
function anyDouble(rng: Rng): number {
  words[0] = Math.floor(rng.uniform() * 2 ** 32);
  words[1] = Math.floor(rng.uniform() * 2 ** 32);
  return bits[0];
}

function mismatches(f: (x: number) => number, g: (x: number) => number, xs: Iterable<number>): number[] {
  const bad: number[] = [];
  for (const x of xs) if (!Object.is(f(x), g(x)) && !(Number.isNaN(f(x)) && Number.isNaN(g(x)))) bad.push(x);
  return bad;
}

function* uniform(rng: Rng, lo: number, hi: number, count: number): Generator<number> {
  for (let i = 0; i < count; i++) yield lo + (hi - lo) * rng.uniform();
}

describe('fdlibm exp and log in the kernels', () => {
  it('exp gives the bits of Math.exp: the tiles’ range, the whole range, random bit patterns and edges', () => {
    const rng = new Rng(7);
    expect(mismatches(k.fdExp, Math.exp, uniform(rng, -10, 10, 200_000))).toEqual([]);
    expect(mismatches(k.fdExp, Math.exp, uniform(rng, -745, 710, 200_000))).toEqual([]);
    expect(
      mismatches(
        k.fdExp,
        Math.exp,
        Array.from({ length: 200_000 }, () => anyDouble(rng)),
      ),
    ).toEqual([]);
    const edges = [
      0,
      -0,
      1,
      -1,
      0.5,
      Math.LN2 / 2,
      1.5 * Math.LN2,
      2 ** -28,
      -(2 ** -28),
      709.78,
      709.8,
      -745.1,
      -745.2,
    ];
    expect(mismatches(k.fdExp, Math.exp, [...edges, Infinity, -Infinity, Number.NaN])).toEqual([]);
  });

  it('log gives the bits of Math.log: the tiles’ range, near 1, random bit patterns and edges', () => {
    const rng = new Rng(8);
    expect(mismatches(k.fdLog, Math.log, uniform(rng, 0.001, 0.2, 200_000))).toEqual([]);
    expect(mismatches(k.fdLog, Math.log, uniform(rng, 0.999, 1.001, 200_000))).toEqual([]);
    expect(mismatches(k.fdLog, Math.log, uniform(rng, 0, 1e6, 200_000))).toEqual([]);
    expect(
      mismatches(
        k.fdLog,
        Math.log,
        Array.from({ length: 200_000 }, () => anyDouble(rng)),
      ),
    ).toEqual([]);
    const edges = [1, 2, 0.5, Number.MIN_VALUE, 2 ** -1022, Number.MAX_VALUE, 0, -0, -1];
    expect(mismatches(k.fdLog, Math.log, [...edges, Infinity, -Infinity, Number.NaN])).toEqual([]);
  });
});
