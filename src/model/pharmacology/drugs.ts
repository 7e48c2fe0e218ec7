/**
 * The drug table (docs/model.md §6): what each drug is, how the body handles it, and what it does to
 * the network. Pure data; every number sits next to its source, or is marked as a modelling
 * choice with the reason.
 *
 * Units: mass mg, volume L (per kg of body weight where it says so), time h (the patient clock),
 * plasma concentrations mg/L (the unit of therapeutic drug monitoring), brain concentrations and
 * potencies µM (unbound drug, what the receptor sees).
 *
 * Sources used throughout: Patsalos 2008 (Patsalos PN et al., Antiepileptic drugs—best practice
 * guidelines for therapeutic drug monitoring, Epilepsia 49:1239) for the clinical PK of the
 * antiepileptic drugs and their reference ranges; molar masses from PubChem.
 */

/**
 * Where a drug acts in the model. The network applies these later; here they are only names.
 *
 * - naChannel: use-dependent block of fast Na⁺ channels (lowers the availability A, docs/model.md §5)
 * - napCurrent: block of the persistent Na⁺ current I_NaP (phenytoin; Chao & Alzheimer 1995);
 *   kept apart from naChannel because its potency differs fourfold
 * - gabaConductance: GABA_A conductance (benzodiazepine site; valproate's GABA increase)
 * - gabaDecay: GABA_A decay time constant (barbiturates)
 * - releaseU: release probability U of excitatory synapses (SV2A)
 * - clEq: the NKCC1-held excess of the chloride equilibrium, clEqMm − 5 mM (adult): −0.6 moves
 *   clEqMm 60 % of the way to 5 mM (the fraction of NKCC1 blocked; Dzhala 2005)
 * - pgpInhibition: P-glycoprotein transport at the barrier (acts in barrier.ts, not the network)
 * - pgpInductionBlock: the COX-2 step of P-gp induction (acts in barrier.ts, not the network)
 */
export type Target =
  | 'naChannel'
  | 'napCurrent'
  | 'gabaConductance'
  | 'gabaDecay'
  | 'releaseU'
  | 'clEq'
  | 'pgpInhibition'
  | 'pgpInductionBlock';

/** Targets that act on the barrier rather than on neurons. */
export const BARRIER_TARGETS: readonly Target[] = ['pgpInhibition', 'pgpInductionBlock'];

/**
 * One effect: E = emax · C^hill / (ec50Um^hill + C^hill), a fractional change of the target
 * (−0.3: the target's value × 0.7). C is the unbound brain concentration, except for the barrier
 * targets (see barrier.ts).
 */
export interface Effect {
  target: Target;
  ec50Um: number;
  emax: number;
  hill: number;
}

/** Saturable (Michaelis–Menten) elimination: rate = vmax · C / (km + C). */
export interface SaturableElimination {
  vmaxMgPerKgPerDay: number;
  kmMgL: number;
}

export interface StandardRegimen {
  doseMg: number;
  /** Dosing interval τ in hours; null for a single IV bolus at t = 0. */
  everyH: number | null;
}

export interface Drug {
  name: DrugName;
  /** What it is, in a few words (for the command line). */
  label: string;
  molarMassGPerMol: number;
  /** Oral bioavailability F (fraction of an oral dose that reaches plasma). */
  bioavailability: number;
  /** First-order absorption rate constant ka, 1/h. */
  kaPerH: number;
  /**
   * Elimination half-life for linear drugs. Phenytoin's is the usual clinical figure, for display
   * only: its elimination is saturable and its half-life grows with the level.
   */
  halfLifeH: number;
  /** Phenytoin only: saturable elimination, which then replaces the half-life. */
  saturable: SaturableElimination | null;
  volumeLPerKg: number;
  /** Unbound fraction in plasma, fu. */
  unboundFraction: number;
  /** Therapeutic range of the total plasma concentration; null for research and acute drugs. */
  therapeuticMgL: { low: number; high: number } | null;
  /** An inert tablet with no effect on anything (the placebo arm of a virtual trial). */
  placebo?: true;
  /** P-gp substrate factor s: Kp,uu = penetration · kpuuIntrinsic / (1 + s · (pgpEffective − 1)). */
  pgpSubstrate: number;
  /**
   * Kp,uu at normal P-gp and full `penetration`, before efflux changes: 1 unless the drug is
   * known to be kept out by other means (bumetanide).
   */
  kpuuIntrinsic: number;
  /** Rate constant of brain entry k_in, 1/h: the brain relaxes toward Kp,uu · C_u,plasma. */
  kInPerH: number;
  effects: readonly Effect[];
  standardRegimen: StandardRegimen;
  /** Maximum daily dose for an adult, mg/day; a dose above 10× this is refused as absurd. */
  maxDailyMg: number;
}

