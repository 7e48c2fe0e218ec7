/**
 * The one owner of the simulation worker's life. It starts the worker when first asked, keeps
 * at most one request in flight (the parameters the user wants, or the next chunk of time),
 * hands every frame on as it arrives, and replaces the worker (with the latest parameters) when
 * it fails. Nobody waits on it: the view draws whatever frame it has.
 *
 * Scheduling lives here, stepping in the worker (as d3-force's timer and tick): each request
 * advances the simulated time that passed on the wall clock since the previous one, capped, so a
 * hidden tab or a slow machine makes the simulation lag, never pile up work.
 */
import { type Remote, wrap } from 'comlink';
import type { Params } from '../model/params.ts';
import { NO_TREATMENT, type Treatment } from '../model/pharmacology/treatment.ts';
import type { Frame, SessionDescription } from '../model/runs/live/frame.ts';
import type { SessionHost } from '../model/runs/live/host.ts';

export type BridgeHealth = 'starting' | 'running' | 'restarting' | 'failed';

export interface BridgeEvents {
  /** A network was built (at start, after a restart, or when a rebuild key changed). */
  description(description: SessionDescription): void;
  frame(frame: Frame): void;
  health(health: BridgeHealth, detail: string): void;
  /** The worker refused parameters or a treatment (ParamError, DrugError); it keeps running with the previous ones. */
  rejected(message: string): void;
}

export interface BridgeOptions {
  /** Simulated ms per wall-clock ms; Infinity: as fast as the worker can. */
  speed: number;
  /**
   * Longest chunk per request at 1× (it grows with the speed, up to 8×): bounds the latency of
   * a parameter change and of a pause.
   */
  maxChunkMs: number;
  /** Shortest wall time between requests; faster than the display would be wasted. */
  minIntervalMs: number;
  /** Consecutive failures (without a frame in between) before giving up. */
  maxRestarts: number;
  /** Threads stepping the worker's sheet (helpers are nested workers; the same spikes for any count). */
  threads: number;
  now(): number;
}

/** Chunks never exceed this, whatever the speed (a pause or a change then waits at most one such chunk). */
export const LONGEST_CHUNK_MS = 400;
/** Simulated time of one press of "step". */
export const STEP_MS = 100;
/** Achieved speed is measured over the frames of about this much wall time. */
const SPEED_WINDOW_MS = 2000;

export const DEFAULT_BRIDGE_OPTIONS: BridgeOptions = {
  speed: 1,
  maxChunkMs: 100,
  minIntervalMs: 16,
  maxRestarts: 3,
  threads: 1,
  now: () => performance.now(),
};

export class SimulationBridge {
  private worker: Worker | null = null;
  private remote: Remote<SessionHost> | null = null;
  /** Bumped whenever a worker is discarded, so late answers from it are ignored. */
  private generation = 0;
  private inFlight = false;
  private wanted: Params;
  private applied: Params | null = null;
  private refused: Params | null = null;
  private wantedTreatment: Treatment;
  private appliedTreatment: Treatment | null = null;
  private refusedTreatment: Treatment | null = null;
  private resetWanted = false;
  /** The cell the view watches (a grid point) and the one the worker has been told of; undefined: not yet told. */
  private wantedCell: number | null = null;
  private appliedCell: number | null | undefined = undefined;
  /** Simulated ms the user asked to step through while paused. */
  private stepsWantedMs = 0;
  /** (wall ms, simulated ms) of recent frames, for the achieved speed. */
  private readonly speedSamples: { wallMs: number; simMs: number; buildId: number }[] = [];
  private playing = false;
  /**
   * The worker has answered a frame of no time asked for after the pause (requests are answered
   * in order, so any chunk that was in flight when the user paused is done): time stands still.
   */
  private pauseAcknowledged = false;
  /** A pause (or a worker's start while paused) waits for that frame of no time. */
  private pauseToConfirm = true;
  /** The worker's state changed (built, new parameters) since the last frame: a paused page fetches one. */
  private frameStale = true;
  private lastAdvanceWallMs = 0;
  /** Waits out the shortest interval between chunks while playing. */
  private tickTimer: ReturnType<typeof setTimeout> | null = null;
  /** Waits before replacing a failed worker. */
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private consecutiveFailures = 0;
  private disposed = false;
  private gaveUp = false;
  private readonly options: BridgeOptions;
  /** Workers replaced after a failure since the page loaded. */
  restarts = 0;

  constructor(
    private readonly createWorker: () => Worker,
    params: Params,
    private readonly events: BridgeEvents,
    options: Partial<BridgeOptions> = {},
    treatment: Treatment = NO_TREATMENT,
  ) {
    this.wanted = params;
    this.wantedTreatment = treatment;
    this.options = { ...DEFAULT_BRIDGE_OPTIONS, ...options };
  }

