/**
 * The learner's lesson progress in local storage (one versioned key; src/teaching/progress.ts
 * reads and writes the text). Storage can be missing, full or forbidden (private windows, strict
 * settings): then progress lives for the visit only, and the panel says so.
 */
import type { Lesson } from '../../teaching/lesson.ts';
import {
  type ParsedProgress,
  PROGRESS_KEY,
  type Progress,
  parseProgress,
  serializeProgress,
} from '../../teaching/progress.ts';

export const STORAGE_UNAVAILABLE =
  'Progress cannot be saved in this browser (storage is off or full); it lasts until you leave the page.';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadProgress(lessons: readonly Lesson[]): ParsedProgress {
  const store = storage();
  if (!store) return { progress: {}, problem: STORAGE_UNAVAILABLE };
  let text: string | null;
  try {
    text = store.getItem(PROGRESS_KEY);
  } catch {
    return { progress: {}, problem: STORAGE_UNAVAILABLE };
  }
  return parseProgress(text, lessons);
}

/** Save; returns a problem to show, or null. */
export function saveProgress(progress: Progress): string | null {
  try {
    const store = storage();
    if (!store) return STORAGE_UNAVAILABLE;
    store.setItem(PROGRESS_KEY, serializeProgress(progress));
    return null;
  } catch {
    return STORAGE_UNAVAILABLE;
  }
}

export function clearProgress(): string | null {
  try {
    storage()?.removeItem(PROGRESS_KEY);
    return null;
  } catch {
    return STORAGE_UNAVAILABLE;
  }
}
