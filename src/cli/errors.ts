/**
 * How the command line fails. Bad input (a flag, a value, a scenario file, a drug regimen) exits with status 2
 * and one line on stderr naming what is wrong and what is allowed; never a stack trace.
 */
import { ParamError } from '../model/params.ts';
import { DrugError } from '../model/pharmacology/regimen.ts';
import { ScenarioError } from '../model/scenario.ts';

/** Bad command-line input: an unknown command or flag, a missing or malformed value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
/** Something went wrong inside the simulator: a bug, not the user's input. */
export const EXIT_INTERNAL = 1;
/** The input was wrong (the usual convention of command-line tools, e.g. Bash's builtins). */
export const EXIT_USAGE = 2;

/** Errors that are the user's input: reported as one line, status 2. */
export function isInputError(error: unknown): error is Error {
  return (
    error instanceof UsageError ||
    error instanceof ParamError ||
    error instanceof ScenarioError ||
    error instanceof DrugError
  );
}

/** The first line of a message, trimmed, so that a report is always exactly one line. */
export function oneLine(message: string): string {
  const first = message.split(/\r?\n/, 1)[0].trim();
  return first === '' ? 'unknown error' : first;
}
