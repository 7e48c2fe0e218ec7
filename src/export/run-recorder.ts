/**
 * The run recorder: what the page keeps of the current network's run so that it can be exported
 * (src/export/run-csv.ts writes it as CSV). Fed by every frame, it copies what it needs into
 * typed rings allocated when a network is described (the EEG ring once its sample length is
 * known), and allocates nothing per frame after that, so memory stays flat however long the
 * session runs.
 *
 * What it keeps, and for how long (the bound the page states next to the export buttons):
 *  - per EEG sample (1 ms of simulated time): the LFP/EEG proxy and the spikes of each
 *    population, for the last RECORD_WINDOW_S seconds;
 *  - the raster sample's spikes (the 200 cells of the spike raster), for the same window, up to
 *    RECORD_RASTER_CAPACITY spikes (a whole window at ~8 700 raster spikes per second: more than
 *    the ~6 500/s of a seizure-like event at the default size; beyond it the oldest are dropped
 *    and the export says from when it is complete);
 *  - per frame: χ and the activity state (the frame's values hold for its whole chunk);
 *  - the seizure-like events of the whole network since it was built (a frame carries them all).
 * A new network (description) empties it.
 *
 * Pure TypeScript, no DOM: the Node tests feed it frames of a real LiveSession.
 */
import type { SeizureEvent } from '../model/detect/seizure.ts';
import { type Lesion, PARAM_KEYS, type Params } from '../model/params.ts';
import type { ActivityState, Frame, SessionDescription } from '../model/runs/live/frame.ts';

/** Simulated seconds kept: two minutes hold a seizure-like event with what led to it and its end. */
export const RECORD_WINDOW_S = 120;
export const RECORD_WINDOW_MS = RECORD_WINDOW_S * 1000;
/** 2²⁰ raster spikes: 6 MB (a 4-byte step and a 2-byte row each). */
export const RECORD_RASTER_CAPACITY = 1 << 20;
/**
 * Frames kept: at the slowest speed (0.1×) frames come every ≥ 16 ms of wall time, 1.6 ms of
 * simulated time, so 120 s of simulated time is at most 75 000 frames.
 */
export const RECORD_FRAME_CAPACITY = 1 << 17;

export const STATE_CODES: readonly ActivityState[] = ['asynchronous', 'interictal', 'seizure'];
const STATE_CODE: Readonly<Record<ActivityState, number>> = { asynchronous: 0, interictal: 1, seizure: 2 };

/** What the recorder reads of a frame. */
export type RecordedFrame = Pick<
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
  | 'state'
  | 'events'
  | 'params'
  | 'atHours'
  | 'drugs'
>;

/** What the recorder reads of a network's description. */
export type RecordedDescription = Pick<
  SessionDescription,
  'buildId' | 'side' | 'n' | 'nE' | 'dtMs' | 'rasterGrid' | 'rasterRowsE' | 'rasterRowsI' | 'lesion'
>;

function sameLesion(a: Lesion | null, b: Lesion | null): boolean {
  if (a === null || b === null) return a === b;
  return a.xMm === b.xMm && a.yMm === b.yMm && a.radiusMm === b.radiusMm;
}

/** Whether two parameter sets hold the same values (no allocation: runs for every frame). */
export function sameParamValues(a: Params, b: Params): boolean {
  for (let k = 0; k < PARAM_KEYS.length; k++) {
    const key = PARAM_KEYS[k];
    if (key === 'lesion') {
      if (!sameLesion(a.lesion, b.lesion)) return false;
    } else if (a[key] !== b[key]) return false;
  }
  return true;
}

export class RunRecorder {
  readonly windowMs: number;
  readonly rasterCapacity: number;
  readonly frameCapacity: number;
  /** The network being recorded; null before the first description. */
  description: RecordedDescription | null = null;

  /** Length of one EEG sample (ms); NaN until the first frame. */
  sampleMs = Number.NaN;
  /** Sample k covers [k·sampleMs, (k+1)·sampleMs); ring slot k % capacity. */
  eegPa = new Float32Array(0);
  spikesE = new Uint16Array(0);
  spikesI = new Uint16Array(0);
  /** Absolute index one past the newest sample, and of the oldest sample kept. */
  sampleEnd = 0;
  sampleStart = 0;

