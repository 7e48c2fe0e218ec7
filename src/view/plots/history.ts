import type { Frame, SessionDescription } from '../../model/runs/live/frame.ts';
/**
 * The last few seconds of a network's activity, kept for the plots: raster spikes, the EEG/LFP
 * proxy per sample, population rates in 10-ms bins and χ per frame. Every series is a ring
 * buffer allocated once per network (the EEG ring once per sample length, which a network never
 * changes); appending a frame writes into them and allocates nothing, so memory stays flat
 * however long the session runs.
 *
 * Pure TypeScript (no DOM): the view reads the rings by absolute index, `slot = index % capacity`,
 * between the `…First()` and `…End` bounds below, and the Node tests read them the same way.
 */

/**
 * Seconds shown. Four: a seizure-like event here bursts at a few Hz, so the window holds a dozen
 * bursts and the pauses between them; the detector needs 1 s of χ and 1 s of persistence, so an
 * onset and the activity that led to it fit on screen together. Longer would squeeze a 50-ms
 * burst below two pixels on a 390-px phone (≈ 70 px per second there).
 */
export const WINDOW_S = 4;
export const WINDOW_MS = WINDOW_S * 1000;
/** Width of a population-rate bin. */
export const RATE_BIN_MS = 10;
/**
 * Raster spikes kept. At rest the 200 raster cells fire ~1 900 spikes/s, in a seizure-like event
 * up to ~6 500/s (measured at the default size, gaba 1 and 0.3): a 4-s window needs ≤ 26 000.
 * 65 536 covers a mean of 80 Hz in every raster cell; beyond it the oldest spikes are dropped.
 */
export const RASTER_CAPACITY = 65_536;
/** χ values kept: one per frame, and frames are ≥ ~1.6 ms of simulated time apart (0.1× speed). */
export const CHI_CAPACITY = 4096;

/** What the history reads of a frame. */
export type HistoryFrame = Pick<
  Frame,
  | 'buildId'
  | 'startMs'
  | 'timeMs'
  | 'sampleMs'
  | 'eegPa'
  | 'spikesE'
  | 'spikesI'
  | 'rasterTimesMs'
  | 'rasterRows'
  | 'chi'
>;

/** What the history reads of a network's description. */
export type HistoryDescription = Pick<SessionDescription, 'buildId' | 'n' | 'nE' | 'rasterRowsE' | 'rasterRowsI'>;

export class ActivityHistory {
  readonly windowMs: number;
  /** The network the history belongs to (−1 before any description). */
  buildId = -1;
  nE = 0;
  nI = 0;
  rasterRowsE = 0;
  rasterRowsI = 0;
  /** End of the data: simulated time of the newest frame (ms since the network was built). */
  timeMs = 0;

  /** Raster spikes: absolute time (ms) and row, in order of time. */
  readonly rasterTimeMs = new Float64Array(RASTER_CAPACITY);
  readonly rasterRow = new Uint16Array(RASTER_CAPACITY);
  /** Absolute index one past the newest raster spike. */
  rasterEnd = 0;
  /** Absolute index of the oldest raster spike inside the window. */
  rasterStart = 0;
  /** Spikes lost because the window held more than RASTER_CAPACITY (0 in practice). */
  rasterDropped = 0;

  /** Length of one EEG sample (ms); NaN until the first frame. */
  sampleMs = Number.NaN;
  /** EEG samples: sample k covers [k·sampleMs, (k+1)·sampleMs); NaN where a frame was missing. */
  eegPa = new Float32Array(0);
  /** Absolute index one past the newest sample. */
  sampleEnd = 0;
  /** Samples in the window. */
  windowSamples = 0;

  /** Samples per rate bin, and the bin's length (RATE_BIN_MS, to the sample). */
  samplesPerBin = 1;
  binMs = RATE_BIN_MS;
  /** Population rates per bin (Hz); bin b covers samples [b·samplesPerBin, (b+1)·samplesPerBin). */
  rateEHz = new Float32Array(0);
  rateIHz = new Float32Array(0);
  /** Bins in the window. */
  windowBins = 0;

  /** χ at the end of each frame (NaN in the first second of a network). */
  readonly chiTimeMs = new Float64Array(CHI_CAPACITY);
  readonly chi = new Float32Array(CHI_CAPACITY);
  chiEnd = 0;
  chiStart = 0;

  private rateScaleE = 0;
  private rateScaleI = 0;

  constructor(windowMs: number = WINDOW_MS) {
    if (!(windowMs > 0)) throw new RangeError(`the window must be a positive time in ms, not ${windowMs}`);
    this.windowMs = windowMs;
  }

  /** A new network: forget everything, and take its sizes. */
  setDescription(description: HistoryDescription): void {
    this.buildId = description.buildId;
    this.nE = description.nE;
    this.nI = description.n - description.nE;
    this.rasterRowsE = description.rasterRowsE;
    this.rasterRowsI = description.rasterRowsI;
    this.updateRateScales();
    this.clear();
  }

  clear(): void {
    this.timeMs = 0;
    this.rasterEnd = 0;
    this.rasterStart = 0;
    this.rasterDropped = 0;
    this.sampleEnd = 0;
    this.chiEnd = 0;
    this.chiStart = 0;
    this.eegPa.fill(Number.NaN);
    this.rateEHz.fill(Number.NaN);
    this.rateIHz.fill(Number.NaN);
  }

