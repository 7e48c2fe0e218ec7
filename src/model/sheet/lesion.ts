/**
 * A focal lesion (docs/model.md §5 `lesion`, `resected`; §7 behaviour 10): a disc of malformed cortex
 * — focal cortical dysplasia type II, or a tuber of tuberous sclerosis — and its surgical removal.
 *
 * Inside the disc (on the torus, by each cell's jittered position), pyramidal cells get:
 *
 *   GABA_A onto it  × LESION_GABA_FACTOR   IPSC frequency onto pyramidal cells is much reduced in
 *                                          dysplastic cortex, with fewer, scattered interneurons
 *                                          (Calcagnotto 2005); tubers lose GABA_A α1 subunits
 *                                          (Talos 2012).
 *   extra E→E input LESION_EXTRA_EE_INPUTS from other pyramidal cells of the lesion: dysplastic
 *                                          cortex and tubers form abnormal, hyperconnected local
 *                                          networks (Crino 2015; Cepeda 2006).
 *   gNaP            × LESION_GNAP_FACTOR   1: unchanged (below). Cytomegalic pyramidal neurons of
 *                                          pediatric dysplasia carry larger depolarising (Ca²⁺)
 *                                          inward currents than normal ones (Cepeda 2003; the
 *                                          "dysmature" hypothesis, Cepeda 2006), and the lesion
 *                                          once stood them in with 3× the persistent Na⁺ current.
 *
 * Why no extra gNaP (docs/notes/real-seizures.md §10). Since the pyramidal reset follows E_K and
 * E cells carry a Na⁺-activated K⁺ current, a focus with a larger subthreshold inward current
 * settles into a steady tonic state instead of seizing (48 × 48, seed 1, 120 s, 0.5 mm, no glial
 * factor yet, GABA × 0.5, 40 extra E→E inputs): gNaP × 3 holds the lesion's cells in depolarisation block (gaba 0.8
 * or 0.9: 9.9–10.7 Hz, K⁺o 7.6 mM in the lesion, no event); × 2: no event (gaba 0.85: 11.1 Hz,
 * gaba 0.9: 10.7 Hz); × 1.5 (gaba 0.8): one event in the first seconds, then the lesion fires
 * steadily at ~22 Hz beside a ~10-Hz sheet and never ignites it again; × 1 (gaba 0.8): the
 * lesion ignites the sheet, the whole sheet falls silent after the event, and the lesion ignites
 * it again ~20 s later (events at ~1 s and ~58 s, each 24–38 s long; seeds 1, 2 and 3 alike),
 * but only once (240 s: no third event; the glial factor below fixes that).
 * With × 1 at gaba 0.85 or 0.9 the lesion too settles at ~25 Hz after its first event: the
 * recurrence needs the surround near (not at) its own threshold, which is between gaba 0.7 and
 * 0.75. What makes the focus seize here is its network, less inhibition and more recurrent
 * excitation; a focus whose own cells were more excitable would need an inward current that
 * gives way during the event, which this model's cells do not have.
 *
 *   glial K⁺ clearance × LESION_K_CLEARANCE_FACTOR, in the lesion's K⁺ tiles: astrocytes of
 *                                          tubers and dysplasia buffer K⁺ poorly (Jansen 2005,
 *                                          Tsc1-deficient astrocytes: less inward-rectifier K⁺
 *                                          current, impaired K⁺ clearance).
 *
 * Why the glial factor (seed 1, gaba 0.8, 240 s): without it the lesion's events come back once
 * (1.2–37.1 s, 58.5–90.5 s) and then never (the lesion settles into a steady state); with glial
 * clearance × 0.5 in the lesion they recur as a rhythm, but the first lasts 90 s (1.2–91.7 s,
 * then 116.9–151.8 s and 181.8–215.0 s, 7.0–7.4 → 33.6–35.3 → 0.2–0.3 Hz); with × 0.3, every
 * ~58 s: 1.0–31.2, 58.8–89.9, 116.4–149.1 and 177.4–208.7 s, 29–38 Hz (14–16 Hz before the second
 * and third, 7.5 Hz before the fourth), K⁺o 10.7–12.0 mM, every onset in the lesion. The Kir4.1
 * buffer near rest alone (× 0.3–0.5) was not enough: it raised the lesion's peak K⁺o by only
 * 0.2–0.4 mM (gNaP × 2 and 3, gaba 0.9); the glial uptake at high K⁺o is what holds K⁺o in a
 * firing lesion, so the factor is on both.
 *
 * What it simplifies: real lesions mix cell types (balloon cells that do not fire, cytomegalic
 * and immature neurons), change NMDA-receptor subunits, Ca²⁺ currents and chloride transport,
 * and blur into the surrounding cortex. Here every pyramidal cell inside a sharp disc is changed
 * by the same factors, and interneurons inside keep their own properties. The factors are this
 * model's choices (the papers give directions, not numbers for this network). Measured on the
 * 48 × 48 test sheet (tests/science/behaviour-lesion.test.ts; seeds 1–3, 240 s): a lesion of
 * 0.5 mm in a sheet with mildly weakened inhibition (gaba 0.8, no event on its own) starts
 * seizures in the lesion that spread to the whole sheet, end by themselves (the sheet near silent
 * after each) and come back every ~58 s: four events on seed 1, three on seeds 2 and 3 (whose
 * first, from the start, lasts ~90 s). On carbamazepine it holds the sheet in a sustained ~14-Hz
 * state instead (an open point, docs/notes/real-seizures.md §10). A lesion of
 * 0.3 mm in a healthy sheet is an interictal focus (the sheet does not seize); with sprouting
 * 0.15 it starts an event that ends by itself (seed 1, 60 s, measured before the glial factor:
 * 10.5 Hz and χ max 0.27 without sprouting; 2.5–27.0 s at 37.7 Hz with it; the test, with the
 * glial factor, finds the same contrast in 40 s).
 *
 * The lesion is geometry, fixed when the sheet is built: which cells lie in the disc, the
 * factors their gNaP and GABA_A input carry, and the glial factor of each K⁺ tile. Its removal, which acts live, is a modifier
 * (modifiers/resection.ts).
 */

