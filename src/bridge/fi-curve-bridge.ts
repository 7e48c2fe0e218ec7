/**
 * The page's side of the F–I worker (workers/fi-curve.worker.ts): started when first asked, one
 * request in flight, and the latest settings win — a slider dragged across its range asks for the
 * curves of where it stopped, not of every value it passed. A failed worker is replaced on the
 * next request.
 */
import { type Remote, wrap } from 'comlink';
import type { Params } from '../model/params.ts';
import type { Treatment } from '../model/pharmacology/treatment.ts';
import type { FiCurves } from '../model/reference/fi-curve.ts';

/** What the worker exposes (the shell's `api`). */
export interface FiCurveRemote {
  compute(params: Params, treatment: Treatment): FiCurves;
}

export interface FiCurveEvents {
  /** Curves for the settings asked for (`forParams`, `forTreatment`: the very objects passed to `request`). */
  curves(curves: FiCurves, forParams: Params, forTreatment: Treatment): void;
  /** Computing has started for new settings (the view may say so). */
  computing(): void;
  failed(message: string): void;
}

export class FiCurveBridge {
  private worker: Worker | null = null;
  private remote: Remote<FiCurveRemote> | null = null;
  private inFlight = false;
  private wanted: { params: Params; treatment: Treatment } | null = null;
  /** Requests answered (the tests read it). */
  answered = 0;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly events: FiCurveEvents,
  ) {}

  /** Curves for these settings, as soon as the worker is free. */
  request(params: Params, treatment: Treatment): void {
    this.wanted = { params, treatment };
    this.pump();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    this.wanted = null;
  }

  private pump(): void {
    if (this.inFlight || !this.wanted) return;
    const { params, treatment } = this.wanted;
    this.wanted = null;
    if (!this.remote) {
      const worker = this.createWorker();
      worker.addEventListener('error', (event) => this.fail(event.message || 'the F–I worker failed'));
      this.worker = worker;
      this.remote = wrap<FiCurveRemote>(worker);
    }
    const remote = this.remote;
    this.inFlight = true;
    this.events.computing();
    remote.compute(params, treatment).then(
      (curves) => {
        this.inFlight = false;
        this.answered++;
        // A newer request waits: these curves are already out of date.
        if (!this.wanted) this.events.curves(curves, params, treatment);
        this.pump();
      },
      (error: unknown) => {
        this.inFlight = false;
        this.fail(error instanceof Error ? error.message : String(error));
      },
    );
  }

  private fail(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    this.inFlight = false;
    this.events.failed(message);
    this.pump();
  }
}
