/**
 * Drug regimens as text, shared by the command line and (later) scenario files:
 *
 *   NAME=DOSE_MG/EVERY_H   oral, DOSE_MG every EVERY_H hours from t = 0   (phenytoin=100/8)
 *   NAME=DOSE_MGiv         one IV bolus of DOSE_MG at t = 0               (diazepam=10iv)
 *
 * Every mistake is a DrugError whose one line names what is wrong and what is allowed.
 */
import { DRUG_NAMES, DRUGS, type DrugName, type DrugTable, isDrugName } from './drugs.ts';

export class DrugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DrugError';
  }
}

export interface OralRegimen {
  drug: DrugName;
  route: 'oral';
  doseMg: number;
  everyH: number;
  /** No dose at or after this time, h (stopping the drug); absent: doses continue. */
  stopH?: number;
}

export interface IvRegimen {
  drug: DrugName;
  route: 'iv';
  doseMg: number;
}

export type Regimen = OralRegimen | IvRegimen;

/** A dose above this many times the maximum daily dose is refused as absurd. */
export const ABSURD_DOSE_FACTOR = 10;
/**
 * Shorter dosing intervals are refused: no drug here is given more often than hourly, and a tiny
 * interval would schedule an unbounded number of doses.
 */
export const MIN_INTERVAL_H = 0.5;

export const REGIMEN_FORMS =
  'NAME=DOSE_MG/EVERY_H (oral, e.g. phenytoin=100/8) or NAME=DOSE_MGiv (one IV bolus, e.g. diazepam=10iv)';

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)`;
const ORAL = new RegExp(`^(${NUMBER})/(${NUMBER})$`);
const IV = new RegExp(`^(${NUMBER})\\s*iv$`, 'i');

/** The regimen as the command line writes it (inverse of parseRegimen). */
export function formatRegimen(r: Regimen): string {
  return r.route === 'iv' ? `${r.drug}=${r.doseMg}iv` : `${r.drug}=${r.doseMg}/${r.everyH}`;
}

/** Milligrams per day of a regimen: the whole bolus for IV, dose × 24 / τ (at least one dose) for oral. */
export function dailyMg(r: Regimen): number {
  return r.route === 'iv' ? r.doseMg : r.doseMg * Math.max(1, 24 / r.everyH);
}

/** Check a typed regimen (from code or a scenario file); returns it unchanged or throws DrugError. */
export function validateRegimen(r: Regimen, drugs: DrugTable = DRUGS): Regimen {
  if (!isDrugName(r.drug)) {
    throw new DrugError(`unknown drug "${r.drug}"; known drugs: ${DRUG_NAMES.join(', ')}`);
  }
  const shown = formatRegimen(r);
  if (!Number.isFinite(r.doseMg) || r.doseMg <= 0) {
    throw new DrugError(`${shown}: the dose must be a positive number of mg`);
  }
  if (r.route === 'oral' && (!Number.isFinite(r.everyH) || r.everyH <= 0)) {
    throw new DrugError(`${shown}: the interval must be a positive number of hours (at least ${MIN_INTERVAL_H})`);
  }
  if (r.route === 'oral' && r.stopH !== undefined && !(r.stopH >= 0)) {
    throw new DrugError(`${shown}: the stop time must be a number of hours ≥ 0`);
  }
  if (r.route === 'oral' && r.everyH < MIN_INTERVAL_H) {
    throw new DrugError(`${shown}: the interval must be at least ${MIN_INTERVAL_H} h`);
  }
  const limit = ABSURD_DOSE_FACTOR * drugs[r.drug].maxDailyMg;
  if (dailyMg(r) > limit) {
    throw new DrugError(
      `${shown}: ${dailyMg(r)} mg/day is more than ${ABSURD_DOSE_FACTOR}× the maximum daily dose of ${r.drug} (${drugs[r.drug].maxDailyMg} mg/day); at most ${limit} mg/day`,
    );
  }
  return r;
}

/** Parse `NAME=DOSE_MG/EVERY_H` or `NAME=DOSE_MGiv`. */
export function parseRegimen(text: string, drugs: DrugTable = DRUGS): Regimen {
  const trimmed = text.trim();
  const eq = trimmed.indexOf('=');
  if (eq <= 0) throw new DrugError(`malformed drug regimen ${JSON.stringify(text)}; write ${REGIMEN_FORMS}`);
  const name = trimmed.slice(0, eq).trim().toLowerCase();
  if (!isDrugName(name)) {
    throw new DrugError(`unknown drug "${trimmed.slice(0, eq).trim()}"; known drugs: ${DRUG_NAMES.join(', ')}`);
  }
  const body = trimmed.slice(eq + 1).trim();
  const oral = ORAL.exec(body);
  if (oral) {
    return validateRegimen({ drug: name, route: 'oral', doseMg: Number(oral[1]), everyH: Number(oral[2]) }, drugs);
  }
  const iv = IV.exec(body);
  if (iv) return validateRegimen({ drug: name, route: 'iv', doseMg: Number(iv[1]) }, drugs);
  throw new DrugError(`malformed drug regimen ${JSON.stringify(text)}; write ${REGIMEN_FORMS}`);
}

/** The drug's standard adult regimen (drugs.ts). */
export function standardRegimen(drug: DrugName, drugs: DrugTable = DRUGS): Regimen {
  const { doseMg, everyH } = drugs[drug].standardRegimen;
  return everyH === null ? { drug, route: 'iv', doseMg } : { drug, route: 'oral', doseMg, everyH };
}
