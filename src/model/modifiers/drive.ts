/**
 * The one drive formula: what the user's dials and every modifier — inflammation (inflammation.ts),
 * drugs (drug-effects.ts), status epilepticus (status-epilepticus.ts) and the ketogenic diet
 * (ketogenic.ts) — do to the synapses, the persistent sodium current, the background input and the
 * ions, as the numbers the engine integrates (docs/model.md §3, §5, §6).
 *
 * The Simulation applies it whenever parameters or drugs change, and starts the conductances near
 * their means from it (the warm start), so the two cannot drift apart. With default parameters and
 * no drugs every factor is exactly 1.
 */
import type { CellType } from '../dynamics/cells.ts';
import type { PopulationDrive } from '../dynamics/neurons.ts';
import type { SynapticWeights } from '../dynamics/synapses.ts';
import type { Params } from '../params.ts';
import { chlorideEquilibriumWithDrug, type NetworkDrugEffects } from './drug-effects.ts';
import { inflammationFactors } from './inflammation.ts';
import { ketogenicFactors } from './ketogenic.ts';
import { synapticGabaFraction } from './status-epilepticus.ts';

export interface NetworkDrive {
  ontoE: PopulationDrive;
  ontoI: PopulationDrive;
  /** Release probability U of E terminals. */
  releaseU: number;
  /** GABA_A decay time constant (ms). */
  tauGabaMs: number;
  /** Background Poisson rate per cell (Hz), and the mean number of events per step over `cells` cells. */
  backgroundRateHz: number;
  backgroundEventsPerStep: number;
  /**
   * Scale of the glial Kir4.1 K⁺ buffer (kClearance, times the inflammation factor). The uptake
   * at high K⁺o, the ceiling, is not scaled: both kClearance and inflammation stand for a loss of
   * astrocytic Kir4.1 (Hinterkeuser 2000 in sclerotic human hippocampus; Ivens 2007 after
   * albumin), not of the glial pump and cotransport that take over at high K⁺o.
   */
  kUptakeScale: number;
  /** E cells' chloride equilibrium (mM), after any NKCC1 block. */
  clEqMm: number;
}

/**
 * The drive of `cells` cells of the two cell types at these parameters and drug effects.
 *
 *   AMPA  × glutamate × inflammation's AMPA gain
 *   NMDA  × glutamate × inflammation's NMDA gain
 *   GABA_A × gaba × inflammation's loss × drugs (benzodiazepines, valproate) × surface receptors
 *           left after status epilepticus × the diet's gain
 *   gNaP  = gNapRatio × gL × (1 − drug block)
 *   U     × drugs (levetiracetam) × the diet's release factor
 *   τGABA × drugs (phenobarbital)
 */
export function networkDrive(
  p: Params,
  d: NetworkDrugEffects,
  w: SynapticWeights,
  cells: { e: CellType; i: CellType; count: number },
  tauGabaMs: number,
): NetworkDrive {
  const f = inflammationFactors(p.inflammation);
  const keto = ketogenicFactors(p.ketogenic);
  const ampaScale = p.glutamate * f.ampa;
  const nmdaScale = p.glutamate * f.nmda;
  const gabaScale = p.gaba * f.gaba * d.gabaConductanceFactor * synapticGabaFraction(p.statusMin) * keto.gaba;
  const napScale = p.gNapRatio * (1 - d.napBlock);
  return {
    ontoE: {
      ampaJumpNs: w.ampaOntoENs * ampaScale,
      nmdaJumpNs: w.ampaOntoENs * w.nmdaToAmpa * nmdaScale,
      gabaJumpNs: w.gabaOntoENs * gabaScale,
      gNapNs: napScale * cells.e.gLNs,
    },
    ontoI: {
      ampaJumpNs: w.ampaOntoINs * ampaScale,
      nmdaJumpNs: w.ampaOntoINs * w.nmdaToAmpa * nmdaScale,
      gabaJumpNs: w.gabaOntoINs * gabaScale,
      gNapNs: napScale * cells.i.gLNs,
    },
    releaseU: w.releaseU * d.releaseFactor * keto.release,
    tauGabaMs: tauGabaMs * d.gabaDecayFactor,
    backgroundRateHz: w.backgroundRateHz * p.drive,
    backgroundEventsPerStep: (cells.count * w.backgroundRateHz * p.drive * p.dtMs) / 1000,
    kUptakeScale: p.kClearance * f.kUptake,
    clEqMm: chlorideEquilibriumWithDrug(p.clEqMm, d.nkcc1Block),
  };
}
