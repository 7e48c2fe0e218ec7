/**
 * Inflammation (docs/model.md §5): one cytokine gain I (0…1) and what it does to the network within
 * minutes. Its slow effect, the induction of P-glycoprotein at the blood–brain barrier over hours,
 * belongs to the patient clock (src/model/pharmacology).
 *
 *   GABA_A conductance × (1 − 0.3 I)   IL-1β depresses GABA_A currents in human epileptic tissue
 *                                      by up to ~30 % (Roseti 2015)
 *   NMDA conductance   × (1 + 0.45 I)  IL-1β raises NMDA-receptor Ca²⁺ influx by ~45 % via Src
 *                                      phosphorylation of NR2B (Viviani 2003)
 *   AMPA conductance   × (1 + 0.2 I)   TNF-α inserts Ca²⁺-permeable AMPA receptors (Stellwagen
 *                                      2005); 20 % is this model's choice within the reported range
 *   glial K⁺ buffer    × (1 − 0.5 I)   albumin leaking through the opened barrier → TGF-β →
 *                                      astrocytic Kir4.1 loss, halving K⁺ buffering (Ivens 2007);
 *                                      the glial uptake at high K⁺o (the ceiling) is left as it is
 *
 * At I = 0 every factor is exactly 1, so an uninflamed network is the same to the last bit.
 */
export interface InflammationFactors {
  gaba: number;
  nmda: number;
  ampa: number;
  kUptake: number;
}

export const INFLAMMATION_GABA_LOSS = 0.3;
export const INFLAMMATION_NMDA_GAIN = 0.45;
export const INFLAMMATION_AMPA_GAIN = 0.2;
export const INFLAMMATION_K_UPTAKE_LOSS = 0.5;

export function inflammationFactors(gain: number): InflammationFactors {
  return {
    gaba: 1 - INFLAMMATION_GABA_LOSS * gain,
    nmda: 1 + INFLAMMATION_NMDA_GAIN * gain,
    ampa: 1 + INFLAMMATION_AMPA_GAIN * gain,
    kUptake: 1 - INFLAMMATION_K_UPTAKE_LOSS * gain,
  };
}
