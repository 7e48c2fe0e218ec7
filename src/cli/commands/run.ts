/**
 * `run`: simulate the sheet for a while with the monitors on, and report what happened.
 *
 * Parameters, lowest to highest precedence: the table's defaults, the scenario's `params`, each
 * `--set KEY=VALUE` in order, then `--seed`. Duration: `--duration-s`, else the scenario's
 * `durationS`, else 10 s.
 */
import { type MonitorSummary, Monitors } from '../../model/detect/monitors.ts';
import {
  changedKeys,
  defaultParams,
  formatParamValue,
  type Params,
  parseParamText,
  withParams,
} from '../../model/params.ts';
import {
  SCENARIO_DURATION_MAX_S,
  SCENARIO_DURATION_MIN_S,
  type Scenario,
  scenarioParams,
} from '../../model/scenario.ts';
import { Simulation } from '../../model/simulation.ts';
import { type CommandSpec, numberFlag, type ParsedFlags, splitAssignment } from '../args.ts';
import { duration, fields, fixed, writeJson } from '../format.ts';
import type { CliContext } from '../io.ts';
import { ProgressBar } from '../progress.ts';
import { loadScenario } from '../scenario-files.ts';

export const RUN_DEFAULT_DURATION_S = 10;
/** Steps are run in slices of this much network time, between which the progress bar updates. */
const SLICE_MS = 100;

export const RUN_SPEC: CommandSpec = {
  name: 'run',
  summary: 'simulate the cortical sheet and report rates, synchrony, seizures and ions',
  flags: [
    { name: 'scenario', kind: 'one', valueName: 'NAME|FILE.json', help: 'start from a scenario (see `scenarios`)' },
    { name: 'set', kind: 'many', valueName: 'KEY=VALUE', help: 'set a parameter (see `params`); repeatable' },
    {
      name: 'duration-s',
      kind: 'one',
      valueName: 'S',
      help: `simulated seconds (default: the scenario's, else ${RUN_DEFAULT_DURATION_S})`,
    },
    { name: 'seed', kind: 'one', valueName: 'N', help: 'seed of the network and its noise (same as --set seed=N)' },
    { name: 'json', kind: 'switch', help: 'print one JSON object instead of text' },
  ],
};

export interface RunReport {
  scenario: string | null;
  seed: number;
  durationS: number;
  neurons: number;
  params: Params;
  rateHz: { exc: number; inh: number };
  chi: { mean: number | null; max: number | null };
  seizures: { onsetS: number; offsetS: number | null; onsetXMm: number; onsetYMm: number }[];
  seizureBurden: number;
  interictalSpikes: number;
  ions: { koMaxMm: number; naiMaxMm: number; eGabaMeanMv: number | null };
  /** Wall time of the integration loop (network building excluded). */
  wallS: number;
  /** Simulated seconds per wall second of the loop. */
  realtimeFactor: number;
}

/** The parameters and duration a `run` asks for, all validated. */
export function resolveRun(
  flags: ParsedFlags,
  ctx: CliContext,
): { scenario: Scenario | null; params: Params; durationS: number } {
  const ref = flags.get('scenario');
  const scenario = ref === undefined ? null : loadScenario(ref, ctx);
  const base = scenario ? scenarioParams(scenario) : defaultParams();
  const overrides: Record<string, unknown> = {};
  for (const assignment of flags.all('set')) {
    const { key, value } = splitAssignment(assignment);
    overrides[key] = parseParamText(key, value);
  }
  const seedText = flags.get('seed');
  if (seedText !== undefined) overrides.seed = parseParamText('seed', seedText);
  const params = withParams(base, overrides);
  const durationText = flags.get('duration-s');
  const durationS =
    durationText !== undefined
      ? numberFlag('duration-s', durationText, SCENARIO_DURATION_MIN_S, SCENARIO_DURATION_MAX_S, ' s')
      : (scenario?.durationS ?? RUN_DEFAULT_DURATION_S);
  return { scenario, params, durationS };
}

