/**
 * The parameter table: the single source of every user-facing knob (docs/model.md §5).
 *
 * The command line (`--set key=value`), scenario files, the URL and the sliders all read this
 * table, and all of them validate through `parseParamText` / `validateParamValue`. Nothing outside
 * a key's range ever reaches the engine: the value is rejected with a message that names the key
 * and what is allowed. There is no clamping.
 */
import { SEED_MAX } from './rng.ts';
import { SHEET_MM } from './sheet/geometry.ts';

/** A focal malformation (cortical dysplasia, tuber): a disc on the sheet. */
export interface Lesion {
  xMm: number;
  yMm: number;
  radiusMm: number;
}

export interface Params {
  glutamate: number;
  gaba: number;
  gNapRatio: number;
  inflammation: number;
  pgp: number;
  penetration: number;
  kClearance: number;
  pumpNaSensitivity: number;
  scn1a: number;
  clEqMm: number;
  sprouting: number;
  drive: number;
  statusMin: number;
  lesion: Lesion | null;
  lesionBlockerBinding: number;
  resected: boolean;
  ketogenic: boolean;
  vns: boolean;
  rns: boolean;
  adherence: number;
  weightKg: number;
  side: number;
  seed: number;
  dtMs: number;
}

export type ParamKey = keyof Params;

interface SpecBase {
  key: ParamKey;
  unit: string;
  /** One line for `params`, tooltips and the README. */
  description: string;
  /** Changing it needs a new network (size, seed, step, connectivity); others apply live. */
  rebuild: boolean;
}

export interface NumberSpec extends SpecBase {
  kind: 'number' | 'integer';
  default: number;
  min: number;
  max: number;
  /** Slider step for the view. */
  step: number;
}

export interface BooleanSpec extends SpecBase {
  kind: 'boolean';
  default: boolean;
}

export interface LesionSpec extends SpecBase {
  kind: 'lesion';
  default: Lesion | null;
}

export type ParamSpec = NumberSpec | BooleanSpec | LesionSpec;

export const LESION_RADIUS_MIN_MM = 0.05;
export const LESION_RADIUS_MAX_MM = 1;

