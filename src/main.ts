/**
 * Composition root: the store of user intent, the worker bridge, the view and the controls,
 * wired together here and nowhere else. Frames go from the bridge straight to the view and the
 * readouts; the store only ever holds what the user asked for.
 */
import './ui/page.css';
import { FiCurveBridge } from './bridge/fi-curve-bridge.ts';
import { SimulationBridge } from './bridge/simulation-bridge.ts';
import { RunRecorder } from './export/run-recorder.ts';
import type { Frame, SessionDescription } from './model/runs/live/frame.ts';
import { createIntentStore, SPEED_MAX } from './state/store.ts';
import { CellPanel } from './ui/cell/cell-panel.ts';
import { keepAddressInSync, mountControls, readAddress, showAddressProblems } from './ui/controls/controls.ts';
import { SCENARIO_LIBRARY } from './ui/controls/scenario-library.ts';
import { mountEmbedMode } from './ui/embed.ts';
import { mountExportPanel } from './ui/export/export-panel.ts';
import { type LectureMode, mountLectureMode } from './ui/lecture/lecture-mode.ts';
import { mountLessonsPanel } from './ui/lessons/lessons-panel.ts';
import { measureLuminance } from './ui/luminance.ts';
import { MapLegend } from './ui/map-legend.ts';
import { registerOffline } from './ui/offline.ts';
import { mountPatientPanel } from './ui/patient/patient-panel.ts';
import { bindPlayButton } from './ui/play-button.ts';
import { FrameReadouts } from './ui/readouts.ts';
import { SheetPicker } from './ui/sheet-picker.ts';
import { StatusReporter } from './ui/status.ts';
import type { LuminanceSample, RefractoryTestHook } from './ui/test-hook.ts';
import { Transport } from './ui/transport.ts';
import { mountTrialPanel } from './ui/trial/trial-panel.ts';
import { bindViewOptions } from './ui/view-options.ts';
import { EegStrip } from './view/eeg-strip.ts';
import { paintLegend } from './view/legend.ts';
import { ActivityPlots } from './view/plots/activity-plots.ts';
import { SheetView } from './view/sheet-view.ts';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

type PageStore = ReturnType<typeof createIntentStore>;

/** The store of user intent, from the page's address (a wrong entry is named in a notice and left out). */
function createPageStore(): { store: PageStore; embed: boolean; reducedMotion: boolean; threads: number } {
  const fromAddress = readAddress(window.location.search);
  let threads = fromAddress.threads ?? automaticThreads();
  const problems = [...fromAddress.problems];
  if (threads > 1 && !globalThis.crossOriginIsolated) {
    problems.push(`threads=${threads} needs a cross-origin isolated page (shared memory); the sheet runs on 1`);
    threads = 1;
  }
  showAddressProblems(element('address-notice'), problems);
  registerOffline(element('offline-note'));
  if (fromAddress.embed) mountEmbedMode(document, element('status').parentElement as HTMLElement);
  // Someone who asked their system for less motion gets a still sheet until they press Play.
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const store = createIntentStore({
    ...fromAddress.intent,
    playing: !reducedMotion,
    // An embedded page (a course page's frame) has no lecture mode: too small for a projector.
    lecture: fromAddress.embed ? null : (fromAddress.lecture ?? null),
  });
  return { store, embed: fromAddress.embed ?? false, reducedMotion, threads };
}

/** The panels that only talk to the store: legend, play button, controls, patient, trial, lessons. */
function mountStorePanels(store: PageStore): void {
  paintLegend(document);
  bindPlayButton(element('play'), store);
  mountControls(element('controls-panel'), store);
  keepAddressInSync(store);
  mountPatientPanel(element('patient-panel'), store);
  // The virtual trial pauses the live simulation while its workers run (they share the cores).
  mountTrialPanel(element('trial-panel'), store);
  mountLessonsPanel(element('lessons-panel'), store);
}

/** The Pixi sheet, or null (with the reason on the page) where WebGL is missing. */
async function createSheet(status: StatusReporter): Promise<SheetView | null> {
  try {
    return await SheetView.create(element('sheet'));
  } catch (error) {
    status.showMessage(`The sheet cannot be drawn in this browser (WebGL is needed): ${String(error)}`);
    return null;
  }
}

