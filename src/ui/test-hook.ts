/**
 * The page's inspection hook, `window.__refractory`: what the browser tests read and drive.
 * It offers read-only summaries and the same actions a user has (pause, play), plus one way to
 * exercise the bridge's recovery path. Typed here so the tests and the page share one shape.
 */

export interface PageSnapshot {
  /** From the last frame drawn; null before the first. */
  timeMs: number | null;
  spikeHash: number | null;
  buildId: number | null;
  side: number | null;
  seed: number | null;
  rateEHz: number | null;
  /** All spikes of the current network, summed over the frames received. */
  spikesSinceBuild: number;
  /** The GABA_A scale the engine ran the last frame with. */
  engineGaba: number | null;
  framesDrawn: number;
  /** No request in flight and nothing waiting in the bridge. */
  idle: boolean;
  playing: boolean;
  restarts: number;
}

export interface RefractoryTestHook {
  snapshot(): PageSnapshot;
  setPlaying(playing: boolean): void;
  simulateWorkerError(): void;
}

declare global {
  interface Window {
    __refractory?: RefractoryTestHook;
  }
}
