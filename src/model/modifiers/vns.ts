/**
 * Vagus nerve stimulation (docs/model.md §6, other therapies), as cycles of extra excitatory input onto
 * interneurons.
 *
 * Vagal afferents reach the cortex through the nucleus of the solitary tract, the locus coeruleus
 * and the raphe; their noradrenaline and serotonin excite cortical interneurons and desynchronise
 * the EEG, and responders gain GABA_A receptor density (Marrosu 2003). Simplification: while the
 * stimulator is on, the background input onto every interneuron is VNS_I_DRIVE_FACTOR times
 * stronger; nothing changes while it is off.
 *
 * Clinical cycles are 30 s on, 5 min off. Compressed (like the ion time constants, Chizhov 2018)
 * to 10 s on, 20 s off, so that a class sees both phases within a minute.
 */
export const VNS_ON_MS = 10_000;
export const VNS_OFF_MS = 20_000;
export const VNS_I_DRIVE_FACTOR = 1.5;

/** Whether the stimulator is on at network time tMs (it starts on at t = 0). */
export function vnsOn(tMs: number): boolean {
  return tMs % (VNS_ON_MS + VNS_OFF_MS) < VNS_ON_MS;
}
