/**
 * The flags the research scripts share (scripts/seizure-*.ts, k-gain.ts): what they pass to a
 * Simulation, read in one place.
 *
 *   --set KEY=VALUE      a parameter (params.ts), as the command line reads it
 *   --weight KEY=VALUE   a synaptic weight override (nS)
 *   --ion KEY=VALUE      a constant of ION_CONSTANTS (dynamics/ions.ts), for this run only
 *   --option KEY=VALUE   a simulation option (true, false or a number)
 */
import { ION_CONSTANTS, type IonConstants } from '../src/model/dynamics/ions.ts';
import { parseParamText } from '../src/model/params.ts';
import type { SimulationOptions } from '../src/model/simulation.ts';

export interface SimFlags {
  overrides: Record<string, unknown>;
  weights: Record<string, number>;
  ions: Partial<Record<keyof IonConstants, number>>;
  options: Record<string, unknown>;
}

export function emptySimFlags(): SimFlags {
  return { overrides: {}, weights: {}, ions: {}, options: {} };
}

/**
 * Read flag `a` into `flags` if it is one of the shared ones, taking its value from `next()`.
 * Returns false for any other flag, which the script reads itself.
 */
export function readSimFlag(flags: SimFlags, a: string, next: () => string): boolean {
  if (a !== '--set' && a !== '--weight' && a !== '--ion' && a !== '--option') return false;
  const [key, value] = next().split('=');
  if (a === '--set') flags.overrides[key] = parseParamText(key, value);
  else if (a === '--weight') flags.weights[key] = Number(value);
  else if (a === '--ion') {
    if (!(key in ION_CONSTANTS)) throw new Error(`unknown ion constant ${key}`);
    flags.ions[key as keyof IonConstants] = Number(value);
  } else flags.options[key] = value === 'true' ? true : value === 'false' ? false : Number(value);
  return true;
}

/** The Simulation options the flags ask for (the options, with the ion and weight overrides). */
export function simulationOptions(flags: SimFlags): SimulationOptions {
  return { ...(flags.options as SimulationOptions), ions: flags.ions, weights: flags.weights };
}
