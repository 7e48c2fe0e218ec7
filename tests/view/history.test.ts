import { describe, expect, it } from 'vitest';
import {
  ActivityHistory,
  CHI_CAPACITY,
  type HistoryDescription,
  type HistoryFrame,
  RASTER_CAPACITY,
  WINDOW_MS,
} from '../../src/view/plots/history.ts';

const N = 4096;
const N_E = 3277;
const N_I = N - N_E;

function description(buildId = 1): HistoryDescription {
  return { buildId, n: N, nE: N_E, rasterRowsE: 160, rasterRowsI: 40 };
}

interface Series {
  /** EEG value of absolute sample k. */
  eeg?: (k: number) => number;
  spikesE?: (k: number) => number;
  spikesI?: (k: number) => number;
  /** Raster spikes per ms: one at the start of every ms, on row k % 200. */
  raster?: boolean;
  chi?: number;
}

/** A frame of `ms` simulated ms from `startMs`, 1-ms samples, with the given series. */
function frame(buildId: number, startMs: number, ms: number, series: Series = {}): HistoryFrame {
  const eegPa = new Float32Array(ms);
  const spikesE = new Uint16Array(ms);
  const spikesI = new Uint16Array(ms);
  for (let i = 0; i < ms; i++) {
    const k = startMs + i;
    eegPa[i] = series.eeg ? series.eeg(k) : k;
    spikesE[i] = series.spikesE ? series.spikesE(k) : 0;
    spikesI[i] = series.spikesI ? series.spikesI(k) : 0;
  }
  const rasterTimesMs = new Float32Array(series.raster ? ms : 0);
  const rasterRows = new Uint16Array(series.raster ? ms : 0);
  for (let i = 0; i < rasterTimesMs.length; i++) {
    rasterTimesMs[i] = i;
    rasterRows[i] = (startMs + i) % 200;
  }
  return {
    buildId,
    startMs,
    timeMs: startMs + ms,
    sampleMs: 1,
    eegPa,
    spikesE,
    spikesI,
    rasterTimesMs,
    rasterRows,
    chi: series.chi ?? Number.NaN,
  };
}

/** Feed `totalMs` of frames of `chunkMs` each. */
function run(history: ActivityHistory, buildId: number, totalMs: number, chunkMs: number, series: Series = {}): void {
  for (let t = 0; t < totalMs; t += chunkMs) history.append(frame(buildId, t, Math.min(chunkMs, totalMs - t), series));
}