export const DRUG_NAMES = [
  'phenytoin',
  'carbamazepine',
  'lamotrigine',
  'valproate',
  'phenobarbital',
  'diazepam',
  'midazolam',
  'levetiracetam',
  'bumetanide',
  'tariquidar',
  'celecoxib',
  'placebo',
] as const;

export type DrugName = (typeof DRUG_NAMES)[number];

export function isDrugName(name: string): name is DrugName {
  return (DRUG_NAMES as readonly string[]).includes(name);
}

/**
 * Brain entry of small lipophilic drugs takes minutes (modelling choice: τ = 10 min, k_in 6/h,
 * short beside every half-life here, so that only levetiracetam's documented lag shows).
 */
const FAST_BRAIN_ENTRY_PER_H = 6;

/**
 * The P-gp substrate factor of phenytoin and phenobarbital: 1 / (1 + s) = 0.75 at 2× P-gp, the
 * middle of the 20–30 % lower brain levels of van Vliet 2007 (Höcht 2007 found −49 % at the peak,
 * a transient; the steady state is what the model needs).
 */
const PGP_SUBSTRATE_STRONG = 1 / 3;

export type DrugTable = Readonly<Record<DrugName, Drug>>;

export const DRUGS: DrugTable = {
  phenytoin: {
    name: 'phenytoin',
    label: 'use-dependent Na⁺ channel block, I_NaP block',
    molarMassGPerMol: 252.27, // PubChem
    bioavailability: 0.95, // 0.9–1 (Patsalos 2008); mid-range
    // Modelling choice: Tmax 4–12 h after oral phenytoin (Patsalos 2008) fits ka ≈ 0.5/h with
    // saturable elimination.
    kaPerH: 0.5,
    halfLifeH: 22, // Patsalos 2008 (7–42 h, concentration dependent); not used: elimination is saturable
    saturable: { vmaxMgPerKgPerDay: 7, kmMgL: 4 }, // Vmax ≈ 7 mg/kg/day, Km ≈ 4 mg/L (docs/model.md §6; Patsalos 2008)
    volumeLPerKg: 0.7, // 0.5–0.8 L/kg (Patsalos 2008)
    unboundFraction: 0.1, // 90 % bound (Patsalos 2008)
    therapeuticMgL: { low: 10, high: 20 }, // Patsalos 2008
    pgpSubstrate: PGP_SUBSTRATE_STRONG, // substrate (van Vliet 2007; Höcht 2007)
    kpuuIntrinsic: 1,
    kInPerH: FAST_BRAIN_ENTRY_PER_H,
    effects: [
      // Inactivated-state Kd ≈ 7–9 µM (Kuo 1998); one site, Hill 1; full block at saturation.
      { target: 'naChannel', ec50Um: 8, emax: -1, hill: 1 },
      // Half-block of I_NaP at 34 µM (Chao & Alzheimer 1995).
      { target: 'napCurrent', ec50Um: 34, emax: -1, hill: 1 },
    ],
    // 400 mg/day in two doses: with Vmax 7 mg/kg/day and Km 4 mg/L the often-quoted 300 mg/day
    // gives ≈ 6 mg/L at 70 kg, below the range; 300–400 mg/day is the usual adult maintenance.
    standardRegimen: { doseMg: 200, everyH: 12 },
    maxDailyMg: 600, // usual adult maximum maintenance dose (product labels)
  },
  carbamazepine: {
    name: 'carbamazepine',
    label: 'use-dependent Na⁺ channel block',
    molarMassGPerMol: 236.27, // PubChem
    bioavailability: 0.85, // 75–85 % (Patsalos 2008)
    kaPerH: 0.3, // modelling choice: Tmax 4–8 h (Patsalos 2008)
    halfLifeH: 15, // after autoinduction, 8–20 h (Patsalos 2008); docs/model.md §6
    saturable: null,
    volumeLPerKg: 1, // 0.8–2 L/kg (Patsalos 2008)
    unboundFraction: 0.25, // 75 % bound (Patsalos 2008)
    therapeuticMgL: { low: 4, high: 12 }, // Patsalos 2008
    pgpSubstrate: 0, // not a P-gp substrate in most systems (Owen 2001)
    kpuuIntrinsic: 1,
    kInPerH: FAST_BRAIN_ENTRY_PER_H,
    // Inactivated-state Kd ≈ 25 µM (Kuo 1998); same site as phenytoin.
    effects: [{ target: 'naChannel', ec50Um: 25, emax: -1, hill: 1 }],
    standardRegimen: { doseMg: 400, everyH: 12 }, // 800 mg/day, within the 400–1600 mg/day adult maintenance
    maxDailyMg: 1600, // adult maximum (product labels)
  },
  lamotrigine: {
    name: 'lamotrigine',
    label: 'use-dependent Na⁺ channel block',
    molarMassGPerMol: 256.09, // PubChem
    bioavailability: 0.98, // ≥ 95 % (Patsalos 2008)
    kaPerH: 1.5, // modelling choice: Tmax 1–3 h (Patsalos 2008)
    halfLifeH: 25, // 15–35 h in monotherapy (Patsalos 2008); docs/model.md §6
    saturable: null,
    volumeLPerKg: 1.1, // 0.9–1.3 L/kg (Patsalos 2008)
    unboundFraction: 0.45, // 55 % bound (Patsalos 2008)
    therapeuticMgL: { low: 2.5, high: 15 }, // Patsalos 2008
    pgpSubstrate: 0, // not a P-gp substrate (Owen 2001; Dickens 2013)
    kpuuIntrinsic: 1,
    kInPerH: FAST_BRAIN_ENTRY_PER_H,
    // Binds the same inactivated-state site as phenytoin with similar affinity (Kuo 1998);
    // modelling choice: 9 µM, the top of phenytoin's 7–9 µM.
    effects: [{ target: 'naChannel', ec50Um: 9, emax: -1, hill: 1 }],
    standardRegimen: { doseMg: 200, everyH: 12 }, // 400 mg/day, adult monotherapy maintenance 100–500 mg/day
    maxDailyMg: 700, // with enzyme inducers (product labels)
  },
  valproate: {
    name: 'valproate',
    label: 'weak Na⁺ channel block and more GABA',
    molarMassGPerMol: 144.21, // valproic acid, PubChem
    bioavailability: 1, // ≥ 90 %, essentially complete (Patsalos 2008)
    // Modelling choice: enteric-coated tablets reach Tmax in 3–6 h (Patsalos 2008): ka 0.4/h.
    kaPerH: 0.4,
    halfLifeH: 14, // 12–16 h (Patsalos 2008); docs/model.md §6
    saturable: null,
    volumeLPerKg: 0.15, // 0.1–0.4 L/kg (Patsalos 2008)
    unboundFraction: 0.1, // 90 % bound at therapeutic levels (Patsalos 2008)
    therapeuticMgL: { low: 50, high: 100 }, // Patsalos 2008
    pgpSubstrate: 0, // not a P-gp substrate (docs/model.md §6)
    kpuuIntrinsic: 1,
    // Modelling choice: valproate enters the brain by carriers, more slowly than the lipophilic
    // drugs; τ 20 min.
    kInPerH: 3,
    effects: [
      // Modelling choice: a weak Na⁺ block, about 10 % at the ≈ 55 µM unbound of 8 mg/L.
      { target: 'naChannel', ec50Um: 500, emax: -1, hill: 1 },
      // Modelling choice: valproate raises brain GABA by tens of per cent (Löscher 2002 review);
      // at most +30 % GABA_A conductance, half of it at 50 µM unbound.
      { target: 'gabaConductance', ec50Um: 50, emax: 0.3, hill: 1 },
    ],
    standardRegimen: { doseMg: 500, everyH: 12 }, // 1000 mg/day, usual adult maintenance
    maxDailyMg: 4200, // 60 mg/kg/day at 70 kg (product labels)
  },
  phenobarbital: {
    name: 'phenobarbital',
    label: 'prolongs GABA_A decay',
    molarMassGPerMol: 232.24, // PubChem
    bioavailability: 0.95, // > 90 % (Patsalos 2008)
    kaPerH: 1, // modelling choice: Tmax 2–4 h (Patsalos 2008)
    halfLifeH: 100, // 70–140 h in adults (Patsalos 2008); docs/model.md §6
    saturable: null,
    volumeLPerKg: 0.6, // 0.54–0.73 L/kg (Patsalos 2008)
    unboundFraction: 0.45, // 55 % bound (Patsalos 2008; docs/model.md §6)
    therapeuticMgL: { low: 10, high: 40 }, // Patsalos 2008
    pgpSubstrate: PGP_SUBSTRATE_STRONG, // substrate (van Vliet 2007; Brandt 2006)
    kpuuIntrinsic: 1,
    kInPerH: FAST_BRAIN_ENTRY_PER_H,
    // Modelling choice: barbiturates potentiate GABA_A responses at tens to hundreds of µM (Rho
    // 1996); EC50 100 µM, decay at most 3× longer, so that ≈ 40 µM unbound (20 mg/L total)
    // lengthens the decay by ≈ 60 %.
    effects: [{ target: 'gabaDecay', ec50Um: 100, emax: 2, hill: 1 }],
    standardRegimen: { doseMg: 100, everyH: 24 }, // 60–180 mg/day adult maintenance
    maxDailyMg: 300, // adult maximum oral maintenance (product labels)
  },
  diazepam: {
    name: 'diazepam',
    label: 'benzodiazepine: GABA_A conductance up to 2×',
    molarMassGPerMol: 284.74, // PubChem
    bioavailability: 0.95, // > 90 % orally (Greenblatt 1980)
    kaPerH: 1.5, // modelling choice: oral Tmax ≈ 1 h
    halfLifeH: 36, // docs/model.md §6 (20–50 h; Greenblatt 1980)
    saturable: null,
    volumeLPerKg: 1.1, // ≈ 1.1 L/kg (Greenblatt 1980)
    unboundFraction: 0.02, // 98 % bound (docs/model.md §6)
    therapeuticMgL: null, // acute IV use
    pgpSubstrate: 0, // not a substrate (docs/model.md §6)
    kpuuIntrinsic: 1,
    kInPerH: 20, // modelling choice: acts within 1–3 min of an IV dose (τ 3 min)
    // Benzodiazepines raise GABA_A conductance up to about 2× (docs/model.md §6). Modelling choice:
    // EC50 20 nM unbound, the low end of the tens-of-nM potentiation EC50s of α1β2γ2 receptors,
    // so that 10 mg IV (≈ 9 nM unbound in this one-compartment model) gives a clear effect.
    effects: [{ target: 'gabaConductance', ec50Um: 0.02, emax: 1, hill: 1 }],
    standardRegimen: { doseMg: 10, everyH: null }, // 10 mg IV for status epilepticus (Glauser 2016)
    maxDailyMg: 40, // adult maximum oral (product labels)
  },
  midazolam: {
    name: 'midazolam',
    label: 'benzodiazepine: GABA_A conductance up to 2×',
    molarMassGPerMol: 325.77, // PubChem
    bioavailability: 0.4, // 30–50 % orally, first-pass metabolism (Allonen 1981)
    kaPerH: 2, // modelling choice: oral Tmax 0.5–1 h
    halfLifeH: 3, // docs/model.md §6 (1.5–3.5 h)
    saturable: null,
    volumeLPerKg: 1, // 0.8–1.7 L/kg (Allonen 1981)
    unboundFraction: 0.04, // 96 % bound (docs/model.md §6)
    therapeuticMgL: null, // acute IV use
    pgpSubstrate: 0, // not a substrate (docs/model.md §6)
    kpuuIntrinsic: 1,
    kInPerH: 20, // modelling choice, as diazepam
    effects: [{ target: 'gabaConductance', ec50Um: 0.02, emax: 1, hill: 1 }], // as diazepam (modelling choice)
    standardRegimen: { doseMg: 10, everyH: null }, // 10 mg for status epilepticus (Silbergleit 2012, RAMPART)
    maxDailyMg: 50, // modelling choice: well above any bolus regimen; infusions are not modelled
  },
  levetiracetam: {
    name: 'levetiracetam',
    label: 'SV2A: lowers release probability U',
    molarMassGPerMol: 170.21, // PubChem
    bioavailability: 0.99, // ≥ 95 % (Patsalos 2008)
    kaPerH: 1.2, // modelling choice: Tmax ≈ 1–2 h (Patsalos 2008)
    halfLifeH: 7, // 6–8 h (Patsalos 2008); docs/model.md §6
    saturable: null,
    volumeLPerKg: 0.6, // 0.5–0.7 L/kg (Patsalos 2008)
    unboundFraction: 0.95, // < 10 % bound (Patsalos 2008)
    therapeuticMgL: { low: 12, high: 46 }, // Patsalos 2008
    pgpSubstrate: 0, // not a substrate in humans (docs/model.md §6)
    kpuuIntrinsic: 1,
    // Brain extracellular levels lag serum by ≈ 2 h (Tong & Patsalos 2001): τ = 2 h.
    kInPerH: 0.5,
    // SV2A affinity ≈ 1–2 µM (Lynch 2004): EC50 2 µM. Modelling choice: at most 30 % lower U,
    // a modest effect on release, saturated at therapeutic levels.
    effects: [{ target: 'releaseU', ec50Um: 2, emax: -0.3, hill: 1 }],
    // 3000 mg/day, the top of the usual 1000–3000 mg/day: with t½ 7 h the 12-h trough of 2000 mg/day
    // (≈ 11 mg/L at 70 kg) falls just below the range.
    standardRegimen: { doseMg: 1500, everyH: 12 },
    maxDailyMg: 3000, // adult maximum (product labels)
  },
  bumetanide: {
    name: 'bumetanide',
    label: 'NKCC1 block: lowers clEqMm toward adult',
    molarMassGPerMol: 364.42, // PubChem
    bioavailability: 0.8, // ≈ 80 % (Holazo 1984)
    kaPerH: 1.5, // modelling choice: Tmax 0.5–2 h
    halfLifeH: 1.5, // adults (docs/model.md §6); newborns much longer (Pressler 2015)
    saturable: null,
    volumeLPerKg: 0.2, // 0.13–0.2 L/kg in adults (Holazo 1984)
    unboundFraction: 0.03, // 97 % bound (docs/model.md §6)
    therapeuticMgL: null, // research use in epilepsy
    pgpSubstrate: 0, // kept out by other transporters (OAT3), not P-gp (Löscher 2013 review)
    // Poor brain penetration: brain levels ≈ 1–2 % of plasma in rodents (Töllner 2014; Löscher
    // 2013 review). Modelling choice: Kp,uu 0.03, a few per cent.
    kpuuIntrinsic: 0.03,
    kInPerH: 1, // modelling choice: slow, polar anion
    // NKCC1 IC50 0.1–0.7 µM (Löscher 2013 review); modelling choice 0.2 µM. Dzhala 2005 applied
    // 10 µM to slices. Emax −1: full NKCC1 block brings clEqMm to the adult 5 mM.
    effects: [{ target: 'clEq', ec50Um: 0.2, emax: -1, hill: 1 }],
    standardRegimen: { doseMg: 1, everyH: 12 }, // adult diuretic dose 0.5–2 mg/day
    maxDailyMg: 10, // adult maximum (product labels)
  },
  tariquidar: {
    name: 'tariquidar',
    label: 'P-gp inhibitor (research)',
    molarMassGPerMol: 646.73, // PubChem
    // Oral PK of tariquidar in people is barely published: the next five numbers are modelling
    // choices for a large lipophilic, highly bound drug with a long terminal phase.
    bioavailability: 0.7,
    kaPerH: 0.5,
    halfLifeH: 24,
    saturable: null,
    volumeLPerKg: 10,
    unboundFraction: 0.05,
    therapeuticMgL: null, // research use
    pgpSubstrate: 0,
    kpuuIntrinsic: 1,
    kInPerH: FAST_BRAIN_ENTRY_PER_H,
    // Inhibits P-gp from the blood side: the Hill function takes the plasma unbound
    // concentration (barrier.ts). Modelling choice: half inhibition at 15 nM unbound, so that
    // ≈ 2 mg/kg/day roughly halves P-gp transport, as partial inhibition at that dose was found
    // at the human barrier and full restoration in rats (Brandt 2006; van Vliet 2007).
    effects: [{ target: 'pgpInhibition', ec50Um: 0.015, emax: 1, hill: 1 }],
    standardRegimen: { doseMg: 150, everyH: 24 }, // ≈ 2 mg/kg/day at 70 kg
    maxDailyMg: 500, // modelling choice: a few times the clinical-study dose
  },
  celecoxib: {
    name: 'celecoxib',
    label: 'COX-2 inhibitor: blocks P-gp induction',
    molarMassGPerMol: 381.37, // PubChem
    // Absolute bioavailability is unknown; the apparent volume below is V/F (Davies 2000), so F = 1.
    bioavailability: 1,
    kaPerH: 1, // modelling choice: Tmax ≈ 3 h (Davies 2000)
    halfLifeH: 11, // docs/model.md §6 (Davies 2000)
    saturable: null,
    volumeLPerKg: 5.7, // V/F ≈ 400 L (Davies 2000)
    unboundFraction: 0.03, // 97 % bound (docs/model.md §6; Davies 2000)
    therapeuticMgL: null, // research use in epilepsy
    pgpSubstrate: 0,
    kpuuIntrinsic: 1,
    kInPerH: FAST_BRAIN_ENTRY_PER_H,
    // COX-2 IC50 40 nM for the isolated enzyme (Penning 1997). Modelling choice: 5 nM unbound,
    // so that 200 mg twice daily (≈ 40–55 nM unbound) blocks ≈ 90 % of induction, as celecoxib
    // prevented the seizure-induced rise of P-gp in rats (Zibell 2009).
    effects: [{ target: 'pgpInductionBlock', ec50Um: 0.005, emax: 1, hill: 1 }],
    standardRegimen: { doseMg: 200, everyH: 12 }, // 400 mg/day (product labels)
    maxDailyMg: 800, // adult maximum (product labels)
  },
  placebo: {
    name: 'placebo',
    label: 'placebo: an inert tablet, no effect on anything',
    // An inert tablet: nothing of it reaches the blood as a drug (bioavailability 0), it has no
    // target, and so it changes no level, no barrier and no cell. The numbers below only keep the
    // table's shape; none of them acts. It exists so that a virtual trial can have a placebo arm.
    molarMassGPerMol: 342.3, // lactose, the usual filler of placebo tablets (PubChem)
    bioavailability: 0,
    kaPerH: 1,
    halfLifeH: 1,
    saturable: null,
    volumeLPerKg: 1,
    unboundFraction: 1,
    therapeuticMgL: null,
    placebo: true,
    pgpSubstrate: 0,
    kpuuIntrinsic: 1,
    kInPerH: FAST_BRAIN_ENTRY_PER_H,
    effects: [],
    standardRegimen: { doseMg: 100, everyH: 12 }, // one tablet twice a day, like the drugs it stands in for
    maxDailyMg: 1000, // modelling choice: nothing here depends on it; refuses absurd entries as for the drugs
  },
};
