/**
 * The virtual population: from which distributions a patient's mechanisms are drawn (docs/model.md §5
 * knobs), each with its source, or with the reason for the choice where the literature gives no
 * number that maps onto this model.
 *
 * Every draw of one patient comes from one generator (rng.ts) seeded by `patientSeed(cohortSeed,
 * index)`, so a patient depends on the cohort's seed and its own index only — never on how many
 * patients there are or how they are split among workers.
 */
import type { Lesion } from '../../params.ts';
import { deriveSeed, GOLDEN_GAMMA, isSeed, type Rng, SEED_MAX } from '../../rng.ts';
import { SHEET_MM } from '../../sheet/geometry.ts';
import { RESISTANT_LESION_BLOCKER_BINDING } from '../../sheet/lesion.ts';

/** Share of patients with an epileptogenic structural lesion (dysplasia, hippocampal sclerosis, tuber). */
export const LESION_SHARE = 0.2; // 16 % of children with new-onset epilepsy had a relevant MRI lesion (Berg 2009); adults' share is higher: modelling choice 20 %
/** Lesion radius, mm: uniform. Modelling choice: 0.35–0.5 mm of the 2-mm patch starts seizures in a mildly disinhibited sheet (sheet/lesion.ts). */
export const LESION_RADIUS_MM = { min: 0.35, max: 0.5 } as const;

/**
 * The target hypothesis in the trial: a sodium-channel blocker binds a lesional patient's focus at
 * RESISTANT_LESION_BLOCKER_BINDING of normal (sheet/lesion.ts; Remy 2003). Modelling choice: every
 * lesional patient, since the trial is where the hypothesis is put to the test (the app's default
 * keeps normal channels; its slider compares both); patients without a lesion have none to alter.
 */
export const LESIONAL_BLOCKER_BINDING = RESISTANT_LESION_BLOCKER_BINDING;

/**
 * P-glycoprotein overexpression at the barrier. In resected tissue of drug-resistant patients
 * MDR1 was raised in 11 of 19 (Tishler 1995), and P-gp was overexpressed in most dysplasia and
 * hippocampal-sclerosis specimens (Sisodiya 2002); among newly treated patients the share is not
 * known. Modelling choice: half of the lesional patients and one in ten of the others, so that
 * about one in five patients has it.
 */
export const PGP_HIGH_SHARE_LESIONAL = 0.5;
export const PGP_HIGH_SHARE_OTHER = 0.1;
/** Fold over normal where overexpressed, uniform: about 2× in the focus (van Vliet 2007; Bauer 2008). */
export const PGP_HIGH_FOLD = { min: 1.5, max: 3 } as const;

/**
 * Dravet-like SCN1A loss of function: Dravet syndrome is about 1 in 15,700 births (Wu 2015), about
 * 1 % of childhood-onset epilepsies. Modelling choice: 2 %, so that a cohort of a few hundred has
 * a handful of them to follow; the totals barely move.
 */
export const DRAVET_SHARE = 0.02;
/** Interneuron Nav1.1 availability in Dravet (sodium current halved in interneurons; Yu 2006). */
export const DRAVET_SCN1A = 0.5;

/**
 * Brain inflammation: IL-1β and its receptors are raised in resected tissue of drug-resistant
 * temporal-lobe epilepsy and dysplasia (Ravizza 2008; Vezzani 2011 review); among newly treated
 * patients the share is unknown. Modelling choice: one in five has a cytokine gain drawn
 * uniformly in 0.1–0.4 (gain 1 is the model's maximum, and already makes a borderline sheet seize
 * continuously); the rest have none.
 */
export const INFLAMED_SHARE = 0.2;
export const INFLAMMATION_GAIN = { min: 0.1, max: 0.4 } as const;

/**
 * Adherence: 26 % of adults with epilepsy were non-adherent (medication possession ratio < 0.8;
 * Faught 2008). Non-adherent patients take each dose with a probability uniform in 0.5–0.8, the
 * others in 0.9–1 (modelling choice: the bands around the 0.8 cut-off).
 */
