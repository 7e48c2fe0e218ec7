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
 * Intracellular Na⁺ of a silent cell at rest (docs/model.md §4): there the pump only balances the
 * resting Na⁺ leak, so its flux at (10 mM, 3.5 mM) is the zero of every Na⁺ and K⁺ balance.
 */
export const NA_REST_MM = 10;

/**
 * The Na⁺/K⁺ pump (docs/model.md §4), normalised: P = (1 + Km,K/Ko)⁻² (1 + Km,Na/Nai)⁻³, the form
 * of Kager, Wadman & Somjen 2000 used by Krishnan & Bazhenov 2011 (two external K⁺ sites, three
 * internal Na⁺ sites), with Km,K = 2 mM and Km,Na = 10 mM (ModelDB 222321, after Kager 2000).
 * The external K⁺ site is mostly saturated at rest (P is 0.41 of its K⁺ maximum at 3.5 mM, 0.64
 * at 8 mM), unlike Cressman 2009's logistic with a half-point of 5.5 mM, which made raised K⁺
 * hyperpolarise the cells through the pump more than it depolarised them through the leak.
 * It moves 3 Na⁺ out for 2 K⁺ in.
 */
export const PUMP_KM_K_MM = 2;
export const PUMP_KM_NA_MM = 10;
export const PUMP_K_PER_NA = 2 / 3;

/** The pump's K⁺ factor (1 + Km,K/Ko)⁻². */
export function pumpKFactor(koMm: number): number {
  const r = koMm / (koMm + PUMP_KM_K_MM);
  return r * r;
}
/** The pump's Na⁺ factor (1 + Km,Na/Nai)⁻³. */
export function pumpNaFactor(naiMm: number): number {
  const r = naiMm / (naiMm + PUMP_KM_NA_MM);
  return r * r * r;
}
export function pumpActivity(naiMm: number, koMm: number): number {
  return pumpKFactor(koMm) * pumpNaFactor(naiMm);
}
/** The silent cell at rest: the pump balances the resting Na⁺ leak and nothing more. */
export const PUMP_ACTIVITY_REST = pumpActivity(NA_REST_MM, K_REST_MM);

/**
 * The cell volume of docs/model.md §4 (a 10-pL pyramidal soma and proximal dendrites), in which
 * spike Na⁺, pump flux and chloride load are counted.
 */
export const CELL_VOLUME_PL = 10;
/**
 * Charge of the pump: it moves 3 Na⁺ out and 2 K⁺ in, one net charge per 3 Na⁺. A Na⁺ flux of
 * 1 mM/ms out of a cell of volume V carries F·V/3 of outward current: 96485 C/mol × 10 pL / 3 =
 * 321,617 pA.
 */
export const PUMP_PA_PER_MM_PER_MS = (FARADAY_C_PER_MOL * CELL_VOLUME_PL) / 3;
