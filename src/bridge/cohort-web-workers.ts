/**
 * The page's side of a virtual trial: a pool of workers (one per core, at least one, never more
 * than patients) that take the patients one at a time from a shared queue. A patient's outcome
 * depends only on (seed, index, drugs, mode), so which worker runs it changes nothing; outcomes
 * are returned in index order. Cancelling terminates every worker at once.
 */
import { type Remote, wrap } from 'comlink';
import type { CohortWorkerApi } from '../../workers/cohort.worker.ts';
import { type CohortSpec, settingsOf } from '../model/runs/cohort/cohort.ts';
import type { PatientOutcome } from '../model/runs/cohort/trial.ts';

export type WorkerFactory = () => Worker;

export class TrialCancelled extends Error {
  constructor() {
    super('the trial was cancelled');
    this.name = 'TrialCancelled';
  }
}

/** Workers for a trial: the machine's cores (navigator.hardwareConcurrency), at least 1, at most one per patient. */
export function poolSize(patients: number, cores: number | undefined): number {
  const available = Number.isInteger(cores) && (cores as number) > 0 ? (cores as number) : 1;
  return Math.max(1, Math.min(available, patients));
}

export class CohortWebWorkers {
  private workers: Worker[] = [];
  private cancelled = false;
  private rejectRun: ((error: Error) => void) | null = null;

  constructor(private readonly createWorker: WorkerFactory) {}

  get running(): boolean {
    return this.workers.length > 0;
  }

  /** Run every patient; `onProgress(done, total)` after each. Rejects with TrialCancelled on cancel. */
  run(spec: CohortSpec, size: number, onProgress: (done: number, total: number) => void): Promise<PatientOutcome[]> {
    if (this.running) return Promise.reject(new Error('a trial is already running'));
    this.cancelled = false;
    const total = spec.patients;
    const settings = settingsOf(spec);
    const outcomes: PatientOutcome[] = [];
    let next = 0;
    return new Promise<PatientOutcome[]>((resolve, reject) => {
      this.rejectRun = reject;
      const fail = (error: unknown): void => {
        this.stopWorkers();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const lane = async (remote: Remote<CohortWorkerApi>): Promise<void> => {
        while (next < total && !this.cancelled) {
          const index = next++;
          const outcome = await remote.runPatient(spec.seed, index, spec.drugs, spec.mode, settings);
          if (this.cancelled) return;
          outcomes.push(outcome);
          onProgress(outcomes.length, total);
        }
      };
      const lanes: Promise<void>[] = [];
      for (let w = 0; w < size; w++) {
        const worker = this.createWorker();
        worker.addEventListener('error', (event) => fail(new Error(event.message || 'a trial worker failed')));
        this.workers.push(worker);
        lanes.push(lane(wrap<CohortWorkerApi>(worker)));
      }
      Promise.all(lanes).then(() => {
        if (this.cancelled) return;
        this.stopWorkers();
        resolve(outcomes.sort((a, b) => a.index - b.index));
      }, fail);
    });
  }

  /** Stop at once: every worker is terminated, and the run rejects with TrialCancelled. */
  cancel(): void {
    if (!this.running) return;
    this.cancelled = true;
    const reject = this.rejectRun;
    this.stopWorkers();
    reject?.(new TrialCancelled());
  }

  private stopWorkers(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.rejectRun = null;
  }
}
