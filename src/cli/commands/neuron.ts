/**
 * `neuron`: the single-cell reference protocol of docs/model.md §2 (src/model/reference/single-neuron.ts),
 * whose spike times are compared with Brian2 (tests/reference/brian2_neuron.py).
 */
import { defaultParams, parseParamText } from '../../model/params.ts';
import {
  REFERENCE_CURRENT_MAX_PA,
  REFERENCE_DEFAULT_DT_MS,
  REFERENCE_DEFAULT_DURATION_MS,
  REFERENCE_DT_MAX_MS,
  REFERENCE_DT_MIN_MS,
  REFERENCE_DURATION_MAX_MS,
  type ReferenceCellType,
  simulateReferenceNeuron,
} from '../../model/reference/single-neuron.ts';
import { type CommandSpec, choiceFlag, numberFlag, type ParsedFlags, splitAssignment } from '../args.ts';
import { UsageError } from '../errors.ts';
import { fields, fixed, writeJson } from '../format.ts';
import type { CliContext } from '../io.ts';

/** Above both cells' rheobase at the default gNapRatio (E ≈ 328 pA, I ≈ 99 pA over 1 s). */
export const NEURON_DEFAULT_CURRENT_PA = 500;
export const NEURON_DEFAULT_DURATION_MS = REFERENCE_DEFAULT_DURATION_MS;
/** Shorter runs show nothing: the membrane time constants are 9 ms (E) and 20 ms (I). */
export const NEURON_MIN_DURATION_MS = 1;
export const NEURON_DEFAULT_DT_MS = REFERENCE_DEFAULT_DT_MS;

export const NEURON_SPEC: CommandSpec = {
  name: 'neuron',
  summary: 'one isolated cell under a current step (the reference protocol of docs/model.md §2)',
  flags: [
    { name: 'type', kind: 'one', valueName: 'E|I', help: 'pyramidal (E) or fast-spiking interneuron (I); required' },
    {
      name: 'current-pa',
      kind: 'one',
      valueName: 'PA',
      help: `step current from t = 0, pA (default ${NEURON_DEFAULT_CURRENT_PA})`,
    },
    {
      name: 'duration-ms',
      kind: 'one',
      valueName: 'MS',
      help: `simulated time, ms (default ${NEURON_DEFAULT_DURATION_MS})`,
    },
    { name: 'dt-ms', kind: 'one', valueName: 'DT', help: `Euler step, ms (default ${NEURON_DEFAULT_DT_MS})` },
    {
      name: 'set',
      kind: 'many',
      valueName: 'gNapRatio=X',
      help: 'persistent sodium, gNaP/gL (the one parameter a lone cell has)',
    },
    { name: 'json', kind: 'switch', help: 'print one JSON object instead of text' },
  ],
};

export interface NeuronReport {
  type: ReferenceCellType;
  currentPa: number;
  durationMs: number;
  dtMs: number;
  gNapRatio: number;
  spikeTimesMs: number[];
  rateHz: number;
}

export function neuronReport(flags: ParsedFlags): NeuronReport {
  const typeText = flags.get('type');
  if (typeText === undefined) throw new UsageError('neuron needs --type E or --type I');
  const type = choiceFlag('type', typeText, ['E', 'I'] as const);
  const text = (name: string, fallback: number) => flags.get(name) ?? String(fallback);
  const currentPa = numberFlag(
    'current-pa',
    text('current-pa', NEURON_DEFAULT_CURRENT_PA),
    -REFERENCE_CURRENT_MAX_PA,
    REFERENCE_CURRENT_MAX_PA,
    ' pA',
  );
  const durationMs = numberFlag(
    'duration-ms',
    text('duration-ms', NEURON_DEFAULT_DURATION_MS),
    NEURON_MIN_DURATION_MS,
    REFERENCE_DURATION_MAX_MS,
    ' ms',
  );
  const dtMs = numberFlag(
    'dt-ms',
    text('dt-ms', NEURON_DEFAULT_DT_MS),
    REFERENCE_DT_MIN_MS,
    REFERENCE_DT_MAX_MS,
    ' ms',
  );
  let gNapRatio = defaultParams().gNapRatio;
  for (const assignment of flags.all('set')) {
    const { key, value } = splitAssignment(assignment);
    if (key !== 'gNapRatio') {
      throw new UsageError(
        `neuron takes only --set gNapRatio=X; "${key}" has no effect on one isolated cell (A = 1, no synapses, ions at rest)`,
      );
    }
    gNapRatio = parseParamText('gNapRatio', value);
  }
  const result = simulateReferenceNeuron({ type, currentPa, durationMs, dtMs, gNapRatio });
  return {
    type,
    currentPa,
    durationMs,
    dtMs,
    gNapRatio,
    spikeTimesMs: result.spikeTimesMs,
    rateHz: result.spikeTimesMs.length / (durationMs / 1000),
  };
}

function formatReport(r: NeuronReport): string {
  const n = r.spikeTimesMs.length;
  const isis = r.spikeTimesMs.slice(1).map((t, i) => t - r.spikeTimesMs[i]);
  const lines = fields([
    ['cell', `${r.type === 'E' ? 'pyramidal (E)' : 'fast-spiking interneuron (I)'}, gNapRatio ${r.gNapRatio}`],
    ['protocol', `${r.currentPa} pA step for ${r.durationMs} ms, dt ${r.dtMs} ms`],
    ['spikes', `${n} (${fixed(r.rateHz, 2)} Hz)`],
    ['first ISI', isis.length > 0 ? `${fixed(isis[0], 2)} ms` : '–'],
    ['last ISI', isis.length > 0 ? `${fixed(isis[isis.length - 1], 2)} ms` : '–'],
  ]);
  const times = n === 0 ? '  (no spikes)' : `  ${r.spikeTimesMs.map((t) => fixed(t, 2)).join(' ')}`;
  return `neuron:\n${lines}\nspike times (ms):\n${times}\n`;
}

export function neuronCommand(flags: ParsedFlags, ctx: CliContext): void {
  const report = neuronReport(flags);
  if (flags.has('json')) writeJson(ctx.stdout, report);
  else ctx.stdout.write(formatReport(report));
}
