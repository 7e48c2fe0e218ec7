// Boots a helper thread of a threaded simulation (src/model/parallel): TypeScript runs through
// tsx, registered here because a worker thread does not inherit the main thread's loader. A
// failure to start is written into the shared control words, which the coordinator watches.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  const { runHelper } = await import('../model/parallel/helper.ts');
  runHelper(workerData);
} catch (error) {
  // helper.ts's reportFailure, which could not be loaded: the control words of
  // src/model/parallel/team.ts (16 of them; FAILED 4, READY 3, DONE 2).
  const control = new Int32Array(workerData.memory.buffer, workerData.controlByteOffset, 16);
  Atomics.store(control, 4, 1);
  Atomics.notify(control, 3);
  Atomics.notify(control, 2);
  console.error(`a simulation thread failed: ${error?.message ?? error}`);
}
