/**
 * The user's intent in the page address, so that a link reproduces a demonstration:
 *
 *   ?gaba=0.6&pgp=2&seed=3&lesion=1,1,0.5     every parameter that differs from its default,
 *                                              written as on the command line (`--set KEY=VALUE`)
 *   &drug=phenytoin=300/24&drug=diazepam=10iv  the drug schedule, in order (as `--drug`)
 *   &at=72                                     the patient-clock time in hours (as `--at-hours`)
 *   &speed=2                                   playback speed, × real time
 *   ?preset=transporter                        a shipped scenario (see below)
 *   &lecture=3                                 lecture mode, at its third scene
 *   &embed=1                                   the compact page for course pages (src/ui/embed.ts)
 *   &threads=1                                 threads stepping the live sheet (default: 2 on a
 *                                              cross-origin isolated page with 4 cores or more, else 1)
 *
 * Reading: `preset=NAME` starts from that scenario instead of `base`; every other entry then
 * overrides it (a parameter replaces the preset's value, the `drug` entries that load replace the
 * preset's whole schedule, `at` replaces its time). Each bad entry — unknown key, value out of range,
 * malformed or repeated drug, an entry given twice — is left out and reported in one line that
 * names it and what is allowed; the rest still load.
 *
 * `lecture=N` opens lecture mode at scene N (1-based). An address that carries no state of its own
 * (no parameter, drug, at or preset entry) shows that scene's state; otherwise it shows what the
 * entries say, as any address does. So the page writes `lecture=N` alone while the scene's state
 * is unchanged, and `lecture=N` with the full state once anything differs (with `seed` written even
 * at its default when nothing else would be, so that the address still reads back exactly).
 *
 * `embed=1` is a way of showing the page, not part of the intent: read here, and written back by
 * the page (after every other entry) for as long as it shows that way. `threads=N` is a way of
 * running it, kept the same way: the spikes are the same for any N, only the speed differs.
 *
 * Writing: when the intent is exactly a preset (and not the defaults), only `preset=NAME` is
 * written; otherwise every entry that differs from the defaults. Defaults are never written, so
 * the plain address is the default intent. Whether the simulation plays, and the view options,
 * are not in the address: a link must never start motion or raw spikes on someone's screen.
 *
 * Pure functions: no window, no history. src/ui/controls/address.ts does the reading and writing.
 */

import { MAX_THREADS } from '../model/parallel/partition.ts';
import {
  defaultParams,
  formatParamValue,
  isParamKey,
  PARAM_KEYS,
  ParamError,
  type ParamKey,
  parseParamText,
  withParams,
} from '../model/params.ts';
import { DrugError, formatRegimen, parseRegimen, type Regimen } from '../model/pharmacology/regimen.ts';
import { AT_HOURS_MAX } from '../model/pharmacology/treatment.ts';
import type { Scenario } from '../model/scenario.ts';
import { matchingPreset, type PresetIntent, presetIntent, sameParams, sameTreatment } from './presets.ts';
import { DEFAULT_AT_HOURS, DEFAULT_TREATMENT, type Intent, SPEED_MAX, SPEED_MIN } from './store.ts';

/** The part of the intent the address carries. */
export type AddressIntent = Pick<Intent, 'params' | 'treatment' | 'speed'>;

/** The address's own keys besides the parameter keys. */
export const ADDRESS_KEYS = {
  drug: 'drug',
  atHours: 'at',
  speed: 'speed',
  preset: 'preset',
  lecture: 'lecture',
  embed: 'embed',
  threads: 'threads',
} as const;

export const DEFAULT_SPEED = 1;

export interface IntentFromAddress {
  intent: AddressIntent;
  /** The preset the address named and that was applied, or null. */
  preset: string | null;
  /** One line per entry that was left out, naming it and what is allowed. */
  problems: string[];
  /** Lecture mode's scene (0-based) when the address asks for lecture mode. */
  lecture?: number;
  /** True when the address asks for the compact page (`embed=1`). */
  embed?: boolean;
  /** Threads for the live sheet when the address asks for a number (`threads=N`). */
  threads?: number;
}

/** Lecture mode in the address: the scene to show, with the state it shows. */
export interface AddressLecture {
  /** 0-based. */
  scene: number;
  state: PresetIntent;
}

export function defaultAddressIntent(): AddressIntent {
  return { params: defaultParams(), treatment: DEFAULT_TREATMENT, speed: DEFAULT_SPEED };
}

