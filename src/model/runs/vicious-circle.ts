/**
 * The vicious circle of drug resistance (docs/model.md §6 and §7 behaviour 9), closed day by day:
 *
 *   seizures → glutamate → NMDA receptors → COX-2 → more P-glycoprotein at the barrier (Bauer
 *   2008) → less of a P-gp substrate (phenytoin, phenobarbital) in the brain → more seizures.
 *
 * The network clock (seconds) and the patient clock (days) are far apart, so the loop alternates
 * them: each day the network runs for a short sample at that day's brain concentrations, and the
 * fraction of the sample spent in seizures stands for the whole day's seizure burden. That burden
 * drives P-gp induction on the patient clock for the following 24 h (pharmacology/barrier.ts: induction heads
 * for 1 + burden with a 12-h time constant, so a day lets it go most of the way, 1 − e⁻² = 86 %),
 * and the next day's sample runs at the brain level that follows. A COX-2 inhibitor in the
 * regimens (celecoxib) blocks the induction (Zibell 2009) and so breaks the circle; the P-gp
 * inhibitor tariquidar cuts the pump itself (Brandt 2006).
 *
 * Pure: the network run is passed in, so the loop is tested with a stand-in network as well as
 * with the real sheet. With no seizures the loop is exactly `pkAt` at each day's time.
 */

import type { NetworkDrugEffects } from '../modifiers/drug-effects.ts';
import { type Params, withParams } from '../params.ts';
import type { BurdenPiece, DrugLevels } from '../pharmacology/pk.ts';
import type { Regimen } from '../pharmacology/regimen.ts';
import { patientAt } from './start-run.ts';

/** Hours between two network samples: one a day. */
export const CIRCLE_DAY_H = 24;
/** More days than a lesson needs, few enough that every day is a network run the learner waits for. */
export const CIRCLE_MAX_DAYS = 14;

export interface CircleOptions {
  /** The patient and the sheet (P-gp, inflammation, weight, adherence and seed act on the patient clock). */
  params: Params;
  /** Drug regimens from t = 0 on the patient clock. */
  regimens: readonly Regimen[];
  /** Patient-clock time of day 0's sample, h. */
  startH: number;
  /** Number of daily samples, 1…CIRCLE_MAX_DAYS. */
  days: number;
  /**
   * Parameter changes for day 0's network only: what sets the circle off (a sleepless night:
   * more background drive). They do not act on the patient clock.
   */
  trigger?: Readonly<Record<string, unknown>>;
}

/** What one day's sample ran with and what it measured. */
export interface CircleDay {
  day: number;
  /** Patient-clock time of the sample, h. */
  atHours: number;
  /** P-gp at that time, fold over normal (the user's `pgp` × induction × inhibition). */
  pgpEffective: number;
  drugs: DrugLevels[];
  /** Fraction of the sample spent in seizures: the day's burden. */
  seizureBurden: number;
}

/**
 * Runs one day's network sample with these parameters at these brain levels (whose effects on the
 * network are `drugs`) and returns its seizure burden (0…1).
 */
export type NetworkDay = (
  params: Params,
  levels: readonly DrugLevels[],
  day: number,
  drugs: NetworkDrugEffects,
) => number;

export function runViciousCircle(options: CircleOptions, networkDay: NetworkDay): CircleDay[] {
  const { params, regimens, startH, days } = options;
  if (!(Number.isInteger(days) && days >= 1 && days <= CIRCLE_MAX_DAYS)) {
    throw new RangeError(`the circle runs 1…${CIRCLE_MAX_DAYS} days, not ${days}`);
  }
  if (!(Number.isFinite(startH) && startH >= 0)) throw new RangeError(`startH must be ≥ 0 h, got ${startH}`);
  const triggered = withParams(params, options.trigger ?? {});
  const history: BurdenPiece[] = [];
  const out: CircleDay[] = [];
  for (let day = 0; day < days; day++) {
    const atHours = startH + day * CIRCLE_DAY_H;
    const { patient, drugs } = patientAt(params, { regimens, atHours, seizureBurdenHistory: history });
    const seizureBurden = networkDay(day === 0 ? triggered : params, patient.drugs, day, drugs);
    if (!(seizureBurden >= 0 && seizureBurden <= 1)) {
      throw new RangeError(`day ${day}'s network returned a seizure burden of ${seizureBurden}; it must be in 0…1`);
    }
    history.push({ fromH: atHours, burden: seizureBurden });
    out.push({ day, atHours, pgpEffective: patient.pgpEffective, drugs: patient.drugs, seizureBurden });
  }
  return out;
}
