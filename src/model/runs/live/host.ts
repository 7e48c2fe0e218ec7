/**
 * The operations a host (the simulation worker) offers over one live session, as plain functions
 * that know nothing of messaging: workers/simulation.worker.ts exposes them with comlink.
 */
import type { SpawnHelper } from '../../parallel/team.ts';
import type { Params } from '../../params.ts';
import type { Treatment } from '../../pharmacology/treatment.ts';
import type { Frame, SessionDescription } from './frame.ts';
import { LiveSession } from './session.ts';

/**
 * The operations a host (the worker) offers over one live session, as plain functions: `start`
 * must come first; `setParams` returns the new description when the network was rebuilt.
 * `spawnHelper` starts a helper thread (a nested worker); without it, `start` takes no threads.
 */
export function createSessionHost(spawnHelper?: SpawnHelper) {
  let session: LiveSession | null = null;
  const live = (): LiveSession => {
    if (!session) throw new Error('the session has not been started: call start(params) first');
    return session;
  };
  return {
    /** Start a session; `threads` > 1 steps its sheet on that many threads (the same spikes). */
    start(params: Params, treatment?: Treatment, threads = 1): SessionDescription {
      session?.close();
      session = new LiveSession(params, treatment, spawnHelper ? { threads, spawnHelper } : undefined);
      return session.description();
    },
    setParams(params: Params): SessionDescription | null {
      const s = live();
      return s.setParams(params) ? s.description() : null;
    },
    setTreatment(treatment: Treatment): void {
      live().setTreatment(treatment);
    },
    /** Start the same network again from t = 0; returns its (new) description. */
    reset(): SessionDescription {
      const s = live();
      s.reset();
      return s.description();
    },
    /** Watch one cell (a grid point) in every frame, or none (null); ParamError outside the sheet. */
    selectCell(grid: number | null): void {
      live().selectCell(grid);
    },
    advance(ms: number): Frame {
      return live().advance(ms);
    },
  };
}

export type SessionHost = ReturnType<typeof createSessionHost>;
