// Boots a cohort worker thread: TypeScript runs through tsx, registered here because a worker
// thread does not inherit the main thread's loader. A failure to start is posted like any other,
// because the main thread waits synchronously and would never see an 'error' event.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  await import('./cohort-thread.ts');
} catch (error) {
  workerData.port.postMessage({
    kind: 'error',
    message: `a worker thread failed to start: ${error?.message ?? error}`,
  });
  Atomics.add(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
}
