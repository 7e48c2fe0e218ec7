/**
 * How threads share the cells (model/parallel). Each thread steps a contiguous range of pyramidal
 * cells and one of interneurons, delivers the synapses onto those cells, and runs the ion step of
 * the same cells (as near as the ion step's chunks allow), so that a cell's memory stays in one
 * core's cache. Every boundary falls on a chunk of 4 cells as the kernels chunk them (E chunks
 * from 0, I chunks from nE, ion chunks from 0), so each chunk is computed whole by one thread.
 *
 * When nE is not a multiple of 4, the last E chunk's spare lanes are the first interneurons, whose
 * memory it writes back unchanged; the thread that owns the last E range therefore also owns the
 * first I range, and steps E before I, as one thread does. Thread k gets the (T − 1 − k)-th E
 * range and the k-th I range, so thread 0 holds both ends.
 */

export interface ThreadShare {
  /** Pyramidal cells [eFrom, eTo) and interneurons [iFrom, iTo) this thread steps and receives synapses onto. */
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

/**
 * `count` contiguous ranges covering [from, to), boundaries at from + multiples of 4, sizes as
 * equal as chunks allow. Rounding the boundaries down keeps the last range non-empty, rounding
 * them up the first (with more threads than chunks, some ranges are empty).
 */
function chunkRanges(from: number, to: number, count: number, round: (x: number) => number): [number, number][] {
  const chunks = Math.ceil((to - from) / 4);
  const at = (k: number) => (k === count ? to : Math.min(to, from + 4 * round((chunks * k) / count)));
  return Array.from({ length: count }, (_, k) => [at(k), at(k + 1)] as [number, number]);
}

export function partitionCells(n: number, nE: number, threads: number): ThreadShare[] {
  if (!(Number.isInteger(threads) && threads >= 1)) {
    throw new RangeError(`threads must be a whole number ≥ 1, not ${threads}`);
  }
  // The last E range and the first I range, both non-empty, go to thread 0.
  const e = chunkRanges(0, nE, threads, Math.floor);
  const i = chunkRanges(nE, n, threads, Math.ceil);
  const down = (x: number) => (x === n ? n : x - (x % 4));
  return Array.from({ length: threads }, (_, k) => {
    const [eFrom, eTo] = e[threads - 1 - k];
    const [iFrom, iTo] = i[k];
    return {
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
