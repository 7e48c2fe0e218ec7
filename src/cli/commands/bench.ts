/**
 * `bench`: the engine's raw speed. `--model coba` runs the COBA benchmark of docs/model.md §8 (compare
 * with tests/reference/brian2_coba.json); `--model default` runs the cortical sheet with its
 * default parameters. The timed part is the integration loop only: building the network (and
 * the synapses) is reported apart.
 */

import { defaultParams, getSpec, type NumberSpec, withParams } from '../../model/params.ts';
import { COBA, CobaNetwork } from '../../model/reference/coba.ts';
import { startRun } from '../../model/runs/start-run.ts';
import type { Simulation, StepObserver } from '../../model/simulation.ts';
import { type CommandSpec, choiceFlag, integerFlag, numberFlag, type ParsedFlags } from '../args.ts';
import { UsageError } from '../errors.ts';
import { duration, fields, fixed, mebibytes, writeJson } from '../format.ts';
import type { CliContext } from '../io.ts';
import { MAX_THREADS, spawnNodeHelper } from '../sim-threads.ts';
import { SpikeStats } from '../spike-stats.ts';

export type BenchModel = 'coba' | 'default';
export const BENCH_DEFAULT_DURATION_S = 1;
export const BENCH_MAX_DURATION_S = 600;
/** COBA sizes: small enough to build in seconds (synapses grow as 0.02 n²: 8 M at 20,000). */
export const COBA_MIN_NEURONS = 100;
export const COBA_MAX_NEURONS = 20_000;

export const BENCH_SPEC: CommandSpec = {
  name: 'bench',
  summary: 'time the integration loop of the COBA benchmark or of the default sheet',
  flags: [
    { name: 'model', kind: 'one', valueName: 'coba|default', help: 'which network (default coba)' },
    {
      name: 'neurons',
      kind: 'one',
      valueName: 'N',
      help: `cells (coba: ${COBA.neurons}; default: side², 64² = 4096)`,
    },
    {
      name: 'duration-s',
      kind: 'one',
      valueName: 'S',
      help: `simulated seconds (default ${BENCH_DEFAULT_DURATION_S})`,
    },
    { name: 'seed', kind: 'one', valueName: 'N', help: 'seed of the network (default 1)' },
    {
      name: 'threads',
      kind: 'one',
      valueName: 'N',
      help: `threads stepping the default sheet together, 1…${MAX_THREADS} (default 1; the same spikes for any N)`,
    },
    { name: 'json', kind: 'switch', help: 'print one JSON object instead of text' },
  ],
};

export interface BenchReport {
  model: BenchModel;
  /** Threads that stepped the network (model/parallel; COBA: always 1). */
  threads: number;
  neurons: number;
  synapses: number;
  durationS: number;
  /** Building the network and its synapses (not timed in wallSRun). */
  wallSBuild: number;
  /** The integration loop only. */
  wallSRun: number;
  /**
   * Processor time of the process during the loop (process.cpuUsage, user + system). On a busy
   * machine it is below wallSRun; it is what Brian2's standalone binary reports (std::clock).
   */
  cpuSRun: number;
  spikes: number;
  /** FNV-1a of every step's spikes in order (SpikeStats): equal for equal spike trains. */
  spikeHash: string;
  rateHz: { exc: number; inh: number };
  /** Mean over cells with ≥ 3 spikes of the ISI coefficient of variation. */
  cvIsi: number | null;
  realtimeFactor: number;
  /** V8 heap in use after the run, MiB. */
  heapUsedMb: number;
  /** WebAssembly memory of the kernels (state, delay rings, synapses), MiB. */
  kernelMemoryMb: number;
}

/** The sheet's side for `--neurons N` of the default model: N must be side² with side in the table's range. */
export function sideForNeurons(text: string): number {
  const side = getSpec('side') as NumberSpec;
  const neurons = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  const root = Math.round(Math.sqrt(neurons));
  if (!(root * root === neurons && root >= side.min && root <= side.max)) {
    throw new UsageError(
      `--neurons ${JSON.stringify(text)} is not allowed for --model default: it must be side² with side a whole number in ${side.min}…${side.max} (${side.min ** 2}…${side.max ** 2}, e.g. 4096 = 64²)`,
    );
  }
  return root;
}

/** Feeds each step's spikes to the statistics (the observer interface of Simulation.advance). */
class SpikeRecorder implements StepObserver {
  constructor(private readonly stats: SpikeStats) {}
  afterStep(sim: Simulation): void {
    const s = sim.state;
    if (s.spikeCount > 0) this.stats.add(s.spikeIdx, s.spikeCount, s.step);
  }
  /** Ion steps carry no spikes. */
  afterIonStep(): void {}
}

/** Wall and processor time of `loop`, in seconds. */
function timed(loop: () => void): { wallS: number; cpuS: number } {
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  loop();
  const wallS = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallS, cpuS: (cpu.user + cpu.system) / 1e6 };
}

function benchCoba(neurons: number, durationS: number, seed: number): BenchReport {
  const threads = 1;
  const builtAt = performance.now();
  const net = new CobaNetwork({ neurons, seed });
  const wallSBuild = (performance.now() - builtAt) / 1000;
  const steps = Math.round((durationS * 1000) / COBA.dtMs);
  const stats = new SpikeStats(net.n, net.nE);
  const time = timed(() => {
    for (let k = 0; k < steps; k++) {
      const count = net.advanceStep();
      if (count > 0) stats.add(net.spikeIdx, count, k);
    }
  });
  return report({
    model: 'coba',
    threads,
    n: net.n,
    nE: net.nE,
    synapses: net.synapseCount,
    durationS,
    wallSBuild,
    time,
    stats,
    // The kernels' whole linear memory: CobaNetwork allocates one memory for its arrays alone,
    // so its size (whole 64-KiB pages) is the network's kernel memory.
    kernelBytes: net.vMv.buffer.byteLength,
  });
}

