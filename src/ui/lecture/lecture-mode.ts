/**
 * Lecture mode: the page as a projector shows it — large type and high-contrast colours, a deck
 * of scenes moved through with the keyboard or a presenter clicker, full screen, freeze-and-
 * annotate, and split screen. Which scene is shown is user intent (the store's `lecture`, also in
 * the address as `lecture=N`); everything else here is how the page looks while it is on.
 *
 * Entering from the page (button or L) remembers what the user had set and leaving brings it
 * back; a scene change loads the scene's state and starts its network again from t = 0, so a
 * demonstration runs the same way every time.
 */
import './lecture.css';
import { type Params, withParams } from '../../model/params.ts';
import type { Frame, SessionDescription } from '../../model/runs/live/frame.ts';
import type { PresetIntent } from '../../state/presets.ts';
import type { IntentStore } from '../../state/store.ts';
import { h } from '../controls/dom.ts';
import { AnnotationLayer, PENS } from './annotate.ts';
import type { Deck } from './deck.ts';
import { isFullscreen, toggleFullscreen } from './fullscreen.ts';
import { type LectureCommand, lectureCommand, ownsKeys } from './keys.ts';
import { SHIPPED_DECK } from './shipped-deck.ts';
import type { LectureSnapshot } from './snapshot.ts';
import { SPLIT_SIDE, SplitScreen } from './split-screen.ts';

export interface LectureModeOptions {
  store: IntentStore;
  /** The page's sheet host (#sheet), inside its panel. */
  sheetHost: HTMLElement;
  /** The header button that enters lecture mode. */
  opener: HTMLButtonElement;
  /** Where the lecture bar goes: before this element. */
  barBefore: HTMLElement;
  createWorker(): Worker;
  /** Start the page's simulation again from t = 0. */
  restart(): void;
  /** The page's achieved speed (simulated per wall time). */
  achievedSpeed(): number;
  /** The page's worker has confirmed a pause (SimulationBridge.paused). */
  paused(): boolean;
  frameTaps: Array<(frame: Frame) => void>;
  descriptionTaps: Array<(description: SessionDescription) => void>;
  deck?: Deck;
}

export interface LectureMode {
  snapshot(): LectureSnapshot;
  /** Ask split screen's second worker for a frame of no time (the page's own is asked by its bridge). */
  requestSplitFrame(): void;
}

export function mountLectureMode(options: LectureModeOptions): LectureMode {
  const lecture = new LectureModeController(options);
  lecture.start();
  return { snapshot: () => lecture.snapshot(), requestSplitFrame: () => lecture.requestSplitFrame() };
}

/** The lecture bar: where we are, what the scene says, and the tools; the pens while drawing. */
interface LectureBar {
  bar: HTMLElement;
  count: HTMLElement;
  title: HTMLElement;
  text: HTMLElement;
  announcer: HTMLElement;
  message: HTMLElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  draw: HTMLButtonElement;
  split: HTMLButtonElement;
  fullscreen: HTMLButtonElement;
  leave: HTMLButtonElement;
  pens: HTMLElement;
  penButtons: HTMLButtonElement[];
  undo: HTMLButtonElement;
  clear: HTMLButtonElement;
  done: HTMLButtonElement;
}

function lectureButton(id: string, label: string, keyHint: string): HTMLButtonElement {
  return h('button', { type: 'button', id, 'aria-keyshortcuts': keyHint }, label);
}

