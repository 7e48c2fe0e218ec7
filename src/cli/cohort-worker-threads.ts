/**
 * Running a cohort on several cores from the synchronous command line. Worker threads run their
 * shares of the patients; the main thread waits on a shared counter (Atomics.wait, allowed on
 * Node's main thread) and takes their messages with receiveMessageOnPort, so that `main` stays a
 * plain function returning its exit status, and the progress bar moves as patients finish.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type CohortSpec, runPatients, splitPatients } from '../model/runs/cohort/cohort.ts';
import type { PatientOutcome } from '../model/runs/cohort/trial.ts';
import type { ThreadData, ThreadMessage } from './cohort-thread.ts';

const THREAD_SCRIPT = new URL('./cohort-thread.mjs', import.meta.url);
/** The longest wait between looks at the threads. */
const POLL_MS = 250;

export class CohortThreadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CohortThreadError';
  }
}

/**
 * Every patient's outcome, sorted by index. `onPatient` is called with the count done after each
 * one. With one worker, everything runs on this thread.
 */
export function runCohortOnThreads(
  spec: CohortSpec,
  workers: number,
  onPatient: (done: number) => void,
): PatientOutcome[] {
  const shares = splitPatients(spec.patients, workers);
  const outcomes: PatientOutcome[] = [];
  const { patients: _patients, ...shareSpec } = spec;
  if (shares.length === 1) {
    runPatients(shareSpec, shares[0], (o) => {
      outcomes.push(o);
      onPatient(outcomes.length);
    });
    return outcomes;
  }
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const threads: { worker: Worker; port: MessagePort; done: boolean }[] = [];
  try {
    for (const indices of shares) {
      const { port1, port2 } = new MessageChannel();
      const data: ThreadData = { spec: shareSpec, indices, port: port2, signal };
      const worker = new Worker(THREAD_SCRIPT, { workerData: data, transferList: [port2] });
      threads.push({ worker, port: port1, done: false });
    }
    let seen = 0;
    while (threads.some((t) => !t.done)) {
      Atomics.wait(signal, 0, seen, POLL_MS);
      seen = Atomics.load(signal, 0);
      for (const thread of threads) {
        for (let m = receiveMessageOnPort(thread.port); m !== undefined; m = receiveMessageOnPort(thread.port)) {
          const message = m.message as ThreadMessage;
          if (message.kind === 'error') throw new CohortThreadError(message.message);
          if (message.kind === 'done') thread.done = true;
          else {
            outcomes.push(message.outcome);
            onPatient(outcomes.length);
          }
        }
      }
    }
  } finally {
    for (const t of threads) {
      t.port.close();
      void t.worker.terminate();
    }
  }
  return outcomes.sort((a, b) => a.index - b.index);
}