function bindPageViewOptions(store: PageStore, sheet: SheetView, mapLegend: MapLegend): void {
  bindViewOptions(
    {
      notice: element('safety-notice'),
      noticeDismiss: element('safety-dismiss'),
      maps: Array.from(document.querySelectorAll<HTMLInputElement>('input[name="sheet-map"]')),
      rawSpikes: element('view-raw'),
      rawDialog: element('raw-dialog'),
      rawConfirm: element('raw-confirm'),
      rawCancel: element('raw-cancel'),
    },
    store,
  );
  sheet.setOptions(store.getState().view);
  mapLegend.show(store.getState().view.map);
}

/** What sits under the sheet and beside it: the EEG strip, the map's legend, the cell picker and panel. */
interface SheetCompanions {
  eeg: EegStrip;
  mapLegend: MapLegend;
  picker: SheetPicker;
  cell: CellPanel;
  fiCurves: FiCurveBridge;
}

const createFiCurveWorker = (): Worker =>
  new Worker(new URL('../workers/fi-curve.worker.ts', import.meta.url), { type: 'module', name: 'fi-curve' });

function mountSheetCompanions(store: PageStore, sheet: SheetView): SheetCompanions {
  const extras = element('sheet-extras');
  const eeg = new EegStrip(document);
  const mapLegend = new MapLegend();
  extras.append(eeg.element, mapLegend.element);
  const picker = new SheetPicker({ host: element('sheet'), announcer: element('sheet-cursor') }, sheet, store);
  let cell: CellPanel | null = null;
  const fiCurves = new FiCurveBridge(createFiCurveWorker, {
    curves: (curves) => cell?.showCurves(curves),
    computing: () => cell?.showComputing(),
    failed: (message) => cell?.showCurvesFailed(message),
  });
  cell = new CellPanel(element('cell-panel'), { store, fiCurves });
  return { eeg, mapLegend, picker, cell, fiCurves };
}

const speedOf = (speed: number): number => (speed >= SPEED_MAX ? Number.POSITIVE_INFINITY : speed);

/** Frames from the worker to everything that draws them; other parts tap in here. */
class FrameRouter {
  /**
   * Other parts of the page that read frames (recorder, lessons, lecture mode) register here
   * instead of editing the bridge's callbacks. A tap must not keep the frame's buffers: they are
   * reused once the next frame arrives.
   */
  readonly frameTaps: Array<(frame: Frame) => void> = [];
  readonly descriptionTaps: Array<(description: SessionDescription) => void> = [];
  lastFrame: Frame | null = null;
  /** Spikes of the current network since it was built, summed over frames (for the tests). */
  spikesSinceBuild = 0;
  /** Frames received from the worker since the page loaded (for the tests). */
  framesReceived = 0;

  constructor(
    private readonly sheet: SheetView,
    private readonly plots: ActivityPlots,
    private readonly readouts: FrameReadouts,
    private readonly status: StatusReporter,
    private readonly companions: SheetCompanions,
  ) {}

  description(description: SessionDescription): void {
    this.spikesSinceBuild = 0;
    this.sheet.setDescription(description);
    this.plots.setDescription(description);
    const c = this.companions;
    c.eeg.setDescription(description);
    c.picker.setNetwork(description.isInhibitoryGrid, description.sheetMm);
    c.cell.setDescription(description);
    for (const tap of this.descriptionTaps) tap(description);
  }

  frame(frame: Frame): void {
    this.lastFrame = frame;
    this.framesReceived++;
    this.spikesSinceBuild += frame.spikeCount;
    this.sheet.showFrame(frame);
    const c = this.companions;
    c.eeg.showFrame(frame);
    c.mapLegend.showFrame(frame);
    c.cell.showFrame(frame);
    this.plots.showFrame(frame);
    this.readouts.showFrame(frame);
    this.status.showFrame(frame);
    for (const tap of this.frameTaps) tap(frame);
  }
}

