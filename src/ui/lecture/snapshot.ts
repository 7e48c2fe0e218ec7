/**
 * What the browser tests read of lecture mode (window.__refractory.lecture()). Types only, so
 * the tests can import them without the page's styles or bundled scenario files.
 */
import type { SplitSide } from './deck.ts';

/** One side of split screen. */
export interface SplitSideSnapshot {
  side: SplitSide;
  timeMs: number | null;
  buildId: number | null;
  params: Readonly<Record<string, unknown>> | null;
  achievedSpeed: number;
  /** Its worker has confirmed the pause: no chunk in flight, time stands still. */
  paused: boolean;
  /** Frames this side has received since the page loaded. */
  framesReceived: number;
  caption: string;
}

export interface LectureSnapshot {
  /** 0-based scene, or null outside lecture mode. */
  scene: number | null;
  sceneCount: number;
  title: string | null;
  annotating: boolean;
  strokes: number;
  inkPixels: number;
  fullscreen: boolean;
  message: string;
  /** Both sides while split screen is open (the page's own first, then the comparison). */
  split: SplitSideSnapshot[] | null;
}
