/**
 * Lecture mode's keys. Presenter clickers send Page Down / Page Up (some send the arrows), so
 * both move between scenes. A key never acts while the user types in a field or moves a slider
 * or a menu (they own those keys), nor with Ctrl, Alt or Meta held (the browser's own shortcuts).
 */

export type LectureCommand =
  | 'toggle-lecture'
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'fullscreen'
  | 'annotate'
  | 'split'
  | 'undo'
  | 'clear'
  | 'leave';

/** Every key of lecture mode, for the shortcut list: keys as shown, and what they do. */
export const LECTURE_SHORTCUTS: readonly [keys: string[], what: string][] = [
  [['L'], 'Enter or leave lecture mode'],
  [['→', 'Page Down'], 'Lecture mode: next scene (what a presenter clicker sends)'],
  [['←', 'Page Up'], 'Lecture mode: previous scene'],
  [['Home', 'End'], 'Lecture mode: first or last scene'],
  [['F'], 'Lecture mode: full screen on or off'],
  [['A'], 'Lecture mode: freeze and draw on the sheet (again to resume)'],
  [['Z', 'C'], 'While drawing: undo the last stroke, clear the drawing'],
  [['S'], 'Lecture mode: split screen (responder and refractory side by side)'],
  [['Escape'], 'Lecture mode: stop drawing, then leave split screen, then leave lecture mode'],
];

const IN_LECTURE: Readonly<Record<string, LectureCommand>> = {
  ArrowRight: 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  f: 'fullscreen',
  F: 'fullscreen',
  a: 'annotate',
  A: 'annotate',
  s: 'split',
  S: 'split',
  Escape: 'leave',
};

const WHILE_DRAWING: Readonly<Record<string, LectureCommand>> = {
  z: 'undo',
  Z: 'undo',
  Backspace: 'undo',
  c: 'clear',
  C: 'clear',
};

/** The command of a key press, or null when the key means nothing here. */
export function lectureCommand(key: string, inLecture: boolean, drawing: boolean): LectureCommand | null {
  if (key === 'l' || key === 'L') return 'toggle-lecture';
  if (!inLecture) return null;
  if (drawing && key in WHILE_DRAWING) return WHILE_DRAWING[key];
  return IN_LECTURE[key] ?? null;
}

/** Elements that use letters, arrows or page keys themselves. */
const OWNS_KEYS =
  'textarea, select, [contenteditable]:not([contenteditable="false"]), [role="slider"], [role="listbox"]';

/** True when the key belongs to the focused control (a field, a slider, a menu). */
export function ownsKeys(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target.closest(OWNS_KEYS) !== null;
}
