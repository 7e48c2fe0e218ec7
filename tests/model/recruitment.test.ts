/**
 * Onset and spread from recruitment (src/model/detect/recruitment.ts), on made-up spike trains
 * whose answer is known: a tile counts as recruited when its 1-s E rate reaches the ictal level,
 * not when it fires most.
 */
import { describe, expect, it } from 'vitest';
import {
  RECRUIT_LOOKBACK_MS,
  RECRUIT_RATE_HZ,
  RECRUIT_RELEASE_HZ,
  Recruitment,
  SPREAD_MIN_R2,
  SPREAD_MIN_TILES,
} from '../../src/model/detect/recruitment.ts';
import { SHEET_MM, torusDistanceMm } from '../../src/model/sheet/geometry.ts';

const BLOCK_MS = 100;
const WINDOW_BLOCKS = 10;
/** E cells per tile: with 10 cells, r Hz over a 100-ms block is r spikes. */
const CELLS = 10;

/** A sheet of side × side tiles of CELLS E cells each, fed block by block with rates per tile. */
function sheet(side: number) {
  const nTiles = side * side;
  const nE = nTiles * CELLS;
  const tileOfCell = new Int32Array(nE);
  for (let i = 0; i < nE; i++) tileOfCell[i] = Math.floor(i / CELLS);
  const r = new Recruitment(tileOfCell, nE, side, WINDOW_BLOCKS, BLOCK_MS);
  const spikes = new Int32Array(200 * nTiles);
  let block = 0;
  /** One 100-ms block; `rateHz(tile, tMs)` is each tile's E rate over it (whole Hz). */
  const feed = (rateHz: (tile: number, tMs: number) => number) => {
    const tMs = (block + 1) * BLOCK_MS;
    let count = 0;
    for (let t = 0; t < nTiles; t++) {
      const n = Math.round(rateHz(t, tMs));
      for (let k = 0; k < n; k++) spikes[count++] = t * CELLS + (k % CELLS);
    }
    r.countSpikes(spikes, count, nE, tileOfCell);
    r.closeBlock(tMs);
    block++;
    return tMs;
  };
  /** Feed blocks until (and including) the one that ends at untilMs. */
  const runTo = (untilMs: number, rateHz: (tile: number, tMs: number) => number) => {
    while ((block + 1) * BLOCK_MS <= untilMs) feed(rateHz);
  };
  const tile = (x: number, y: number) => y * side + x;
  return { r, feed, runTo, tile, side, tileMm: SHEET_MM / side };
}

