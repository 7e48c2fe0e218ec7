/**
 * The EEG/LFP proxy (docs/model.md §7), after Mazzoni et al. 2015 (PLoS Comput Biol 11:e1004584): the
 * field of a patch of cortex is dominated by the synaptic currents onto pyramidal cells, and a
 * weighted, delayed sum of them reproduces it well,
 *
 *   EEG(t) = mean over E cells of |I_AMPA+NMDA(t − 6 ms)| − 1.65 · |I_GABA(t)|   (pA).
 *
 * The weights (α = 1.65, τ = 6 ms) are Mazzoni's best "RWS" proxy for a pyramidal population.
 * Unlike a sum of absolute currents it has a polarity: a population discharge gives a sharp
 * positive deflection (the excitatory surge) followed by a slower negative one (the inhibition it
 * recruits), the spike and the wave of a spike–wave complex. Positive means net excitatory input
 * onto pyramidal cells; clinical EEG displays are often drawn negative-up.
 *
 * One sample per ion step (≈ 1 ms); the delay is kept as a short ring of excitatory samples.
 */

export const EEG_EXCITATORY_DELAY_MS = 6;
export const EEG_INHIBITORY_WEIGHT = 1.65;

export class EegProxy {
  private readonly ring: Float64Array;
  private head = 0;
  /** The latest sample (pA); 0 until the first. */
  valuePa = 0;

  /** @param sampleMs length of one sample (the ion step). */
  constructor(sampleMs: number) {
    this.ring = new Float64Array(Math.max(1, Math.round(EEG_EXCITATORY_DELAY_MS / sampleMs)));
  }

  /**
   * One sample: the mean excitatory and inhibitory synaptic current magnitudes onto E cells over
   * the ion step. Returns the proxy, which pairs this step's inhibition with the excitation of
   * EEG_EXCITATORY_DELAY_MS ago (0 before that much time has passed).
   */
  push(excitatoryPa: number, inhibitoryPa: number): number {
    const delayed = this.ring[this.head];
    this.ring[this.head] = excitatoryPa;
    this.head = (this.head + 1) % this.ring.length;
    this.valuePa = delayed - EEG_INHIBITORY_WEIGHT * inhibitoryPa;
    return this.valuePa;
  }
}
