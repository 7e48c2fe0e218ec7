/**
 * Surgery (docs/model.md §5 `resected`; §7 behaviour 10): the lesion's cells removed. Every cell of
 * the lesion (sheet/lesion.ts), E and I, is held at rest and never fires, so it delivers nothing —
 * the tissue is gone. It acts live (no rebuild). Without a lesion there is nothing to remove and
 * `resected` has no effect.
 */
import type { NetworkState } from '../dynamics/state.ts';
import type { Network } from '../sheet/network.ts';

/** A step no simulation reaches: a cell refractory until then never integrates nor fires. */
const NEVER_STEP = 0x7fffffff;

/**
 * Remove (or restore) the lesion's cells. Removed cells are held at their resting potential by an
 * endless refractory period: they never fire, so they send nothing, and their synaptic input acts
 * on nothing. Restored cells integrate again from rest.
 */
export function setResected(net: Network, s: NetworkState, resected: boolean, restEMv: number, restIMv: number): void {
  for (let i = 0; i < net.n; i++) {
    if (!net.inLesion[i]) continue;
    const held = s.refractoryUntilStep[i] === NEVER_STEP;
    if (resected && !held) {
      s.refractoryUntilStep[i] = NEVER_STEP;
      s.vMv[i] = i < net.nE ? restEMv : restIMv;
      s.wPa[i] = 0;
    } else if (!resected && held) {
      s.refractoryUntilStep[i] = 0;
    }
  }
}

/** Whether cell i is held silent by a resection. */
export function isResected(s: NetworkState, i: number): boolean {
  return s.refractoryUntilStep[i] === NEVER_STEP;
}