describe('recruitment: where an event starts', () => {
  it('puts the onset at the tile that reached the ictal level first, not at the one that fired most', () => {
    const s = sheet(4);
    const hot = s.tile(1, 1);
    const early = s.tile(3, 2);
    // The hot tile fires at 18 Hz throughout (3.6× the 5-Hz rest), then 60 Hz from 4 s; the early
    // tile fires at 5 Hz, then 30 Hz from 2 s. The detector dates onset to 4.5 s.
    const rate = (t: number, tMs: number) =>
      t === hot ? (tMs > 4000 ? 60 : 18) : t === early ? (tMs > 2000 ? 30 : 5) : 5;
    s.runTo(5500, rate);
    expect(s.r.rateHz(hot)).toBeGreaterThan(s.r.rateHz(early));
    const place = s.r.onset(4500);
    expect([place.xMm, place.yMm]).toEqual([s.r.tileXMm(early), s.r.tileYMm(early)]);
    // 30 Hz from 2.0 s: the 1-s rate reaches 20 Hz once 6 of its 10 blocks are at 30 Hz
    // (6 × 30 + 4 × 5 = 200 spikes by 10 cells over 1 s), the block that ends at 2.6 s.
    expect(place.recruitedFromMs).toBe(2600);
    expect(s.r.isRecruited(hot)).toBe(true);
  });

  it('keeps a tile’s date while its rate wavers above the release level, and dates it again after a fall below', () => {
    const s = sheet(2);
    const a = s.tile(0, 0);
    const b = s.tile(1, 1);
    // a: 25 Hz from the start, wavering between 14 and 25 Hz (above the 12-Hz release) from 3 s;
    // b: 25 Hz from the start, down to 2 Hz over 3–5 s (released), back at 25 Hz from 5 s.
    const rate = (t: number, tMs: number) => {
      if (t === a) return tMs > 3000 && Math.floor(tMs / 500) % 2 === 0 ? 14 : 25;
      if (t === b) return tMs > 3000 && tMs <= 5000 ? 2 : 25;
      return 5;
    };
    s.runTo(8000, rate);
    expect(RECRUIT_RELEASE_HZ).toBeLessThan(14);
    expect(s.r.onset(7500).recruitedFromMs).toBe(1000);
    expect([s.r.onset(7500).xMm, s.r.onset(7500).yMm]).toEqual([s.r.tileXMm(a), s.r.tileYMm(a)]);
  });

  it('dates a tile recruited before the look-back window to its start, and takes the centre of the patch', () => {
    const s = sheet(16);
    // A 3 × 3 patch around tile (0, 8) that crosses the sheet's left edge (x = 15, 0, 1), at
    // ictal rates from the start; its middle column fires fastest. The rest at 5 Hz.
    const inPatch = (t: number) => {
      const x = t % 16;
      const y = Math.floor(t / 16);
      return (x === 15 || x <= 1) && y >= 7 && y <= 9;
    };
    const rate = (t: number) => (!inPatch(t) ? 5 : t % 16 === 0 ? 50 : 30);
    s.runTo(30_000, rate);
    const onsetMs = 29_000;
    const place = s.r.onset(onsetMs);
    expect(place.recruitedFromMs).toBe(onsetMs - RECRUIT_LOOKBACK_MS);
    // The patch is whole across the edge: its centre is on the edge column's centre, x 0.0625 mm.
    expect(place.xMm).toBeCloseTo(s.tileMm / 2, 9);
    expect(place.yMm).toBeCloseTo(8.5 * s.tileMm, 9);
  });

  it('falls back to the most active tile when no tile has reached the ictal level, and says so', () => {
    const s = sheet(4);
    const busiest = s.tile(2, 3);
    s.runTo(3000, (t) => (t === busiest ? 15 : 8));
    const place = s.r.onset(2000);
    expect(15).toBeLessThan(RECRUIT_RATE_HZ);
    expect(place.recruitedFromMs).toBeNull();
    expect([place.xMm, place.yMm]).toEqual([s.r.tileXMm(busiest), s.r.tileYMm(busiest)]);
  });

  it('needs a whole second before it recruits anything, as the detector does', () => {
    const s = sheet(2);
    s.runTo(900, () => 100);
    expect(s.r.isRecruited(0)).toBe(false);
    s.feed(() => 100);
    expect(s.r.isRecruited(0)).toBe(true);
    expect(s.r.onset(1000).recruitedFromMs).toBe(1000);
  });
});