  /**
   * Add a frame of the described network. Returns false (and keeps nothing) for a frame of
   * another network. A frame that starts before the newest data (which a session never sends
   * without a new description) starts the history again from it.
   */
  append(frame: HistoryFrame): boolean {
    if (frame.buildId !== this.buildId) return false;
    if (frame.sampleMs !== this.sampleMs) this.allocateSamples(frame.sampleMs);
    const firstSample = Math.floor(frame.startMs / this.sampleMs + 1e-6);
    if (firstSample < this.sampleEnd || frame.timeMs < this.timeMs) this.clear();
    this.appendSamples(frame, firstSample);
    this.appendRaster(frame);
    this.timeMs = frame.timeMs;
    this.appendChi(frame);
    this.dropOld();
    return true;
  }

  /** Left edge of the window (ms): 0 until the network has run a whole window, then it scrolls. */
  windowStartMs(): number {
    return Math.max(0, this.timeMs - this.windowMs);
  }

  /** Absolute index of the oldest EEG sample in the window. */
  eegFirst(): number {
    return Math.max(0, this.sampleEnd - this.windowSamples);
  }

  /** Bins whose samples have all arrived; the newest of them ends at `binsComplete·binMs`. */
  binsComplete(): number {
    return Math.floor(this.sampleEnd / this.samplesPerBin);
  }

  /** Absolute index of the oldest complete bin in the window. */
  binFirst(): number {
    return Math.max(0, this.binsComplete() - this.windowBins);
  }

  private allocateSamples(sampleMs: number): void {
    if (!(sampleMs > 0)) throw new RangeError(`a frame's sample length must be positive, not ${sampleMs}`);
    this.sampleMs = sampleMs;
    this.windowSamples = Math.round(this.windowMs / sampleMs);
    // The ring holds the window and the bin being filled; a frame's samples are written one by
    // one, so a long frame only overwrites what has left the window.
    this.samplesPerBin = Math.max(1, Math.round(RATE_BIN_MS / sampleMs));
    this.binMs = this.samplesPerBin * sampleMs;
    this.windowBins = Math.floor(this.windowSamples / this.samplesPerBin);
    this.eegPa = new Float32Array(this.windowSamples + this.samplesPerBin);
    this.rateEHz = new Float32Array(this.windowBins + 2);
    this.rateIHz = new Float32Array(this.windowBins + 2);
    this.updateRateScales();
    this.clear();
  }

  /** Hz per spike in a bin: 1 / (cells · bin length). */
  private updateRateScales(): void {
    this.rateScaleE = this.nE > 0 ? 1000 / (this.nE * this.binMs) : 0;
    this.rateScaleI = this.nI > 0 ? 1000 / (this.nI * this.binMs) : 0;
  }

  private appendSamples(frame: HistoryFrame, firstSample: number): void {
    // A missing stretch (never sent by a session) shows as a gap, not as silence.
    const gap = firstSample - this.sampleEnd;
    if (gap > this.eegPa.length) {
      this.sampleEnd = firstSample - this.eegPa.length;
      this.rateEHz.fill(Number.NaN);
      this.rateIHz.fill(Number.NaN);
    }
    while (this.sampleEnd < firstSample) this.writeSample(this.sampleEnd, Number.NaN, Number.NaN, Number.NaN);
    const eeg = frame.eegPa;
    const spikesE = frame.spikesE;
    const spikesI = frame.spikesI;
    for (let i = 0; i < eeg.length; i++) this.writeSample(firstSample + i, eeg[i], spikesE[i], spikesI[i]);
  }

  private writeSample(k: number, eegPa: number, spikesE: number, spikesI: number): void {
    this.eegPa[k % this.eegPa.length] = eegPa;
    const perBin = this.samplesPerBin;
    const bin = (k - (k % perBin)) / perBin;
    const slot = bin % this.rateEHz.length;
    if (k % perBin === 0) {
      this.rateEHz[slot] = 0;
      this.rateIHz[slot] = 0;
    }
    this.rateEHz[slot] += spikesE * this.rateScaleE;
    this.rateIHz[slot] += spikesI * this.rateScaleI;
    this.sampleEnd = k + 1;
  }

  private appendRaster(frame: HistoryFrame): void {
    const times = frame.rasterTimesMs;
    const rows = frame.rasterRows;
    const startMs = frame.startMs;
    const timeRing = this.rasterTimeMs;
    const rowRing = this.rasterRow;
    let end = this.rasterEnd;
    for (let i = 0; i < times.length; i++) {
      const slot = end % RASTER_CAPACITY;
      timeRing[slot] = startMs + times[i];
      rowRing[slot] = rows[i];
      end++;
    }
    this.rasterEnd = end;
    if (end - this.rasterStart > RASTER_CAPACITY) {
      this.rasterDropped += end - RASTER_CAPACITY - this.rasterStart;
      this.rasterStart = end - RASTER_CAPACITY;
    }
  }

  private appendChi(frame: HistoryFrame): void {
    // A frame of no time (the state after a change while paused) adds no point.
    if (this.chiEnd > this.chiStart && frame.timeMs <= this.chiTimeMs[(this.chiEnd - 1) % CHI_CAPACITY]) return;
    const slot = this.chiEnd % CHI_CAPACITY;
    this.chiTimeMs[slot] = frame.timeMs;
    this.chi[slot] = frame.chi;
    this.chiEnd++;
    if (this.chiEnd - this.chiStart > CHI_CAPACITY) this.chiStart = this.chiEnd - CHI_CAPACITY;
  }

  /** Move the start of the raster and χ rings past what has left the window. */
  private dropOld(): void {
    const startMs = this.windowStartMs();
    while (this.rasterStart < this.rasterEnd && this.rasterTimeMs[this.rasterStart % RASTER_CAPACITY] < startMs) {
      this.rasterStart++;
    }
    // Keep one χ point left of the window, so the line reaches the left edge.
    while (this.chiEnd - this.chiStart > 1 && this.chiTimeMs[(this.chiStart + 1) % CHI_CAPACITY] <= startMs) {
      this.chiStart++;
    }
  }
}
