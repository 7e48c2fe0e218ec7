/**
 * Background drive (docs/model.md §1): independent Poisson excitatory input onto every cell.
 *
 * n independent Poisson processes of rate ν are drawn as their superposition: the number of
 * events in a step is Poisson(n ν dt), and each event goes to a uniformly chosen cell. This is
 * exactly the same distribution as one Bernoulli/Poisson draw per cell and step, at a cost that
 * scales with the number of events instead of the number of cells.
 */
import type { Rng } from '../rng.ts';
import type { NetworkState } from './state.ts';

export function deliverBackground(
  s: NetworkState,
  rng: Rng,
  meanEventsPerStep: number,
  jumpOntoENs: number,
  jumpOntoINs: number,
): number {
  const events = rng.poisson(meanEventsPerStep);
  const state = rng.stateWords;
  if (state.buffer !== s.gAmpaNs.buffer) {
    throw new Error("the generator's state must live in the kernels' memory (createState moves it there)");
  }
  // The event loop runs in WebAssembly (kernels/assembly/background.ts): the same draws and the
  // same arithmetic as `gAmpa[rng.int(n)] += jump` (measured on the default sheet: 30–45 ms of
  // every simulated second in TypeScript, 28 ms here with the Poisson count).
  s.kernels.background(state.byteOffset, s.gAmpaNs.byteOffset, s.n, s.nE, events, jumpOntoENs, jumpOntoINs);
  return events;
}