export const PARAM_SPECS: readonly ParamSpec[] = [
  {
    key: 'glutamate',
    kind: 'number',
    default: 1,
    min: 0,
    max: 3,
    step: 0.05,
    unit: '×',
    description: 'Glutamate: scales AMPA and NMDA synaptic weights',
    rebuild: false,
  },
  {
    key: 'gaba',
    kind: 'number',
    default: 1,
    min: 0,
    max: 3,
    step: 0.05,
    unit: '×',
    description: 'GABA: scales GABA_A synaptic weights (receptor loss or gain)',
    rebuild: false,
  },
  {
    key: 'gNapRatio',
    kind: 'number',
    default: 0.2,
    min: 0,
    max: 1,
    step: 0.01,
    unit: 'gNaP/gL',
    description: 'Persistent sodium current: gNaP as a fraction of the leak conductance (healthy 0.1–0.3)',
    rebuild: false,
  },
  {
    key: 'inflammation',
    kind: 'number',
    default: 0,
    min: 0,
    max: 1,
    step: 0.05,
    unit: 'gain',
    description: 'Inflammation: cytokine gain (GABA_A down, NMDA/AMPA up, glial K+ uptake down, P-gp induced)',
    rebuild: false,
  },
  {
    key: 'pgp',
    kind: 'number',
    default: 1,
    min: 0.5,
    max: 4,
    step: 0.1,
    unit: '× normal',
    description: 'P-glycoprotein efflux at the blood–brain barrier, fold over normal',
    rebuild: false,
  },
  {
    key: 'penetration',
    kind: 'number',
    default: 1,
    min: 0.05,
    max: 1,
    step: 0.05,
    unit: 'fraction',
    description: 'Barrier penetration: multiplies every drug’s brain-to-plasma ratio (Kp,uu)',
    rebuild: false,
  },
  {
    key: 'kClearance',
    kind: 'number',
    default: 1,
    min: 0.2,
    max: 2,
    step: 0.05,
    unit: '×',
    description: 'Potassium clearance: scales the glial Kir4.1 K+ buffer near rest (not the uptake at high K+)',
    rebuild: false,
  },
  {
    key: 'pumpNaSensitivity',
    kind: 'number',
    default: 1,
    min: 0,
    max: 1,
    step: 0.05,
    unit: 'fraction',
    description:
      "Na+/K+ pump sensitivity to intracellular Na+ (1: normal; 0: blind to Na+, it keeps its healthy working rate and a seizure does not end; Na+ then climbs without bound, since this model's Na+ reversal does not follow [Na+]i: past the first minute the values are not physical)",
    rebuild: false,
  },
  {
    key: 'scn1a',
    kind: 'number',
    default: 1,
    min: 0.3,
    max: 1,
    step: 0.05,
    unit: 'fraction',
    description: 'SCN1A: Nav1.1 sodium-channel availability in interneurons (Dravet ≈ 0.5)',
    rebuild: false,
  },
  {
    key: 'clEqMm',
    kind: 'number',
    default: 5,
    min: 3,
    max: 40,
    step: 0.5,
    unit: 'mM',
    description:
      'Chloride equilibrium of pyramidal cells (adult 5; the newborn scenario 10; 20–40 in slices of immature neurons): sets E_GABA',
    rebuild: false,
  },
  {
    key: 'sprouting',
    kind: 'number',
    default: 0,
    min: 0,
    max: 1,
    step: 0.05,
    unit: 'fraction',
    description:
      'Axonal sprouting: extra recurrent excitatory connections (mossy-fibre-like); 1 = +80 E→E inputs per E cell',
    rebuild: true,
  },
  {
    key: 'drive',
    kind: 'number',
    default: 1,
    min: 0,
    max: 3,
    step: 0.05,
    unit: '×',
    description: 'Background drive: rate of external excitatory input (sleep loss, stress: up)',
    rebuild: false,
  },
  {
    key: 'statusMin',
    kind: 'number',
    default: 0,
    min: 0,
    max: 120,
    step: 5,
    unit: 'min',
    description:
      'Minutes of status epilepticus before the network runs: synaptic GABA_A receptors are internalised (benzodiazepines lose their target)',
    rebuild: false,
  },
  {
    key: 'lesion',
    kind: 'lesion',
    default: null,
    unit: 'mm',
    description: `Focal lesion "x,y,radius" in mm (x, y in 0…${SHEET_MM}, radius ${LESION_RADIUS_MIN_MM}…${LESION_RADIUS_MAX_MM}) or "none": inside, pyramidal cells get half the GABA_A input and extra recurrent excitation, and glia clear K⁺ at 0.3×`,
    rebuild: true,
  },
  {
    key: 'lesionBlockerBinding',
    kind: 'number',
    default: 1,
    min: 0,
    max: 1,
    step: 0.05,
    unit: 'fraction',
    description:
      'Target hypothesis: the share of a sodium-channel blocker’s binding that the lesion’s pyramidal cells keep (1: normal channels; 0.2: the altered channels of drug-resistant tissue, Remy 2003); no effect without a lesion or a blocker',
    rebuild: false,
  },
  {
    key: 'resected',
    kind: 'boolean',
    default: false,
    unit: '',
    description: 'Surgery: the lesion’s cells are removed (true/false); no effect without a lesion',
    rebuild: false,
  },
  {
    key: 'ketogenic',
    kind: 'boolean',
    default: false,
    unit: '',
    description: 'Ketogenic diet (true/false): modestly less glutamate release and more GABA',
    rebuild: false,
  },
  {
    key: 'vns',
    kind: 'boolean',
    default: false,
    unit: '',
    description: 'Vagus nerve stimulation (true/false): 10 s on, 20 s off, more drive to interneurons while on',
    rebuild: false,
  },
  {
    key: 'rns',
    kind: 'boolean',
    default: false,
    unit: '',
    description:
      'Responsive neurostimulation (true/false): when the lesion starts to burst, 200-Hz pulses silence it for 200 ms; no effect without a lesion',
    rebuild: false,
  },
  {
    key: 'adherence',
    kind: 'number',
    default: 1,
    min: 0,
    max: 1,
    step: 0.05,
    unit: 'probability',
    description: 'Adherence: probability that each scheduled dose is taken',
    rebuild: false,
  },
  {
    key: 'weightKg',
    kind: 'number',
    default: 70,
    min: 2,
    max: 150,
    step: 0.5,
    unit: 'kg',
    description: 'Body weight for doses and volumes (newborn ~3.5, child ~20)',
    rebuild: false,
  },
  {
    key: 'side',
    kind: 'integer',
    default: 64,
    min: 16,
    max: 128,
    step: 1,
    unit: 'cells',
    description: 'Sheet side: side × side neurons on the 2 mm × 2 mm patch',
    rebuild: true,
  },
  {
    key: 'seed',
    kind: 'integer',
    default: 1,
    min: 0,
    max: SEED_MAX,
    step: 1,
    unit: '',
    description: 'Seed of the one random generator (network and noise)',
    rebuild: true,
  },
  {
    key: 'dtMs',
    kind: 'number',
    default: 0.2,
    // Forward Euler on the exponential spike term of the interneurons (ΔT = 0.5 mV) needs
    // dt ≤ 0.2 ms to stay stable near threshold; below 0.01 ms nothing changes but the cost.
    // The default is that largest step (0.1 ms until 2026-12-08; issue 15), because nothing a run
    // shows changes with it: both cells' f–I curves within 1 Hz of dt 0.01 ms (0–1,000 pA,
    // gNapRatio 0.2 and 0.37, 2-s steps), and on the 64 × 64 sheet the events of gaba 0.6 and
    // gNapRatio 0.37 (seed 2, 110 s) within 0.7 s of their times at 0.1 ms and their rates within
    // 1 %; the sheet runs 1.6× faster (1.63× alternated; docs/model.md §2 "Integration", README "Speed").
    min: 0.01,
    max: 0.2,
    step: 0.01,
    unit: 'ms',
    description: 'Integration step',
    rebuild: true,
  },
];