import type { Lesion } from '../params.ts';
import { torusDistanceMm } from './geometry.ts';

/**
 * gNaP of lesion pyramidal cells, fold over the rest: 1, the lesion's cells keep the sheet's own
 * persistent Na⁺ current (the comment above gives the measurements that chose it: 1.5 and more
 * turn the focus into a steady tonic source that does not seize).
 */
export const LESION_GNAP_FACTOR = 1;
/**
 * GABA_A conductance onto lesion pyramidal cells, fraction of normal (Calcagnotto 2005: IPSCs
 * markedly reduced). At 0.8 sheet gaba, 0.5 mm, seeds 1–3: with 0.5 the lesion's second event is
 * 3× the rate before it (8.1–8.6 → 23–28 Hz); with 0.7 it is 1.6–2.6× (docs/notes/real-seizures.md
 * §10); with 0.3 (on carbamazepine) the lesion turns tonic and the sheet has no event.
 */
export const LESION_GABA_FACTOR = 0.5;
/**
 * Extra excitatory inputs of each lesion pyramidal cell from other lesion pyramidal cells (+50 % of
 * the 80). Kept: 80 (on carbamazepine, gaba 0.8, seed 1) made the lesion tonic, no event.
 */
export const LESION_EXTRA_EE_INPUTS = 40;

/**
 * Glial K⁺ clearance in the lesion, fraction of normal: the Kir4.1 buffer near rest and the glial
 * uptake at high K⁺o (the ceiling) alike. Astrocytes of tubers and dysplasia buffer K⁺ poorly
 * (Jansen 2005: Tsc1-deficient astrocytes have less inward-rectifier K⁺ current and clear K⁺ less
 * well). 0.3 chosen by measurement (the comment at the top; docs/notes/real-seizures.md §10).
 */
export const LESION_K_CLEARANCE_FACTOR = 0.3;

