/**
 * The guided lessons ("Why drugs fail"), in teaching order, for the lessons panel and for lecture
 * mode. Each is plain data with a pure check (lesson.ts); `runLesson` runs one with the real
 * simulation.
 */
import type { Lesson } from './lesson.ts';
import { balanceLesson } from './lessons/balance.ts';
import { dravetLesson } from './lessons/dravet.ts';
import { ketogenicLesson } from './lessons/ketogenic.ts';
import { lesionSurgeryLesson } from './lessons/lesion-surgery.ts';
import { neurostimulationLesson } from './lessons/neurostimulation.ts';
import { newbornLesson } from './lessons/newborn.ts';
import { persistentSodiumLesson } from './lessons/persistent-sodium.ts';
import { transporterLesson } from './lessons/transporter.ts';
import { viciousCircleLesson } from './lessons/vicious-circle.ts';

export type { Lesson, LessonChoice, LessonRun, Outcomes, RunOutcome, SheetOutcome, Verdict } from './lesson.ts';
export {
  LESSON_SIDE,
  type LessonResult,
  type LessonWorkerApi,
  lessonVerdict,
  lessonWorkS,
  runLesson,
  runLessonConditions,
  runParams,
  runWorkS,
  splitLessonRuns,
} from './run-lesson.ts';

export const LESSONS: readonly Lesson[] = [
  balanceLesson,
  persistentSodiumLesson,
  transporterLesson,
  viciousCircleLesson,
  dravetLesson,
  newbornLesson,
  lesionSurgeryLesson,
  neurostimulationLesson,
  ketogenicLesson,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
