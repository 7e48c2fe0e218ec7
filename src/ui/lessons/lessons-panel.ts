/**
 * The "Why drugs fail" lessons panel: the list of lessons with progress marks, one lesson at a
 * time (lesson-view.ts), the run in the lesson worker, and the learner's progress in local
 * storage.
 *
 * While a lesson runs headlessly, the live sheet shows its main condition: the panel sets the
 * store's parameters and treatment through its actions, as a user would (the worker's runs are
 * the ones the reveal reads). A run that fails or is stopped loses nothing already saved.
 */
import './lessons.css';
import { DEFAULT_AT_HOURS } from '../../model/pharmacology/treatment.ts';
import type { IntentStore } from '../../state/store.ts';
import { LESSONS, type Lesson, runParams } from '../../teaching/index.ts';
import { lessonProgress, type Progress, type StoredResult, withLessonProgress } from '../../teaching/progress.ts';
import { el } from '../controls/dom.ts';
import { LessonCancelled, type LessonRunHandle, runLessonInWorkers } from './lesson-runner.ts';
import { LessonView } from './lesson-view.ts';
import { clearProgress, loadProgress, saveProgress } from './progress-storage.ts';

export const LESSONS_PANEL_TITLE = 'Lessons: why drugs fail';

function markText(p: ReturnType<typeof lessonProgress>): { symbol: string; words: string } {
  if (p.completed) return { symbol: '✓', words: 'done' };
  if (p.prediction !== null) return { symbol: '•', words: 'predicted' };
  return { symbol: '', words: 'not started' };
}

