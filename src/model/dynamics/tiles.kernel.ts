/**
 * The K⁺ tiles' slow step (docs/model.md §4), moved here from dynamics/ions.ts, where it ran in
 * TypeScript: per tile the release by spikes, the pump's uptake, the glial buffer and uptake and
 * the slow exchange; then diffusion between neighbours; then what follows Ko (the leak reversals,
 * the pump's K⁺ factor, E_K). Every operation is f64 in the order the TypeScript used, with V8's
 * own exp and log (fdlibm.kernel.ts), so the tiles get the same bits as before and the spikes
 * stay the same (tests/determinism).
 */
import {
  TILE_CELLS,
  TILE_COUNT,
  TILE_E_LEAK_E,
  TILE_E_LEAK_I,
  TILE_EK,
  TILE_GLIA,
  TILE_KO,
  TILE_KO_FACTOR,
  TILE_LEAK_E_PA,
  TILE_LEAK_I_PA,
  TILE_PUMP_SUM,
  TILE_REALS,
  TILE_SCRATCH,
  TILE_SIDE,
  TILE_SPIKES,
  TR_BUFFER_HALF,
  TR_BUFFER_HALF_BELOW,
  TR_BUFFER_MAX,
  TR_DIFFUSION,
  TR_G_L_E,
  TR_G_L_I,
  TR_GLIA_AT_REST,
  TR_GLIA_HALF,
  TR_GLIA_MAX,
  TR_INV_GLIA_SLOPE,
  TR_K_FLOOR,
  TR_K_INSIDE,
  TR_K_PER_ACTIVITY,
  TR_K_PER_SPIKE,
  TR_K_REST,
  TR_KEEP_E,
  TR_KEEP_I,
  TR_NA_PART_E,
  TR_NA_PART_I,
  TR_PUMP_KM_K,
  TR_RT_OVER_F,
  TR_SLOW_RATE,
} from '../kernels/layout';
import { fdExp, fdLog } from '../kernels/fdlibm.kernel';

// @ts-ignore: AssemblyScript decorator
@inline
function ptr(block: usize, w: i32): usize {
  return <usize>load<i32>(block + (<usize>w << 2));
}
// @ts-ignore: AssemblyScript decorator
@inline
function int(block: usize, w: i32): i32 {
  return load<i32>(block + (<usize>w << 2));
}
// @ts-ignore: AssemblyScript decorator
@inline
function real(reals: usize, index: i32): f64 {
  return load<f64>(reals + (<usize>index << 3));
}
// @ts-ignore: AssemblyScript decorator
@inline
function at64(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}
// @ts-ignore: AssemblyScript decorator
@inline
function at32(p: usize, i: i32): usize {
  return p + (<usize>i << 2);
}

/** One ion step of every tile: K⁺ balance, diffusion, then what follows Ko. */
export function ionTiles(block: usize): void {
  balance(block, 0, int(block, TILE_COUNT));
  spread(block, 0, int(block, TILE_SIDE));
}

/**
 * Threads (model/parallel): the first half of ionTiles for the tiles of rows [rowFrom, rowTo).
 * Each tile first collects what the threads left per cell and per thread, in the order one thread
 * adds it: the pump's excess activity of its cells in cell order (from `above`, through the tile's
 * cell list `cellStart`/`cells`), and the spike counts of every thread's copy (whole numbers).
 */
export function tileBalanceRows(
  block: usize,
  rowFrom: i32,
  rowTo: i32,
  above: usize,
  cellStart: usize,
  cells: usize,
  spikeTables: usize,
  threads: i32,
): void {
  const side = int(block, TILE_SIDE);
  const pumpSumP = ptr(block, TILE_PUMP_SUM);
  const spikesP = ptr(block, TILE_SPIKES);
  const from = rowFrom * side;
  const to = rowTo * side;
  for (let t = from; t < to; t++) {
    let sum: f32 = 0.0;
    const end = load<i32>(at32(cellStart, t + 1));
    for (let j = load<i32>(at32(cellStart, t)); j < end; j++) {
      sum += load<f32>(at32(above, load<i32>(at32(cells, j))));
    }
    store<f32>(at32(pumpSumP, t), sum);
    let spikes = load<f32>(at32(spikesP, t));
    for (let k = 0; k < threads; k++) {
      const mine = at32(<usize>load<i32>(at32(spikeTables, k)), t);
      spikes += load<f32>(mine);
      store<f32>(mine, 0.0);
    }
    store<f32>(at32(spikesP, t), spikes);
  }
  balance(block, from, to);
}

/** Threads: the second half of ionTiles, diffusion and what follows Ko, for rows [rowFrom, rowTo). */
export function tileSpreadRows(block: usize, rowFrom: i32, rowTo: i32): void {
  spread(block, rowFrom, rowTo);
}

/**
 * Tiles [from, to): release by spikes, the pump's uptake, the glial buffer and uptake, the slow
 * exchange. The new Ko goes to the tile and to the scratch copy that diffusion reads.
 */
