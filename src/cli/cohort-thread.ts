/**
 * One worker thread of `cohort --workers N`: runs its share of the patients and posts each
 * outcome on its port, then bumps the shared counter and wakes the main thread (which waits
 * synchronously; see cohort-worker-threads.ts). Started by cohort-thread.mjs, which registers tsx first.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { type CohortSpec, runPatients } from '../model/runs/cohort/cohort.ts';

export interface ThreadData {
  spec: Omit<CohortSpec, 'patients'>;
  indices: number[];
  port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: [0] counts messages posted by all threads. */
  signal: Int32Array;
}

export type ThreadMessage =
  | { kind: 'outcome'; outcome: import('../model/runs/cohort/trial.ts').PatientOutcome }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

const { spec, indices, port, signal } = workerData as ThreadData;

function post(message: ThreadMessage): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

try {
  runPatients(spec, indices, (outcome) => post({ kind: 'outcome', outcome }));
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
}
