/**
 * Split screen: the same patient twice, side by side and running at once — the scene's state in
 * the page's own simulation and sheet, and its contrast (one thing changed: P-gp, Nav1.1,
 * chloride, the lesion) in a second worker and a second sheet. Each side has a caption with
 * the drug's measured brain level and the state label of its own frames.
 *
 * The contrast follows the page's intent: its parameters are the page's with the contrast's
 * change, and play, pause and speed apply to both. Closing stops the second worker.
 */
import { SimulationBridge } from '../../bridge/simulation-bridge.ts';
import type { Frame, SessionDescription } from '../../model/runs/live/frame.ts';
import { type Intent, type IntentStore, SPEED_MAX } from '../../state/store.ts';
import { StateLabel } from '../../view/plots/state-label.ts';
import { SheetView } from '../../view/sheet-view.ts';
import { applyChange, type Contrast, type Scene, type SplitSide } from './deck.ts';
import type { SplitSideSnapshot } from './snapshot.ts';

/** A caption and a state label for one side; touches the DOM only when what it says changes. */
class SideLabels {
  readonly caption: HTMLElement;
  readonly state: StateLabel;
  private readonly title: HTMLElement;
  private readonly level: HTMLElement;
  /** Each side's simulated time: if the machine cannot keep both at speed, the lag shows. */
  private readonly time: HTMLElement;
  private shownTenths = -1;
  /** The brain level shown, rounded as written (µM × 10), so a frame formats text only on change. */
  private shownLevel = Number.NaN;
  private shownDrug = '';

  constructor(kind: 'main' | 'contrast') {
    this.caption = document.createElement('p');
    this.caption.className = 'split-caption';
    this.caption.dataset.split = kind;
    this.title = document.createElement('strong');
    this.level = document.createElement('span');
    this.level.className = 'split-level';
    this.time = document.createElement('span');
    this.time.className = 'split-time';
    this.caption.append(this.title, this.level, this.time);
    this.state = new StateLabel(document);
    this.state.element.classList.add('split-state');
    this.state.element.dataset.split = kind;
  }

  place(column: number, title: string): void {
    this.caption.style.gridColumn = String(column);
    this.state.element.style.gridColumn = String(column);
    this.title.textContent = title;
    this.shownLevel = Number.NaN;
    this.shownDrug = '';
    this.level.textContent = '';
    this.shownTenths = -1;
    this.time.textContent = '';
    this.state.show(null, 0);
  }

  showFrame(frame: Frame): void {
    this.state.show(frame.state, frame.interictalCount, frame.smoothedRateEHz);
    const tenths = Math.floor(frame.timeMs / 100);
    if (tenths !== this.shownTenths) {
      this.shownTenths = tenths;
      this.time.textContent = ` · t = ${(tenths / 10).toFixed(1)} s`;
    }
    const drug = frame.drugs.length > 0 ? frame.drugs[0] : null;
    const level = drug ? Math.round(drug.brainUnboundUm * 10) : Number.NaN;
    const name = drug ? drug.drug : '';
    if (
      name === this.shownDrug &&
      (level === this.shownLevel || (Number.isNaN(level) && Number.isNaN(this.shownLevel)))
    )
      return;
    this.shownDrug = name;
    this.shownLevel = level;
    this.level.textContent = drug ? `${name} in the brain (unbound): ${(level / 10).toFixed(1)} µM` : 'no drug';
  }

  get text(): string {
    return this.caption.textContent ?? '';
  }

  remove(): void {
    this.caption.remove();
    this.state.element.remove();
  }
}

/**
 * Side of both sheets in split screen, at most (the scenes' own are 64). Two 64 × 64 networks
 * and two software-rendered sheets on this 2-core machine reached only 0.31–0.35× real time
 * each (1920 × 1080, headless Chromium, others' work sharing the cores); see the README for the
 * figures at this size. The science tests check the behaviours on 48 × 48 sheets too.
 */
export const SPLIT_SIDE = 48;

export class SplitScreen {
  private bridge: SimulationBridge | null = null;
  private sheet: SheetView | null = null;
  private contrast: Contrast | null = null;
  private lastFrame: Frame | null = null;
  private readonly mainLabels = new SideLabels('main');
  private readonly contrastLabels = new SideLabels('contrast');
  private readonly contrastHost: HTMLElement;
  private unsubscribe: (() => void) | null = null;
  /** Bumped by close(), so an open() still waiting for its sheet gives up. */
  private generation = 0;

  constructor(
    private readonly panel: HTMLElement,
    private readonly mainSheetHost: HTMLElement,
    private readonly createWorker: () => Worker,
    private readonly store: IntentStore,
  ) {
    this.contrastHost = document.createElement('div');
    this.contrastHost.className = 'sheet split-sheet';
    this.contrastHost.setAttribute('role', 'img');
  }

  get open(): boolean {
    return this.contrast !== null;
  }

  /** The side the contrast is on, or null when closed. */
  get contrastSide(): SplitSide | null {
    return this.contrast?.side ?? null;
  }

