/**
 * How threads share the cells (model/parallel). The cells 0…n−1 (pyramidal cells first, then
 * interneurons) are cut into one contiguous range per thread. Each thread steps its range's
 * pyramidal cells and interneurons, delivers the synapses onto them, and runs their ion step (as
 * near as the ion step's chunks allow), so that a cell's memory stays in one core's cache.
 *
 * Where the cuts fall:
 * - Every cut falls on a chunk of 4 cells as the kernels chunk them (E chunks from 0, I chunks
 *   from nE), so each chunk is computed whole by one thread.
 * - A cut among the pyramidal cells falls on a multiple of 16 cells: 64 bytes of every per-cell
 *   array, one cache line (arrays start on a line). Two threads then never write one line, which
 *   measured 12–18 % of the neuron step when a cut shared a line of each of some 25 arrays: the line
 *   moves between the cores at every step. Among interneurons (chunks from nE) a line-aligned cut
 *   is not a chunk boundary unless nE is a multiple of 4, so there a cut is chunk-aligned only;
 *   with two threads of the default sheet no cut falls there.
 * - When nE is not a multiple of 4, the last E chunk's spare lanes are the first interneurons,
 *   whose memory it writes back unchanged: no cut falls between that chunk and the end of the
 *   first I chunk, so one thread steps both, E before I, as one thread does.
 *
 * Thread k gets the (T − 1 − k)-th range: thread 0, the coordinator, holds the last cells (the
 * interneurons, with two threads), and the spike lists in the one-thread order (E by cell, then I
 * by cell) run from the last thread down.
 */

/**
 * The most threads one sheet takes (`run --threads`, `bench --threads`, the page's `threads=`):
 * more than the machine's cores only slows a run down (helpers wait by spinning), so this bounds
 * a typing error, not the machine.
 */
export const MAX_THREADS = 16;

export interface ThreadShare {
  /** The thread's cells [from, to): its pyramidal cells [eFrom, eTo), then interneurons [iFrom, iTo). */
  from: number;
  to: number;
  eFrom: number;
  eTo: number;
  iFrom: number;
  iTo: number;
  /**
   * Cells of the ion step: its E and I ranges with every boundary rounded down to a multiple of 4
   * (the ion step chunks all cells from 0), so at most 3 cells at a boundary change thread.
   */
  ionEFrom: number;
  ionETo: number;
  ionIFrom: number;
  ionITo: number;
}

/** Cells per 64-byte cache line of a 4-byte per-cell array. */
export const CELLS_PER_LINE = 16;

/**
 * Where the cuts may fall, in increasing order: 0, multiples of 16 among the E cells up to the
 * last E chunk's start, that start, then the I chunk boundaries past the spill, then n.
 */
function cutPoints(n: number, nE: number): number[] {
  // The last cut among E cells: nE itself, or the start of the chunk that spills into I.
  const eLimit = nE - (nE % 4);
  const points = [0];
  for (let c = CELLS_PER_LINE; c < eLimit; c += CELLS_PER_LINE) points.push(c);
  if (eLimit > 0) points.push(eLimit);
  for (let c = nE + 4; c < n; c += 4) points.push(c);
  if (points[points.length - 1] !== n) points.push(n);
  return points;
}

export function partitionCells(n: number, nE: number, threads: number): ThreadShare[] {
  if (!(Number.isInteger(threads) && threads >= 1)) {
    throw new RangeError(`threads must be a whole number ≥ 1, not ${threads}`);
  }
  const points = cutPoints(n, nE);
  // Each cut at the allowed point nearest n·r/T (the lower on a tie): non-decreasing in r.
  const cuts = [0];
  let at = 0;
  for (let r = 1; r < threads; r++) {
    const target = (n * r) / threads;
    while (at + 1 < points.length && Math.abs(points[at + 1] - target) < Math.abs(points[at] - target)) at++;
    cuts.push(points[at]);
  }
  cuts.push(n);
  const down = (x: number) => (x === n ? n : x - (x % 4));
  return Array.from({ length: threads }, (_, k) => {
    const from = cuts[threads - 1 - k];
    const to = cuts[threads - k];
    const eFrom = Math.min(from, nE);
    const eTo = Math.min(to, nE);
    const iFrom = Math.max(from, nE);
    const iTo = Math.max(to, nE);
    return {
      from,
      to,
      eFrom,
      eTo,
      iFrom,
      iTo,
      ionEFrom: down(eFrom),
      ionETo: down(eTo),
      ionIFrom: down(iFrom),
      ionITo: down(iTo),
    };
  });
}
