/**
 * Background drive (MODEL.md §1): independent Poisson excitatory input onto every cell.
 *
 * n independent Poisson processes of rate ν are drawn as their superposition: the number of
 * events in a step is Poisson(n ν dt), and each event goes to a uniformly chosen cell. This is
 * exactly the same distribution as one Bernoulli/Poisson draw per cell and step, at a cost that
 * scales with the number of events instead of the number of cells.
 */
import type { Rng } from './rng.ts';
import type { NetworkState } from './state.ts';

export function deliverBackground(
  s: NetworkState,
  rng: Rng,
  meanEventsPerStep: number,
  jumpOntoENs: number,
  jumpOntoINs: number,
): number {
  const events = rng.poisson(meanEventsPerStep);
  const n = s.n;
  const nE = s.nE;
  const gA = s.gAmpaNs;
  for (let k = 0; k < events; k++) {
    const cell = rng.int(n);
    gA[cell] += cell < nE ? jumpOntoENs : jumpOntoINs;
  }
  return events;
}
