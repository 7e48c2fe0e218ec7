/** Help text, built from the commands' flag specs so that it cannot drift from the parser. */
import type { CommandSpec } from './args.ts';

export const PROGRAM = 'npm run sim --';

export function commandHelp(spec: CommandSpec): string {
  const flags = spec.flags.map((f) => [`--${f.name}${f.valueName ? ` ${f.valueName}` : ''}`, f.help] as const);
  const width = Math.max(...flags.map(([left]) => left.length));
  return `${PROGRAM} ${spec.name} [flags]: ${spec.summary}\n${flags
    .map(([left, help]) => `  ${left.padEnd(width)}  ${help}`)
    .join('\n')}\n`;
}

export function programHelp(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((s) => s.name.length));
  return `Refractory: a headless simulator of neuron excitability (educational, not medical advice).

usage: ${PROGRAM} <command> [flags]

commands:
${specs.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`).join('\n')}
  ${'help'.padEnd(width)}  this text; "help <command>" or "<command> --help" for its flags

Bad input exits with status 2 and one line on stderr.
`;
}
