/**
 * A helper thread's loop (model/parallel/team.ts): instantiate the kernels on the shared memory,
 * say it is ready, then do this thread's share of each phase the coordinator starts, until told
 * to exit. Pure: the Node worker thread (src/cli/sim-thread.mjs) only calls runHelper with what
 * it was sent.
 */
import { instantiateOnMemory } from '../kernels/kernels.ts';
import {
  awaitChange,
  CONTROL_DONE,
  CONTROL_FAILED,
  CONTROL_GENERATION,
  CONTROL_PHASE,
  CONTROL_READY,
  type HelperInit,
  PHASE_EXIT,
  threadViews,
  threadWork,
} from './team.ts';

export function runHelper(init: HelperInit): void {
  const views = threadViews(init.memory, init.controlByteOffset);
  const control = views.control;
  let kernels: ReturnType<typeof instantiateOnMemory>;
  try {
    kernels = instantiateOnMemory(init.module, init.memory);
  } catch (error) {
    reportFailure(control);
    throw error;
  }
  let seen = Atomics.load(control, CONTROL_GENERATION);
  Atomics.add(control, CONTROL_READY, 1);
  Atomics.notify(control, CONTROL_READY);
  for (;;) {
    seen = awaitChange(control, CONTROL_GENERATION, seen);
    const phase = Atomics.load(control, CONTROL_PHASE);
    if (phase === PHASE_EXIT) return;
    try {
      threadWork(kernels, init, phase, views);
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