export function simulate(params: Params, durationS: number, scenarioName: string | null, ctx: CliContext): RunReport {
  const sim = new Simulation(params);
  const monitors = new Monitors(sim);
  const totalSteps = Math.round((durationS * 1000) / sim.dtMs);
  const sliceSteps = Math.max(1, Math.round(SLICE_MS / sim.dtMs));
  const progress = new ProgressBar(ctx.stderr, 'run', totalSteps);
  const startedMs = performance.now();
  for (let done = 0; done < totalSteps; ) {
    const steps = Math.min(sliceSteps, totalSteps - done);
    sim.advance(steps, monitors);
    done += steps;
    progress.update(done);
  }
  const wallS = (performance.now() - startedMs) / 1000;
  progress.finish();
  return buildRunReport(monitors.summary(), { scenario: scenarioName, params, neurons: sim.net.n, wallS });
}

/** The report from the monitors' summary: times in seconds, the run's identity and its speed. */
export function buildRunReport(
  summary: MonitorSummary,
  run: { scenario: string | null; params: Params; neurons: number; wallS: number },
): RunReport {
  return {
    scenario: run.scenario,
    seed: run.params.seed,
    durationS: summary.durationS,
    neurons: run.neurons,
    params: run.params,
    rateHz: summary.rateHz,
    chi: summary.chi,
    seizures: summary.seizures.map((e) => ({
      onsetS: e.onsetMs / 1000,
      offsetS: e.offsetMs === null ? null : e.offsetMs / 1000,
      onsetXMm: e.onsetXMm,
      onsetYMm: e.onsetYMm,
    })),
    seizureBurden: summary.seizureBurden,
    interictalSpikes: summary.interictalSpikes,
    ions: summary.ions,
    wallS: run.wallS,
    realtimeFactor: summary.durationS / run.wallS,
  };
}

function formatReport(r: RunReport): string {
  const side = Math.round(Math.sqrt(r.neurons));
  const changed = changedKeys(defaultParams(), r.params).filter((k) => k !== 'seed');
  const seizures =
    r.seizures.length === 0
      ? 'none'
      : r.seizures
          .map(
            (e) =>
              `${fixed(e.onsetS, 1)}–${e.offsetS === null ? 'still going' : `${fixed(e.offsetS, 1)} s`}` +
              ` from (${fixed(e.onsetXMm, 2)}, ${fixed(e.onsetYMm, 2)}) mm`,
          )
          .join('; ');
  const head = `run: ${r.scenario ? `scenario ${r.scenario}, ` : ''}seed ${r.seed}, ${r.neurons} neurons (${side} × ${side}), ${fixed(r.durationS, 1)} s simulated`;
  return `${head}\n${fields([
    [
      'parameters',
      changed.length === 0 ? 'defaults' : changed.map((k) => `${k}=${formatParamValue(k, r.params[k])}`).join(' '),
    ],
    ['rates', `E ${fixed(r.rateHz.exc, 2)} Hz, I ${fixed(r.rateHz.inh, 2)} Hz`],
    ['synchrony χ', `mean ${fixed(r.chi.mean, 3)}, max ${fixed(r.chi.max, 3)}`],
    ['seizures', `${r.seizures.length === 0 ? '' : `${r.seizures.length}: `}${seizures}`],
    ['seizure burden', `${fixed(100 * r.seizureBurden, 1)} % of the time`],
    ['interictal', `${r.interictalSpikes} population spikes`],
    [
      'ions',
      `K⁺o max ${fixed(r.ions.koMaxMm, 2)} mM, Na⁺i max ${fixed(r.ions.naiMaxMm, 2)} mM, mean E_GABA ${fixed(r.ions.eGabaMeanMv, 1)} mV`,
    ],
    ['speed', `${duration(r.wallS)} wall, ${fixed(r.realtimeFactor, 2)}× real time`],
  ])}\n`;
}

export function runCommand(flags: ParsedFlags, ctx: CliContext): void {
  const { scenario, params, durationS } = resolveRun(flags, ctx);
  const report = simulate(params, durationS, scenario?.name ?? null, ctx);
  if (flags.has('json')) writeJson(ctx.stdout, report);
  else ctx.stdout.write(formatReport(report));
}
