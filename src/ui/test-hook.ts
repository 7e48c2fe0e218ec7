/**
 * The page's inspection hook, `window.__refractory`: what the browser tests read and drive.
 * It offers read-only summaries and the same actions a user has (pause, play), plus one way to
 * exercise the bridge's recovery path. Typed here so the tests and the page share one shape.
 */

import type { Treatment } from '../state/store.ts';
import type { LectureSnapshot } from './lecture/snapshot.ts';

export interface PageSnapshot {
  /** From the last frame drawn; null before the first. */
  timeMs: number | null;
  spikeHash: number | null;
  /** Threads that stepped the sheet for the last frame. */
  threads: number | null;
  buildId: number | null;
  side: number | null;
  seed: number | null;
  rateEHz: number | null;
  /** All spikes of the current network, summed over the frames received. */
  spikesSinceBuild: number;
  /** The GABA_A scale the engine ran the last frame with. */
  engineGaba: number | null;
  /** The drugs (and patient-clock time) the engine ran the last frame with. */
  engineDrugs: string[] | null;
  engineAtHours: number | null;
  framesDrawn: number;
  /** Frames received from the worker since the page loaded. */
  framesReceived: number;
  /** No request in flight and nothing waiting in the bridge. */
  idle: boolean;
  /**
   * Paused and confirmed by the worker: every chunk asked for before the pause has been run, so
   * the simulated time stands still from here on (SimulationBridge.paused).
   */
  paused: boolean;
  playing: boolean;
  restarts: number;
  /** The cell the user watches (the store's), and the grid point of the last frame's cell trace. */
  selectedCell: number | null;
  probeGrid: number | null;
  /** Times the watched cell's numbers were written, and its traces drawn, since the page loaded. */
  cellReadoutsShown: number;
  cellTracesDrawn: number;
  /** F–I curves received from their worker, and EEG strips drawn, since the page loaded. */
  fiCurvesAnswered: number;
  eegDrawn: number;
}

/**
 * Mean relative luminance at one rendered frame of the sheet: the sheet whole and per quarter, and
 * the whole window (every canvas on screen composed where it is, over the page's background).
 */
export interface LuminanceSample {
  /** performance.now() of the render. */
  tMs: number;
  /** [sheet, its top-left, top-right, bottom-left and bottom-right quarters, the whole window]. */
  regions: number[];
}

/** Indices of LuminanceSample.regions. */
export const LUMINANCE_REGIONS = ['sheet', 'top left', 'top right', 'bottom left', 'bottom right', 'window'] as const;

export interface RefractoryTestHook {
  snapshot(): PageSnapshot;
  /** Start measuring the sheet's luminance at every rendered frame (replaces any earlier recording). */
  recordLuminance(): void;
  /** Stop and return what was recorded. */
  takeLuminance(): LuminanceSample[];
  setPlaying(playing: boolean): void;
  /** The parameters the user asked for (the store's), as plain values. */
  params(): Record<string, unknown>;
  /** The treatment the user asked for: drugs and the patient-clock time. */
  treatment(): Treatment;
  /** Replace the treatment through the store, as the controls do (DrugError on bad input). */
  setTreatment(treatment: Treatment): void;
  /** Change parameters through the store, as the controls do (ParamError on bad input). */
  setParams(changes: Record<string, unknown>): void;
  simulateWorkerError(): void;
  /** Ask the worker (and split screen's second one) for a frame of no time (SimulationBridge.requestFrame). */
  requestFrame(): void;
  /** Lecture mode: the scene, drawing and split screen (src/ui/lecture). */
  lecture?(): LectureSnapshot;
}

declare global {
  interface Window {
    __refractory?: RefractoryTestHook;
  }
}
