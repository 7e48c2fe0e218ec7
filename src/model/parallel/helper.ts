/**
 * A helper thread's loop (model/parallel/team.ts): instantiate the kernels on the shared memory,
 * say it is ready, then do this thread's share of each phase the coordinator starts, until told
 * to exit. Pure: the Node worker thread (src/cli/sim-thread.mjs) and the browser worker
 * (workers/sim-thread.worker.ts) only call runHelper with what they were sent.
 */

import { CONTROL_WORDS } from '../dynamics/state.ts';
import { instantiateOnMemory } from '../kernels/kernels.ts';
import {
  awaitChange,
  CONTROL_DONE,
  CONTROL_FAILED,
  CONTROL_GENERATION,
  CONTROL_PHASE,
  CONTROL_READY,
  type HelperInit,
  jumpsView,
  PHASE_EXIT,
  threadWork,
} from './team.ts';

export function runHelper(init: HelperInit): void {
  const control = new Int32Array(init.memory.buffer, init.controlByteOffset, CONTROL_WORDS);
  let kernels: ReturnType<typeof instantiateOnMemory>;
  try {
    kernels = instantiateOnMemory(init.module, init.memory);
  } catch (error) {
    reportFailure(control);
    throw error;
  }
  const jumps = jumpsView(control);
  let seen = Atomics.load(control, CONTROL_GENERATION);
  Atomics.add(control, CONTROL_READY, 1);
  Atomics.notify(control, CONTROL_READY);
  for (;;) {
    seen = awaitChange(control, CONTROL_GENERATION, seen);
    const phase = Atomics.load(control, CONTROL_PHASE);
    if (phase === PHASE_EXIT) return;
    try {
      threadWork(kernels, init, phase, control, jumps);
    } catch (error) {
      reportFailure(control);
      throw error;
    }
    Atomics.add(control, CONTROL_DONE, 1);
    Atomics.notify(control, CONTROL_DONE);
  }
}

/** Tell the coordinator (waiting for READY or DONE) that this thread cannot go on. */
export function reportFailure(control: Int32Array): void {
  Atomics.store(control, CONTROL_FAILED, 1);
  Atomics.notify(control, CONTROL_READY);
  Atomics.notify(control, CONTROL_DONE);
}
