/**
 * A focal lesion (docs/model.md §5 `lesion`, `resected`; §7 behaviour 10): a disc of malformed cortex
 * — focal cortical dysplasia type II, or a tuber of tuberous sclerosis — and its surgical removal.
 *
 * Inside the disc (on the torus, by each cell's jittered position), pyramidal cells get:
 *
 *   gNaP            × LESION_GNAP_FACTOR   dysplastic neurons are intrinsically hyperexcitable:
 *                                          cytomegalic pyramidal neurons of pediatric dysplasia
 *                                          carry larger depolarising (Ca²⁺) inward currents than
 *                                          normal ones (Cepeda 2003; the "dysmature" hypothesis,
 *                                          Cepeda 2006). A larger persistent sodium current stands
 *                                          in for them: it is the model's subthreshold inward current.
 *   GABA_A onto it  × LESION_GABA_FACTOR   IPSC frequency onto pyramidal cells is much reduced in
 *                                          dysplastic cortex, with fewer, scattered interneurons
 *                                          (Calcagnotto 2005); tubers lose GABA_A α1 subunits
 *                                          (Talos 2012).
 *   extra E→E input LESION_EXTRA_EE_INPUTS from other pyramidal cells of the lesion: dysplastic
 *                                          cortex and tubers form abnormal, hyperconnected local
 *                                          networks (Crino 2015; Cepeda 2006).
 *
 * What it simplifies: real lesions mix cell types (balloon cells that do not fire, cytomegalic
 * and immature neurons), change NMDA-receptor subunits, Ca²⁺ currents and chloride transport,
 * and blur into the surrounding cortex. Here every pyramidal cell inside a sharp disc is changed
 * by the same factors, and interneurons inside keep their own properties. The factors are this
 * model's choices (the papers give directions, not numbers for this network). Measured on the
 * 48 × 48 test sheet (tests/science/behaviour-lesion.test.ts): a lesion of 0.3 mm in a healthy
 * sheet is an interictal focus (its cells fire at 20–60 Hz, the sheet does not seize); one of
 * 0.5 mm in a sheet with mildly weakened inhibition (gaba 0.7, seizure-free on its own) starts
 * seizures, and with sprouting 0.15 the 0.3-mm lesion does too.
 *
 * The lesion is geometry, fixed when the sheet is built: which cells lie in the disc, and the
 * factors their gNaP and GABA_A input carry. Its removal, which acts live, is a modifier
 * (modifiers/resection.ts).
 */

import type { Lesion } from '../params.ts';
import { torusDistanceMm } from './geometry.ts';

/**
 * gNaP of lesion pyramidal cells, fold over the rest: at the default gNapRatio 0.2 they have 0.6,
 * inside the 0…1 range docs/model.md §2 gives for the ratio. Stronger lesions defeat themselves here:
 * with 5× gNaP and GABA × 0.2 the lesion's cells sit depolarised in depolarisation block and the
 * focus falls silent (measured).
 */
export const LESION_GNAP_FACTOR = 3;
/** GABA_A conductance onto lesion pyramidal cells, fraction of normal (Calcagnotto 2005: IPSCs markedly reduced). */
export const LESION_GABA_FACTOR = 0.5;
/** Extra excitatory inputs of each lesion pyramidal cell from other lesion pyramidal cells (+50 % of the 80). */
export const LESION_EXTRA_EE_INPUTS = 40;

/** Whether each cell lies in the lesion (1) or not (0); all zeros without a lesion. */
export function lesionMembership(xMm: Float64Array, yMm: Float64Array, lesion: Lesion | null | undefined): Uint8Array {
  const n = xMm.length;
  const inside = new Uint8Array(n);
  if (!lesion) return inside;
  for (let i = 0; i < n; i++) {
    if (torusDistanceMm(xMm[i], yMm[i], lesion.xMm, lesion.yMm) <= lesion.radiusMm) inside[i] = 1;
  }
  return inside;
}

/**
 * The factors a lesion puts on its pyramidal cells' gNaP and GABA_A input, per cell (1 outside);
 * null and null without a lesion, so that a healthy sheet's values are the population's own.
 */
export function lesionFactors(
  inLesion: Uint8Array,
  n: number,
  nE: number,
): [napFactor: Float32Array | null, gabaFactor: Float32Array | null] {
  let any = false;
  for (let i = 0; i < nE; i++) if (inLesion[i]) any = true;
  if (!any) return [null, null];
  const nap = new Float32Array(n).fill(1);
  const gaba = new Float32Array(n).fill(1);
  for (let i = 0; i < nE; i++) {
    if (inLesion[i]) {
      nap[i] = LESION_GNAP_FACTOR;
      gaba[i] = LESION_GABA_FACTOR;
    }
  }
  return [nap, gaba];
}
