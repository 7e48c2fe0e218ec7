/**
 * The lesson worker: a thin comlink shell over the lesson runner (src/teaching), and nothing else.
 * A lesson's runs go one after the other in here, off the page's thread; progress goes back
 * through a callback the page passes (a comlink proxy). One worker per run: to cancel, the page
 * terminates it.
 */
import { type Endpoint, expose } from 'comlink';
import { type LessonResult, type LessonWorkerApi, lessonById, runLesson } from '../src/teaching/index.ts';

const api: LessonWorkerApi = {
  run(lessonId: string, onProgress: (fraction: number) => void): LessonResult {
    const lesson = lessonById(lessonId);
    if (!lesson) throw new Error(`there is no lesson "${lessonId}"`);
    return runLesson(lesson, (fraction) => void onProgress(fraction));
  },
};

expose(api, self as unknown as Endpoint);