export const NON_ADHERENT_SHARE = 0.26;
export const ADHERENCE_NON_ADHERENT = { min: 0.5, max: 0.8 } as const;
export const ADHERENCE_ADHERENT = { min: 0.9, max: 1 } as const;

/** Adult body weight, kg: normal, mean 75, SD 15, truncated to 45–120 (modelling choice around adult averages). */
export const WEIGHT_KG = { mean: 75, sd: 15, min: 45, max: 120 } as const;

/**
 * The severity of the epilepsy, as the glia's K⁺ buffering (the `kClearance` knob: the Kir4.1
 * buffer near rest; lower is more severe). In sclerotic hippocampus, the commonest substrate of
 * drug-resistant focal epilepsy, astrocytes have fewer Kir4.1 channels and take up K⁺ more slowly
 * (Hinterkeuser 2000; Heinemann 2000; Steinhäuser 2016 review); how well K⁺ is cleared sets the
 * seizure threshold (Bazhenov 2004). Refractoriness follows the severity of the disease (the
 * intrinsic severity hypothesis, Rogawski & Johnson 2008; Kwan & Brodie 2000: many seizures before
 * treatment predicted failure). No study gives the distribution of a model knob, and the trial's
 * figures must not come from tuning one on the seed they are reported for, so it is not tuned:
 * uniform over the whole range of the knob in which the trial's untreated sheet (32 × 32, GABA_A
 * at its default) has recurring seizures of its own — from the knob's floor, 0.2, up to 0.70 (0.72 at dt 0.1 ms, below).
 *
 * Why K⁺ clearance and not GABA_A (until 2026-12-06 the severity was `gaba` 0.40–0.55;
 * docs/notes/real-seizures.md §26–§28): on a disinhibited sheet a sodium-channel blocker leaves a
 * steady 12–18-Hz rhythm whose swings crossed the detector's onset or not, so the verdicts sat on
 * a threshold. On a sheet that clears K⁺ poorly the states are apart: the untreated sheet has
 * full events (37–62 Hz, K⁺o 11–13 mM, every 76–96 s, each ending by itself), a drug that controls
 * it holds it at 8.6–10.1 Hz with χ under 0.31 — the healthy sheet's state — and one that fails
 * lets events through.
 *
 * Why 0.72 (`run --set side=32 --set kClearance=K --duration-s 200`, seeds 11 and 12, neither a
 * seed the trial is reported on; §28): every sheet from 0.2 to 0.72 has three events in 200 s at
 * full strength (the first from 4–16 s, then every ~95 s at 0.2 and every 76–86 s from 0.3 up;
 * 37–62 Hz), at 0.74 one seed of two seizes, and from 0.75 none (9.8–10.5 Hz, K⁺o ≤ 5.0 mM): the
 * change is abrupt, with no damped cycle in between.
 *
 * At the 0.2-ms step with the step-mean conductances (2026-12-07) the edge moved down: 0.72 still
 * has three events in 200 s on seeds 11 and 12, 0.74 and 0.76 none (9.8–10.2 Hz), and 0.72 settled
 * for the trial's 40 s has none in its 120-s window on seed 3 (9.3 Hz); 0.70 keeps the band 0.02–0.04
 * below the edge, as 0.72 was at 0.1 ms.
 *
 * The band is drawn once per patient; the place within it is drawn again while the sheet does
 * not seize (trial.ts), so that only the patients whose sheet seizes count.
 */
export const SEVERITY_BANDS: readonly { label: string; share: number; min: number; max: number }[] = [
  { label: 'K⁺ buffering deficit', share: 1, min: 0.2, max: 0.7 },
];

/** A patient's mechanisms, before any treatment. */
export interface PatientTraits {
  /** Glial K⁺ buffering, `kClearance` (the severity; lower = more severe). */
  kClearance: number;
  lesion: Lesion | null;
  /** Share of a sodium-channel blocker's binding the lesion keeps (1 without a lesion). */
  lesionBlockerBinding: number;
  pgp: number;
  /** P-gp drawn as overexpressed. */
  pgpHigh: boolean;
  scn1a: number;
  dravet: boolean;
  inflammation: number;
  adherence: number;
  weightKg: number;
}

