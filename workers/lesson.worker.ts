/**
 * A lesson worker: a thin comlink shell over the lesson runner (src/teaching), and nothing else.
 * The page starts a small pool of them per lesson (src/ui/lessons/lesson-runner.ts), each running
 * its share of the lesson's conditions off the page's thread; progress goes back through a
 * callback the page passes (a comlink proxy). To cancel, the page terminates them.
 */
import { type Endpoint, expose } from 'comlink';
import { type LessonWorkerApi, lessonById, type Outcomes, runLessonConditions } from '../src/teaching/index.ts';

const api: LessonWorkerApi = {
  runConditions(lessonId: string, runIds: string[], onProgress: (simulatedS: number) => void): Outcomes {
    const lesson = lessonById(lessonId);
    if (!lesson) throw new Error(`there is no lesson "${lessonId}"`);
    return runLessonConditions(lesson, runIds, (s) => void onProgress(s));
  },
};

expose(api, self as unknown as Endpoint);
