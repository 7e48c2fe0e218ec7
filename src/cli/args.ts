/**
 * Flag parsing for the subcommands: `--name value`, `--name=value`, and bare switches.
 * Every mistake is a UsageError whose one line names the flag and what is allowed.
 */
import { UsageError } from './errors.ts';

export interface FlagSpec {
  /** Without the leading dashes. */
  readonly name: string;
  /** 'switch': no value; 'one': a value, at most once; 'many': a value, may repeat. */
  readonly kind: 'switch' | 'one' | 'many';
  /** How the value is written in help and errors, e.g. "S" or "KEY=VALUE". */
  readonly valueName?: string;
  readonly help: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
}

export class ParsedFlags {
  constructor(
    readonly command: string,
    private readonly values: ReadonlyMap<string, readonly string[]>,
  ) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The value of a 'one' flag, or undefined when absent. */
  get(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  /** Every value of a 'many' flag, in order. */
  all(name: string): readonly string[] {
    return this.values.get(name) ?? [];
  }
}

function flagList(spec: CommandSpec): string {
  return spec.flags.map((f) => `--${f.name}`).join(', ');
}

/** An example of the flag with its value, for "needs a value" messages. */
function example(flag: FlagSpec): string {
  return flag.valueName ? `--${flag.name} ${flag.valueName}` : `--${flag.name}`;
}

export function parseFlags(spec: CommandSpec, argv: readonly string[]): ParsedFlags {
  const byName = new Map(spec.flags.map((f) => [f.name, f]));
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith('--') || token === '--') {
      throw new UsageError(`unexpected argument "${token}" for "${spec.name}"; its flags are ${flagList(spec)}`);
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
    const flag = byName.get(name);
    if (!flag) {
      throw new UsageError(`unknown flag --${name} for "${spec.name}"; its flags are ${flagList(spec)}`);
    }
    let value: string;
    if (flag.kind === 'switch') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      value = '';
    } else if (eq >= 0) {
      value = token.slice(eq + 1);
      if (value === '') throw new UsageError(`--${name} needs a value, e.g. ${example(flag)}`);
    } else {
      // A value may start with "-" (a negative current), but not with "--" (the next flag).
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--') || next === '') {
        throw new UsageError(`--${name} needs a value, e.g. ${example(flag)}`);
      }
      value = next;
      i++;
    }
    const list = values.get(name);
    if (list && flag.kind !== 'many') throw new UsageError(`--${name} is given more than once`);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  return new ParsedFlags(spec.name, values);
}

/** Plain decimal numbers only: "1e400", "NaN", "Infinity", "0x10" and "" are refused. */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A number flag in [min, max]. */
export function numberFlag(flag: string, text: string, min: number, max: number, unit: string): number {
  const value = DECIMAL.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${flag} ${JSON.stringify(text)} is not allowed: it takes a number in ${min}…${max}${unit}`);
  }
  return value;
}

/** A whole-number flag in [min, max]. */
export function integerFlag(flag: string, text: string, min: number, max: number): number {
  const value = /^\s*[-+]?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} ${JSON.stringify(text)} is not allowed: it takes a whole number in ${min}…${max}`);
  }
  return value;
}

/** One of a fixed set of words. */
export function choiceFlag<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`--${flag} ${JSON.stringify(text)} is not allowed: it takes ${choices.join(' or ')}`);
  }
  return text as T;
}

/** Split `KEY=VALUE` of a --set flag. */
export function splitAssignment(text: string): { key: string; value: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set needs KEY=VALUE, e.g. --set gaba=0.5; got ${JSON.stringify(text)}`);
  return { key: text.slice(0, eq).trim(), value: text.slice(eq + 1) };
}
