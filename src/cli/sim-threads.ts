/**
 * Helper threads for a simulation on the command line: each a Node worker thread running
 * src/model/parallel/helper.ts (booted by sim-thread.mjs). unref: a helper never keeps the
 * process alive; Simulation.stopThreads ends them.
 */
import { Worker } from 'node:worker_threads';
import type { HelperHandle, HelperInit } from '../model/parallel/team.ts';

export { MAX_THREADS } from '../model/parallel/partition.ts';

const THREAD_SCRIPT = new URL('./sim-thread.mjs', import.meta.url);

export function spawnNodeHelper(init: HelperInit): HelperHandle {
  const worker = new Worker(THREAD_SCRIPT, { workerData: init });
  worker.unref();
  return {
    terminate: () => {
      void worker.terminate();
    },
  };
}
