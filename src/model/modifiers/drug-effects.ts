/**
 * What drugs do to the network, in the network's own terms: the targets of docs/model.md §6 as
 * factors on the quantities the engine integrates. The pharmacology (src/model/pharmacology)
 * turns doses into brain concentrations and these numbers; the network only applies them. With
 * NO_DRUG_EFFECTS every factor is neutral and the network is the same to the last bit.
 */
export interface NetworkDrugEffects {
  /**
   * Sodium-channel blockers (phenytoin, carbamazepine, lamotrigine, valproate's share): brain
   * unbound concentration over the dissociation constant from resting and from inactivated
   * channels, summed over the drugs of the class, which compete for one site (Kuo 1998). The
   * bound fraction is x/(1 + x), x = h·rest + (1 − h)·inactivated, h the cell's slow gate.
   */
  naRestAffinity: number;
  naInactivatedAffinity: number;
  /** Fraction of the persistent sodium current blocked (0…1). */
  napBlock: number;
  /** GABA_A conductance factor (benzodiazepines, valproate's share): 1 = none, 2 = doubled. */
  gabaConductanceFactor: number;
  /** GABA_A decay time-constant factor (phenobarbital prolongs channel openings): 1 = none. */
  gabaDecayFactor: number;
  /** Release probability U factor of excitatory terminals (levetiracetam, SV2A): 1 = none. */
  releaseFactor: number;
  /**
   * Fraction of NKCC1 inhibited (bumetanide): the E cells' chloride equilibrium moves from
   * clEqMm toward the adult 5 mM by this fraction (NKCC1 is what holds it above; Dzhala 2005).
   */
  nkcc1Block: number;
}

export const NO_DRUG_EFFECTS: Readonly<NetworkDrugEffects> = Object.freeze({
  naRestAffinity: 0,
  naInactivatedAffinity: 0,
  napBlock: 0,
  gabaConductanceFactor: 1,
  gabaDecayFactor: 1,
  releaseFactor: 1,
  nkcc1Block: 0,
});

/** The adult chloride equilibrium that NKCC1 block moves toward (docs/model.md §4, §5). */
export const CL_EQ_ADULT_MM = 5;

const LIMITS: Readonly<Record<keyof NetworkDrugEffects, readonly [number, number]>> = {
  naRestAffinity: [0, 1e6],
  naInactivatedAffinity: [0, 1e6],
  napBlock: [0, 1],
  gabaConductanceFactor: [0, 10],
  gabaDecayFactor: [0.1, 10],
  releaseFactor: [0, 5],
  nkcc1Block: [0, 1],
};

/** Throws a RangeError naming the field and its range when an effect is not finite or out of range. */
export function validateDrugEffects(e: NetworkDrugEffects): void {
  for (const key of Object.keys(LIMITS) as (keyof NetworkDrugEffects)[]) {
    const [lo, hi] = LIMITS[key];
    const v = e[key];
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi)) {
      throw new RangeError(`drug effect ${key} must be a number in ${lo}…${hi}, got ${String(v)}`);
    }
  }
}

/** The chloride equilibrium of E cells with part of NKCC1 blocked. */
export function chlorideEquilibriumWithDrug(clEqMm: number, nkcc1Block: number): number {
  if (nkcc1Block === 0 || clEqMm <= CL_EQ_ADULT_MM) return clEqMm;
  return clEqMm - nkcc1Block * (clEqMm - CL_EQ_ADULT_MM);
}