  /** No request in flight and nothing waiting to be sent. */
  get idle(): boolean {
    return (
      !this.inFlight &&
      this.tickTimer === null &&
      this.restartTimer === null &&
      (this.wanted === this.applied || this.wanted === this.refused) &&
      (this.wantedTreatment === this.appliedTreatment || this.wantedTreatment === this.refusedTreatment) &&
      this.wantedCell === this.appliedCell &&
      !this.resetWanted &&
      this.stepsWantedMs === 0 &&
      (this.playing || !this.pauseToConfirm)
    );
  }

  setParams(params: Params): void {
    this.wanted = params;
    this.pump();
  }

  setTreatment(treatment: Treatment): void {
    this.wantedTreatment = treatment;
    this.pump();
  }

  /**
   * Watch one cell (a grid point) in every frame from now on, or none: frames then carry its
   * trace (Frame.probe). A grid point the worker refuses (off the sheet) is reported as rejected.
   */
  setSelectedCell(grid: number | null): void {
    this.wantedCell = grid;
    this.frameStale = true;
    this.pump();
  }

  /** Start the network again from t = 0 (same parameters, seed and treatment). */
  reset(): void {
    this.resetWanted = true;
    this.speedSamples.length = 0;
    this.pump();
  }

  /**
   * Paused, and the worker has confirmed it: every chunk asked for before the pause (or by a
   * step) has been run and answered, and no time is in flight. Until then the simulated time may
   * still move by one chunk.
   */
  get paused(): boolean {
    return this.pauseAcknowledged;
  }

  /**
   * Ask the worker for a frame of no time, as it stands now (after anything already asked of
   * it). Changes nothing; tests use it to see that a paused worker's time stands still.
   */
  requestFrame(): void {
    this.frameStale = true;
    if (this.playing) return;
    this.pump();
  }

  /** While paused: advance by one step of STEP_MS and show it. */
  step(): void {
    if (this.playing) return;
    this.stepsWantedMs += STEP_MS;
    this.pauseAcknowledged = false;
    this.pump();
  }

