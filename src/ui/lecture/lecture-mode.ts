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
  frameTaps: Array<(frame: Frame) => void>;
  descriptionTaps: Array<(description: SessionDescription) => void>;
  deck?: Deck;
}

export interface LectureMode {
  snapshot(): LectureSnapshot;
}

export function mountLectureMode(options: LectureModeOptions): LectureMode {
  const { store, sheetHost, opener } = options;
  const deck = options.deck ?? SHIPPED_DECK;
  const scenes = deck.scenes;
  const panel = sheetHost.parentElement;
  if (!panel) throw new Error('the sheet has no panel to lay the lecture views in');

  // The bar: where we are, what the scene says, and the tools.
  const count = h('p', { class: 'lecture-count', 'aria-hidden': 'true' });
  const title = h('h2', { id: 'lecture-title', class: 'lecture-title', tabindex: '-1' });
  const text = h('div', { class: 'lecture-text' });
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite', id: 'lecture-announcer' });
  const message = h('p', { class: 'lecture-message', 'aria-live': 'polite', id: 'lecture-message' });
  const button = (id: string, label: string, keyHint: string): HTMLButtonElement => {
    const b = h('button', { type: 'button', id, 'aria-keyshortcuts': keyHint }, label);
    return b;
  };
  const previous = button('lecture-previous', '◀ Previous', 'ArrowLeft PageUp');
  const next = button('lecture-next', 'Next ▶', 'ArrowRight PageDown');
  const draw = button('lecture-draw', 'Freeze and draw (A)', 'A');
  const split = button('lecture-split', 'Split screen (S)', 'S');
  const fullscreen = button('lecture-fullscreen', 'Full screen (F)', 'F');
  const leave = button('lecture-leave', 'Leave lecture mode (Esc)', 'Escape');
  draw.setAttribute('aria-pressed', 'false');
  split.setAttribute('aria-pressed', 'false');
  const tools = h('div', { class: 'lecture-tools', role: 'group', 'aria-label': 'Lecture' });
  tools.append(previous, next, draw, split, fullscreen, leave);

  const penButtons = PENS.map((pen, index) => {
    const b = h('button', { type: 'button', class: 'lecture-pen', 'aria-pressed': 'false' });
    b.style.setProperty('--pen', pen.css);
    b.append(h('span', { class: 'lecture-pen-swatch', 'aria-hidden': 'true' }), `${pen.name} pen`);
    b.addEventListener('click', () => choosePen(index));
    return b;
  });
  const undo = button('lecture-undo', 'Undo (Z)', 'Z');
  const clear = button('lecture-clear', 'Clear (C)', 'C');
  const done = button('lecture-draw-done', 'Done: resume (A)', 'A');
  const pens = h('div', { class: 'lecture-pens', role: 'group', 'aria-label': 'Drawing' });
  pens.append(...penButtons, undo, clear, done);
  pens.hidden = true;

  const head = h('div', { class: 'lecture-head' });
  head.append(count, title);
  const bar = h('section', { class: 'lecture-bar', 'aria-labelledby': 'lecture-title', id: 'lecture-bar' });
  bar.append(head, text, tools, pens, message, announcer);
  bar.hidden = true;
  options.barBefore.before(bar);

  const ink = new AnnotationLayer(panel);
  const splitScreen = new SplitScreen(panel, sheetHost, options.createWorker, store);
  options.frameTaps.push((frame) => splitScreen.showMainFrame(frame));
  options.descriptionTaps.push((description) => splitScreen.mainDescription(description));

  /** What the user had set before entering from the page; brought back on leaving. */
  let beforeLecture: PresetIntent | null = null;
  /** Whether the simulation played before drawing froze it. */
  let playedBeforeDrawing = false;

  const say = (line: string): void => {
    message.textContent = line;
  };

  const choosePen = (index: number): void => {
    ink.setPen(index);
    penButtons.forEach((b, k) => {
      b.setAttribute('aria-pressed', String(k === index));
    });
  };
  choosePen(0);
  const showStrokes = (strokes: number): void => {
    undo.disabled = strokes === 0;
    clear.disabled = strokes === 0;
  };
  ink.onStrokesChanged = showStrokes;
  showStrokes(0);

  const setDrawing = (on: boolean): void => {
    if (on === ink.active) return;
    if (on) {
      playedBeforeDrawing = store.getState().playing;
      store.getState().setPlaying(false);
    }
    ink.setActive(on);
    pens.hidden = !on;
    draw.setAttribute('aria-pressed', String(on));
    document.body.classList.toggle('lecture-drawing', on);
    say(on ? 'Frozen: draw on the sheet. Z undoes, C clears, A or Escape resumes.' : '');
    if (!on && playedBeforeDrawing) store.getState().setPlaying(true);
  };

  /** Two simulations share the machine: split screen runs both at SPLIT_SIDE at most. */
  const splitParams = (params: Params): Params =>
    params.side > SPLIT_SIDE ? withParams(params, { side: SPLIT_SIDE }) : params;

  const closeSplit = (): void => {
    if (!splitScreen.open) return;
    splitScreen.close();
    document.body.classList.remove('lecture-split');
    split.setAttribute('aria-pressed', 'false');
    // Back to the scene's own size, unless someone chose another since.
    const state = store.getState();
    const scene = state.lecture === null ? undefined : scenes[state.lecture];
    if (scene && state.params.side === SPLIT_SIDE && scene.state.params.side !== SPLIT_SIDE) {
      state.setParams({ side: scene.state.params.side });
    }
  };

  const openSplit = (index: number): void => {
    const scene = scenes[index];
    if (!scene.spec.contrast) {
      const withPairs = scenes
        .map((s, k) => (s.spec.contrast ? String(k + 1) : ''))
        .filter((k) => k !== '')
        .join(', ');
      closeSplit();
      say(`Scene ${index + 1} has no side-by-side comparison; scenes ${withPairs} have one.`);
      return;
    }
    document.body.classList.add('lecture-split');
    split.setAttribute('aria-pressed', 'true');
    const state = store.getState();
    if (state.params.side > SPLIT_SIDE) state.setParams({ side: SPLIT_SIDE });
    splitScreen.show(scene).then(
      () => options.restart(),
      (error: unknown) => {
        closeSplit();
        say(`Split screen could not start: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  };

  const goTo = (index: number): void => {
    if (scenes.length === 0) return;
    const current = store.getState().lecture;
    if (index < 0 || index >= scenes.length) {
      say(index < 0 ? 'This is the first scene.' : `This is the last scene (${scenes.length} of ${scenes.length}).`);
      return;
    }
    if (index === current) return;
    setDrawing(false);
    ink.clear();
    const scene = scenes[index];
    const state = store.getState();
    const params = splitScreen.open && scene.spec.contrast ? splitParams(scene.state.params) : scene.state.params;
    state.setParams(params as unknown as Record<string, unknown>);
    state.setTreatment(scene.state.treatment);
    state.setLecture(index);
    // Both sides start again together (openSplit restarts the page's side once the other is set).
    if (splitScreen.open && scene.spec.contrast) {
      openSplit(index);
      return;
    }
    options.restart();
    if (splitScreen.open) {
      closeSplit();
      say('This scene has no side-by-side comparison: split screen closed.');
    }
  };

  const enter = (): void => {
    if (store.getState().lecture !== null || scenes.length === 0) {
      if (scenes.length === 0) say(`Lecture mode has no scenes: ${deck.problems.join('; ')}`);
      return;
    }
    const { params, treatment } = store.getState();
    beforeLecture = { params, treatment };
    goTo(0);
    // The button that entered is gone now: focus the scene's title (Space there still plays and
    // pauses, where on a button it would press it).
    title.focus();
  };

  const exit = (): void => {
    if (store.getState().lecture === null) return;
    setDrawing(false);
    ink.clear();
    closeSplit();
    if (isFullscreen()) void document.exitFullscreen().catch(() => undefined);
    const state = store.getState();
    state.setLecture(null);
    if (beforeLecture) {
      state.setParams(beforeLecture.params as unknown as Record<string, unknown>);
      state.setTreatment(beforeLecture.treatment);
      beforeLecture = null;
    }
    opener.focus();
  };

  const fullscreenChanged = (): void => {
    fullscreen.textContent = isFullscreen() ? 'Leave full screen (F)' : 'Full screen (F)';
  };
  document.addEventListener('fullscreenchange', fullscreenChanged);
  const requestFullscreen = (): void => {
    void toggleFullscreen().then((outcome) => {
      say(outcome.ok ? '' : outcome.message);
      fullscreenChanged();
    });
  };

  const run = (command: LectureCommand): void => {
    const scene = store.getState().lecture;
    switch (command) {
      case 'toggle-lecture':
        if (scene === null) enter();
        else exit();
        return;
      case 'next':
        goTo((scene ?? -1) + 1);
        return;
      case 'previous':
        goTo((scene ?? 1) - 1);
        return;
      case 'first':
        goTo(0);
        return;
      case 'last':
        goTo(scenes.length - 1);
        return;
      case 'fullscreen':
        requestFullscreen();
        return;
      case 'annotate':
        setDrawing(!ink.active);
        return;
      case 'split':
        if (splitScreen.open) closeSplit();
        else if (scene !== null) openSplit(scene);
        return;
      case 'undo':
        ink.undo();
        return;
      case 'clear':
        ink.clear();
        return;
      case 'leave':
        if (ink.active) setDrawing(false);
        else if (splitScreen.open) closeSplit();
        else exit();
        return;
    }
  };

  opener.addEventListener('click', () => run('toggle-lecture'));
  previous.addEventListener('click', () => run('previous'));
  next.addEventListener('click', () => run('next'));
  draw.addEventListener('click', () => run('annotate'));
  done.addEventListener('click', () => run('annotate'));
  split.addEventListener('click', () => run('split'));
  fullscreen.addEventListener('click', () => run('fullscreen'));
  leave.addEventListener('click', () => run('toggle-lecture'));
  undo.addEventListener('click', () => run('undo'));
  clear.addEventListener('click', () => run('clear'));

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (document.querySelector('dialog[open]') !== null || ownsKeys(event.target)) return;
    const command = lectureCommand(event.key, store.getState().lecture !== null, ink.active);
    if (command === null) return;
    event.preventDefault();
    run(command);
  });

  // Restart restarts both sides; Play while drawing ends the drawing.
  document.getElementById('reset')?.addEventListener('click', () => splitScreen.reset());
  const show = (scene: number | null): void => {
    const on = scene !== null && scene < scenes.length;
    document.body.classList.toggle('lecture', on);
    bar.hidden = !on;
    opener.hidden = on;
    if (!on) return;
    const spec = scenes[scene].spec;
    count.textContent = `${scene + 1} / ${scenes.length}`;
    title.textContent = spec.title;
    text.replaceChildren(...spec.sentences.map((sentence) => h('p', {}, sentence)));
    previous.disabled = scene === 0;
    next.disabled = scene === scenes.length - 1;
    split.disabled = !spec.contrast;
    split.title = spec.contrast ? '' : 'This scene has no side-by-side comparison';
    announcer.textContent = `Scene ${scene + 1} of ${scenes.length}: ${spec.title}. ${spec.sentences.join(' ')}`;
  };
  store.subscribe((state, before) => {
    if (state.lecture !== before.lecture) show(state.lecture);
    if (state.playing && !before.playing && ink.active) {
      playedBeforeDrawing = false;
      setDrawing(false);
    }
  });
  const initial = store.getState().lecture;
  if (initial !== null && initial >= scenes.length) store.getState().setLecture(null);
  else show(initial);

  return {
    snapshot: () => {
      const scene = store.getState().lecture;
      return {
        scene,
        sceneCount: scenes.length,
        title: scene === null ? null : (scenes[scene]?.spec.title ?? null),
        annotating: ink.active,
        strokes: ink.strokes,
        inkPixels: ink.inkPixels(),
        fullscreen: isFullscreen(),
        message: message.textContent ?? '',
        split: splitScreen.snapshot(options.achievedSpeed()),
      };
    },
  };
}