  /** Raster spikes in order of time: the step (time / dtMs) and the raster row. */
  readonly rasterStep: Uint32Array;
  readonly rasterRow: Uint16Array;
  rasterEnd = 0;
  rasterStart = 0;
  /** Simulated time before which raster spikes were dropped for lack of room (−∞: none were). */
  rasterCompleteFromMs = Number.NEGATIVE_INFINITY;

  /** Per frame: its start and end (ms), χ at its end, and its state code (STATE_CODES). */
  readonly frameStartMs: Float64Array;
  readonly frameEndMs: Float64Array;
  readonly frameChi: Float32Array;
  readonly frameState: Uint8Array;
  frameEnd = 0;
  frameStart = 0;

  /** Seizure-like events since the network was built (the newest frame's list). */
  events: readonly SeizureEvent[] = [];
  /** The parameters and treatment the engine ran the newest frame with. */
  params: Params | null = null;
  atHours = Number.NaN;
  drugs: readonly { drug: string }[] = [];
  /** Simulated time of the newest frame whose parameters or drugs differed from the one before (−∞: none). */
  settingsChangedAtMs = Number.NEGATIVE_INFINITY;
  /** End of the newest frame (ms). */
  timeMs = 0;

  constructor(
    windowMs: number = RECORD_WINDOW_MS,
    rasterCapacity: number = RECORD_RASTER_CAPACITY,
    frameCapacity: number = RECORD_FRAME_CAPACITY,
  ) {
    if (!(windowMs > 0)) throw new RangeError(`the recording window must be a positive time in ms, not ${windowMs}`);
    this.windowMs = windowMs;
    this.rasterCapacity = rasterCapacity;
    this.frameCapacity = frameCapacity;
    this.rasterStep = new Uint32Array(rasterCapacity);
    this.rasterRow = new Uint16Array(rasterCapacity);
    this.frameStartMs = new Float64Array(frameCapacity);
    this.frameEndMs = new Float64Array(frameCapacity);
    this.frameChi = new Float32Array(frameCapacity);
    this.frameState = new Uint8Array(frameCapacity);
  }

  /** A new network: forget everything recorded. */
  setDescription(description: RecordedDescription): void {
    this.description = description;
    this.clear();
  }

  clear(): void {
    this.sampleEnd = 0;
    this.sampleStart = 0;
    this.rasterEnd = 0;
    this.rasterStart = 0;
    this.rasterCompleteFromMs = Number.NEGATIVE_INFINITY;
    this.frameEnd = 0;
    this.frameStart = 0;
    this.events = [];
    this.params = null;
    this.atHours = Number.NaN;
    this.drugs = [];
    this.settingsChangedAtMs = Number.NEGATIVE_INFINITY;
    this.timeMs = 0;
  }

  /** Nothing recorded yet (no frame with simulated time in it). */
  get empty(): boolean {
    return this.frameEnd === this.frameStart;
  }

  /** Start of what is kept (ms): the oldest sample's start, or the window's start. */
  coveredFromMs(): number {
    if (this.sampleEnd === this.sampleStart) return this.timeMs;
    return Math.max(this.sampleStart * this.sampleMs, this.timeMs - this.windowMs);
  }

  /**
   * Copy a frame of the described network in. Returns false (keeping nothing) for a frame of
   * another network or one that adds no simulated time (a frame after a change while paused).
   */
  record(frame: RecordedFrame): boolean {
    const d = this.description;
    if (!d || frame.buildId !== d.buildId || frame.timeMs <= frame.startMs) return false;
    // A frame that starts before what is kept (never sent without a new description) starts again.
    if (frame.startMs < this.timeMs - 1e-6) this.clear();
    if (frame.sampleMs !== this.sampleMs) this.allocateSamples(frame.sampleMs);
    this.noteSettings(frame);
    this.recordSamples(frame);
    this.recordRaster(frame, d.dtMs);
    this.recordFrame(frame);
    this.timeMs = frame.timeMs;
    this.events = frame.events;
    this.dropOld();
    return true;
  }