  /** Simulated ms per wall ms; Infinity runs as fast as the worker can. */
  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new RangeError(`speed must be positive, not ${speed}`);
    this.options.speed = speed;
    this.speedSamples.length = 0;
  }

  /**
   * Simulated time per wall time over the last couple of seconds of frames while playing; NaN
   * until there are enough frames.
   */
  get achievedSpeed(): number {
    const samples = this.speedSamples;
    if (samples.length < 3) return Number.NaN;
    const first = samples[0];
    const last = samples[samples.length - 1];
    const wall = last.wallMs - first.wallMs;
    return wall > 200 ? (last.simMs - first.simMs) / wall : Number.NaN;
  }

  setPlaying(playing: boolean): void {
    if (playing && !this.playing) this.lastAdvanceWallMs = this.options.now();
    if (!playing && this.playing) {
      // Ask the worker for a frame of no time: it is answered after any chunk in flight, and its
      // answer is the acknowledgement that time stands still.
      this.pauseAcknowledged = false;
      this.pauseToConfirm = true;
    }
    if (playing) this.pauseAcknowledged = false;
    this.playing = playing;
    this.speedSamples.length = 0;
    if (!playing) this.clearTickTimer();
    this.pump();
  }

  /** Make the current worker report an error, as a crashed one would (for the browser tests). */
  simulateWorkerError(): void {
    this.worker?.dispatchEvent(new ErrorEvent('error', { message: 'simulated worker failure' }));
  }

  dispose(): void {
    this.disposed = true;
    this.clearTickTimer();
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.discardWorker();
  }

  private pump(): void {
    if (this.disposed || this.gaveUp || this.inFlight || this.restartTimer !== null) return;
    const remote = this.remote;
    if (!remote) {
      this.startWorker();
      return;
    }
    const wanted = this.wanted;
    if (wanted !== this.applied && wanted !== this.refused) {
      this.request(
        () => remote.setParams(wanted),
        (description) => {
          this.applied = wanted;
          this.frameStale = true;
          if (description) {
            this.speedSamples.length = 0;
            this.events.description(description);
          }
        },
        () => {
          this.refused = wanted;
        },
      );
      return;
    }
    const treatment = this.wantedTreatment;
    if (treatment !== this.appliedTreatment && treatment !== this.refusedTreatment) {
      this.request(
        () => remote.setTreatment(treatment),
        () => {
          this.appliedTreatment = treatment;
          this.frameStale = true;
        },
        () => {
          this.refusedTreatment = treatment;
        },
      );
      return;
    }
    const cell = this.wantedCell;
    if (cell !== this.appliedCell) {
      this.request(
        () => remote.selectCell(cell),
        () => {
          this.appliedCell = cell;
          this.frameStale = true;
        },
        () => {
          this.appliedCell = cell;
        },
      );
      return;
    }
    if (this.resetWanted) {
      this.resetWanted = false;
      this.request(
        () => remote.reset(),
        (description) => {
          this.frameStale = true;
          this.events.description(description);
        },
      );
      return;
    }
    if (!this.playing) {
      if (this.stepsWantedMs > 0) {
        const ms = Math.min(this.stepsWantedMs, LONGEST_CHUNK_MS);
        this.stepsWantedMs -= ms;
        this.request(
          () => remote.advance(ms),
          (frame) => {
            this.deliver(frame);
            if (!this.playing && this.stepsWantedMs === 0) this.pauseAcknowledged = true;
          },
        );
        return;
      }
      // Paused: one frame of no time shows what the worker now runs with, then nothing.
      if (this.frameStale || this.pauseToConfirm)
        this.request(
          () => remote.advance(0),
          (frame) => {
            this.deliver(frame);
            if (!this.playing && this.stepsWantedMs === 0) {
              this.pauseToConfirm = false;
              this.pauseAcknowledged = true;
            }
          },
        );
      return;
    }
    if (this.tickTimer !== null) return;
    const now = this.options.now();
    const elapsedMs = now - this.lastAdvanceWallMs;
    const speed = this.options.speed;
    if (speed === Number.POSITIVE_INFINITY) {
      // As fast as it can: back-to-back chunks, each as long as a pause may wait.
      this.lastAdvanceWallMs = now;
      this.request(
        () => remote.advance(LONGEST_CHUNK_MS),
        (frame) => this.deliver(frame),
      );
      return;
    }
    if (elapsedMs < this.options.minIntervalMs) {
      this.tickTimer = setTimeout(() => {
        this.tickTimer = null;
        this.pump();
      }, this.options.minIntervalMs - elapsedMs);
      return;
    }
    this.lastAdvanceWallMs = now;
    const longest = Math.min(this.options.maxChunkMs * Math.min(Math.max(speed, 1), 8), LONGEST_CHUNK_MS);
    const chunkMs = Math.min(elapsedMs * speed, longest);
    this.request(
      () => remote.advance(chunkMs),
      (frame) => this.deliver(frame),
    );
  }

  private deliver(frame: Frame): void {
    this.consecutiveFailures = 0;
    this.frameStale = false;
    if (this.playing) {
      const samples = this.speedSamples;
      const now = this.options.now();
      if (samples.length > 0 && samples[samples.length - 1].buildId !== frame.buildId) samples.length = 0;
      samples.push({ wallMs: now, simMs: frame.timeMs, buildId: frame.buildId });
      while (samples.length > 2 && now - samples[0].wallMs > SPEED_WINDOW_MS) samples.shift();
    }
    this.events.frame(frame);
  }

  private startWorker(): void {
    this.events.health(this.restarts > 0 ? 'restarting' : 'starting', 'starting the simulation');
    const worker = this.createWorker();
    const generation = this.generation;
    const onFailure = (event: Event): void => {
      if (generation !== this.generation) return;
      const detail = event instanceof ErrorEvent ? event.message : 'the worker could not read a message';
      this.fail(new Error(detail));
    };
    worker.addEventListener('error', onFailure);
    worker.addEventListener('messageerror', onFailure);
    this.worker = worker;
    const remote = wrap<SessionHost>(worker);
    this.remote = remote;
    const params = this.wanted;
    const treatment = this.wantedTreatment;
    this.request(
      () => remote.start(params, treatment, this.options.threads),
      (description) => {
        this.applied = params;
        this.refused = null;
        this.appliedTreatment = treatment;
        this.refusedTreatment = null;
        this.appliedCell = null;
        this.frameStale = true;
        this.events.description(description);
        this.events.health('running', 'running');
      },
    );
  }

  private request<T>(call: () => Promise<T>, onAnswer: (value: T) => void, onRefused?: () => void): void {
    const generation = this.generation;
    this.inFlight = true;
    call().then(
      (value) => {
        if (generation !== this.generation || this.disposed) return;
        this.inFlight = false;
        onAnswer(value);
        this.pump();
      },
      (error: unknown) => {
        if (generation !== this.generation || this.disposed) return;
        if (onRefused && error instanceof Error && (error.name === 'ParamError' || error.name === 'DrugError')) {
          this.inFlight = false;
          onRefused();
          this.events.rejected(error.message);
          this.pump();
          return;
        }
        this.fail(error);
      },
    );
  }

  private fail(error: unknown): void {
    this.discardWorker();
    this.consecutiveFailures++;
    const detail = error instanceof Error ? error.message : String(error);
    if (this.consecutiveFailures > this.options.maxRestarts) {
      this.gaveUp = true;
      this.events.health('failed', detail);
      return;
    }
    this.restarts++;
    this.events.health('restarting', detail);
    // A short pause, longer after each failure in a row, so a worker that fails at once does
    // not spin.
    this.restartTimer = setTimeout(
      () => {
        this.restartTimer = null;
        this.pump();
      },
      200 * 2 ** (this.consecutiveFailures - 1),
    );
  }

  private discardWorker(): void {
    this.generation++;
    this.pauseAcknowledged = false;
    this.pauseToConfirm = true;
    this.inFlight = false;
    this.applied = null;
    this.appliedTreatment = null;
    // A new worker watches no cell until told; a worker that started already does.
    this.appliedCell = undefined;
    this.remote = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private clearTickTimer(): void {
    if (this.tickTimer !== null) clearTimeout(this.tickTimer);
    this.tickTimer = null;
  }
}
