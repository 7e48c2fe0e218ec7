/**
 * GABA_A receptor internalisation during status epilepticus (docs/model.md §5, the
 * status-benzodiazepine scenario). As a seizure goes on for tens of minutes, synaptic GABA_A
 * receptors — the γ2-containing ones that carry the benzodiazepine site — are endocytosed:
 * benzodiazepine sensitivity of dentate granule cells falls within 45 min of status (Kapur &
 * Macdonald 1997), and surface γ2 and β2/3 subunits and mIPSC amplitude fall by roughly half after
 * an hour (Naylor, Liu & Wasterlain 2005; Goodkin 2008). Two consequences, both in the model:
 * synaptic inhibition weakens (status sustains itself), and a benzodiazepine has fewer receptors
 * to act on.
 *
 * Simplification: one fraction R of synaptic GABA_A receptors left at the surface,
 * R(t) = 1 − R_LOSS · (1 − exp(−t / τ)), from the minutes of status before the network runs
 * (`statusMin`), on the patient's clock, not integrated during the network's seconds.
 */

/** Fraction lost at long times: about half (Naylor 2005; Goodkin 2008). */
export const SYNAPTIC_GABA_LOSS = 0.5;
/** Time constant of internalisation: tens of minutes (Kapur & Macdonald 1997: within 45 min). */
export const INTERNALISATION_TAU_MIN = 30;

/** Fraction of synaptic GABA_A receptors still at the surface after `statusMin` of status. */
export function synapticGabaFraction(statusMin: number): number {
  if (!(statusMin >= 0) || !Number.isFinite(statusMin)) {
    throw new RangeError(`statusMin must be a number ≥ 0, got ${statusMin}`);
  }
  if (statusMin === 0) return 1;
  return 1 - SYNAPTIC_GABA_LOSS * (1 - Math.exp(-statusMin / INTERNALISATION_TAU_MIN));
}