// @ts-ignore: AssemblyScript decorator
@inline
function balance(block: usize, from: i32, to: i32): void {
  const reals = ptr(block, TILE_REALS);
  const koP = ptr(block, TILE_KO);
  const scratchP = ptr(block, TILE_SCRATCH);
  const spikesP = ptr(block, TILE_SPIKES);
  const pumpSumP = ptr(block, TILE_PUMP_SUM);
  const cellsP = ptr(block, TILE_CELLS);
  const gliaP = ptr(block, TILE_GLIA);
  const kPerSpike = real(reals, TR_K_PER_SPIKE);
  const kPerActivity = real(reals, TR_K_PER_ACTIVITY);
  const bufferMax = real(reals, TR_BUFFER_MAX);
  const gliaMax = real(reals, TR_GLIA_MAX);
  const gliaAtRest = real(reals, TR_GLIA_AT_REST);
  const invGliaSlope = real(reals, TR_INV_GLIA_SLOPE);
  const slowRate = real(reals, TR_SLOW_RATE);
  const bufferHalf = real(reals, TR_BUFFER_HALF);
  const bufferHalfBelow = real(reals, TR_BUFFER_HALF_BELOW);
  const gliaHalf = real(reals, TR_GLIA_HALF);
  const kRest = real(reals, TR_K_REST);
  const kFloor = real(reals, TR_K_FLOOR);
  for (let t = from; t < to; t++) {
    const cells = load<f64>(at64(cellsP, t));
    const k = load<f64>(at64(koP, t));
    const x = k - kRest;
    const glia = 1.0 / (1.0 + fdExp((gliaHalf - k) * invGliaSlope)) - gliaAtRest;
    const gliaFactor: f64 = gliaP != 0 ? <f64>load<f32>(at32(gliaP, t)) : 1.0;
    const released =
      kPerSpike * <f64>load<f32>(at32(spikesP, t)) - kPerActivity * <f64>load<f32>(at32(pumpSumP, t));
    const next =
      k +
      released / cells -
      (gliaFactor * bufferMax * x) / (x > 0 ? bufferHalf + x : bufferHalfBelow - x) -
      gliaFactor * gliaMax * glia -
      slowRate * x;
    // Ko cannot fall to zero: a pump uptake larger than what is there is not physical.
    const ko = next > kFloor ? next : kFloor;
    store<f64>(at64(koP, t), ko);
    store<f64>(at64(scratchP, t), ko);
    store<f32>(at32(spikesP, t), 0.0);
  }
}

/**
 * Rows [rowFrom, rowTo): diffusion between neighbouring tiles from the scratch copy (explicit,
 * periodic edges; stable while D·dt/dx² < 1/4), then what follows Ko.
 */
// @ts-ignore: AssemblyScript decorator
@inline
function spread(block: usize, rowFrom: i32, rowTo: i32): void {
  const reals = ptr(block, TILE_REALS);
  const side = int(block, TILE_SIDE);
  const diffusion = real(reals, TR_DIFFUSION);
  if (diffusion > 0) {
    const koP = ptr(block, TILE_KO);
    const scratchP = ptr(block, TILE_SCRATCH);
    for (let ty = rowFrom; ty < rowTo; ty++) {
      const up = ((ty + side - 1) % side) * side;
      const down = ((ty + 1) % side) * side;
      const row = ty * side;
      for (let tx = 0; tx < side; tx++) {
        const left = (tx + side - 1) % side;
        const right = (tx + 1) % side;
        const here = load<f64>(at64(scratchP, row + tx));
        const sum =
          load<f64>(at64(scratchP, row + left)) +
          load<f64>(at64(scratchP, row + right)) +
          load<f64>(at64(scratchP, up + tx)) +
          load<f64>(at64(scratchP, down + tx));
        store<f64>(at64(koP, row + tx), here + diffusion * (sum - 4.0 * here));
      }
    }
  }
  refreshRange(block, rowFrom * side, rowTo * side);
}

/** What follows each tile's Ko: the leak reversals and gL·EL of both cell types, the pump's K⁺ factor, E_K. */
export function refreshTiles(block: usize): void {
  refreshRange(block, 0, int(block, TILE_COUNT));
}

// @ts-ignore: AssemblyScript decorator
@inline
function refreshRange(block: usize, from: i32, to: i32): void {
  const reals = ptr(block, TILE_REALS);
  const koP = ptr(block, TILE_KO);
  const eLeakEP = ptr(block, TILE_E_LEAK_E);
  const eLeakIP = ptr(block, TILE_E_LEAK_I);
  const leakEP = ptr(block, TILE_LEAK_E_PA);
  const leakIP = ptr(block, TILE_LEAK_I_PA);
  const koFactorP = ptr(block, TILE_KO_FACTOR);
  const ekP = ptr(block, TILE_EK);
  const keepE = real(reals, TR_KEEP_E);
  const naPartE = real(reals, TR_NA_PART_E);
  const keepI = real(reals, TR_KEEP_I);
  const naPartI = real(reals, TR_NA_PART_I);
  const gLE = real(reals, TR_G_L_E);
  const gLI = real(reals, TR_G_L_I);
  const rtOverF = real(reals, TR_RT_OVER_F);
  const kInside = real(reals, TR_K_INSIDE);
  const kmK = real(reals, TR_PUMP_KM_K);
  for (let t = from; t < to; t++) {
    const ko = load<f64>(at64(koP, t));
    const ek = rtOverF * fdLog(ko / kInside);
    const eLeakE = keepE * ek + naPartE;
    const eLeakI = keepI * ek + naPartI;
    store<f64>(at64(eLeakEP, t), eLeakE);
    store<f64>(at64(eLeakIP, t), eLeakI);
    store<f32>(at32(leakEP, t), <f32>(gLE * eLeakE));
    store<f32>(at32(leakIP, t), <f32>(gLI * eLeakI));
    const r = ko / (ko + kmK);
    store<f32>(at32(koFactorP, t), <f32>(r * r));
    store<f32>(at32(ekP, t), <f32>ek);
  }
}