const createSimulationWorker = (): Worker =>
  new Worker(new URL('../workers/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });

/**
 * Threads for the live sheet when the address does not say: 2 where the page may share memory
 * with its workers (cross-origin isolated) and the machine has at least 4 cores, else 1. The
 * threads meet every few hundred microseconds, so a thread the system takes away for a while
 * holds the other up; the page's drawing needs a core of its own. On a 2-core machine two
 * threads made the sheet slower, not faster: at the top speed 2.6× real time against 3.2× on one
 * (the README's speed section).
 */
export const AUTOMATIC_THREADS_MIN_CORES = 4;

export function automaticThreads(): number {
  const cores = navigator.hardwareConcurrency ?? 1;
  return globalThis.crossOriginIsolated && cores >= AUTOMATIC_THREADS_MIN_CORES ? 2 : 1;
}

function createBridge(
  store: PageStore,
  router: FrameRouter,
  status: StatusReporter,
  threads: number,
): SimulationBridge {
  return new SimulationBridge(
    createSimulationWorker,
    store.getState().params,
    {
      description: (description) => router.description(description),
      frame: (frame) => router.frame(frame),
      health: (health, detail) => {
        if (health === 'restarting') status.showMessage(`The simulation stopped (${detail}); restarting it.`);
        if (health === 'failed') status.showMessage(`The simulation keeps failing and was stopped: ${detail}`);
      },
      rejected: (message) => status.showMessage(`The simulation refused a setting: ${message}`),
    },
    { speed: speedOf(store.getState().speed), threads },
    store.getState().treatment,
  );
}

/** Step, restart and speed, with the achieved speed twice a second (it is measured over two seconds of frames). */
function mountTransport(store: PageStore, bridge: SimulationBridge): void {
  const transport = new Transport(
    {
      step: element('step'),
      reset: element('reset'),
      speed: element('speed'),
      speedValue: element('speed-value'),
      achieved: element('speed-achieved'),
    },
    store,
    { step: () => bridge.step(), reset: () => bridge.reset() },
  );
  setInterval(() => transport.showAchieved(bridge.achievedSpeed, store.getState().playing), 500);
}

/** What the user asks for goes to the bridge and the view; a hidden tab computes nothing. */
function followStore(
  store: PageStore,
  bridge: SimulationBridge,
  sheet: SheetView,
  status: StatusReporter,
  router: FrameRouter,
  mapLegend: MapLegend,
): () => boolean {
  // The accumulator in the bridge skips the gap of a hidden tab.
  const wantPlaying = (): boolean => store.getState().playing && !document.hidden;
  store.subscribe((state, previous) => {
    if (state.params !== previous.params) bridge.setParams(state.params);
    if (state.treatment !== previous.treatment) bridge.setTreatment(state.treatment);
    if (state.selectedCell !== previous.selectedCell) {
      bridge.setSelectedCell(state.selectedCell);
      showSheetHint(state.selectedCell !== null);
    }
    if (state.speed !== previous.speed) bridge.setSpeed(speedOf(state.speed));
    if (state.view !== previous.view) {
      sheet.setOptions(state.view);
      mapLegend.show(state.view.map);
    }
    if (state.playing !== previous.playing) {
      bridge.setPlaying(wantPlaying());
      status.setPlaying(state.playing, router.lastFrame?.timeMs ?? 0);
    }
  });
  document.addEventListener('visibilitychange', () => bridge.setPlaying(wantPlaying()));
  return wantPlaying;
}

/** The page's state and controls for the browser tests (window.__refractory). */
function installTestHook(
  store: PageStore,
  bridge: SimulationBridge,
  sheet: SheetView,
  router: FrameRouter,
  lecture: LectureMode | null,
  companions: SheetCompanions,
): void {
  const luminance: LuminanceSample[] = [];
  const testHook: RefractoryTestHook = {
    snapshot: () => {
      const lastFrame = router.lastFrame;
      return {
        timeMs: lastFrame?.timeMs ?? null,
        spikeHash: lastFrame?.spikeHash ?? null,
        threads: lastFrame?.threads ?? null,
        buildId: lastFrame?.buildId ?? null,
        side: lastFrame?.side ?? null,
        seed: lastFrame?.params.seed ?? null,
        rateEHz: lastFrame?.rateEHz ?? null,
        spikesSinceBuild: router.spikesSinceBuild,
        engineGaba: lastFrame?.params.gaba ?? null,
        engineDrugs: lastFrame ? lastFrame.drugs.map((d) => d.drug) : null,
        engineAtHours: lastFrame?.atHours ?? null,
        framesDrawn: sheet.framesDrawn,
        framesReceived: router.framesReceived,
        idle: bridge.idle,
        paused: bridge.paused,
        playing: store.getState().playing,
        restarts: bridge.restarts,
        selectedCell: store.getState().selectedCell,
        probeGrid: lastFrame?.probe?.grid ?? null,
        cellReadoutsShown: companions.cell.readoutsShown,
        cellTracesDrawn: companions.cell.traces.drawn,
        fiCurvesAnswered: companions.fiCurves.answered,
        eegDrawn: companions.eeg.drawn,
      };
    },
    setPlaying: (playing) => store.getState().setPlaying(playing),
    params: () => JSON.parse(JSON.stringify(store.getState().params)),
    treatment: () => store.getState().treatment,
    setTreatment: (treatment) => store.getState().setTreatment(treatment),
    setParams: (changes) => store.getState().setParams(changes),
    recordLuminance: () => {
      luminance.length = 0;
      sheet.onRendered = (canvas) => luminance.push(measureLuminance(canvas));
    },
    takeLuminance: () => {
      sheet.onRendered = null;
      return luminance.splice(0);
    },
    simulateWorkerError: () => bridge.simulateWorkerError(),
    requestFrame: () => {
      bridge.requestFrame();
      lecture?.requestSplitFrame();
    },
    ...(lecture ? { lecture: () => lecture.snapshot() } : {}),
  };
  window.__refractory = testHook;
}

async function main(): Promise<void> {
  const { store, embed, reducedMotion, threads } = createPageStore();
  const status = new StatusReporter(element('status'), store.getState().playing);
  mountStorePanels(store);
  const readouts = new FrameReadouts(element('engine-gaba'), element('sim-time'));

  const sheet = await createSheet(status);
  if (!sheet) return;
  const companions = mountSheetCompanions(store, sheet);
  bindPageViewOptions(store, sheet, companions.mapLegend);
  const plots = ActivityPlots.create(element('plots-panel'));

  const router = new FrameRouter(sheet, plots, readouts, status, companions);
  const bridge = createBridge(store, router, status, threads);
  mountTransport(store, bridge);
  const wantPlaying = followStore(store, bridge, sheet, status, router, companions.mapLegend);
  if (reducedMotion) status.showMessage('Paused because your system asks for reduced motion. Press Play to start.');
  // The first call starts the worker (lazily: nothing runs before the page is ready to draw).
  bridge.setPlaying(wantPlaying());

  // What the downloads hold: the last minutes of the current network, copied from each frame.
  const recorder = new RunRecorder();
  router.descriptionTaps.push((description) => recorder.setDescription(description));
  router.frameTaps.push((frame) => recorder.record(frame));
  mountExportPanel(element('export-panel'), {
    store,
    recorder,
    sheet,
    plotsHost: element('plots-panel'),
    plots,
    presets: SCENARIO_LIBRARY.scenarios,
  });

  const lecture = embed
    ? null
    : mountLectureMode({
        store,
        sheetHost: element('sheet'),
        opener: element('lecture-open'),
        barBefore: element('main'),
        createWorker: createSimulationWorker,
        restart: () => bridge.reset(),
        achievedSpeed: () => bridge.achievedSpeed,
        paused: () => bridge.paused,
        frameTaps: router.frameTaps,
        descriptionTaps: router.descriptionTaps,
      });

  installTestHook(store, bridge, sheet, router, lecture, companions);
}

void main();

/**
 * The hint beside the sheet's title: how to pick a cell, or, once one is watched, a link to its
 * panel (on a phone the panel is far below the sheet).
 */
function showSheetHint(watching: boolean): void {
  const hint = document.getElementById('sheet-hint');
  if (!hint) return;
  if (!watching) {
    hint.textContent = 'Click a cell to watch it';
    return;
  }
  const link = document.createElement('a');
  link.href = '#cell-panel';
  link.textContent = 'Watching a cell: see “One cell”';
  hint.replaceChildren(link);
}