function buildLectureBar(): LectureBar {
  const count = h('p', { class: 'lecture-count', 'aria-hidden': 'true' });
  const title = h('h2', { id: 'lecture-title', class: 'lecture-title', tabindex: '-1' });
  const text = h('div', { class: 'lecture-text' });
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite', id: 'lecture-announcer' });
  const message = h('p', { class: 'lecture-message', 'aria-live': 'polite', id: 'lecture-message' });
  const previous = lectureButton('lecture-previous', '◀ Previous', 'ArrowLeft PageUp');
  const next = lectureButton('lecture-next', 'Next ▶', 'ArrowRight PageDown');
  const draw = lectureButton('lecture-draw', 'Freeze and draw (A)', 'A');
  const split = lectureButton('lecture-split', 'Split screen (S)', 'S');
  const fullscreen = lectureButton('lecture-fullscreen', 'Full screen (F)', 'F');
  const leave = lectureButton('lecture-leave', 'Leave lecture mode (Esc)', 'Escape');
  draw.setAttribute('aria-pressed', 'false');
  split.setAttribute('aria-pressed', 'false');
  const tools = h('div', { class: 'lecture-tools', role: 'group', 'aria-label': 'Lecture' });
  tools.append(previous, next, draw, split, fullscreen, leave);

  const penButtons = PENS.map((pen) => {
    const b = h('button', { type: 'button', class: 'lecture-pen', 'aria-pressed': 'false' });
    b.style.setProperty('--pen', pen.css);
    b.append(h('span', { class: 'lecture-pen-swatch', 'aria-hidden': 'true' }), `${pen.name} pen`);
    return b;
  });
  const undo = lectureButton('lecture-undo', 'Undo (Z)', 'Z');
  const clear = lectureButton('lecture-clear', 'Clear (C)', 'C');
  const done = lectureButton('lecture-draw-done', 'Done: resume (A)', 'A');
  const pens = h('div', { class: 'lecture-pens', role: 'group', 'aria-label': 'Drawing' });
  pens.append(...penButtons, undo, clear, done);
  pens.hidden = true;

  const head = h('div', { class: 'lecture-head' });
  head.append(count, title);
  const bar = h('section', { class: 'lecture-bar', 'aria-labelledby': 'lecture-title', id: 'lecture-bar' });
  bar.append(head, text, tools, pens, message, announcer);
  bar.hidden = true;
  return {
    bar,
    count,
    title,
    text,
    announcer,
    message,
    previous,
    next,
    draw,
    split,
    fullscreen,
    leave,
    pens,
    penButtons,
    undo,
    clear,
    done,
  };
}

class LectureModeController {
  private readonly store: IntentStore;
  private readonly deck: Deck;
  private readonly scenes: Deck['scenes'];
  private readonly ui = buildLectureBar();
  private readonly ink: AnnotationLayer;
  private readonly splitScreen: SplitScreen;
  /** What the user had set before entering from the page; brought back on leaving. */
  private beforeLecture: PresetIntent | null = null;
  /** Whether the simulation played before drawing froze it. */
  private playedBeforeDrawing = false;

  constructor(private readonly options: LectureModeOptions) {
    this.store = options.store;
    this.deck = options.deck ?? SHIPPED_DECK;
    this.scenes = this.deck.scenes;
    const panel = options.sheetHost.parentElement;
    if (!panel) throw new Error('the sheet has no panel to lay the lecture views in');
    options.barBefore.before(this.ui.bar);
    this.ink = new AnnotationLayer(panel);
    this.splitScreen = new SplitScreen(panel, options.sheetHost, options.createWorker, this.store);
    options.frameTaps.push((frame) => this.splitScreen.showMainFrame(frame));
    options.descriptionTaps.push((description) => this.splitScreen.mainDescription(description));
  }

  start(): void {
    const ui = this.ui;
    ui.penButtons.forEach((b, index) => {
      b.addEventListener('click', () => this.choosePen(index));
    });
    this.choosePen(0);
    this.ink.onStrokesChanged = (strokes) => this.showStrokes(strokes);
    this.showStrokes(0);
    document.addEventListener('fullscreenchange', () => this.fullscreenChanged());
    this.bindButtons();
    this.bindKeys();
    // Restart restarts both sides; Play while drawing ends the drawing.
    document.getElementById('reset')?.addEventListener('click', () => this.splitScreen.reset());
    this.store.subscribe((state, before) => {
      if (state.lecture !== before.lecture) this.show(state.lecture);
      if (state.playing && !before.playing && this.ink.active) {
        this.playedBeforeDrawing = false;
        this.setDrawing(false);
      }
    });
    const initial = this.store.getState().lecture;
    if (initial !== null && initial >= this.scenes.length) this.store.getState().setLecture(null);
    else this.show(initial);
  }

  snapshot(): LectureSnapshot {
    const scene = this.store.getState().lecture;
    return {
      scene,
      sceneCount: this.scenes.length,
      title: scene === null ? null : (this.scenes[scene]?.spec.title ?? null),
      annotating: this.ink.active,
      strokes: this.ink.strokes,
      inkPixels: this.ink.inkPixels(),
      fullscreen: isFullscreen(),
      message: this.ui.message.textContent ?? '',
      split: this.splitScreen.snapshot({ achievedSpeed: this.options.achievedSpeed(), paused: this.options.paused() }),
    };
  }

