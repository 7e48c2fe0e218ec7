/**
 * The learner's progress through the lessons, as kept in the browser's local storage under one
 * versioned key (no account, no server): for each lesson the prediction made, the result of the
 * last run (which choice came true, with the measured evidence) and whether it was completed.
 *
 * Pure: reading and writing the text is the panel's business. Whatever the stored text is —
 * missing, corrupt, from another version, edited by hand — `parseProgress` returns a usable
 * progress and says what it had to drop; nothing it reads is trusted beyond the lessons' own ids.
 */
import type { Lesson } from './lesson.ts';

export const PROGRESS_KEY = 'refractory.lessons.v1';
export const PROGRESS_VERSION = 1;
/** Bounds on what is read back: far above what a lesson writes, far below what could hurt. */
const MAX_EVIDENCE_LINES = 40;
const MAX_TEXT_CHARS = 1000;

export interface StoredResult {
  /** The choice the simulation's outcome matched. */
  choiceId: string;
  evidence: string[];
}

export interface LessonProgress {
  prediction: string | null;
  result: StoredResult | null;
  /** Run, with a prediction, and revealed. */
  completed: boolean;
}

export type Progress = Readonly<Record<string, LessonProgress>>;

export const EMPTY_LESSON_PROGRESS: LessonProgress = { prediction: null, result: null, completed: false };

export interface ParsedProgress {
  progress: Progress;
  /** What could not be read, for a notice; null when everything was fine (or nothing was stored). */
  problem: string | null;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function readResult(raw: unknown, choiceIds: readonly string[]): StoredResult | null {
  if (!isObject(raw)) return null;
  const { choiceId, evidence } = raw;
  if (typeof choiceId !== 'string' || !choiceIds.includes(choiceId)) return null;
  if (!Array.isArray(evidence) || evidence.length > MAX_EVIDENCE_LINES) return null;
  if (!evidence.every((line) => typeof line === 'string' && line.length <= MAX_TEXT_CHARS)) return null;
  return { choiceId, evidence: [...evidence] };
}

export function parseProgress(text: string | null, lessons: readonly Lesson[]): ParsedProgress {
  if (text === null) return { progress: {}, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { progress: {}, problem: 'The saved lesson progress could not be read, so it starts afresh.' };
  }
  if (!isObject(raw) || raw.version !== PROGRESS_VERSION || !isObject(raw.lessons)) {
    return {
      progress: {},
      problem: 'The saved lesson progress is from another version or damaged, so it starts afresh.',
    };
  }
  const progress: Record<string, LessonProgress> = {};
  let dropped = false;
  for (const lesson of lessons) {
    const entry = raw.lessons[lesson.id];
    if (entry === undefined) continue;
    if (!isObject(entry)) {
      dropped = true;
      continue;
    }
    const choiceIds = lesson.choices.map((c) => c.id);
    const prediction =
      typeof entry.prediction === 'string' && choiceIds.includes(entry.prediction) ? entry.prediction : null;
    const result = readResult(entry.result, choiceIds);
    const completed = entry.completed === true && prediction !== null && result !== null;
    if (prediction !== entry.prediction && entry.prediction !== null) dropped = true;
    if (result === null && entry.result !== null && entry.result !== undefined) dropped = true;
    progress[lesson.id] = { prediction, result, completed };
  }
  return {
    progress,
    problem: dropped ? 'Part of the saved lesson progress could not be read and was left out.' : null,
  };
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify({ version: PROGRESS_VERSION, lessons: progress });
}

export function lessonProgress(progress: Progress, id: string): LessonProgress {
  return progress[id] ?? EMPTY_LESSON_PROGRESS;
}

/** A copy with one lesson's entry changed. */
export function withLessonProgress(progress: Progress, id: string, changes: Partial<LessonProgress>): Progress {
  return { ...progress, [id]: { ...lessonProgress(progress, id), ...changes } };
}
