/** `scenarios`: the scenario files that `run --scenario NAME` knows. */
import type { CommandSpec, ParsedFlags } from '../args.ts';
import { table, writeJson } from '../format.ts';
import type { CliContext } from '../io.ts';
import { loadAllScenarios } from '../scenario-files.ts';

export const SCENARIOS_SPEC: CommandSpec = {
  name: 'scenarios',
  summary: 'list the scenarios: name and one-line lesson',
  flags: [{ name: 'json', kind: 'switch', help: 'print one JSON object instead of a table' }],
};

export function scenariosCommand(flags: ParsedFlags, ctx: CliContext): void {
  const scenarios = loadAllScenarios(ctx);
  if (flags.has('json')) {
    writeJson(ctx.stdout, { scenarios });
    return;
  }
  if (scenarios.length === 0) {
    ctx.stdout.write(`no scenarios in ${ctx.scenarioDir}\n`);
    return;
  }
  const rows = scenarios.map((s) => [s.name, s.description]);
  ctx.stdout.write(
    `${table([['name', 'description'], ...rows])}\n\nRun one with: npm run sim -- run --scenario NAME\n`,
  );
}
