/**
 * The blood–brain barrier (docs/model.md §6): how much of the unbound plasma drug the brain sees, and
 * how P-glycoprotein changes it.
 *
 *   Kp,uu        = penetration · kpuuIntrinsic / (1 + s · (pgpEffective − 1))
 *   pgpEffective = pgp · induction · inhibition
 *
 * `pgp` is the user's parameter; `induction` (≥ 1) rises over hours with inflammation and seizure
 * burden through COX-2 (Bauer 2008) and is blocked by celecoxib (Zibell 2009); `inhibition`
 * (≤ 1) falls with tariquidar (Brandt 2006; van Vliet 2007).
 */
import type { Drug, Target } from './drugs.ts';
import { hillEffect } from './pd.ts';

/**
 * Time constant of P-gp induction, hours. Modelling choice: P-gp protein at the barrier rises
 * over hours to days after status epilepticus or glutamate exposure (Bauer 2008); 12 h lets a
 * simulated day show most of the rise.
 */
export const INDUCTION_TAU_H = 12;
/**
 * Extra P-gp at full inflammation and at continuous seizures, fold over normal. Modelling choice:
 * P-gp about doubles in the epileptic focus and after status epilepticus (van Vliet 2007; Bauer
 * 2008), so each input alone at most doubles it.
 */
export const INFLAMMATION_INDUCTION_GAIN = 1;
export const SEIZURE_INDUCTION_GAIN = 1;

/** Kp,uu of a drug at an effective P-gp level. */
export function kpuu(drug: Drug, penetration: number, pgpEffective: number): number {
  return (penetration * drug.kpuuIntrinsic) / (1 + drug.pgpSubstrate * (pgpEffective - 1));
}

/** The sum of a drug's effects on one target at a concentration (0 when it has none). */
export function targetEffect(drug: Drug, target: Target, concentrationUm: number): number {
  let sum = 0;
  for (const e of drug.effects) if (e.target === target) sum += hillEffect(concentrationUm, e);
  return sum;
}

/**
 * What is left of P-gp transport under an inhibitor at its unbound plasma concentration (the
 * inhibitor reaches P-gp from the blood side, in the endothelial membrane): 1 − E, ≥ 0.
 */
export function pgpInhibitionFactor(drug: Drug, plasmaUnboundUm: number): number {
  return Math.max(0, 1 - targetEffect(drug, 'pgpInhibition', plasmaUnboundUm));
}

/** Fraction of induction blocked by a COX-2 inhibitor at its unbound brain concentration, 0…1. */
export function inductionBlock(drug: Drug, brainUnboundUm: number): number {
  return Math.min(1, Math.max(0, targetEffect(drug, 'pgpInductionBlock', brainUnboundUm)));
}

/** Where induction heads: 1 + gains × inputs, less what COX-2 inhibition blocks. */
export function inductionTarget(inflammation: number, seizureBurden: number, block: number): number {
  return 1 + (INFLAMMATION_INDUCTION_GAIN * inflammation + SEIZURE_INDUCTION_GAIN * seizureBurden) * (1 - block);
}
