/**
 * The headless command line over src/model: `npm run sim -- <command> [flags]`.
 *
 *   run        simulate the sheet (scenario, --set, --seed, --duration-s) and report
 *   neuron     the single-cell reference protocol (docs/model.md §2)
 *   bench      time the integration loop (COBA benchmark or the default sheet)
 *   pk         drug levels on the patient clock (plasma and brain)
 *   params     the parameter table
 *   scenarios  the shipped scenarios
 *   cohort     the virtual trial: patients, a drug sequence, the fraction seizure-free after each
 *   lessons    every lesson's conditions, headless: the outcome measured, the one taught, holds
 *
 * `main` takes the arguments and a context (streams, folders) and returns the exit status, so
 * that tests run it in-process; the last lines run it when this file is the program.
 * Status: 0 done; 2 bad input, with exactly one line on stderr; 1 a failure inside (also one
 * line; REFRACTORY_DEBUG=1 adds the stack).
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type CommandSpec, type ParsedFlags, parseFlags } from './args.ts';
import { BENCH_SPEC, benchCommand } from './commands/bench.ts';
import { COHORT_SPEC, cohortCommand } from './commands/cohort.ts';
import { LESSONS_SPEC, lessonsCommand } from './commands/lessons.ts';
import { NEURON_SPEC, neuronCommand } from './commands/neuron.ts';
import { PARAMS_SPEC, paramsCommand } from './commands/params.ts';
import { PK_SPEC, pkCommand } from './commands/pk.ts';
import { RUN_SPEC, runCommand } from './commands/run.ts';
import { SCENARIOS_SPEC, scenariosCommand } from './commands/scenarios.ts';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, isInputError, oneLine, UsageError } from './errors.ts';
import { type CliContext, processContext } from './io.ts';
import { commandHelp, programHelp } from './usage.ts';

interface Command {
  readonly spec: CommandSpec;
  readonly execute: (flags: ParsedFlags, ctx: CliContext) => void;
}

const COMMANDS: readonly Command[] = [
  { spec: RUN_SPEC, execute: runCommand },
  { spec: NEURON_SPEC, execute: neuronCommand },
  { spec: BENCH_SPEC, execute: benchCommand },
  { spec: PK_SPEC, execute: pkCommand },
  { spec: PARAMS_SPEC, execute: paramsCommand },
  { spec: SCENARIOS_SPEC, execute: scenariosCommand },
  { spec: COHORT_SPEC, execute: cohortCommand },
  { spec: LESSONS_SPEC, execute: lessonsCommand },
];
const SPECS = COMMANDS.map((c) => c.spec);
const HELP_WORDS = new Set(['help', '--help', '-h']);

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    throw new UsageError(`unknown command "${name}"; commands: ${SPECS.map((s) => s.name).join(', ')}, help`);
  }
  return command;
}

function dispatch(argv: readonly string[], ctx: CliContext): void {
  const [name, ...rest] = argv;
  if (name === undefined) {
    throw new UsageError(`missing command; commands: ${SPECS.map((s) => s.name).join(', ')}, help`);
  }
  if (HELP_WORDS.has(name)) {
    ctx.stdout.write(rest.length > 0 ? commandHelp(findCommand(rest[0]).spec) : programHelp(SPECS));
    return;
  }
  const command = findCommand(name);
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(commandHelp(command.spec));
    return;
  }
  command.execute(parseFlags(command.spec, rest), ctx);
}

/**
 * Report a failure as one line on stderr and return the exit status: 2 for the user's input
 * (including a ParamError raised inside the engine), 1 for anything else.
 */
export function reportError(error: unknown, ctx: CliContext): number {
  if (isInputError(error)) {
    ctx.stderr.write(`error: ${oneLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(`internal error: ${oneLine(message)}\n`);
  if (process.env.REFRACTORY_DEBUG && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
  return EXIT_INTERNAL;
}

/** Run the command line; returns the exit status. */
export function main(argv: readonly string[], ctx: CliContext = processContext()): number {
  try {
    dispatch(argv, ctx);
    return EXIT_OK;
  } catch (error) {
    return reportError(error, ctx);
  }
}

function isProgram(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isProgram()) {
  // `… | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2));
}
