/** `params`: the parameter table (src/model/params.ts), the keys that --set and scenarios take. */
import { describeRange, formatParamValue, PARAM_SPECS } from '../../model/params.ts';
import type { CommandSpec, ParsedFlags } from '../args.ts';
import { table, writeJson } from '../format.ts';
import type { CliContext } from '../io.ts';

export const PARAMS_SPEC: CommandSpec = {
  name: 'params',
  summary: 'list the parameters: key, default, allowed range, unit, description',
  flags: [{ name: 'json', kind: 'switch', help: 'print one JSON object instead of a table' }],
};

export interface ParamRow {
  key: string;
  default: string;
  range: string;
  unit: string;
  description: string;
}

export function paramRows(): ParamRow[] {
  return PARAM_SPECS.map((spec) => ({
    key: spec.key,
    default: formatParamValue(spec.key, spec.default),
    range: describeRange(spec),
    unit: spec.unit,
    description: spec.description,
  }));
}

export function paramsCommand(flags: ParsedFlags, ctx: CliContext): void {
  const rows = paramRows();
  if (flags.has('json')) {
    writeJson(ctx.stdout, { params: rows });
    return;
  }
  const header = ['key', 'default', 'range', 'unit', 'description'];
  const body = rows.map((r) => [r.key, r.default, r.range, r.unit, r.description]);
  ctx.stdout.write(`${table([header, ...body])}\n\nSet with --set KEY=VALUE or a scenario's "params".\n`);
}
