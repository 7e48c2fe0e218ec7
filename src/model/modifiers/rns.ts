/**
 * Responsive neurostimulation (docs/model.md §6, other therapies; §5 `rns`): a device that watches the
 * lesion and, when it detects the start of a discharge there, stimulates the lesion.
 *
 * The clinical device (NeuroPace RNS) records from electrodes on or in the seizure focus, detects
 * the patient's own onset patterns (line length, area, band power), and answers each detection
 * with bursts of 200-Hz pulses lasting 100–200 ms (Morrell 2011; Sun & Morrell 2014). How the
 * bursts stop seizures is not settled; high-frequency stimulation silences neurons near the
 * electrode for its duration (Beurrier 2001: depolarisation block and K⁺ currents; the "functional
 * lesion" view of high-frequency stimulation, Benazzouz & Hallworth 2000).
 *
 * Simplifications, each a choice of this model:
 * - Detector: the mean rate of the lesion's pyramidal cells over the last RNS_WINDOW_MS exceeds
 *   RNS_DETECT_HZ (the start of a burst in the focus). The device's detectors are tuned per
 *   patient on the electrocorticogram; this one reads the spikes directly, so it is faster and
 *   more reliable than any real detector.
 * - Therapy: a burst of RNS_BURST_MS, as on the device. Each of its pulses (every
 *   RNS_PULSE_INTERVAL_MS, 200 Hz) resets every cell in the stimulated field — the lesion disc, E
 *   and I — to its resting potential and holds it there until the next pulse: during a burst the
 *   focus is silent (a transient resection), after it the cells integrate again from rest.
 * - Lockout: after a burst the detector is blind for RNS_LOCKOUT_MS, so stimulation takes at
 *   most a fifth of the time: the device is charge-limited, and a detector that re-fired at once
 *   would turn therapy into a permanent resection.
 * - Without a lesion there is no focus to record from or stimulate, and `rns` does nothing; with
 *   the lesion resected there is nothing left to stimulate.
 *
 * What this leaves out: the device misses detections, its stimulation also excites axons and
 * terminals (not only silences), and its benefit grows over months and years (median seizure
 * reduction 44 % at 1 year, 75 % at 9 years; Nair 2020), probably through slow changes in the
 * network that this model does not have.
 */

import type { NetworkState } from '../dynamics/state.ts';
import type { Network } from '../sheet/network.ts';

/** Window of the detector (ms). */
export const RNS_WINDOW_MS = 10;
/** Lesion pyramidal-cell rate that counts as a detection (Hz): the focus bursts at 50–80 Hz, rests near 0. */
export const RNS_DETECT_HZ = 40;
/** Length of one therapy burst (ms): 100–200 ms on the device (Sun & Morrell 2014). */
export const RNS_BURST_MS = 200;
/** Interval between pulses (ms): 200 Hz, the device's usual frequency (Morrell 2011). */
export const RNS_PULSE_INTERVAL_MS = 5;
/** Detector blind time after a burst (ms): this model's charge limit (at most 20 % of the time). */
export const RNS_LOCKOUT_MS = 800;

/**
 * The stimulator's state: the detector's sliding window and the burst in progress. It is stepped
 * by the Simulation: `countSpikes` after every integration step, `onIonStep` every millisecond.
 */
export class ResponsiveStimulator {
  /** Cells of the stimulated field (the lesion): pyramidal cells first, then interneurons. */
  private readonly field: Int32Array;
  private readonly fieldE: number;
  /** Lesion E spikes in each of the last RNS_WINDOW_MS milliseconds, and their sum. */
  private readonly window = new Int32Array(RNS_WINDOW_MS);
  private windowAt = 0;
  private windowSum = 0;
  private spikesThisMs = 0;
  /** Milliseconds (counted by ion steps) since the start. */
  private nowMs = 0;
  private burstEndMs = -1;
  private lockoutEndMs = -1;
  /** Therapy bursts delivered since the network was built. */
  bursts = 0;

  constructor(private readonly net: Network) {
    const e: number[] = [];
    const i: number[] = [];
    for (let c = 0; c < net.n; c++) if (net.inLesion[c]) (c < net.nE ? e : i).push(c);
    this.field = Int32Array.from([...e, ...i]);
    this.fieldE = e.length;
  }

  /** Whether there is a focus to record from and stimulate. */
  get hasTarget(): boolean {
    return this.fieldE > 0;
  }

  /** Whether a burst is being delivered now. */
  get stimulating(): boolean {
    return this.nowMs < this.burstEndMs;
  }

  /** Count this step's spikes of lesion pyramidal cells (s.spikeIdx[0…spikeCount−1]). */
  countSpikes(s: NetworkState): void {
    const inLesion = this.net.inLesion;
    const nE = this.net.nE;
    for (let k = 0; k < s.spikeCount; k++) {
      const c = s.spikeIdx[k];
      if (c < nE && inLesion[c]) this.spikesThisMs++;
    }
  }

  /**
   * Close one millisecond: update the detector, start a burst on detection, and deliver a pulse
   * when one is due. The Simulation calls it only while `rns` is on and the lesion is in place.
   */
  onIonStep(s: NetworkState, restEMv: number, restIMv: number, stepsPerMs: number): void {
    this.windowSum += this.spikesThisMs - this.window[this.windowAt];
    this.window[this.windowAt] = this.spikesThisMs;
    this.windowAt = (this.windowAt + 1) % RNS_WINDOW_MS;
    this.spikesThisMs = 0;
    const t = this.nowMs++;
    const rateHz = (this.windowSum / this.fieldE) * (1000 / RNS_WINDOW_MS);
    if (t >= this.lockoutEndMs && rateHz > RNS_DETECT_HZ) {
      this.bursts++;
      this.burstEndMs = t + RNS_BURST_MS;
      this.lockoutEndMs = this.burstEndMs + RNS_LOCKOUT_MS;
    }
    if (t < this.burstEndMs && (t - (this.burstEndMs - RNS_BURST_MS)) % RNS_PULSE_INTERVAL_MS === 0) {
      const holdUntil = s.step + Math.min(RNS_PULSE_INTERVAL_MS, this.burstEndMs - t) * stepsPerMs;
      for (let k = 0; k < this.field.length; k++) {
        const c = this.field[k];
        if (s.refractoryUntilStep[c] > s.step) continue;
        s.vMv[c] = k < this.fieldE ? restEMv : restIMv;
        s.refractoryUntilStep[c] = holdUntil;
      }
    }
  }
}
