/**
 * Scenario files (public/scenarios/*.json): a named set of parameters, how long to run them, and
 * the lesson they teach.
 *
 *   { "name": "healthy", "description": "…one line…", "params": { "gaba": 0.5 },
 *     "durationS": 60, "demonstrates": "docs/model.md §7 behaviour 1: …",
 *     "drugs": ["phenytoin=200/12"], "atHours": 72 }
 *
 * `drugs` (regimens as on the command line) and `atHours` (the patient-clock time at which the
 * network runs) are optional.
 *
 * Pure TypeScript, shared by the command line and the app. Everything is checked where it
 * enters: unknown fields, wrong types, and parameter values through the parameter table
 * (params.ts), each failure a ScenarioError with one line that names the field or key and what
 * is allowed. `params` lists only the keys that differ from the defaults.
 */
import { defaultParams, type Params, validateParamValue, withParams } from './params.ts';
import type { Regimen } from './pharmacology/regimen.ts';
import { AT_HOURS_MAX, checkRegimens, isAtHours } from './pharmacology/treatment.ts';

export interface Scenario {
  /** The file's name without `.json`: what `--scenario NAME` and the app's menu use. */
  name: string;
  /** The one-line lesson. */
  description: string;
  /** Overrides of the defaults, validated against the parameter table. */
  params: Partial<Params>;
  durationS: number;
  /** Which docs/model.md §7 behaviour it shows. */
  demonstrates: string;
  /** Drug regimens from t = 0 on the patient clock (none when absent). */
  drugs: Regimen[];
  /** Patient-clock time at which the network runs, h (null: the command's default). */
  atHours: number | null;
}

/** Files larger than this are refused before parsing: a scenario is a few hundred bytes. */
export const SCENARIO_MAX_BYTES = 64 * 1024;
/** One line of text, short enough for a menu and a terminal. */
export const SCENARIO_TEXT_MAX_CHARS = 300;
export const SCENARIO_DURATION_MIN_S = 0.1;
/** An hour of network time: far beyond any lesson, and still a bounded run. */
export const SCENARIO_DURATION_MAX_S = 3600;
/** Lower-case words joined by hyphens, so that a name is also a safe file name. */
export const SCENARIO_NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const FIELDS = ['name', 'description', 'params', 'durationS', 'demonstrates'] as const;
const OPTIONAL_FIELDS = ['drugs', 'atHours'] as const;
const ALL_FIELDS: readonly string[] = [...FIELDS, ...OPTIONAL_FIELDS];
const FIELD_HELP: Record<(typeof FIELDS)[number], string> = {
  name: 'lower-case words joined by hyphens, e.g. "ei-imbalance"',
  description: `one line of text (at most ${SCENARIO_TEXT_MAX_CHARS} characters)`,
  params: 'an object of parameter keys and values, e.g. {"gaba": 0.5}',
  durationS: `a number of seconds in ${SCENARIO_DURATION_MIN_S}…${SCENARIO_DURATION_MAX_S}`,
  demonstrates: `one line naming the docs/model.md §7 behaviour (at most ${SCENARIO_TEXT_MAX_CHARS} characters)`,
};
const DRUGS_HELP = 'a list of regimens, e.g. ["phenytoin=200/12", "diazepam=10iv"]';
const AT_HOURS_HELP = `a number of hours in 0…${AT_HOURS_MAX}`;

