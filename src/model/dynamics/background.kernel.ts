/**
 * Background Poisson drive (src/model/dynamics/background.ts): `events` excitatory inputs, each onto a
 * uniformly chosen cell, drawn from the engine's one generator. The generator's state lives in
 * this memory and src/model/rng.ts reads and writes the same four words, so the stream is one
 * stream whichever side draws. Every result equals the TypeScript's exactly: sfc32 in 32-bit
 * integers, the cell rng.int's floor(u · n) (taken as an integer product, drawEvents says why),
 * the jump added in f64 and rounded to f32 as a Float32Array store does; the spikes are the same
 * bits as when this loop ran in TypeScript.
 */
export function background(rngP: usize, gAmpaP: usize, n: i32, nE: i32, events: i32, jumpE: f64, jumpI: f64): void {
  drawEvents(rngP, n, events, true, gAmpaP, nE, jumpE, jumpI);
}

/**
 * Threads (model/parallel): the same draws as `background`, in the same order, but each event's
 * cell is written to a list instead of applied, so that every thread can apply the events onto
 * its own cells (backgroundApply) and no cell's conductance is written from another core.
 */
export function backgroundDraw(rngP: usize, listP: usize, n: i32, events: i32): void {
  drawEvents(rngP, n, events, false, listP, 0, 0, 0);
}

/**
 * The drawn events onto cells [from, to), in the order drawn, with the arithmetic of `background`.
 * The events of the thread's cells are first gathered into its own list at scratchP without a
 * branch (a cell is in or out of the range at random, so a branch would miss half the time: that
 * measured ~2 µs per step of the default sheet, as much as drawing), then applied.
 */
export function backgroundApply(
  listP: usize,
  events: i32,
  gAmpaP: usize,
  from: i32,
  to: i32,
  nE: i32,
  jumpE: f64,
  jumpI: f64,
  scratchP: usize,
): void {
  const span = <u32>(to - from);
  let mine = 0;
  for (let k = 0; k < events; k++) {
    const cell = load<i32>(listP + (<usize>k << 2));
    store<i32>(scratchP + (<usize>mine << 2), cell);
    mine += i32(<u32>(cell - from) < span);
  }
  for (let k = 0; k < mine; k++) addJump(gAmpaP, load<i32>(scratchP + (<usize>k << 2)), nE, jumpE, jumpI);
}

/** One event onto a cell: the jump added in f64 and rounded to f32, as a Float32Array store does. */
// @ts-ignore: AssemblyScript decorator
@inline
function addJump(gAmpaP: usize, cell: i32, nE: i32, jumpE: f64, jumpI: f64): void {
  const at = gAmpaP + (<usize>cell << 2);
  // select, not a branch: which population a drawn cell is in is random.
  store<f32>(at, <f32>(<f64>load<f32>(at) + select<f64>(jumpE, jumpI, cell < nE)));
}

/**
 * `events` draws of sfc32 from the state at rngP, each a uniform cell floor(u · n): applied at
 * once (`apply`, a compile-time constant: outP is gAmpa) or written to the list at outP.
 */
// @ts-ignore: AssemblyScript decorator
@inline
function drawEvents(rngP: usize, n: i32, events: i32, apply: bool, outP: usize, nE: i32, jumpE: f64, jumpI: f64): void {
  let a = load<i32>(rngP);
  let b = load<i32>(rngP, 4);
  let c = load<i32>(rngP, 8);
  let d = load<i32>(rngP, 12);
  const nU = <u64>(<u32>n);
  for (let k = 0; k < events; k++) {
    const t = a + b + d;
    d = d + 1;
    a = b ^ (b >>> 9);
    b = c + (c << 3);
    c = ((c << 21) | (c >>> 11)) + t;
    // floor(u · n) with u = t / 2³² (rng.ts: `int`), as the high word of t · n: t · 2⁻³² is exact
    // in f64 and so is its product with n (t · n < 2⁵³ while n < 2²¹; the `side` parameter's
    // largest sheet is 128², 2¹⁴ cells), so floor of it is exactly
    // (t · n) >> 32. The same cells as the f64 expression, without its conversions and floor.
    const cell = <i32>((<u64>(<u32>t) * nU) >> 32);
    if (apply) addJump(outP, cell, nE, jumpE, jumpI);
    else store<i32>(outP + (<usize>k << 2), cell);
  }
  store<i32>(rngP, a);
  store<i32>(rngP, b, 4);
  store<i32>(rngP, c, 8);
  store<i32>(rngP, d, 12);
}
