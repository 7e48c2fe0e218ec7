/**
 * The page's side of the lesson workers (workers/lesson.worker.ts): a small pool per run of a
 * lesson, each worker simulating its share of the conditions (splitLessonRuns: about equal network
 * time each), started when asked and terminated when the run ends or is cancelled, so a cancelled
 * lesson stops computing at once and nothing stays resident between lessons. The check runs here
 * on the outcomes of all of them: the verdict is the same for any number of workers (every
 * condition is its own seeded network).
 */
import { proxy, type Remote, wrap } from 'comlink';
import {
  type LessonResult,
  type LessonWorkerApi,
  lessonById,
  lessonVerdict,
  lessonWorkS,
  type Outcomes,
  splitLessonRuns,
} from '../../teaching/index.ts';

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

/**
 * Workers for a lesson: one per core, at most 4; the live sheet keeps running beside them (it
 * shows the lesson's main condition), and at 1× it needs a fraction of a core.
 */
export function lessonWorkerCount(cores = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, Math.min(4, Math.floor(cores)));
}

export function runLessonInWorkers(
  lessonId: string,
  onProgress: (fraction: number) => void,
  workerCount = lessonWorkerCount(),
): LessonRunHandle {
  const lesson = lessonById(lessonId);
  if (!lesson) {
    return { result: Promise.reject(new Error(`there is no lesson "${lessonId}"`)), cancel() {} };
  }
  const groups = splitLessonRuns(lesson, workerCount);
  const totalS = lessonWorkS(lesson);
  let doneS = 0;
  const workers: Worker[] = [];
  let settled = false;
  let rejectRun: (error: Error) => void = () => {};
  const stop = (): void => {
    for (const worker of workers) worker.terminate();
  };
  const result = new Promise<LessonResult>((resolve, reject) => {
    rejectRun = reject;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      stop();
      reject(error);
    };
    const shares = groups.map((runIds) => {
      const worker = new Worker(new URL('../../../workers/lesson.worker.ts', import.meta.url), {
        type: 'module',
        name: 'lesson',
      });
      workers.push(worker);
      worker.addEventListener('error', (event) => fail(new Error(event.message || 'the lesson worker failed')));
      const remote: Remote<LessonWorkerApi> = wrap<LessonWorkerApi>(worker);
      return remote.runConditions(
        lessonId,
        runIds,
        proxy((simulatedS: number) => {
          if (settled) return;
          doneS += simulatedS;
          onProgress(Math.min(1, doneS / totalS));
        }),
      );
    });
    Promise.all(shares).then(
      (parts: Outcomes[]) => {
        if (settled) return;
        try {
          const verdict = lessonVerdict(lesson, Object.assign({}, ...parts));
          settled = true;
          stop();
          resolve(verdict);
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      },
      (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
    );
  });
  return {
    result,
    cancel() {
      if (settled) return;
      settled = true;
      stop();
      rejectRun(new LessonCancelled());
    },
  };
}
