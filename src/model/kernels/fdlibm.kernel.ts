/**
 * Scalar f64 exp and log that return the same bits as JavaScript's Math.exp and Math.log in V8
 * (Node and Chromium), so that work moved from TypeScript into the kernels keeps every result.
 *
 * V8 computes both with its port of fdlibm (v8/src/base/ieee754.cc, "adapted from fdlibm"), whose
 * notice reads: "Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at
 * SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice is preserved." The argument reductions and
 * the polynomial coefficients below are fdlibm's (they are what makes the bits agree); every
 * operation is an IEEE-exact WebAssembly f64 instruction in fdlibm's order. Only finite, positive
 * (log) arguments of ordinary size reach these from the model; the special cases are kept so that
 * they agree there too. tests/model/fdlibm.test.ts compares them with Math.exp and Math.log.
 */

/** ln 2 in two parts: the high part has trailing zeros, so k·LN2_HI is exact for |k| < 2000. */
const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const INV_LN2: f64 = 1.44269504088896338700e0;
const TWO_54: f64 = 1.8014398509481984e16;
const TWO_M1000: f64 = 9.33263618503218878990e-302;
const TWO_1023: f64 = 8.988465674311579539e307;
const E: f64 = 2.718281828459045;
const EXP_OVERFLOW: f64 = 7.09782712893383973096e2;
const EXP_UNDERFLOW: f64 = -7.45133219101941108420e2;
/** exp's rational approximation on [−ln2/2, ln2/2]. */
const P1: f64 = 1.66666666666666019037e-1;
const P2: f64 = -2.77777777770155933842e-3;
const P3: f64 = 6.61375632143793436117e-5;
const P4: f64 = -1.65339022054652515390e-6;
const P5: f64 = 4.13813679705723846039e-8;
/** log's polynomial in s = f/(2 + f). */
const LG1: f64 = 6.666666666666735130e-1;
const LG2: f64 = 3.999999999940941908e-1;
const LG3: f64 = 2.857142874366239149e-1;
const LG4: f64 = 2.222219843214978396e-1;
const LG5: f64 = 1.818357216161805012e-1;
const LG6: f64 = 1.531383769920937332e-1;
const LG7: f64 = 1.479819860511658591e-1;

// @ts-ignore: AssemblyScript decorator
@inline
function highWord(x: f64): u32 {
  return <u32>(reinterpret<u64>(x) >>> 32);
}
// @ts-ignore: AssemblyScript decorator
@inline
function lowWord(x: f64): u32 {
  return <u32>reinterpret<u64>(x);
}
// @ts-ignore: AssemblyScript decorator
@inline
function withHighWord(x: f64, high: u32): f64 {
  return reinterpret<f64>((<u64>high << 32) | (reinterpret<u64>(x) & 0xffffffff));
}

/** e^x, the same bits as V8's Math.exp. */
export function fdExp(x: f64): f64 {
  let hx = highWord(x);
  const negative = (hx >>> 31) != 0;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) != 0) return x + x;
      return negative ? 0.0 : x;
    }
    if (x > EXP_OVERFLOW) return Infinity;
    if (x < EXP_UNDERFLOW) return 0.0;
  }
  let hi: f64 = 0.0;
  let lo: f64 = 0.0;
  let k: i32 = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      if (x == 1.0) return E;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = <i32>(INV_LN2 * x + (negative ? -0.5 : 0.5));
      const t = <f64>k;
      hi = x - t * LN2_HI;
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1.0 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * TWO_1023;
    return y * reinterpret<f64>(<u64>(0x3ff + k) << 52);
  }
  return y * reinterpret<f64>(<u64>(0x3ff + k + 1000) << 52) * TWO_M1000;
}

/** ln x, the same bits as V8's Math.log. */
export function fdLog(x: f64): f64 {
  let hx = <i32>highWord(x);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | <i32>lowWord(x)) == 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO_54;
    hx = <i32>highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, <u32>(hx | (i ^ 0x3ff00000)));
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0.0) {
      if (k == 0) return 0.0;
      const dk = <f64>k;
      return dk * LN2_HI + dk * LN2_LO;
    }
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    if (k == 0) return f - r;
    const dk = <f64>k;
    return dk * LN2_HI - ((r - dk * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const dk = <f64>k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k == 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
  }
  if (k == 0) return f - s * (f - r);
  return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
}