describe('ActivityHistory', () => {
  it('keeps exactly the last window of EEG samples, raster spikes and χ points', () => {
    const h = new ActivityHistory();
    h.setDescription(description());
    run(h, 1, 10_000, 37, { raster: true, chi: 0.25 });
    expect(h.timeMs).toBe(10_000);
    expect(h.windowStartMs()).toBe(10_000 - WINDOW_MS);
    // EEG: samples 6000…9999, each holding its own index.
    expect(h.sampleEnd).toBe(10_000);
    expect(h.eegFirst()).toBe(6000);
    for (let k = h.eegFirst(); k < h.sampleEnd; k++) expect(h.eegPa[k % h.eegPa.length]).toBe(k);
    // Raster: one spike per ms, those at 6000…9999 ms and no other.
    expect(h.rasterEnd - h.rasterStart).toBe(WINDOW_MS);
    expect(h.rasterTimeMs[h.rasterStart % RASTER_CAPACITY]).toBe(6000);
    expect(h.rasterTimeMs[(h.rasterEnd - 1) % RASTER_CAPACITY]).toBe(9999);
    expect(h.rasterRow[(h.rasterEnd - 1) % RASTER_CAPACITY]).toBe(9999 % 200);
    expect(h.rasterDropped).toBe(0);
    // χ: one point per frame, and one left of the window so the line reaches the edge.
    const first = h.chiTimeMs[h.chiStart % CHI_CAPACITY];
    const second = h.chiTimeMs[(h.chiStart + 1) % CHI_CAPACITY];
    expect(first).toBeLessThanOrEqual(6000);
    expect(second).toBeGreaterThan(6000);
    expect(h.chiTimeMs[(h.chiEnd - 1) % CHI_CAPACITY]).toBe(10_000);
    expect(h.chi[(h.chiEnd - 1) % CHI_CAPACITY]).toBeCloseTo(0.25, 6);
  });

  it('fills from the left before a whole window has run', () => {
    const h = new ActivityHistory();
    h.setDescription(description());
    run(h, 1, 1500, 50, { raster: true });
    expect(h.windowStartMs()).toBe(0);
    expect(h.eegFirst()).toBe(0);
    expect(h.rasterEnd - h.rasterStart).toBe(1500);
    expect(h.binFirst()).toBe(0);
    expect(h.binsComplete()).toBe(150);
  });

  it('bins population spikes per 10 ms into Hz of each population', () => {
    const h = new ActivityHistory();
    h.setDescription(description());
    // 3 E spikes and 1 I spike in every ms of even bins, none in odd bins, in frames that do not
    // line up with the bins (17 ms).
    const inEvenBin = (k: number) => Math.floor(k / 10) % 2 === 0;
    run(h, 1, 5003, 17, { spikesE: (k) => (inEvenBin(k) ? 3 : 0), spikesI: (k) => (inEvenBin(k) ? 1 : 0) });
    expect(h.binMs).toBe(10);
    expect(h.binsComplete()).toBe(500);
    expect(h.binFirst()).toBe(100);
    const evenEHz = (3 * 10) / N_E / 0.01;
    const evenIHz = (1 * 10) / N_I / 0.01;
    for (let b = h.binFirst(); b < h.binsComplete(); b++) {
      const slot = b % h.rateEHz.length;
      expect(h.rateEHz[slot]).toBeCloseTo(b % 2 === 0 ? evenEHz : 0, 3);
      expect(h.rateIHz[slot]).toBeCloseTo(b % 2 === 0 ? evenIHz : 0, 3);
    }
    // 30 spikes of 3277 cells in 10 ms: 0.9155 Hz per cell.
    expect(evenEHz).toBeCloseTo(0.9155, 4);
  });

  it('clears on a new description and ignores frames of another network', () => {
    const h = new ActivityHistory();
    h.setDescription(description(1));
    run(h, 1, 3000, 20, { raster: true, chi: 0.5 });
    h.setDescription(description(2));
    expect(h.timeMs).toBe(0);
    expect(h.sampleEnd).toBe(0);
    expect(h.rasterEnd - h.rasterStart).toBe(0);
    expect(h.chiEnd - h.chiStart).toBe(0);
    // A late frame of the old network changes nothing.
    expect(h.append(frame(1, 3000, 20, { raster: true }))).toBe(false);
    expect(h.sampleEnd).toBe(0);
    expect(h.rasterEnd).toBe(0);
    // The new network starts at 0.
    expect(h.append(frame(2, 0, 20, { raster: true }))).toBe(true);
    expect(h.sampleEnd).toBe(20);
    expect(h.eegPa[0]).toBe(0);
    expect(h.rasterEnd - h.rasterStart).toBe(20);
  });

  it('shows a missing stretch as a gap (NaN), not as silence', () => {
    const h = new ActivityHistory();
    h.setDescription(description());
    h.append(frame(1, 0, 100));
    h.append(frame(1, 150, 100));
    expect(h.sampleEnd).toBe(250);
    expect(h.eegPa[99]).toBe(99);
    expect(Number.isNaN(h.eegPa[100])).toBe(true);
    expect(Number.isNaN(h.eegPa[149])).toBe(true);
    expect(h.eegPa[150]).toBe(150);
    // Bins 10…14 lie in the gap; bin 9 and bin 15 are whole.
    expect(h.rateEHz[9]).toBe(0);
    expect(Number.isNaN(h.rateEHz[10])).toBe(true);
    expect(Number.isNaN(h.rateEHz[14])).toBe(true);
    expect(h.rateEHz[15]).toBe(0);
  });

  it('drops the oldest raster spikes beyond its capacity and counts them', () => {
    const h = new ActivityHistory();
    h.setDescription(description());
    // 20 raster spikes per ms for 4 s: 80 000 in the window, more than the ring holds.
    for (let t = 0; t < 4000; t += 100) {
      const f = frame(1, t, 100);
      f.rasterTimesMs = new Float32Array(2000).map((_, i) => i / 20);
      f.rasterRows = new Uint16Array(2000).map((_, i) => i % 200);
      h.append(f);
    }
    expect(h.rasterEnd).toBe(80_000);
    expect(h.rasterEnd - h.rasterStart).toBe(RASTER_CAPACITY);
    expect(h.rasterDropped).toBe(80_000 - RASTER_CAPACITY);
    expect(h.rasterTimeMs[(h.rasterEnd - 1) % RASTER_CAPACITY]).toBeCloseTo(3999.95, 2);
  });

  it('does not grow: the same buffers after many frames of a long session', () => {
    const h = new ActivityHistory();
    h.setDescription(description());
    h.append(frame(1, 0, 16, { raster: true, chi: 0.1 }));
    const buffers = [h.eegPa, h.rateEHz, h.rateIHz, h.rasterTimeMs, h.rasterRow, h.chiTimeMs, h.chi];
    const lengths = buffers.map((b) => b.length);
    // An hour of simulated time is 225 000 frames of 16 ms; 60 000 frames (16 min) make the point.
    for (let t = 16; t < 960_000; t += 16) h.append(frame(1, t, 16, { raster: true, chi: 0.1 }));
    const after = [h.eegPa, h.rateEHz, h.rateIHz, h.rasterTimeMs, h.rasterRow, h.chiTimeMs, h.chi];
    for (let i = 0; i < buffers.length; i++) {
      expect(after[i]).toBe(buffers[i]);
      expect(after[i].length).toBe(lengths[i]);
    }
    // And the window is still exactly four seconds of it.
    expect(h.sampleEnd - h.eegFirst()).toBe(4000);
    expect(h.rasterEnd - h.rasterStart).toBe(4000);
    expect(h.chiEnd - h.chiStart).toBe(4000 / 16 + 1);
  });

  it('adds no χ point for a frame of no time', () => {
    const h = new ActivityHistory();
    h.setDescription(description());
    h.append(frame(1, 0, 100, { chi: 0.2 }));
    h.append(frame(1, 100, 0, { chi: 0.2 }));
    expect(h.chiEnd - h.chiStart).toBe(1);
    expect(h.sampleEnd).toBe(100);
  });
});