export class ScenarioError extends Error {
  /** Every problem found, one line each; the message joins them with "; ". */
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[] = [message]) {
    super(message);
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

/** One ScenarioError for all the problems found (the message names each of them). */
function rejected(problems: readonly string[]): ScenarioError {
  return new ScenarioError(problems.join('; '), problems);
}

/** UTF-8 length of a string, without TextEncoder (the model compiles without DOM or Node types). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one code point above U+FFFF
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOneLineText(value: unknown): value is string {
  return (
    typeof value === 'string' && value.trim() !== '' && !/[\r\n]/.test(value) && value.length <= SCENARIO_TEXT_MAX_CHARS
  );
}

/**
 * Check a parsed scenario. `expectedName`, when given (a file found by name), must equal the
 * scenario's own name. Every problem is found before it throws: the ScenarioError lists them all.
 */
export function validateScenario(value: unknown, expectedName?: string): Scenario {
  if (!isPlainObject(value)) {
    throw new ScenarioError(`a scenario must be a JSON object with the fields ${FIELDS.join(', ')}`);
  }
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!ALL_FIELDS.includes(key)) {
      problems.push(`unknown field "${key}"; a scenario has the fields ${ALL_FIELDS.join(', ')}`);
    }
  }
  for (const field of FIELDS) {
    if (!(field in value)) problems.push(`missing field "${field}": ${FIELD_HELP[field]}`);
  }
  const { name, params, durationS, description, demonstrates } = value;
  if ('name' in value) {
    if (typeof name !== 'string' || !SCENARIO_NAME_PATTERN.test(name)) {
      problems.push(`"name" must be ${FIELD_HELP.name}`);
    } else if (expectedName !== undefined && name !== expectedName) {
      problems.push(`"name" is "${name}" but the file is ${expectedName}.json; they must match`);
    }
  }
  for (const [field, text] of [
    ['description', description],
    ['demonstrates', demonstrates],
  ] as const) {
    if (field in value && !isOneLineText(text)) problems.push(`"${field}" must be ${FIELD_HELP[field]}`);
  }
  if ('durationS' in value) {
    if (typeof durationS !== 'number' || !Number.isFinite(durationS)) {
      problems.push(`"durationS" must be ${FIELD_HELP.durationS}`);
    } else if (durationS < SCENARIO_DURATION_MIN_S || durationS > SCENARIO_DURATION_MAX_S) {
      problems.push(`"durationS" is ${durationS}; it must be ${FIELD_HELP.durationS}`);
    }
  }
  const checked: Record<string, unknown> = {};
  if ('params' in value) {
    if (!isPlainObject(params)) problems.push(`"params" must be ${FIELD_HELP.params}`);
    else {
      for (const [key, raw] of Object.entries(params)) {
        try {
          checked[key] = validateParamValue(key, raw);
        } catch (error) {
          problems.push(`"params": ${(error as Error).message}`);
        }
      }
    }
  }
  // The treatment's own check (pharmacology/treatment.ts), as the command line and the store use.
  let drugs: Regimen[] = [];
  if (value.drugs !== undefined) {
    if (!Array.isArray(value.drugs) || !value.drugs.every((d) => typeof d === 'string')) {
      problems.push(`"drugs" must be ${DRUGS_HELP}`);
    } else {
      const checked = checkRegimens(value.drugs);
      drugs = checked.regimens;
      for (const problem of checked.problems) problems.push(`"drugs": ${problem}`);
    }
  }
  let atHours: number | null = null;
  if (value.atHours !== undefined) {
    if (isAtHours(value.atHours)) atHours = value.atHours;
    else problems.push(`"atHours" must be ${AT_HOURS_HELP}`);
  }
  if (problems.length > 0) throw rejected(problems);
  return {
    name: name as string,
    description: description as string,
    params: checked as Partial<Params>,
    durationS: durationS as number,
    demonstrates: demonstrates as string,
    drugs,
    atHours,
  };
}

/** Parse and check the text of a scenario file (size first, then JSON, then fields). */
export function parseScenarioText(text: string, expectedName?: string): Scenario {
  const bytes = utf8Bytes(text);
  if (bytes > SCENARIO_MAX_BYTES) {
    throw new ScenarioError(`the file is ${bytes} bytes; a scenario file may have at most ${SCENARIO_MAX_BYTES}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(`invalid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  return validateScenario(parsed, expectedName);
}

/** The full parameter set a scenario asks for: the defaults with its overrides. */
export function scenarioParams(scenario: Scenario, base: Params = defaultParams()): Params {
  return withParams(base, scenario.params as Record<string, unknown>);
}