const SPEC_BY_KEY: ReadonlyMap<string, ParamSpec> = new Map(PARAM_SPECS.map((s) => [s.key, s]));

export const PARAM_KEYS: readonly ParamKey[] = PARAM_SPECS.map((s) => s.key);

/** The error every bad value raises: one line, naming the key and what is allowed. */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

export function getSpec(key: string): ParamSpec {
  const spec = SPEC_BY_KEY.get(key);
  if (!spec) {
    throw new ParamError(`unknown parameter "${key}"; known parameters: ${PARAM_KEYS.join(', ')}`);
  }
  return spec;
}

export function isParamKey(key: string): key is ParamKey {
  return SPEC_BY_KEY.has(key);
}

export function defaultParams(): Params {
  const out: Record<string, unknown> = {};
  for (const spec of PARAM_SPECS) {
    out[spec.key] = spec.kind === 'lesion' && spec.default ? { ...spec.default } : spec.default;
  }
  return out as unknown as Params;
}

/** The allowed values of a key, in words, for error messages and listings. */
export function describeRange(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
      return `a number in ${spec.min}…${spec.max}`;
    case 'integer':
      return `a whole number in ${spec.min}…${spec.max}`;
    case 'boolean':
      return 'true or false';
    case 'lesion':
      return `"none" or "x,y,radius" in mm with x and y in 0…${SHEET_MM} and radius in ${LESION_RADIUS_MIN_MM}…${LESION_RADIUS_MAX_MM}`;
  }
}

function rangeError(spec: ParamSpec, shown: string): ParamError {
  const unit = spec.unit && spec.kind !== 'lesion' && spec.unit !== '×' ? ` ${spec.unit}` : '';
  return new ParamError(`${spec.key}=${shown} is not allowed: ${spec.key} takes ${describeRange(spec)}${unit}`);
}

/**
 * Validate an already-typed value (from JSON or code). Returns the value to store; throws
 * ParamError naming the key and its range otherwise.
 */
