/**
 * Vector math for the kernels (4 × f32 lanes).
 *
 * exp(x) = 2^k · e^r with k = round(x / ln 2) and r = x − k·ln 2 in [−ln2/2, ln2/2], the
 * subtraction done in two parts (Cody & Waite) so that r keeps full f32 precision even for large
 * |x|. e^r = 1 + r·p(r) with p of degree 4 fitted (relative least squares) on Chebyshev nodes:
 * relative error 1.0e-7, the size of f32 rounding, so the result is within a few ulp of the true
 * value, and exp(0) = 1 exactly. The exponent is limited to the normal f32 range: below e^−87
 * the result is 2^−126 (≈ 1.2e-38) instead of a subnormal, which is zero for every use here.
 * All operations are IEEE-exact WebAssembly instructions, so the result is the same on every
 * engine: the network is bit-for-bit reproducible in Node and in the browser.
 */

const LOG2E: f32 = 1.4426950408889634;
/** ln 2 split into a part with a short mantissa (exact in k·LN2_HI) and the rest. */
const LN2_HI: f32 = 0.693145751953125;
const LN2_LO: f32 = 1.4286068202862268e-6;
/** 1.5 · 2^23: adding it rounds to the nearest integer, which lands in the low mantissa bits. */
const ROUND_MAGIC: f32 = 12582912.0;
const C1: f32 = 0.9999995317;
const C2: f32 = 0.4999914103;
const C3: f32 = 0.1666811426;
const C4: f32 = 0.04189873203;
const C5: f32 = 0.008261531035;

/**
 * The constants of vexp, each as 4 lanes in the module's static data. V8 builds a v128.const in
 * registers with several instructions at every use, inside the loop; a load from memory that
 * stays in L1 is one instruction. Measured on this machine: the population step went from 31 to
 * 28 ns per 4 cells.
 *
 * Clamps use pmin/pmax (b < a ? b : a), which compile to one minps/maxps; min/max carry the
 * NaN and ±0 rules of IEEE minimum/maximum, which x86 needs five or six instructions for. No lane
 * here is NaN or a signed zero that matters, so the results are the same bits (checked: the
 * default network's spikes did not change) and the population step went from 50 to 31 ns.
 */
const EXP_CONSTANTS = memory.data<f32>([
  LOG2E, LOG2E, LOG2E, LOG2E,
  127.0, 127.0, 127.0, 127.0,
  -126.0, -126.0, -126.0, -126.0,
  ROUND_MAGIC, ROUND_MAGIC, ROUND_MAGIC, ROUND_MAGIC,
  88.0, 88.0, 88.0, 88.0,
  -87.5, -87.5, -87.5, -87.5,
  LN2_HI, LN2_HI, LN2_HI, LN2_HI,
  LN2_LO, LN2_LO, LN2_LO, LN2_LO,
  C1, C1, C1, C1,
  C2, C2, C2, C2,
  C3, C3, C3, C3,
  C4, C4, C4, C4,
  C5, C5, C5, C5,
  1.0, 1.0, 1.0, 1.0,
]);

// @ts-ignore: AssemblyScript decorator
@inline
function ec(index: i32): v128 {
  return v128.load(EXP_CONSTANTS + (<usize>index << 4));
}

// @ts-ignore: AssemblyScript decorator
@inline
export function vexp(x: v128): v128 {
  return vexpClamped(x, true, true);
}

/**
 * vexp with only the clamps a caller's argument can reach: `low` for arguments that may fall
 * below −87.3, `high` for ones that may rise above 88. Where the argument stays inside that range
 * the clamps change nothing, so leaving out one that cannot act gives the same bits (2 of the 4
 * clamping instructions each; the neuron update saves 8 of them per 4 cells: neurons.kernel.ts).
 */
// @ts-ignore: AssemblyScript decorator
@inline
export function vexpClamped(x: v128, low: bool, high: bool): v128 {
  let y = f32x4.mul(x, ec(0));
  if (high) y = f32x4.pmin(y, ec(1));
  if (low) y = f32x4.pmax(y, ec(2));
  const magic = ec(3);
  const shifted = f32x4.add(y, magic);
  const k = f32x4.sub(shifted, magic);
  let xc = x;
  if (high) xc = f32x4.pmin(xc, ec(4));
  if (low) xc = f32x4.pmax(xc, ec(5));
  const r = f32x4.sub(f32x4.sub(xc, f32x4.mul(k, ec(6))), f32x4.mul(k, ec(7)));
  // Estrin's scheme for p(r) = C1 + C2 r + C3 r² + C4 r³ + C5 r⁴: a short dependency chain.
  const r2 = f32x4.mul(r, r);
  const p01 = f32x4.add(f32x4.mul(ec(9), r), ec(8));
  const p23 = f32x4.add(f32x4.mul(ec(11), r), ec(10));
  const p = f32x4.add(p01, f32x4.mul(r2, f32x4.add(p23, f32x4.mul(r2, ec(12)))));
  const er = f32x4.add(ec(13), f32x4.mul(r, p));
  // 2^k: the rounded integer sits in the low bits of `shifted`; move it into the exponent field.
  return i32x4.add(er, i32x4.shl(i32x4.sub(shifted, magic), 23));
}

/** Scalar twin of vexp (same polynomial, same rounding), for tests and scalar paths. */
export function expScalar(x: f32): f32 {
  return f32x4.extract_lane(vexp(f32x4.splat(x)), 0);
}

const LN2: f32 = 0.6931471805599453;

/**
 * Natural logarithm of positive lanes: x = 2^e · m with m in [√½, √2), and
 * ln m = 2 atanh(s) = 2 (s + s³/3 + s⁵/5 + s⁷/7 + s⁹/9), s = (m − 1)/(m + 1), |s| ≤ 0.172
 * (truncation error < 3e-10). Zero, negative and non-finite lanes are not meaningful here.
 */
// @ts-ignore: AssemblyScript decorator
@inline
export function vlog(x: v128): v128 {
  const bits = x;
  let e = i32x4.sub(i32x4.shr_u(bits, 23), i32x4.splat(127));
  let m = v128.or(v128.and(bits, i32x4.splat(0x007fffff)), i32x4.splat(0x3f800000));
  const big = f32x4.gt(m, f32x4.splat(1.4142135623730951));
  m = v128.bitselect(f32x4.mul(m, f32x4.splat(0.5)), m, big);
  e = i32x4.sub(e, big); // big lanes are −1: e + 1
  const s = f32x4.div(f32x4.sub(m, f32x4.splat(1.0)), f32x4.add(m, f32x4.splat(1.0)));
  const s2 = f32x4.mul(s, s);
  let p = f32x4.add(f32x4.mul(f32x4.splat(<f32>(1.0 / 9.0)), s2), f32x4.splat(<f32>(1.0 / 7.0)));
  p = f32x4.add(f32x4.mul(p, s2), f32x4.splat(<f32>(1.0 / 5.0)));
  p = f32x4.add(f32x4.mul(p, s2), f32x4.splat(<f32>(1.0 / 3.0)));
  p = f32x4.add(f32x4.mul(p, s2), f32x4.splat(1.0));
  const lnM = f32x4.mul(f32x4.mul(s, p), f32x4.splat(2.0));
  return f32x4.add(lnM, f32x4.mul(f32x4.convert_i32x4_s(e), f32x4.splat(LN2)));
}

/** Scalar twin of vlog, for tests. */
export function logScalar(x: f32): f32 {
  return f32x4.extract_lane(vlog(f32x4.splat(x)), 0);
}