/** Plain decimals only, as in params.ts: no "Infinity", "0x10", "" or "1e400". */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function parseBoundedNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

function allowedKeys(): string {
  const own = Object.values(ADDRESS_KEYS).join(', ');
  return `the address takes the parameter keys (${PARAM_KEYS.join(', ')}) and ${own}`;
}

/**
 * Read an address query (`?…` or without the "?"). `base` is the intent when nothing is given;
 * `lectureScenes` are the states of lecture mode's scenes, in order.
 */
export function intentFromQuery(
  search: string,
  base: AddressIntent = defaultAddressIntent(),
  presets: readonly Scenario[] = [],
  lectureScenes: readonly PresetIntent[] = [],
): IntentFromAddress {
  const entries = [...new URLSearchParams(search)];
  const problems: string[] = [];
  /** The value each key loaded with; a later entry for it is reported, a bad one does not count. */
  const loaded = new Map<string, string>();
  const alreadyLoaded = (key: string, text: string): boolean => {
    const first = loaded.get(key);
    if (first === undefined) return false;
    problems.push(`${key}=${text} was left out: ${key} is given more than once, and ${key}=${first} is used`);
    return true;
  };

  let start: AddressIntent = base;
  let lecture: number | undefined;
  for (const [key, text] of entries) {
    if (key !== ADDRESS_KEYS.lecture || alreadyLoaded(key, text)) continue;
    const scene = parseBoundedNumber(text, 1, lectureScenes.length);
    if (scene === null || !Number.isInteger(scene)) {
      problems.push(
        lectureScenes.length === 0
          ? `lecture=${text} was left out: lecture mode has no scenes`
          : `lecture=${text} is not allowed: lecture takes a scene number, a whole number in 1…${lectureScenes.length}`,
      );
      continue;
    }
    lecture = scene - 1;
    loaded.set(key, text);
    const carriesState = entries.some(
      ([k]) => isParamKey(k) || k === ADDRESS_KEYS.drug || k === ADDRESS_KEYS.atHours || k === ADDRESS_KEYS.preset,
    );
    if (!carriesState) start = { ...lectureScenes[lecture], speed: base.speed };
  }

  let embed = false;
  for (const [key, text] of entries) {
    if (key !== ADDRESS_KEYS.embed || alreadyLoaded(key, text)) continue;
    if (text.trim() === '1' || text.trim() === '0') {
      embed = text.trim() === '1';
      loaded.set(key, text);
    } else {
      problems.push(`embed=${text} is not allowed: embed takes 1 (the compact page for course pages) or 0`);
    }
  }

  let threads: number | undefined;
  for (const [key, text] of entries) {
    if (key !== ADDRESS_KEYS.threads || alreadyLoaded(key, text)) continue;
    const value = threadsFromText(text);
    if (value === null) {
      problems.push(
        `threads=${text} is not allowed: threads takes a whole number in 1…${MAX_THREADS} (threads stepping the sheet)`,
      );
    } else {
      threads = value;
      loaded.set(key, text);
    }
  }

  let preset: string | null = null;
  for (const [key, text] of entries) {
    if (key !== ADDRESS_KEYS.preset || alreadyLoaded(key, text)) continue;
    const scenario = presets.find((s) => s.name === text.trim());
    if (!scenario) {
      const known = presets.map((s) => s.name).join(', ') || 'none';
      problems.push(`preset=${text} is not a known preset; the presets are ${known}`);
      continue;
    }
    start = { ...presetIntent(scenario), speed: base.speed };
    preset = scenario.name;
    loaded.set(key, text);
  }

  const paramChanges: Partial<Record<ParamKey, unknown>> = {};
  const regimens: Regimen[] = [];
  let atHours = start.treatment.atHours;
  let speed = start.speed;
  for (const [key, text] of entries) {
    if (
      key === ADDRESS_KEYS.preset ||
      key === ADDRESS_KEYS.lecture ||
      key === ADDRESS_KEYS.embed ||
      key === ADDRESS_KEYS.threads
    ) {
      continue;
    }
    if (isParamKey(key)) {
      if (alreadyLoaded(key, text)) continue;
      try {
        paramChanges[key] = parseParamText(key, text);
        loaded.set(key, text);
      } catch (error) {
        problems.push(messageOf(error));
      }
    } else if (key === ADDRESS_KEYS.drug) {
      try {
        const regimen = parseRegimen(text);
        const earlier = regimens.find((r) => r.drug === regimen.drug);
        if (earlier) {
          problems.push(
            `drug=${text} was left out: ${regimen.drug} is already given (${formatRegimen(earlier)}); give each drug once`,
          );
        } else {
          regimens.push(regimen);
        }
      } catch (error) {
        problems.push(`drug=${text}: ${messageOf(error)}`);
      }
    } else if (key === ADDRESS_KEYS.atHours) {
      if (alreadyLoaded(key, text)) continue;
      const hours = parseBoundedNumber(text, 0, AT_HOURS_MAX);
      if (hours === null) {
        problems.push(
          `at=${text} is not allowed: at takes the patient-clock time, a number of hours in 0…${AT_HOURS_MAX}`,
        );
      } else {
        atHours = hours;
        loaded.set(key, text);
      }
    } else if (key === ADDRESS_KEYS.speed) {
      if (alreadyLoaded(key, text)) continue;
      const value = parseBoundedNumber(text, SPEED_MIN, SPEED_MAX);
      if (value === null) {
        problems.push(`speed=${text} is not allowed: speed takes a number in ${SPEED_MIN}…${SPEED_MAX} (× real time)`);
      } else {
        speed = value;
        loaded.set(key, text);
      }
    } else {
      problems.push(`unknown entry "${key}=${text}"; ${allowedKeys()}`);
    }
  }

  const read: IntentFromAddress = {
    intent: {
      // Each value was validated on its own above; together they cannot conflict.
      params: withParams(start.params, paramChanges),
      treatment: {
        drugs: regimens.length > 0 ? regimens.map(formatRegimen) : start.treatment.drugs,
        atHours,
      },
      speed,
    },
    preset,
    problems,
  };
  if (lecture !== undefined) read.lecture = lecture;
  if (embed) read.embed = true;
  if (threads !== undefined) read.threads = threads;
  return read;
}

