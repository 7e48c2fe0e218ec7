/**
 * The ketogenic diet, as a modest shift of the synaptic balance (docs/model.md §6, "other therapies").
 *
 * Simplification of several mechanisms to two factors:
 *   release probability × 0.85   acetoacetate competes with chloride at the vesicular glutamate
 *                                transporter and lowers quantal glutamate release (Juge 2010)
 *   GABA_A conductance × 1.1     ketosis raises brain GABA, by favouring glutamate's conversion
 *                                to GABA (Yudkoff 2007; Dahlin 2005: CSF GABA higher in
 *                                responders)
 * The sizes are this model's choices for "modest": the diet helps about half of children with
 * drug-resistant epilepsy a good deal and few completely (Neal 2008), so it should tip a
 * borderline network and not a severe one. Not modelled: K_ATP opening by ketone bodies
 * (Ma 2007), adenosine, and the weeks the diet takes to act.
 */
export const KETOGENIC_RELEASE_FACTOR = 0.85;
export const KETOGENIC_GABA_FACTOR = 1.1;

export function ketogenicFactors(on: boolean): { release: number; gaba: number } {
  return on ? { release: KETOGENIC_RELEASE_FACTOR, gaba: KETOGENIC_GABA_FACTOR } : { release: 1, gaba: 1 };
}
