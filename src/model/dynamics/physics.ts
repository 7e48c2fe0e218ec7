/**
 * The physical constants of the membrane and the ions, each written here and nowhere else
 * (docs/model.md §2–§4), with the closed forms that use them. The TypeScript reads them from this
 * file; the WebAssembly kernels receive them through their parameter blocks (neurons.ts and ions.ts
 * fill the words), so the network, the single-neuron reference and the tests cannot disagree.
 */

/** RT/F at 37 °C (mV): the factor of every Nernst and Goldman potential (docs/model.md §4). */
export const RT_OVER_F_MV = 26.7;
/** Faraday constant (C/mol): 1 pA·ms into 1 pL changes a concentration by 1/FARADAY mM. */
export const FARADAY_C_PER_MOL = 96485;

/** Sodium reversal in the reference protocol and the network (docs/model.md §2). */
export const E_NA_MV = 50;

/**
 * Persistent sodium activation m∞(V) = 1 / (1 + exp(−(V − half)/slope)): half-activation −50 mV,
 * slope 5 mV (docs/model.md §2; cortical and hippocampal models span −52…−42 mV and 3–7 mV:
 * Golomb, Yue & Yaari 2006; Uebachs 2010; Bazhenov 2002).
 */
export const NAP_HALF_MV = -50;
export const NAP_SLOPE_MV = 5;

export function napActivation(vMv: number): number {
  return 1 / (1 + Math.exp(-(vMv - NAP_HALF_MV) / NAP_SLOPE_MV));
}

/**
 * NMDA Mg²⁺ block B(V) = 1 / (1 + [Mg²⁺]o / 3.57 mM · exp(−0.062 V)), Jahr & Stevens 1990, with
 * [Mg²⁺]o = 1 mM (docs/model.md §3).
 */
export const MG_OUT_MM = 1;
export const MG_BLOCK_KD_MM = 3.57;
export const MG_BLOCK_PER_MV = 0.062;

/** Potassium: resting extracellular K⁺ (docs/model.md §4) and the intracellular K⁺ it is compared with. */
export const K_REST_MM = 3.5;
export const K_INSIDE_MM = 140;

/** E_K = RT/F · ln(Ko / 140) (docs/model.md §4). */
export function ekMv(koMm: number): number {
  return RT_OVER_F_MV * Math.log(koMm / K_INSIDE_MM);
}

/**
 * Goldman–Hodgkin–Katz reversal of GABA_A with bicarbonate (docs/model.md §4): P_HCO3/P_Cl = 0.2,
 * [Cl⁻]o 130 mM, [HCO3⁻]o 26 mM, [HCO3⁻]i 16 mM. ≈ −75 mV at 5 mM (adult), ≈ −42 mV at 25 mM.
 */
export const CL_OUT_MM = 130;
export const HCO3_OUT_MM = 26;
export const HCO3_IN_MM = 16;
export const P_HCO3_OVER_CL = 0.2;
/** The bicarbonate term added to [Cl⁻]i inside the logarithm, and 1 / the outside term. */
export const GABA_GHK_INSIDE_TERM_MM = P_HCO3_OVER_CL * HCO3_IN_MM;
export const GABA_GHK_INV_OUTSIDE_MM = 1 / (CL_OUT_MM + P_HCO3_OVER_CL * HCO3_OUT_MM);

export function egabaMv(clInMm: number): number {
  return RT_OVER_F_MV * Math.log((clInMm + P_HCO3_OVER_CL * HCO3_IN_MM) / (CL_OUT_MM + P_HCO3_OVER_CL * HCO3_OUT_MM));
}

/**
 * The Na⁺/K⁺ pump (docs/model.md §4), Cressman 2009 form: activity
 * P = 1 / ((1 + exp((25 − Nai)/3)) (1 + exp(5.5 − Ko))), relative to its value at rest
 * P_rest = P(10 mM, 3.5 mM). It moves 3 Na⁺ out for 2 K⁺ in.
 */
export const NA_REST_MM = 10;
export const PUMP_NA_HALF_MM = 25;
export const PUMP_NA_SLOPE_MM = 3;
export const PUMP_K_HALF_MM = 5.5;
export const PUMP_K_PER_NA = 2 / 3;

/** The pump's K⁺ factor 1 / (1 + exp(5.5 − Ko)) (slope 1 mM). */
export function pumpKFactor(koMm: number): number {
  return 1 / (1 + Math.exp(PUMP_K_HALF_MM - koMm));
}

export function pumpActivity(naiMm: number, koMm: number): number {
  return 1 / ((1 + Math.exp((PUMP_NA_HALF_MM - naiMm) / PUMP_NA_SLOPE_MM)) * (1 + Math.exp(PUMP_K_HALF_MM - koMm)));
}
export const PUMP_ACTIVITY_REST = pumpActivity(NA_REST_MM, K_REST_MM);