  /** Open (or move to another scene's comparison). Resolves once the second sheet exists. */
  async show(scene: Scene): Promise<void> {
    const contrast = scene.spec.contrast;
    if (!contrast) throw new Error(`the scene “${scene.spec.title}” has no comparison`);
    const wasOpen = this.contrast !== null;
    this.contrast = contrast;
    const contrastColumn = contrast.side === 'left' ? 1 : 2;
    this.mainLabels.place(3 - contrastColumn, contrast.sceneCaption);
    this.contrastLabels.place(contrastColumn, contrast.caption);
    this.mainSheetHost.style.gridColumn = String(3 - contrastColumn);
    this.contrastHost.style.gridColumn = String(contrastColumn);
    this.contrastHost.setAttribute('aria-label', `The same patch with one thing changed: ${contrast.caption}.`);
    if (this.lastFrame) this.mainLabels.showFrame(this.lastFrame);
    if (wasOpen) {
      this.bridge?.setParams(this.contrastParams(this.store.getState()));
      this.bridge?.setTreatment(this.store.getState().treatment);
      this.bridge?.reset();
      return;
    }
    this.mainSheetHost.before(this.mainLabels.caption);
    this.mainSheetHost.after(this.mainLabels.state.element);
    this.panel.append(this.contrastLabels.caption, this.contrastHost, this.contrastLabels.state.element);
    const generation = ++this.generation;
    const sheet = await SheetView.create(this.contrastHost);
    if (generation !== this.generation) {
      sheet.destroy();
      return;
    }
    this.sheet = sheet;
    sheet.setOptions(this.store.getState().view);
    this.startBridge(sheet);
  }

  close(): void {
    this.generation++;
    this.contrast = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.bridge?.dispose();
    this.bridge = null;
    this.sheet?.destroy();
    this.sheet = null;
    this.contrastHost.replaceChildren();
    this.contrastHost.remove();
    this.mainLabels.remove();
    this.contrastLabels.remove();
    this.mainSheetHost.style.gridColumn = '';
  }

  /** Start the comparison again from t = 0 (with the page's Restart, so both sides stay in step). */
  reset(): void {
    this.bridge?.reset();
  }

  /** A frame of the page's own simulation (a frame tap): the main side's labels. */
  showMainFrame(frame: Frame): void {
    this.lastFrame = frame;
    this.mainFramesReceived++;
    if (this.contrast) this.mainLabels.showFrame(frame);
  }

  mainDescription(_description: SessionDescription): void {
    this.lastFrame = null;
  }

  get achievedSpeed(): number {
    return this.bridge?.achievedSpeed ?? Number.NaN;
  }

  /** The comparison's worker has confirmed a pause (SimulationBridge.paused). */
  get paused(): boolean {
    return this.bridge?.paused ?? false;
  }

  snapshot(mainBridge: { achievedSpeed: number; paused: boolean }): SplitSideSnapshot[] | null {
    const contrast = this.contrast;
    if (!contrast) return null;
    const main = this.lastFrame;
    const other = this.otherFrame;
    const mainSide: SplitSide = contrast.side === 'left' ? 'right' : 'left';
    return [
      {
        side: mainSide,
        timeMs: main?.timeMs ?? null,
        buildId: main?.buildId ?? null,
        params: main ? { ...main.params } : null,
        achievedSpeed: mainBridge.achievedSpeed,
        paused: mainBridge.paused,
        framesReceived: this.mainFramesReceived,
        caption: this.mainLabels.text,
      },
      {
        side: contrast.side,
        timeMs: other?.timeMs ?? null,
        buildId: other?.buildId ?? null,
        params: other ? { ...other.params } : null,
        achievedSpeed: this.achievedSpeed,
        paused: this.paused,
        framesReceived: this.otherFramesReceived,
        caption: this.contrastLabels.text,
      },
    ];
  }

  private otherFrame: Frame | null = null;
  /** Frames received by each side since the page loaded (for the browser tests). */
  private mainFramesReceived = 0;
  private otherFramesReceived = 0;

  /** Ask the comparison's worker for a frame of no time (SimulationBridge.requestFrame). */
  requestFrame(): void {
    this.bridge?.requestFrame();
  }

  private contrastParams(state: Intent) {
    if (!this.contrast) throw new Error('split screen is closed');
    return applyChange(state.params, this.contrast);
  }

  private startBridge(sheet: SheetView): void {
    const state = this.store.getState();
    const speedOf = (speed: number): number => (speed >= SPEED_MAX ? Number.POSITIVE_INFINITY : speed);
    const bridge = new SimulationBridge(
      this.createWorker,
      this.contrastParams(state),
      {
        description: (description) => {
          this.otherFrame = null;
          sheet.setDescription(description);
        },
        frame: (frame) => {
          this.otherFrame = frame;
          this.otherFramesReceived++;
          sheet.showFrame(frame);
          this.contrastLabels.showFrame(frame);
        },
        health: (health, detail) => {
          if (health === 'failed') this.contrastLabels.place(this.contrastColumn, `The comparison stopped: ${detail}`);
        },
        rejected: (message) =>
          this.contrastLabels.place(this.contrastColumn, `The comparison refused a setting: ${message}`),
      },
      { speed: speedOf(state.speed) },
      state.treatment,
    );
    this.bridge = bridge;
    const wantPlaying = (): boolean => this.store.getState().playing && !document.hidden;
    const onVisibility = (): void => bridge.setPlaying(wantPlaying());
    document.addEventListener('visibilitychange', onVisibility);
    const unsubscribeStore = this.store.subscribe((next, previous) => {
      if (next.params !== previous.params) bridge.setParams(this.contrastParams(next));
      if (next.treatment !== previous.treatment) bridge.setTreatment(next.treatment);
      if (next.speed !== previous.speed) bridge.setSpeed(speedOf(next.speed));
      if (next.view !== previous.view) sheet.setOptions(next.view);
      if (next.playing !== previous.playing) bridge.setPlaying(wantPlaying());
    });
    this.unsubscribe = () => {
      unsubscribeStore();
      document.removeEventListener('visibilitychange', onVisibility);
    };
    bridge.setPlaying(wantPlaying());
  }

  private get contrastColumn(): number {
    return this.contrast?.side === 'left' ? 1 : 2;
  }
}
