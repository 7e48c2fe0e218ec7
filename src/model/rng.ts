/**
 * The one seeded random source of the engine.
 *
 * sfc32 (Chris Doty-Humphrey's "small fast counting" generator, from PractRand): 128 bits of
 * state, passes PractRand/BigCrush, and needs only 32-bit integer operations, which V8 runs
 * without boxing. Every draw in src/model goes through one instance of this class, so the same
 * seed gives the same network and the same noise in Node and in a browser worker.
 *
 * Math.random and Date.now never appear in src/model.
 */

/** Seeds are 32-bit unsigned integers: 0…SEED_MAX. */
export const SEED_MAX = 0xffffffff;
/** splitmix32's increment: 2^32 / φ, odd. */
export const GOLDEN_GAMMA = 0x9e3779b9;

/**
 * The one way to derive a seed from another: splitmix32's output function (murmur3's 32-bit
 * finaliser, fmix32) applied to the seed plus a salt. Every bit of the seed and of the salt
 * changes about half the bits of the result, so seeds derived with different salts, or from
 * neighbouring seeds, start unrelated streams. The generator seeds its own state with it (salts
 * k·GOLDEN_GAMMA), and the sheet's added synapses draw from deriveSeed(seed, their salt).
 */
export function deriveSeed(seed: number, salt: number): number {
  let z = (seed + salt) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a (32-bit): the spike fingerprint of a live session and the salt of a name. */
export const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a 32-bit word's four bytes, least significant first, continuing from `hash`. */
export function fnv1aWord(hash: number, word: number): number {
  let h = hash;
  h = Math.imul(h ^ (word & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((word >>> 8) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((word >>> 16) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ (word >>> 24), FNV_PRIME);
  return h >>> 0;
}

/** FNV-1a of a text's UTF-16 code units (the bytes, for the ASCII names it is used on). */
export function fnv1aText(text: string): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Whether a value is a seed: a whole number in 0…SEED_MAX. */
export function isSeed(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= SEED_MAX;
}

export class Rng {
  /**
   * The four state words. An Int32Array, not four fields: V8 keeps integers beyond 31 bits in
   * object fields as heap numbers, so field storage allocated on every draw (measured: 2.5×
   * slower background drive).
   */
  private s: Int32Array = new Int32Array(4);
  /** Second normal deviate of the last Box–Muller pair (NaN when none is cached). */
  private spareNormal = Number.NaN;

  constructor(seed: number) {
    if (!isSeed(seed)) {
      throw new RangeError(`seed must be an integer in 0…${SEED_MAX}, got ${seed}`);
    }
    // Seed the state with splitmix32 (the first four outputs of deriveSeed's sequence), so that
    // nearby seeds give unrelated streams.
    for (let k = 0; k < 4; k++) this.s[k] = deriveSeed(seed, Math.imul(k + 1, GOLDEN_GAMMA));
    // Discard the first outputs: sfc32's authors recommend 12 rounds of warm-up.
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /**
   * Keep the state in `words` from now on (the WebAssembly kernels' memory, where the background
   * drive draws from the same stream). The stream continues unchanged.
   */
  moveStateTo(words: Int32Array): void {
    if (words.length !== 4) throw new RangeError(`the generator's state is 4 words, got ${words.length}`);
    words.set(this.s);
    this.s = words;
  }

  /** The state words (read by the kernels through moveStateTo's array). */
  get stateWords(): Int32Array {
    return this.s;
  }

  /** A uniform 32-bit unsigned integer. */
  nextU32(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1), 32 bits of resolution. */
  uniform(): number {
    return this.nextU32() * 2.3283064365386963e-10; // 2^-32
  }

  /** Uniform on (0, 1]: safe to take the logarithm of. */
  uniformOpenZero(): number {
    return (this.nextU32() + 1) * 2.3283064365386963e-10;
  }

  /** A uniform integer in 0…n−1 (n ≤ 2^32), by Lemire's multiply-shift; bias < n/2^32. */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal deviate (Box–Muller; the second value of each pair is cached). */
  normal(): number {
    const spare = this.spareNormal;
    if (!Number.isNaN(spare)) {
      this.spareNormal = Number.NaN;
      return spare;
    }
    const u1 = this.uniformOpenZero();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** Exponential deviate with mean 1. */
  exponential(): number {
    return -Math.log(this.uniformOpenZero());
  }

  /**
   * A Poisson deviate. Knuth's multiplication method below a mean of 30; above it, the PTRS
   * transformed-rejection sampler of Hörmann (1993), which needs about 1.2 uniforms per draw
   * whatever the mean. Both are exact.
   */
  poisson(mean: number): number {
    if (!(mean >= 0) || mean === Number.POSITIVE_INFINITY) {
      throw new RangeError(`Poisson mean must be finite and non-negative, got ${mean}`);
    }
    if (mean === 0) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.uniform();
      while (p > limit) {
        k++;
        p *= this.uniform();
      }
      return k;
    }
    return this.poissonPtrs(mean);
  }

  private poissonPtrs(mean: number): number {
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * Math.sqrt(mean);
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniformOpenZero();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
      const rhs = -mean + k * logMean - logFactorial(k);
      if (lhs <= rhs) return k;
    }
  }
}

const LOG_FACTORIAL_TABLE: number[] = (() => {
  const table = [0];
  for (let k = 1; k < 256; k++) table.push(table[k - 1] + Math.log(k));
  return table;
})();

/** ln(k!) by table below 256, Stirling's series above (error < 1e-12 there). */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACTORIAL_TABLE[k];
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}