/**
 * The target hypothesis of drug resistance (parameter `lesionBlockerBinding`): how much of a
 * sodium-channel blocker's binding the lesion's pyramidal cells keep. In dentate granule cells
 * resected from carbamazepine-resistant patients, carbamazepine no longer slowed the channels'
 * recovery from inactivation, its use-dependent action, while it still did in cells from patients
 * whose seizures it had controlled; chronically epileptic rats showed the same loss (Remy,
 * Gabriel, Urban et al. 2003, Ann Neurol 53:469). Another series found no such loss (Jandová
 * 2006), and Remy & Beck 2006 (Brain 129:18) review the hypothesis. Because it was found in the
 * resistant patients and not in the responsive ones, it is a property of a patient's tissue, not
 * of every lesion: the parameter's default is 1 (normal channels), and the altered value is
 * RESISTANT_LESION_BLOCKER_BINDING. It acts on the lesion's pyramidal cells only (the altered
 * channels are the focus's principal cells'); interneurons inside and the rest of the sheet keep
 * normal binding.
 *
 * 0.2 (a fivefold loss of affinity, at rest and inactivated alike) is this model's choice: the
 * papers measured a lost effect, not a dissociation constant. It applies to every blocker of the
 * class (carbamazepine, lamotrigine, phenytoin, and valproate's small Na⁺ part); Remy 2003 tested
 * carbamazepine, so extending it to the class is an assumption.
 */
export const RESISTANT_LESION_BLOCKER_BINDING = 0.2;

/**
 * Whether a point lies in the lesion's disc, measured on the torus (on the rim counts as inside).
 * The one test of "inside the lesion": the cells' membership below, an event's onset (the
 * monitors), the event log and the CSV export all use it.
 */
export function insideLesion(xMm: number, yMm: number, lesion: Lesion): boolean {
  return torusDistanceMm(xMm, yMm, lesion.xMm, lesion.yMm) <= lesion.radiusMm;
}

/** Whether each cell lies in the lesion (1) or not (0); all zeros without a lesion. */
export function lesionMembership(xMm: Float64Array, yMm: Float64Array, lesion: Lesion | null | undefined): Uint8Array {
  const n = xMm.length;
  const inside = new Uint8Array(n);
  if (!lesion) return inside;
  for (let i = 0; i < n; i++) {
    if (insideLesion(xMm[i], yMm[i], lesion)) inside[i] = 1;
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

/**
 * The factor on each K⁺ tile's glial clearance: 1 − (1 − LESION_K_CLEARANCE_FACTOR) × the fraction
 * of the tile's cells that lie in the lesion (a tile on its edge is partly lesion); null without a
 * lesion, so that a healthy sheet's K⁺ is computed as before, to the last bit.
 */
export function lesionTileGliaFactor(
  inLesion: Uint8Array,
  tileOfCell: Int32Array,
  cellsInTile: Float64Array,
): Float32Array | null {
  const inside = new Float64Array(cellsInTile.length);
  let any = false;
  for (let i = 0; i < inLesion.length; i++) {
    if (inLesion[i]) {
      inside[tileOfCell[i]] += 1;
      any = true;
    }
  }
  if (!any) return null;
  const factor = new Float32Array(cellsInTile.length);
  for (let t = 0; t < factor.length; t++) {
    const share = cellsInTile[t] > 0 ? inside[t] / cellsInTile[t] : 0;
    factor[t] = 1 - (1 - LESION_K_CLEARANCE_FACTOR) * share;
  }
  return factor;
}

/**
 * Write each cell's factor on a sodium-channel blocker's binding into `factor`: `binding` in the
 * lesion's pyramidal cells, 1 in the other pyramidal cells (all of them without a lesion), and
 * `interneuronBinding` in the interneurons (SODIUM_BLOCKER in dynamics/availability.ts, passed in
 * by the simulation).
 */
export function setLesionBlockerBinding(
  inLesion: Uint8Array,
  nE: number,
  binding: number,
  factor: Float32Array,
  interneuronBinding: number,
): void {
  if (!(binding >= 0 && binding <= 1)) {
    throw new RangeError(`the lesion's blocker binding must be in 0…1, got ${binding}`);
  }
  factor.fill(1, 0, nE);
  factor.fill(interneuronBinding, nE);
  for (let i = 0; i < nE; i++) if (inLesion[i]) factor[i] = binding;
}