describe('recruitment: how fast an event spreads', () => {
  /** A front from (xMm, yMm) at speedMmPerS: each tile jumps from 5 to 40 Hz when it arrives. */
  function wave(speedMmPerS: number, startMs: number) {
    const s = sheet(16);
    const ox = 0.5;
    const oy = 1.25;
    const arrivesMs = (t: number) =>
      startMs + (1000 * torusDistanceMm(s.r.tileXMm(t), s.r.tileYMm(t), ox, oy)) / speedMmPerS;
    const rate = (t: number, tMs: number) => (tMs > arrivesMs(t) ? 40 : 5);
    return { s, rate, origin: [ox, oy] };
  }

  it('measures the speed of a front that moves outward at a known speed', () => {
    for (const speed of [0.1, 0.5, 2]) {
      const { s, rate } = wave(speed, 3000);
      // The detector dates onset 1 s after the front started and confirms it a second later.
      s.runTo(5000, rate);
      s.r.onset(4000);
      s.runTo(40_000, rate);
      const spread = s.r.spread(40_000);
      // At 0.1 mm/s the front has crossed 3.7 of the ~1.41 mm the sheet allows by 40 s: every
      // tile is in; at 2 mm/s, within 0.7 s.
      expect(spread.recruitedShare).toBe(1);
      expect(spread.spreadMmPerS, `front at ${speed} mm/s`).not.toBeNull();
      // The tiles are timed to 100-ms blocks and the onset point is a tile's centre: within 15 %.
      expect(spread.spreadMmPerS as number).toBeGreaterThan(0.85 * speed);
      expect(spread.spreadMmPerS as number).toBeLessThan(1.15 * speed);
      expect(spread.spreadFitR2 as number).toBeGreaterThan(0.9);
    }
  });

  it('counts only the tiles recruited by the time asked, and gives the share of the sheet', () => {
    const { s, rate } = wave(0.1, 3000);
    s.runTo(5000, rate);
    s.r.onset(4000);
    s.runTo(40_000, rate);
    const early = s.r.spread(8000);
    expect(early.recruitedShare).toBeGreaterThan(0);
    expect(early.recruitedShare).toBeLessThan(0.5);
  });

  it('gives no speed when the whole sheet is recruited in one block, or too few tiles are', () => {
    const s = sheet(16);
    s.runTo(3000, (_t, tMs) => (tMs > 2000 ? 40 : 5));
    s.r.onset(2500);
    const once = s.r.spread(3000);
    expect(once.recruitedShare).toBe(1);
    expect(once.spreadMmPerS).toBeNull();

    const few = sheet(16);
    const lit = [few.tile(4, 4), few.tile(5, 4), few.tile(6, 4)];
    expect(lit.length).toBeLessThan(SPREAD_MIN_TILES);
    few.runTo(5000, (t, tMs) => (lit.includes(t) && tMs > 1000 + 500 * lit.indexOf(t) ? 40 : 5));
    few.r.onset(3000);
    const spread = few.r.spread(5000);
    expect(spread.spreadMmPerS).toBeNull();
    expect(spread.recruitedShare).toBeCloseTo(3 / 256, 12);
  });

  it('gives no speed when the tiles join in an order distance does not set, and says how poor the fit is', () => {
    const s = sheet(16);
    const first = s.tile(5, 5);
    // After the first tile, each joins at a time scrambled over 3 s (a fixed permutation of the
    // tiles), whatever its distance.
    const joinsMs = (t: number) => (t === first ? 1000 : 2000 + ((t * 7919) % 31) * 100);
    const rate = (t: number, tMs: number) => (tMs > joinsMs(t) ? 40 : 5);
    s.runTo(2000, rate);
    s.r.onset(2000);
    s.runTo(8000, rate);
    const spread = s.r.spread(8000);
    expect(spread.recruitedShare).toBe(1);
    expect(spread.spreadFitR2 as number).toBeLessThan(SPREAD_MIN_R2);
    expect(spread.spreadMmPerS).toBeNull();
  });

  it('gives no speed when recruitment moves towards the onset rather than away from it', () => {
    const s = sheet(16);
    const centre = s.tile(8, 8);
    const distanceMm = (t: number) =>
      torusDistanceMm(s.r.tileXMm(t), s.r.tileYMm(t), s.r.tileXMm(centre), s.r.tileYMm(centre));
    // The centre first, then the far tiles, then those nearer the centre: a front moving inward.
    const rate = (t: number, tMs: number) => {
      if (t === centre) return 40;
      return tMs > 2000 + 2000 * (1.5 - distanceMm(t)) ? 40 : 5;
    };
    s.runTo(3000, rate);
    s.r.onset(2000);
    s.runTo(8000, rate);
    const spread = s.r.spread(8000);
    expect(spread.recruitedShare).toBe(1);
    expect(spread.spreadMmPerS).toBeNull();
  });
});
