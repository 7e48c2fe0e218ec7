/**
 * One neuron, measured: the F–I curve (firing rate against injected current) of a pyramidal cell
 * and an interneuron under the current settings, from the single-cell protocol of the `neuron`
 * command (single-neuron.ts, docs/model.md §2) with what the settings change in a lone cell:
 *
 *  - persistent sodium: gNaP = gNapRatio · gL · (1 − the drugs' NaP block);
 *  - fast sodium availability, as in the network (dynamics/availability.ts): `scn1a` on
 *    interneurons, a sodium-channel blocker at its brain level on the patient clock (binding
 *    resting and inactivated channels), and the slow-inactivation gate, so that a cell pushed
 *    hard enough falls into depolarisation block — where Dravet interneurons fail.
 *
 * Synapses, the background drive and the ions do not act on a lone cell; GABA_A, glutamate and
 * the other dials leave the curve where it is. The rheobase is found by bisection on the same
 * protocol, so it moves with gNapRatio, scn1a and the drugs as the curve does.
 */
import { SLOW_INACTIVATION } from '../dynamics/availability.ts';
import type { NetworkDrugEffects } from '../modifiers/drug-effects.ts';
import type { Params } from '../params.ts';
import type { Treatment } from '../pharmacology/treatment.ts';
import { dosingOf, patientAt } from '../runs/start-run.ts';
import {
  findRheobase,
  REFERENCE_DEFAULT_DT_MS,
  REFERENCE_DEFAULT_DURATION_MS,
  type ReferenceCellType,
  type ReferenceSodium,
  simulateReferenceNeuron,
} from './single-neuron.ts';

/** The `neuron` command's default step and duration (src/cli/commands/neuron.ts): the same protocol. */
export const FI_DT_MS = REFERENCE_DEFAULT_DT_MS;
export const FI_DURATION_MS = REFERENCE_DEFAULT_DURATION_MS;
/** Currents of the curve: 0 to FI_MAX_CURRENT_PA in steps of FI_STEP_PA (both cells' rheobases are well inside). */
export const FI_MAX_CURRENT_PA = 1000;
export const FI_STEP_PA = 25;
/** The network's ion step, on which the slow gate moves (simulation.ts: every round(1 / dtMs) steps of 1 ms). */
export const FI_ION_STEP_MS = 1;
/** The rheobase to a tenth of a step of the curve. */
const RHEOBASE_TOLERANCE_PA = 1;

export interface FiCurve {
  type: ReferenceCellType;
  currentsPa: Float64Array;
  ratesHz: Float64Array;
  /** Lowest current that makes the cell fire within FI_DURATION_MS; null if it fires with none, or not below 10 nA. */
  rheobasePa: number | null;
}

export interface FiCurves {
  e: FiCurve;
  i: FiCurve;
  /** What the curves were computed with, for the page to say. */
  gNapRatio: number;
  scn1a: number;
  napBlock: number;
  /** Drug-free fraction of resting fast Na⁺ channels (1: no blocker). */
  restingFreeFraction: number;
  /** Drug-free fraction of inactivated fast Na⁺ channels: the use-dependent block, far larger. */
  inactivatedFreeFraction: number;
}

function sodiumOf(type: ReferenceCellType, params: Params, drugs: NetworkDrugEffects): ReferenceSodium {
  return {
    scale: type === 'I' ? params.scn1a : 1,
    restAffinity: drugs.naRestAffinity,
    inactivatedAffinity: drugs.naInactivatedAffinity,
    gate: SLOW_INACTIVATION,
    ionStepMs: FI_ION_STEP_MS,
  };
}

function curveOf(type: ReferenceCellType, params: Params, drugs: NetworkDrugEffects): FiCurve {
  const sodium = sodiumOf(type, params, drugs);
  const count = Math.floor(FI_MAX_CURRENT_PA / FI_STEP_PA) + 1;
  const currentsPa = new Float64Array(count);
  const ratesHz = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    currentsPa[k] = k * FI_STEP_PA;
    const run = simulateReferenceNeuron({
      type,
      currentPa: currentsPa[k],
      durationMs: FI_DURATION_MS,
      dtMs: FI_DT_MS,
      gNapRatio: params.gNapRatio,
      napBlock: drugs.napBlock,
      sodium,
    });
    ratesHz[k] = run.spikeTimesMs.length / (FI_DURATION_MS / 1000);
  }
  let rheobasePa: number | null = null;
  try {
    rheobasePa = findRheobase({
      type,
      gNapRatio: params.gNapRatio,
      durationMs: FI_DURATION_MS,
      dtMs: FI_DT_MS,
      tolerancePa: RHEOBASE_TOLERANCE_PA,
      napBlock: drugs.napBlock,
      sodium,
    }).rheobasePa;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return { type, currentsPa, ratesHz, rheobasePa };
}

/** Both cells' curves at these parameters and network drug effects. */
export function fiCurves(params: Params, drugs: NetworkDrugEffects): FiCurves {
  return {
    e: curveOf('E', params, drugs),
    i: curveOf('I', params, drugs),
    gNapRatio: params.gNapRatio,
    scn1a: params.scn1a,
    napBlock: drugs.napBlock,
    restingFreeFraction: 1 / (1 + drugs.naRestAffinity),
    inactivatedFreeFraction: 1 / (1 + drugs.naInactivatedAffinity),
  };
}

/** The curves under the settings as the page has them: parameters and the treatment at its patient-clock time. */
export function fiCurvesFor(params: Params, treatment: Treatment): FiCurves {
  return fiCurves(params, patientAt(params, dosingOf(treatment)).drugs);
}