  private allocateSamples(sampleMs: number): void {
    if (!(sampleMs > 0)) throw new RangeError(`a frame's sample length must be positive, not ${sampleMs}`);
    this.sampleMs = sampleMs;
    const capacity = Math.ceil(this.windowMs / sampleMs);
    this.eegPa = new Float32Array(capacity);
    this.spikesE = new Uint16Array(capacity);
    this.spikesI = new Uint16Array(capacity);
    this.sampleEnd = 0;
    this.sampleStart = 0;
  }

  private noteSettings(frame: RecordedFrame): void {
    const before = this.params;
    if (before !== null) {
      let changed = !sameParamValues(before, frame.params) || this.atHours !== frame.atHours;
      changed ||= this.drugs.length !== frame.drugs.length;
      for (let i = 0; !changed && i < frame.drugs.length; i++) changed = this.drugs[i].drug !== frame.drugs[i].drug;
      if (changed) this.settingsChangedAtMs = frame.startMs;
    }
    this.params = frame.params;
    this.atHours = frame.atHours;
    this.drugs = frame.drugs;
  }

  private recordSamples(frame: RecordedFrame): void {
    const capacity = this.eegPa.length;
    // The chunk's samples are the ion steps that end in it (as in src/view/plots/history.ts).
    const first = Math.floor(frame.startMs / this.sampleMs + 1e-6);
    if (this.sampleEnd === this.sampleStart || first !== this.sampleEnd) {
      this.sampleStart = first;
      this.sampleEnd = first;
    }
    const eeg = frame.eegPa;
    const e = frame.spikesE;
    const i = frame.spikesI;
    let end = first;
    for (let k = 0; k < eeg.length; k++) {
      const slot = end % capacity;
      this.eegPa[slot] = eeg[k];
      this.spikesE[slot] = e[k];
      this.spikesI[slot] = i[k];
      end++;
    }
    this.sampleEnd = end;
    if (end - this.sampleStart > capacity) this.sampleStart = end - capacity;
  }

  private recordRaster(frame: RecordedFrame, dtMs: number): void {
    const times = frame.rasterTimesMs;
    const rows = frame.rasterRows;
    const startStep = frame.startMs / dtMs;
    const capacity = this.rasterCapacity;
    let end = this.rasterEnd;
    for (let k = 0; k < times.length; k++) {
      const slot = end % capacity;
      this.rasterStep[slot] = Math.round(startStep + times[k] / dtMs);
      this.rasterRow[slot] = rows[k];
      end++;
    }
    this.rasterEnd = end;
    if (end - this.rasterStart > capacity) {
      this.rasterStart = end - capacity;
      this.rasterCompleteFromMs = this.rasterStep[this.rasterStart % capacity] * dtMs;
    }
  }

  private recordFrame(frame: RecordedFrame): void {
    const slot = this.frameEnd % this.frameCapacity;
    this.frameStartMs[slot] = frame.startMs;
    this.frameEndMs[slot] = frame.timeMs;
    this.frameChi[slot] = frame.chi;
    this.frameState[slot] = STATE_CODE[frame.state];
    this.frameEnd++;
    if (this.frameEnd - this.frameStart > this.frameCapacity) this.frameStart = this.frameEnd - this.frameCapacity;
  }

  /** Move the starts of the rings past what has left the window. */
  private dropOld(): void {
    const fromMs = this.timeMs - this.windowMs;
    const d = this.description as RecordedDescription;
    while (
      this.rasterStart < this.rasterEnd &&
      this.rasterStep[this.rasterStart % this.rasterCapacity] * d.dtMs < fromMs
    ) {
      this.rasterStart++;
    }
    const firstSample = Math.ceil(fromMs / this.sampleMs - 1e-9);
    if (this.sampleStart < firstSample) this.sampleStart = Math.min(firstSample, this.sampleEnd);
    while (this.frameEnd - this.frameStart > 1 && this.frameEndMs[this.frameStart % this.frameCapacity] <= fromMs) {
      this.frameStart++;
    }
  }
}
