/**
 * The page's side of the lesson worker (workers/lesson.worker.ts): one worker per run, started
 * when asked and terminated when the run ends or is cancelled, so a cancelled lesson stops
 * computing at once and nothing stays resident between lessons.
 */
import { proxy, type Remote, wrap } from 'comlink';
import type { LessonResult, LessonWorkerApi } from '../../teaching/index.ts';

export interface LessonRunHandle {
  /** The result, or a rejection with the worker's message (or "cancelled"). */
  result: Promise<LessonResult>;
  cancel(): void;
}

export class LessonCancelled extends Error {
  constructor() {
    super('the lesson run was cancelled');
    this.name = 'LessonCancelled';
  }
}

export function runLessonInWorker(lessonId: string, onProgress: (fraction: number) => void): LessonRunHandle {
  const worker = new Worker(new URL('../../../workers/lesson.worker.ts', import.meta.url), {
    type: 'module',
    name: 'lesson',
  });
  const remote: Remote<LessonWorkerApi> = wrap<LessonWorkerApi>(worker);
  let settled = false;
  let rejectRun: (error: Error) => void = () => {};
  const result = new Promise<LessonResult>((resolve, reject) => {
    rejectRun = reject;
    worker.addEventListener('error', (event) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      reject(new Error(event.message || 'the lesson worker failed'));
    });
    remote.run(lessonId, proxy(onProgress)).then(
      (value) => {
        if (settled) return;
        settled = true;
        worker.terminate();
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        worker.terminate();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  return {
    result,
    cancel() {
      if (settled) return;
      settled = true;
      worker.terminate();
      rejectRun(new LessonCancelled());
    },
  };
}
