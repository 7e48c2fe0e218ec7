/**
 * The F–I worker: a thin comlink shell over the single-cell curves (src/model/reference/fi-curve.ts),
 * so that a second of single-neuron runs never blocks the page. The curves' arrays leave by
 * transfer.
 */
import { type Endpoint, expose, transfer } from 'comlink';
import type { Params } from '../src/model/params.ts';
import type { Treatment } from '../src/model/pharmacology/treatment.ts';
import { type FiCurves, fiCurvesFor } from '../src/model/reference/fi-curve.ts';

const api = {
  compute(params: Params, treatment: Treatment): FiCurves {
    const curves = fiCurvesFor(params, treatment);
    return transfer(
      curves,
      [curves.e.currentsPa, curves.e.ratesHz, curves.i.currentsPa, curves.i.ratesHz].map(
        (a) => a.buffer as ArrayBuffer,
      ),
    );
  },
};

export type FiCurveWorkerApi = typeof api;

expose(api, self as unknown as Endpoint);