function benchDefault(side: number, durationS: number, seed: number, threads: number): BenchReport {
  const params = withParams(defaultParams(), { side, seed });
  const builtAt = performance.now();
  // The network alone: no treatment, and its monitors are not fed (the loop is what is timed).
  const { sim } = startRun(params, undefined, { threads });
  if (threads > 1) sim.startThreads(spawnNodeHelper).waitReady();
  const wallSBuild = (performance.now() - builtAt) / 1000;
  const steps = Math.round((durationS * 1000) / sim.dtMs);
  const stats = new SpikeStats(sim.net.n, sim.net.nE);
  const recorder = new SpikeRecorder(stats);
  let time: { wallS: number; cpuS: number };
  try {
    time = timed(() => sim.advance(steps, recorder));
  } finally {
    sim.stopThreads();
  }
  return report({
    model: 'default',
    threads,
    n: sim.net.n,
    nE: sim.net.nE,
    synapses: sim.net.synapseCount,
    durationS,
    wallSBuild,
    time,
    stats,
    kernelBytes: sim.state.kernelBytes,
  });
}

interface Measured {
  model: BenchModel;
  threads: number;
  n: number;
  nE: number;
  synapses: number;
  durationS: number;
  wallSBuild: number;
  time: { wallS: number; cpuS: number };
  stats: SpikeStats;
  kernelBytes: number;
}

function report(m: Measured): BenchReport {
  const { model, threads, n, nE, synapses, durationS, wallSBuild, time, stats } = m;
  return {
    model,
    threads,
    neurons: n,
    synapses,
    durationS,
    wallSBuild,
    wallSRun: time.wallS,
    cpuSRun: time.cpuS,
    spikes: stats.spikes,
    spikeHash: stats.spikeHash,
    rateHz: { exc: stats.spikesE / nE / durationS, inh: stats.spikesI / (n - nE) / durationS },
    cvIsi: stats.meanCvIsi(),
    realtimeFactor: durationS / time.wallS,
    heapUsedMb: mebibytes(process.memoryUsage().heapUsed),
    kernelMemoryMb: mebibytes(m.kernelBytes),
  };
}

export function benchReport(flags: ParsedFlags): BenchReport {
  const model = choiceFlag('model', flags.get('model') ?? 'coba', ['coba', 'default'] as const);
  const neuronsText = flags.get('neurons');
  // The size: COBA takes any count in range; the sheet takes side², its side from the table.
  const size =
    model === 'coba'
      ? neuronsText === undefined
        ? COBA.neurons
        : integerFlag('neurons', neuronsText, COBA_MIN_NEURONS, COBA_MAX_NEURONS)
      : neuronsText === undefined
        ? (getSpec('side') as NumberSpec).default
        : sideForNeurons(neuronsText);
  const durationS = numberFlag(
    'duration-s',
    flags.get('duration-s') ?? String(BENCH_DEFAULT_DURATION_S),
    0.01,
    BENCH_MAX_DURATION_S,
    ' s',
  );
  const seedSpec = getSpec('seed') as NumberSpec;
  const seedText = flags.get('seed');
  const seed = seedText === undefined ? 1 : integerFlag('seed', seedText, seedSpec.min, seedSpec.max);
  const threadsText = flags.get('threads');
  const threads = threadsText === undefined ? 1 : integerFlag('threads', threadsText, 1, MAX_THREADS);
  if (model === 'coba' && threads > 1) {
    throw new UsageError(
      `--threads ${threads} is not allowed for --model coba: threads step the default sheet only (--model default)`,
    );
  }
  return model === 'coba' ? benchCoba(size, durationS, seed) : benchDefault(size, durationS, seed, threads);
}

function formatReport(r: BenchReport): string {
  const title = r.model === 'coba' ? 'COBA benchmark (docs/model.md §8)' : 'default cortical sheet';
  return `bench: ${title}\n${fields([
    ['network', `${r.neurons} neurons, ${r.synapses} synapses (built in ${duration(r.wallSBuild)})`],
    ['threads', `${r.threads}`],
    ['simulated', `${r.durationS} s`],
    [
      'loop',
      `${duration(r.wallSRun)} wall (${duration(r.cpuSRun)} processor), ${fixed(r.realtimeFactor, 2)}× real time`,
    ],
    [
      'spikes',
      `${r.spikes}: E ${fixed(r.rateHz.exc, 2)} Hz, I ${fixed(r.rateHz.inh, 2)} Hz (fingerprint ${r.spikeHash})`,
    ],
    ['ISI CV', `${fixed(r.cvIsi, 3)} (mean over cells with ≥ 3 spikes)`],
    ['memory', `heap ${fixed(r.heapUsedMb, 1)} MiB, kernels ${fixed(r.kernelMemoryMb, 1)} MiB`],
  ])}\n`;
}

export function benchCommand(flags: ParsedFlags, ctx: CliContext): void {
  const report = benchReport(flags);
  if (flags.has('json')) writeJson(ctx.stdout, report);
  else ctx.stdout.write(formatReport(report));
}