  requestSplitFrame(): void {
    this.splitScreen.requestFrame();
  }

  private say(line: string): void {
    this.ui.message.textContent = line;
  }

  private choosePen(index: number): void {
    this.ink.setPen(index);
    this.ui.penButtons.forEach((b, k) => {
      b.setAttribute('aria-pressed', String(k === index));
    });
  }

  private showStrokes(strokes: number): void {
    this.ui.undo.disabled = strokes === 0;
    this.ui.clear.disabled = strokes === 0;
  }

  private setDrawing(on: boolean): void {
    if (on === this.ink.active) return;
    const state = this.store.getState();
    if (on) {
      this.playedBeforeDrawing = state.playing;
      state.setPlaying(false);
    }
    this.ink.setActive(on);
    this.ui.pens.hidden = !on;
    this.ui.draw.setAttribute('aria-pressed', String(on));
    document.body.classList.toggle('lecture-drawing', on);
    this.say(on ? 'Frozen: draw on the sheet. Z undoes, C clears, A or Escape resumes.' : '');
    if (!on && this.playedBeforeDrawing) this.store.getState().setPlaying(true);
  }

  /** Two simulations share the machine: split screen runs both at SPLIT_SIDE at most. */
  private splitParams(params: Params): Params {
    return params.side > SPLIT_SIDE ? withParams(params, { side: SPLIT_SIDE }) : params;
  }

  private closeSplit(): void {
    if (!this.splitScreen.open) return;
    this.splitScreen.close();
    document.body.classList.remove('lecture-split');
    this.ui.split.setAttribute('aria-pressed', 'false');
    // Back to the scene's own size, unless someone chose another since.
    const state = this.store.getState();
    const scene = state.lecture === null ? undefined : this.scenes[state.lecture];
    if (scene && state.params.side === SPLIT_SIDE && scene.state.params.side !== SPLIT_SIDE) {
      state.setParams({ side: scene.state.params.side });
    }
  }

