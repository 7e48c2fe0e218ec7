/**
 * Pharmacodynamics: from an unbound concentration to a fractional change of each target.
 *
 *   E = Emax · C^n / (EC50^n + C^n)       (Hill; docs/model.md §6)
 *
 * A pure function of concentrations: the network applies the changes later (a target's value
 * × (1 + E)). The barrier targets (P-gp inhibition and induction block) act in barrier.ts.
 */
import { BARRIER_TARGETS, DRUGS, type DrugName, type DrugTable, type Effect, type Target } from './drugs.ts';

export type TargetEffects = Partial<Record<Target, number>>;

export function hillEffect(concentrationUm: number, effect: Effect): number {
  if (!(concentrationUm > 0)) return 0;
  const c = concentrationUm ** effect.hill;
  return (effect.emax * c) / (effect.ec50Um ** effect.hill + c);
}

/** The drug's effect on each network target at an unbound brain concentration. */
export function drugEffects(drug: DrugName, brainUnboundUm: number, drugs: DrugTable = DRUGS): TargetEffects {
  const out: TargetEffects = {};
  for (const effect of drugs[drug].effects) {
    if (BARRIER_TARGETS.includes(effect.target)) continue;
    out[effect.target] = hillEffect(brainUnboundUm, effect);
  }
  return out;
}

export interface BrainLevel {
  drug: DrugName;
  brainUnboundUm: number;
}

/** Per drug, each network target's fractional change. */
export function effectsByDrug(
  levels: readonly BrainLevel[],
  drugs: DrugTable = DRUGS,
): { drug: DrugName; effects: TargetEffects }[] {
  return levels.map((l) => ({ drug: l.drug, effects: drugEffects(l.drug, l.brainUnboundUm, drugs) }));
}

/**
 * All drugs together: changes of one target compose as factors, 1 + E = Π (1 + E_i), so two
 * blockers never take a target below zero. (Drugs sharing one binding site compete rather than
 * multiply; at the concentrations used together here the difference is small.)
 */
export function combinedEffects(levels: readonly BrainLevel[], drugs: DrugTable = DRUGS): TargetEffects {
  const factors: Partial<Record<Target, number>> = {};
  for (const { effects } of effectsByDrug(levels, drugs)) {
    for (const [target, e] of Object.entries(effects) as [Target, number][]) {
      factors[target] = (factors[target] ?? 1) * (1 + e);
    }
  }
  const out: TargetEffects = {};
  for (const [target, f] of Object.entries(factors) as [Target, number][]) out[target] = f - 1;
  return out;
}
