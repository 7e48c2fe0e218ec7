/**
 * The dosing schedule: when each dose of a regimen is due, and whether it is taken.
 *
 * Oral doses fall at 0, τ, 2τ, … before the horizon (and before the regimen's stop time); each is taken with probability `adherence`,
 * drawn from the project's seeded generator (rng.ts). Every drug draws from its own stream,
 * seeded from the seed and the drug's name, so the missed doses of one drug do not depend on
 * the horizon or on which other drugs are given. An IV bolus is given by staff: always taken.
 */
import { deriveSeed, fnv1aText, Rng } from '../rng.ts';
import type { Regimen } from './regimen.ts';

export interface DoseEvent {
  timeH: number;
  doseMg: number;
  route: 'oral' | 'iv';
  taken: boolean;
}

export function doseSchedule(regimen: Regimen, hours: number, adherence: number, seed: number): DoseEvent[] {
  if (regimen.route === 'iv') return [{ timeH: 0, doseMg: regimen.doseMg, route: 'iv', taken: true }];
  // The drug's name (its FNV-1a hash) is the salt of the one mixer.
  const rng = new Rng(deriveSeed(seed, fnv1aText(regimen.drug)));
  const events: DoseEvent[] = [];
  // Integer counting, so that 1000 doses of 0.1 h do not drift.
  const endH = Math.min(hours, regimen.stopH ?? Number.POSITIVE_INFINITY);
  for (let k = 0; k * regimen.everyH < endH; k++) {
    const taken = rng.uniform() < adherence;
    events.push({ timeH: k * regimen.everyH, doseMg: regimen.doseMg, route: 'oral', taken });
  }
  return events;
}