/**
 * The seed of patient `index` of the cohort with seed `cohortSeed`: the one mixer (deriveSeed)
 * with the index as its salt ((index + 1)·GOLDEN_GAMMA), so that neighbouring patients and
 * neighbouring cohorts get unrelated streams.
 */
export function patientSeed(cohortSeed: number, index: number): number {
  if (!isSeed(cohortSeed)) {
    throw new RangeError(`the cohort seed must be a whole number in 0…${SEED_MAX}, got ${cohortSeed}`);
  }
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`patient index must be ≥ 0, got ${index}`);
  return deriveSeed(cohortSeed, Math.imul(index + 1, GOLDEN_GAMMA));
}

function uniformIn(rng: Rng, range: { min: number; max: number }): number {
  return range.min + (range.max - range.min) * rng.uniform();
}

/** Rounded to a step the parameter table can show and read back exactly. */
function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Draw the mechanisms, in a fixed order (each always takes the same number of draws). */
export function drawTraits(rng: Rng): Omit<PatientTraits, 'kClearance'> {
  const hasLesion = rng.uniform() < LESION_SHARE;
  const lesionX = rng.uniform() * SHEET_MM;
  const lesionY = rng.uniform() * SHEET_MM;
  const radius = uniformIn(rng, LESION_RADIUS_MM);
  const pgpHigh = rng.uniform() < (hasLesion ? PGP_HIGH_SHARE_LESIONAL : PGP_HIGH_SHARE_OTHER);
  const pgpFold = uniformIn(rng, PGP_HIGH_FOLD);
  const dravet = rng.uniform() < DRAVET_SHARE;
  const inflamed = rng.uniform() < INFLAMED_SHARE;
  const gain = uniformIn(rng, INFLAMMATION_GAIN);
  const nonAdherent = rng.uniform() < NON_ADHERENT_SHARE;
  const adherence = uniformIn(rng, nonAdherent ? ADHERENCE_NON_ADHERENT : ADHERENCE_ADHERENT);
  let weightKg: number = WEIGHT_KG.mean;
  for (let tries = 0; tries < 100; tries++) {
    weightKg = WEIGHT_KG.mean + WEIGHT_KG.sd * rng.normal();
    if (weightKg >= WEIGHT_KG.min && weightKg <= WEIGHT_KG.max) break;
  }
  weightKg = Math.min(WEIGHT_KG.max, Math.max(WEIGHT_KG.min, weightKg));
  return {
    lesion: hasLesion ? { xMm: round(lesionX, 3), yMm: round(lesionY, 3), radiusMm: round(radius, 3) } : null,
    lesionBlockerBinding: hasLesion ? LESIONAL_BLOCKER_BINDING : 1,
    pgp: pgpHigh ? round(pgpFold, 3) : 1,
    pgpHigh,
    scn1a: dravet ? DRAVET_SCN1A : 1,
    dravet,
    inflammation: inflamed ? round(gain, 3) : 0,
    adherence: round(adherence, 3),
    weightKg: round(weightKg, 1),
  };
}

export type SeverityBand = (typeof SEVERITY_BANDS)[number];

/** The patient's severity band (SEVERITY_BANDS), by its share. */
export function drawSeverityBand(rng: Rng): SeverityBand {
  const pick = rng.uniform();
  let below = 0;
  for (const band of SEVERITY_BANDS) {
    below += band.share;
    if (pick < below) return band;
  }
  return SEVERITY_BANDS[SEVERITY_BANDS.length - 1];
}

/** A place within the band: the K⁺ clearance, uniform from band.min to band.max. */
export function drawKClearance(rng: Rng, band: SeverityBand): number {
  return round(band.max - rng.uniform() * (band.max - band.min), 3);
}