export class LessonsPanel {
  private progress: Progress;
  private readonly notice: HTMLElement;
  private readonly listButtons = new Map<string, HTMLButtonElement>();
  private readonly marks = new Map<string, HTMLElement>();
  private readonly slot: HTMLElement;
  private current: { lesson: Lesson; view: LessonView } | null = null;
  private running: LessonRunHandle | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly store: IntentStore,
    private readonly lessons: readonly Lesson[] = LESSONS,
  ) {
    const loaded = loadProgress(lessons);
    this.progress = loaded.progress;
    root.replaceChildren();
    const title = el('h2', undefined, LESSONS_PANEL_TITLE);
    title.id = 'lessons-panel-title';
    root.append(title);
    root.append(
      el(
        'p',
        'lessons-intro',
        `${lessons.length} short lessons. In each, read, predict what will happen, then run the simulation: its own measurements decide which prediction comes true. Your progress stays in this browser only. An educational model, not medical advice.`,
      ),
    );
    this.notice = el('p', 'lessons-notice');
    this.notice.setAttribute('aria-live', 'polite');
    this.notice.hidden = true;
    root.append(this.notice);
    if (loaded.problem) this.say(loaded.problem);

    const body = el('div', 'lessons-body');
    const nav = el('nav', 'lessons-nav');
    nav.setAttribute('aria-label', 'Lessons');
    const list = el('ol', 'lessons-list');
    for (const lesson of lessons) {
      const item = el('li');
      const button = el('button', 'lessons-item');
      button.type = 'button';
      button.dataset.lesson = lesson.id;
      const name = el('span', 'lessons-item-title', lesson.title);
      const mark = el('span', 'lessons-mark');
      button.append(name, mark);
      button.addEventListener('click', () => this.open(lesson.id, true));
      this.listButtons.set(lesson.id, button);
      this.marks.set(lesson.id, mark);
      item.append(button);
      list.append(item);
    }
    const reset = el('button', 'lessons-reset', 'Reset progress');
    reset.type = 'button';
    reset.addEventListener('click', () => this.resetProgress());
    nav.append(list, reset);
    this.slot = el('div', 'lessons-slot');
    this.slot.append(el('p', 'lessons-pick', 'Pick a lesson from the list to begin.'));
    body.append(nav, this.slot);
    root.append(body);
    this.renderMarks();
    root.hidden = false;
  }

  /** Show a lesson (stopping any run in progress). */
  open(id: string, focus = false): void {
    const lesson = this.lessons.find((l) => l.id === id);
    if (!lesson) return;
    this.cancelRun();
    const view = new LessonView(lesson, lessonProgress(this.progress, id), {
      predict: (choiceId) => this.update(id, { prediction: choiceId }),
      run: () => this.run(),
      cancel: () => this.cancelRun(),
      tryAgain: () => this.update(id, { prediction: null, result: null, completed: false }),
    });
    this.current = { lesson, view };
    this.slot.replaceChildren(view.root);
    for (const [key, button] of this.listButtons) {
      if (key === id) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
    if (focus) view.focusTitle();
  }

  private update(id: string, changes: Parameters<typeof withLessonProgress>[2]): void {
    this.progress = withLessonProgress(this.progress, id, changes);
    const problem = saveProgress(this.progress);
    if (problem) this.say(problem);
    if (this.current?.lesson.id === id) this.current.view.setState(lessonProgress(this.progress, id));
    this.renderMarks();
  }

  private run(): void {
    const current = this.current;
    if (!current || this.running) return;
    const { lesson, view } = current;
    if (lessonProgress(this.progress, lesson.id).prediction === null) return;
    this.showLiveCondition(lesson);
    const conditions = `${lesson.runs.length} condition${lesson.runs.length === 1 ? '' : 's'}`;
    view.setRunning(true, conditions);
    const handle = runLessonInWorkers(lesson.id, (fraction) => view.setProgress(fraction, conditions));
    this.running = handle;
    handle.result.then(
      (result) => {
        if (this.running !== handle) return;
        this.running = null;
        view.setRunning(false);
        const stored: StoredResult = { choiceId: result.verdict.choiceId, evidence: result.verdict.evidence };
        this.update(lesson.id, { result: stored, completed: true });
      },
      (error: unknown) => {
        if (this.running !== handle) return;
        this.running = null;
        view.setRunning(false);
        if (!(error instanceof LessonCancelled)) {
          view.showMessage(
            `The simulation could not finish: ${error instanceof Error ? error.message : String(error)}. Your prediction is kept; try again.`,
          );
        }
      },
    );
  }

  private cancelRun(): void {
    const handle = this.running;
    if (!handle) return;
    this.running = null;
    handle.cancel();
    this.current?.view.setRunning(false);
    this.current?.view.showMessage('Stopped. Your prediction is kept; run it again when you like.');
  }

  /** The live sheet takes the lesson's main condition, through the store's actions. */
  private showLiveCondition(lesson: Lesson): void {
    const run = lesson.runs.find((r) => r.id === lesson.liveRunId);
    if (!run) return;
    try {
      const state = this.store.getState();
      state.setParams({ ...runParams(run) });
      state.setTreatment({
        drugs: [...(run.treatment?.drugs ?? [])],
        atHours: run.treatment?.atHours ?? DEFAULT_AT_HOURS,
      });
    } catch (error) {
      this.say(`The live sheet could not show this lesson: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private resetProgress(): void {
    this.cancelRun();
    this.progress = {};
    const problem = clearProgress();
    this.say(problem ?? 'Progress reset: every lesson is new again.');
    if (this.current) this.current.view.setState(lessonProgress(this.progress, this.current.lesson.id));
    this.renderMarks();
  }

  private renderMarks(): void {
    for (const lesson of this.lessons) {
      const mark = this.marks.get(lesson.id);
      if (!mark) continue;
      const { symbol, words } = markText(lessonProgress(this.progress, lesson.id));
      mark.replaceChildren();
      if (symbol) {
        const icon = el('span', undefined, symbol);
        icon.setAttribute('aria-hidden', 'true');
        mark.append(icon);
      }
      mark.append(el('span', 'visually-hidden', ` (${words})`));
      mark.dataset.state = words;
    }
  }

  private say(message: string): void {
    this.notice.textContent = message;
    this.notice.hidden = false;
  }
}

export function mountLessonsPanel(root: HTMLElement, store: IntentStore): LessonsPanel {
  return new LessonsPanel(root, store);
}
