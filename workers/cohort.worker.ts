/**
 * A virtual-trial worker: a thin comlink shell over the cohort model, and nothing else. The pool
 * (src/bridge/cohort-web-workers.ts) hands it one patient at a time.
 */
import { type Endpoint, expose } from 'comlink';
import { runPatient } from '../src/model/runs/cohort/trial.ts';

const api = { runPatient };

export type CohortWorkerApi = typeof api;

expose(api, self as unknown as Endpoint);