  private openSplit(index: number): void {
    const scene = this.scenes[index];
    if (!scene.spec.contrast) {
      const withPairs = this.scenes
        .map((s, k) => (s.spec.contrast ? String(k + 1) : ''))
        .filter((k) => k !== '')
        .join(', ');
      this.closeSplit();
      this.say(`Scene ${index + 1} has no side-by-side comparison; scenes ${withPairs} have one.`);
      return;
    }
    document.body.classList.add('lecture-split');
    this.ui.split.setAttribute('aria-pressed', 'true');
    const state = this.store.getState();
    if (state.params.side > SPLIT_SIDE) state.setParams({ side: SPLIT_SIDE });
    this.splitScreen.show(scene).then(
      () => this.options.restart(),
      (error: unknown) => {
        this.closeSplit();
        this.say(`Split screen could not start: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  private goTo(index: number): void {
    const scenes = this.scenes;
    if (scenes.length === 0) return;
    const current = this.store.getState().lecture;
    if (index < 0 || index >= scenes.length) {
      this.say(
        index < 0 ? 'This is the first scene.' : `This is the last scene (${scenes.length} of ${scenes.length}).`,
      );
      return;
    }
    if (index === current) return;
    this.setDrawing(false);
    this.ink.clear();
    const scene = scenes[index];
    const state = this.store.getState();
    const open = this.splitScreen.open;
    const params = open && scene.spec.contrast ? this.splitParams(scene.state.params) : scene.state.params;
    state.setParams(params as unknown as Record<string, unknown>);
    state.setTreatment(scene.state.treatment);
    state.setLecture(index);
    // Both sides start again together (openSplit restarts the page's side once the other is set).
    if (this.splitScreen.open && scene.spec.contrast) {
      this.openSplit(index);
      return;
    }
    this.options.restart();
    if (this.splitScreen.open) {
      this.closeSplit();
      this.say('This scene has no side-by-side comparison: split screen closed.');
    }
  }

  private enter(): void {
    const scenes = this.scenes;
    if (this.store.getState().lecture !== null || scenes.length === 0) {
      if (scenes.length === 0) this.say(`Lecture mode has no scenes: ${this.deck.problems.join('; ')}`);
      return;
    }
    const { params, treatment } = this.store.getState();
    this.beforeLecture = { params, treatment };
    this.goTo(0);
    // The button that entered is gone now: focus the scene's title (Space there still plays and
    // pauses, where on a button it would press it).
    this.ui.title.focus();
  }

  private exit(): void {
    if (this.store.getState().lecture === null) return;
    this.setDrawing(false);
    this.ink.clear();
    this.closeSplit();
    if (isFullscreen()) void document.exitFullscreen().catch(() => undefined);
    const state = this.store.getState();
    state.setLecture(null);
    if (this.beforeLecture) {
      state.setParams(this.beforeLecture.params as unknown as Record<string, unknown>);
      state.setTreatment(this.beforeLecture.treatment);
      this.beforeLecture = null;
    }
    this.options.opener.focus();
  }

  private fullscreenChanged(): void {
    this.ui.fullscreen.textContent = isFullscreen() ? 'Leave full screen (F)' : 'Full screen (F)';
  }

  private requestFullscreen(): void {
    void toggleFullscreen().then((outcome) => {
      this.say(outcome.ok ? '' : outcome.message);
      this.fullscreenChanged();
    });
  }

  private run(command: LectureCommand): void {
    const scene = this.store.getState().lecture;
    switch (command) {
      case 'toggle-lecture':
        if (scene === null) this.enter();
        else this.exit();
        return;
      case 'next':
        this.goTo((scene ?? -1) + 1);
        return;
      case 'previous':
        this.goTo((scene ?? 1) - 1);
        return;
      case 'first':
        this.goTo(0);
        return;
      case 'last':
        this.goTo(this.scenes.length - 1);
        return;
      case 'fullscreen':
        this.requestFullscreen();
        return;
      case 'annotate':
        this.setDrawing(!this.ink.active);
        return;
      case 'split':
        if (this.splitScreen.open) this.closeSplit();
        else if (scene !== null) this.openSplit(scene);
        return;
      case 'undo':
        this.ink.undo();
        return;
      case 'clear':
        this.ink.clear();
        return;
      case 'leave':
        if (this.ink.active) this.setDrawing(false);
        else if (this.splitScreen.open) this.closeSplit();
        else this.exit();
        return;
    }
  }

  private bindButtons(): void {
    const ui = this.ui;
    const commands: [HTMLElement, LectureCommand][] = [
      [this.options.opener, 'toggle-lecture'],
      [ui.previous, 'previous'],
      [ui.next, 'next'],
      [ui.draw, 'annotate'],
      [ui.done, 'annotate'],
      [ui.split, 'split'],
      [ui.fullscreen, 'fullscreen'],
      [ui.leave, 'toggle-lecture'],
      [ui.undo, 'undo'],
      [ui.clear, 'clear'],
    ];
    for (const [button, command] of commands) button.addEventListener('click', () => this.run(command));
  }

  private bindKeys(): void {
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (document.querySelector('dialog[open]') !== null || ownsKeys(event.target)) return;
      const command = lectureCommand(event.key, this.store.getState().lecture !== null, this.ink.active);
      if (command === null) return;
      event.preventDefault();
      this.run(command);
    });
  }

  /** The bar for a scene (null: hidden, the page as usual). */
  private show(scene: number | null): void {
    const ui = this.ui;
    const scenes = this.scenes;
    const on = scene !== null && scene < scenes.length;
    document.body.classList.toggle('lecture', on);
    ui.bar.hidden = !on;
    this.options.opener.hidden = on;
    if (!on) return;
    const spec = scenes[scene].spec;
    ui.count.textContent = `${scene + 1} / ${scenes.length}`;
    ui.title.textContent = spec.title;
    ui.text.replaceChildren(...spec.sentences.map((sentence) => h('p', {}, sentence)));
    ui.previous.disabled = scene === 0;
    ui.next.disabled = scene === scenes.length - 1;
    ui.split.disabled = !spec.contrast;
    ui.split.title = spec.contrast ? '' : 'This scene has no side-by-side comparison';
    ui.announcer.textContent = `Scene ${scene + 1} of ${scenes.length}: ${spec.title}. ${spec.sentences.join(' ')}`;
  }
}