/** The thread count a `threads=` value asks for: a whole number in 1…MAX_THREADS, else null. */
export function threadsFromText(text: string): number | null {
  const value = parseBoundedNumber(text, 1, MAX_THREADS);
  return value !== null && Number.isInteger(value) ? value : null;
}

function messageOf(error: unknown): string {
  if (error instanceof DrugError || error instanceof ParamError) return error.message;
  throw error;
}

/** Characters that read unambiguously in a query value and look better unescaped. */
function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%(2C|2F|3A|3D)/gi, (escaped) => decodeURIComponent(escaped));
}

/** The address query for an intent: "" for the defaults, else "?…" (see the module comment). */
export function queryFromIntent(
  intent: AddressIntent,
  presets: readonly Scenario[] = [],
  lecture: AddressLecture | null = null,
  embed = false,
  threads: number | null = null,
): string {
  const parts: [string, string][] = [];
  const defaults = defaultParams();
  for (const key of PARAM_KEYS) {
    const text = formatParamValue(key, intent.params[key]);
    if (text !== formatParamValue(key, defaults[key])) parts.push([key, text]);
  }
  for (const drug of intent.treatment.drugs) parts.push([ADDRESS_KEYS.drug, drug]);
  if (intent.treatment.atHours !== DEFAULT_AT_HOURS)
    parts.push([ADDRESS_KEYS.atHours, String(intent.treatment.atHours)]);

  const preset = parts.length > 0 ? matchingPreset(intent, presets) : null;
  let written: [string, string][] = preset ? [[ADDRESS_KEYS.preset, preset.name]] : parts;
  if (lecture) {
    const isScene =
      sameParams(intent.params, lecture.state.params) && sameTreatment(intent.treatment, lecture.state.treatment);
    const state: [string, string][] = isScene
      ? []
      : written.length > 0
        ? written
        : [['seed', formatParamValue('seed', defaults.seed)]];
    written = [[ADDRESS_KEYS.lecture, String(lecture.scene + 1)], ...state];
  }
  if (intent.speed !== DEFAULT_SPEED) written.push([ADDRESS_KEYS.speed, String(intent.speed)]);
  if (embed) written.push([ADDRESS_KEYS.embed, '1']);
  if (threads !== null) written.push([ADDRESS_KEYS.threads, String(threads)]);
  if (written.length === 0) return '';
  return `?${written.map(([key, text]) => `${key}=${encodeQueryPart(text)}`).join('&')}`;
}
