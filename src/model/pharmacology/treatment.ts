/**
 * A treatment: the drug regimens (as the command line writes them) and the patient-clock time at
 * which the network runs. One check for every place that takes one — scenario files, the command
 * line's `--drug` and `--at-hours`, the store of user intent, the live session behind the worker
 * (whose messages are untyped at run time) — so they refuse the same things with the same words.
 */
import { DrugError, parseRegimen, type Regimen } from './regimen.ts';

export interface Treatment {
  /** Regimens such as "phenytoin=300/24" or "diazepam=10iv". */
  drugs: readonly string[];
  /** Patient-clock time (h) at which the network runs: 0…AT_HOURS_MAX. */
  atHours: number;
}

/** Default patient-clock time: three days into the regimens (as `run --at-hours`). */
export const DEFAULT_AT_HOURS = 72;
/** The latest patient-clock time: a year of treatment. */
export const AT_HOURS_MAX = 8760;

export const NO_TREATMENT: Treatment = { drugs: [], atHours: DEFAULT_AT_HOURS };

/** Whether a value is a patient-clock time the engine takes: 0…AT_HOURS_MAX hours. */
export function isAtHours(hours: unknown): hours is number {
  return typeof hours === 'number' && Number.isFinite(hours) && hours >= 0 && hours <= AT_HOURS_MAX;
}

/** The problem of a drug that comes twice in one treatment. */
export function repeatedDrugProblem(drug: string): string {
  return `${drug} is listed twice; give each drug once, with one dose and schedule`;
}

/**
 * The one check of regimens as written: each parsed (the regimen's own problem when it is not
 * one), each drug at most once. Returns the regimens that passed and one line per problem, in
 * order; no problems means the list is a treatment's drugs.
 */
export function checkRegimens(texts: readonly string[]): { regimens: Regimen[]; problems: string[] } {
  const regimens: Regimen[] = [];
  const problems: string[] = [];
  for (const text of texts) {
    let regimen: Regimen;
    try {
      regimen = parseRegimen(text);
    } catch (error) {
      if (!(error instanceof DrugError)) throw error;
      problems.push(error.message);
      continue;
    }
    if (regimens.some((r) => r.drug === regimen.drug)) problems.push(repeatedDrugProblem(regimen.drug));
    else regimens.push(regimen);
  }
  return { regimens, problems };
}

/** The treatment's regimens, or DrugError naming its first problem and what is allowed. */
export function parseTreatment(treatment: Treatment): Regimen[] {
  const t = treatment as unknown as { drugs?: unknown; atHours?: unknown };
  if (!Array.isArray(t.drugs) || !t.drugs.every((d) => typeof d === 'string')) {
    throw new DrugError('the treatment needs a list of regimens such as "phenytoin=300/24"');
  }
  const { regimens, problems } = checkRegimens(t.drugs);
  if (problems.length > 0) throw new DrugError(problems[0]);
  if (!isAtHours(t.atHours)) {
    throw new DrugError(`the patient-clock time must be 0…${AT_HOURS_MAX} h, not ${String(t.atHours)}`);
  }
  return regimens;
}
