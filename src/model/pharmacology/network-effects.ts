/**
 * From brain concentrations to what the network integrates (src/model/modifiers/drug-effects.ts).
 *
 * Sodium-channel blockers act through the model's channel states, not through a fixed fraction:
 * the table's naChannel EC50 is the dissociation constant from inactivated channels (Kuo 1998:
 * ≈ 7–9 µM phenytoin, ≈ 25 µM carbamazepine), and resting channels bind REST_OVER_INACTIVATED_KD
 * times more weakly. Drugs of the class share one site (Kuo 1998), so their affinities add:
 * x = Σ C_i/Kd_i. Every other target is the Hill effect of pd.ts applied as a factor.
 */
import { type NetworkDrugEffects, NO_DRUG_EFFECTS } from '../modifiers/drug-effects.ts';
import { DRUGS, type DrugTable } from './drugs.ts';
import { type BrainLevel, combinedEffects } from './pd.ts';

/**
 * Resting-state Kd over inactivated-state Kd. Modelling choice: 100, within the roughly two
 * orders of magnitude of state selectivity that Kuo & Bean 1994 measured for phenytoin (and Kuo
 * 1998 for the class); the exact ratio matters little here because the block at rest stays small.
 */
export const REST_OVER_INACTIVATED_KD = 100;

export function networkDrugEffects(levels: readonly BrainLevel[], drugs: DrugTable = DRUGS): NetworkDrugEffects {
  let naRestAffinity = 0;
  let naInactivatedAffinity = 0;
  for (const { drug, brainUnboundUm } of levels) {
    if (!(brainUnboundUm > 0)) continue;
    for (const effect of drugs[drug].effects) {
      if (effect.target !== 'naChannel') continue;
      naInactivatedAffinity += brainUnboundUm / effect.ec50Um;
      naRestAffinity += brainUnboundUm / (effect.ec50Um * REST_OVER_INACTIVATED_KD);
    }
  }
  const e = combinedEffects(levels, drugs);
  return {
    ...NO_DRUG_EFFECTS,
    naRestAffinity,
    naInactivatedAffinity,
    napBlock: e.napCurrent === undefined ? 0 : -e.napCurrent,
    gabaConductanceFactor: 1 + (e.gabaConductance ?? 0),
    gabaDecayFactor: 1 + (e.gabaDecay ?? 0),
    releaseFactor: 1 + (e.releaseU ?? 0),
    nkcc1Block: e.clEq === undefined ? 0 : -e.clEq,
  };
}