export function validateParamValue<K extends ParamKey>(key: K, value: unknown): Params[K];
export function validateParamValue(key: string, value: unknown): Params[ParamKey];
export function validateParamValue(key: string, value: unknown): Params[ParamKey] {
  const spec = getSpec(key);
  const shown = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw rangeError(spec, String(shown));
      if (spec.kind === 'integer' && !Number.isInteger(value)) throw rangeError(spec, String(value));
      if (value < spec.min || value > spec.max) throw rangeError(spec, String(value));
      return value;
    }
    case 'boolean': {
      if (typeof value !== 'boolean') throw rangeError(spec, String(shown));
      return value;
    }
    case 'lesion': {
      if (value === null) return null;
      if (typeof value !== 'object' || Array.isArray(value)) throw rangeError(spec, String(shown));
      const v = value as Record<string, unknown>;
      const extra = Object.keys(v).filter((k) => k !== 'xMm' && k !== 'yMm' && k !== 'radiusMm');
      if (extra.length > 0) {
        throw new ParamError(`lesion has unknown field "${extra[0]}"; a lesion is {"xMm", "yMm", "radiusMm"}`);
      }
      const { xMm, yMm, radiusMm } = v;
      const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
      if (!num(xMm) || !num(yMm) || !num(radiusMm)) throw rangeError(spec, String(shown));
      if (xMm < 0 || xMm > SHEET_MM || yMm < 0 || yMm > SHEET_MM) {
        throw new ParamError(
          `lesion centre (${xMm}, ${yMm}) mm is outside the sheet: x and y must be in 0…${SHEET_MM} mm`,
        );
      }
      if (radiusMm < LESION_RADIUS_MIN_MM || radiusMm > LESION_RADIUS_MAX_MM) {
        throw new ParamError(
          `lesion radius ${radiusMm} mm is not allowed: the radius must be in ${LESION_RADIUS_MIN_MM}…${LESION_RADIUS_MAX_MM} mm`,
        );
      }
      return { xMm, yMm, radiusMm };
    }
  }
}

/**
 * Parse a value written as text (command line, URL, slider) and validate it.
 * Numbers must be plain decimals: "1e400", "NaN", "Infinity", "" and "0x10" are all rejected.
 */
export function parseParamText<K extends ParamKey>(key: K, text: string): Params[K];
export function parseParamText(key: string, text: string): Params[ParamKey];
export function parseParamText(key: string, text: string): Params[ParamKey] {
  const spec = getSpec(key);
  const trimmed = text.trim();
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) throw rangeError(spec, JSON.stringify(text));
      return validateParamValue(key, Number(trimmed));
    }
    case 'boolean': {
      if (trimmed === 'true' || trimmed === '1') return true;
      if (trimmed === 'false' || trimmed === '0') return false;
      throw rangeError(spec, JSON.stringify(text));
    }
    case 'lesion': {
      if (trimmed === 'none' || trimmed === 'null' || trimmed === '') return null;
      const parts = trimmed.split(',');
      // The same plain decimals as a number key, so that formatParamValue's text always reads back.
      const numeric = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
      if (parts.length !== 3 || !parts.every((p) => numeric.test(p.trim()))) {
        throw rangeError(spec, JSON.stringify(text));
      }
      const [xMm, yMm, radiusMm] = parts.map((p) => Number(p));
      return validateParamValue(key, { xMm, yMm, radiusMm });
    }
  }
}

/** The value as the command line and the URL write it (inverse of parseParamText). */
export function formatParamValue(key: ParamKey, value: Params[ParamKey]): string {
  if (key === 'lesion') {
    const l = value as Lesion | null;
    return l ? `${l.xMm},${l.yMm},${l.radiusMm}` : 'none';
  }
  return String(value);
}

/**
 * Merge validated overrides into a full parameter set. Unknown keys and bad values throw
 * ParamError; `base` is never modified, so a rejected change loses nothing already set.
 */
export function withParams(base: Params, overrides: Readonly<Record<string, unknown>>): Params {
  const out: Params = { ...base, lesion: base.lesion ? { ...base.lesion } : null };
  const target = out as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    target[key] = validateParamValue(key, value);
  }
  return out;
}

/** Keys whose values differ between two parameter sets. */
export function changedKeys(a: Params, b: Params): ParamKey[] {
  return PARAM_KEYS.filter((k) => formatParamValue(k, a[k]) !== formatParamValue(k, b[k]));
}

const REBUILD_KEYS: ReadonlySet<ParamKey> = new Set(PARAM_SPECS.filter((s) => s.rebuild).map((s) => s.key));

/**
 * The keys that changed from `a` to `b` and need a new network (size, seed, step, connectivity);
 * empty when the change applies live.
 */
export function needsRebuild(a: Params, b: Params): ParamKey[] {
  return changedKeys(a, b).filter((k) => REBUILD_KEYS.has(k));
}
