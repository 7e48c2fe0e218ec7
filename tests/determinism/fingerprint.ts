/**
 * Spike fingerprints: a hash of every spike (step, cell) and of the final ion and membrane state
 * of a set of runs that together touch every mechanism of the engine. Refactoring must leave
 * them unchanged, bit for bit; a change of the model's dynamics changes them on purpose.
 *
 *   npx tsx scripts/spike-fingerprint.ts            print every fingerprint
 *   npx tsx scripts/spike-fingerprint.ts --check    compare with the reference (exit 1 if any differs)
 *   npx tsx scripts/spike-fingerprint.ts --write    make the current output the reference
 *
 * The reference is tests/determinism/spike-fingerprint.txt; the quick runs are also checked by
 * `npx vitest run tests/determinism` (a few seconds). Updating the reference is a deliberate
 * step: run `--write`, and say in the commit which runs changed and why.
 */
import { main as cliMain } from '../../src/cli/main.ts';
import { defaultParams, type Params, withParams } from '../../src/model/params.ts';
import { CobaNetwork } from '../../src/model/reference/coba.ts';
import { simulateReferenceNeuron } from '../../src/model/reference/single-neuron.ts';
import { runPatient } from '../../src/model/runs/cohort/trial.ts';
import { LiveSession } from '../../src/model/runs/live/session.ts';
import { dosingOf, startRun } from '../../src/model/runs/start-run.ts';
import type { Simulation, SimulationOptions, StepObserver } from '../../src/model/simulation.ts';

/** FNV-1a over the four bytes of a 32-bit word (independent of the code it checks). */
export function mix(hash: number, word: number): number {
  let h = hash;
  for (let shift = 0; shift < 32; shift += 8) h = Math.imul(h ^ ((word >>> shift) & 0xff), 0x01000193);
  return h >>> 0;
}
export const BASIS = 0x811c9dc5;

function hashWords(hash: number, words: Int32Array | Uint32Array): number {
  let h = hash;
  for (let i = 0; i < words.length; i++) h = mix(h, words[i]);
  return h;
}

/** The bits of a typed array of floats (or integers), hashed. */
export function hashArray(hash: number, a: Float32Array | Float64Array | Int32Array): number {
  return hashWords(hash, new Uint32Array(a.buffer, a.byteOffset, (a.length * a.BYTES_PER_ELEMENT) / 4));
}

function hashText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

const hex = (h: number): string => h.toString(16).padStart(8, '0');

/** Hashes every spike (step, cell) and counts them. */
class SpikeHasher implements StepObserver {
  hash = BASIS;
  spikes = 0;
  constructor(private readonly inner?: StepObserver) {}
  afterStep(sim: Simulation): void {
    const s = sim.state;
    for (let k = 0; k < s.spikeCount; k++) this.hash = mix(mix(this.hash, s.step), s.spikeIdx[k]);
    this.spikes += s.spikeCount;
    this.inner?.afterStep(sim);
  }
  afterIonStep(sim: Simulation): void {
    this.inner?.afterIonStep(sim);
  }
}

/** The final state: ions, membrane, conductances, gates, resources. */
export function stateHash(sim: Simulation): number {
  const s = sim.state;
  let h = BASIS;
  for (const a of [
    s.koMm,
    s.naiMm,
    s.clMm,
    s.eGabaMv,
    s.pumpPa,
    s.naSlowGate,
    s.naAvailability,
    s.vMv,
    s.wPa,
    s.gAmpaNs,
    s.gNmdaNs,
    s.gGabaNs,
    s.resource,
  ]) {
    h = hashArray(h, a);
  }
  return h;
}

interface SheetSpec {
  kind: 'sheet';
  params: Readonly<Record<string, unknown>>;
  durationS: number;
  options?: SimulationOptions;
  /** Regimens and patient-clock time, through the one composition (as the command line). */
  drugs?: readonly string[];
  atHours?: number;
}
interface CliSpec {
  kind: 'cli';
  argv: readonly string[];
}
interface OtherSpec {
  kind: 'session' | 'cohort' | 'coba' | 'neuron';
}
type RunSpec = SheetSpec | CliSpec | OtherSpec;

export interface FingerprintRun {
  label: string;
  /** Part of the fast vitest check (small sheets, well under a second each). */
  quick: boolean;
  spec: RunSpec;
}

const sheet = (
  label: string,
  quick: boolean,
  params: Readonly<Record<string, unknown>>,
  durationS: number,
  more: Partial<SheetSpec> = {},
): FingerprintRun => ({ label, quick, spec: { kind: 'sheet', params, durationS, ...more } });

const LESION = { xMm: 1, yMm: 1, radiusMm: 0.5 };
const SMALL_LESION = { xMm: 0.6, yMm: 1.4, radiusMm: 0.3 };

export const RUNS: readonly FingerprintRun[] = [
  // Quick: small sheets, every mechanism at least once.
  sheet('q-healthy-16-s1', true, { side: 16, seed: 1 }, 2),
  sheet('q-healthy-16-s2', true, { side: 16, seed: 2 }, 2),
  sheet('q-gaba0.4-24', true, { side: 24, gaba: 0.4 }, 2),
  sheet('q-lesion-sprouting-rns-24', true, { side: 24, gaba: 0.7, lesion: LESION, sprouting: 0.15, rns: true }, 2),
  sheet(
    'q-ions-inflammation-dravet-vns-24',
    true,
    { side: 24, clEqMm: 30, inflammation: 0.6, kClearance: 0.5, scn1a: 0.5, vns: true, gNapRatio: 0.4 },
    2,
  ),
  sheet('q-phenytoin-adherence-24', true, { side: 24, gaba: 0.63, adherence: 0.8, pgp: 2 }, 2, {
    drugs: ['phenytoin=200/12', 'bumetanide=2/12'],
    atHours: 200,
  }),
  { label: 'q-cli-run-16', quick: true, spec: { kind: 'cli', argv: ['run', '--set', 'side=16', '--duration-s', '1'] } },
  { label: 'q-session-16', quick: true, spec: { kind: 'session' } },
  { label: 'q-cohort-patient-16', quick: true, spec: { kind: 'cohort' } },
  { label: 'q-coba-400', quick: true, spec: { kind: 'coba' } },
  { label: 'q-reference-neuron', quick: true, spec: { kind: 'neuron' } },

  // Full: the sizes and seeds of the brief, and each mechanism on a larger sheet.
  sheet('healthy-32-s1', false, { side: 32, seed: 1 }, 4),
  sheet('healthy-32-s2', false, { side: 32, seed: 2 }, 4),
  sheet('healthy-64-s1', false, { side: 64, seed: 1 }, 2),
  sheet('healthy-64-s2', false, { side: 64, seed: 2 }, 2),
  sheet('gaba0.4-32-s1', false, { side: 32, gaba: 0.4, seed: 1 }, 4),
  sheet('gaba0.4-32-s2', false, { side: 32, gaba: 0.4, seed: 2 }, 4),
  sheet('gaba0.4-64-s1', false, { side: 64, gaba: 0.4, seed: 1 }, 2),
  sheet('lesion-32', false, { side: 32, gaba: 0.7, lesion: LESION }, 4),
  sheet('lesion-resected-32', false, { side: 32, gaba: 0.7, lesion: LESION, resected: true }, 3),
  sheet('lesion-rns-32', false, { side: 32, gaba: 0.7, lesion: LESION, rns: true }, 4),
  sheet('sprouting-32', false, { side: 32, lesion: SMALL_LESION, sprouting: 0.15, seed: 2 }, 4),
  sheet('inflammation-32', false, { side: 32, gaba: 0.65, inflammation: 1 }, 4),
  sheet('neonatal-chloride-32', false, { side: 32, clEqMm: 30 }, 4),
  sheet('dravet-32', false, { side: 32, scn1a: 0.5, gaba: 0.8 }, 4),
  sheet('nap-glutamate-drive-32', false, { side: 32, gNapRatio: 0.8, glutamate: 1.3, drive: 1.4 }, 3),
  sheet('kclearance-32', false, { side: 32, kClearance: 0.3, gaba: 0.7 }, 3),
  sheet('vns-32', false, { side: 32, gaba: 0.6, vns: true }, 12),
  sheet('pump-blind-32', false, { side: 32, gaba: 0.5, pumpNaSensitivity: 0 }, 3),
  sheet('ions-clamped-32', false, { side: 32 }, 2, { options: { ionsClamped: true } }),
  sheet('dt0.05-32', false, { side: 32, dtMs: 0.05 }, 1),
  sheet('phenytoin-pgp-32', false, { side: 32, gaba: 0.63, pgp: 2 }, 4, {
    drugs: ['phenytoin=200/12', 'tariquidar=75/12'],
    atHours: 336,
  }),
  sheet('carbamazepine-adherence-32', false, { side: 32, gaba: 0.66, adherence: 0.7, seed: 2 }, 4, {
    drugs: ['carbamazepine=400/12'],
    atHours: 336,
  }),
  sheet('bumetanide-neonatal-32', false, { side: 32, clEqMm: 30 }, 3, { drugs: ['bumetanide=2/12'], atHours: 48 }),
  {
    label: 'cli-run-lamotrigine-32',
    quick: false,
    spec: {
      kind: 'cli',
      argv: ['run', '--set', 'side=32', '--set', 'gaba=0.64', '--drug', 'lamotrigine=200/12', '--duration-s', '3'],
    },
  },
  // Runs whose warm start the unified GABA drive changes (drugs on GABA_A, the diet, status).
  sheet('ketogenic-32', false, { side: 32, gaba: 0.63, ketogenic: true }, 4),
  sheet('status-32', false, { side: 32, gaba: 0.6, statusMin: 60 }, 4),
  sheet('diazepam-32', false, { side: 32, gaba: 0.6 }, 4, { drugs: ['diazepam=10iv'], atHours: 0.5 }),
  sheet('valproate-32', false, { side: 32, gaba: 0.6 }, 4, { drugs: ['valproate=500/12'], atHours: 336 }),
  sheet('phenobarbital-32', false, { side: 32, gaba: 0.6 }, 4, { drugs: ['phenobarbital=100/12'], atHours: 336 }),
  sheet('levetiracetam-32', false, { side: 32, gaba: 0.6 }, 4, { drugs: ['levetiracetam=1000/12'], atHours: 336 }),
  {
    label: 'cli-run-diazepam-32',
    quick: false,
    spec: {
      kind: 'cli',
      argv: [
        'run',
        '--set',
        'side=32',
        '--set',
        'gaba=0.6',
        '--drug',
        'diazepam=10iv',
        '--at-hours',
        '1',
        '--duration-s',
        '3',
      ],
    },
  },
];

function sheetFingerprint(spec: SheetSpec): string {
  const params = withParams(defaultParams(), spec.params);
  const run = startRun(params, dosingOf({ drugs: spec.drugs ?? [], atHours: spec.atHours ?? 72 }), spec.options);
  const hasher = new SpikeHasher(run.monitors);
  run.sim.advance(Math.round((spec.durationS * 1000) / run.sim.dtMs), hasher);
  const summary = run.monitors.summary();
  return `spikes ${hasher.spikes} spike-hash ${hex(hasher.hash)} state-hash ${hex(stateHash(run.sim))} burden ${summary.seizureBurden.toFixed(4)}`;
}

/** The command line's JSON report, without its wall-clock fields. */
function cliFingerprint(argv: readonly string[]): string {
  let out = '';
  let err = '';
  const status = cliMain([...argv, '--json'], {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    cwd: process.cwd(),
    scenarioDir: new URL('../../public/scenarios/', import.meta.url).pathname,
  });
  if (status !== 0) throw new Error(`cli ${argv.join(' ')} failed: ${err}`);
  const report = JSON.parse(out) as Record<string, unknown>;
  delete report.wallS;
  delete report.realtimeFactor;
  delete report.threads;
  const text = JSON.stringify(report);
  return `report-hash ${hex(hashText(BASIS, text))} burden ${(report.seizureBurden as number).toFixed(4)}`;
}

function sessionFingerprint(): string {
  const p: Params = withParams(defaultParams(), { side: 16, seed: 3, gaba: 0.7 });
  const session = new LiveSession(p, { drugs: ['phenytoin=300/24'], atHours: 100 });
  let h = BASIS;
  const take = (ms: number) => {
    const f = session.advance(ms);
    h = mix(h, f.spikeHash);
    h = hashArray(h, f.koTiles);
    h = hashArray(h, f.eegPa);
  };
  take(300);
  session.setParams({ ...p, gaba: 0.5, inflammation: 0.4 });
  take(400);
  session.setTreatment({ drugs: ['diazepam=10iv'], atHours: 1 });
  take(300);
  session.setParams({ ...p, seed: 4 });
  take(200);
  return `session-hash ${hex(h)}`;
}

function cohortFingerprint(): string {
  const outcome = runPatient(1, 0, ['lamotrigine', 'valproate'], 'substitution', {
    side: 16,
    settleS: 1,
    observeS: 2,
    atHours: 336,
  });
  return `seed ${outcome.seed} outcome-hash ${hex(hashText(BASIS, JSON.stringify(outcome)))}`;
}

function cobaFingerprint(): string {
  const net = new CobaNetwork({ neurons: 400, seed: 2 });
  let h = BASIS;
  let spikes = 0;
  for (let k = 0; k < 2000; k++) {
    const count = net.advanceStep();
    for (let i = 0; i < count; i++) h = mix(mix(h, k), net.spikeIdx[i]);
    spikes += count;
  }
  return `spikes ${spikes} spike-hash ${hex(h)} state-hash ${hex(hashArray(hashArray(BASIS, net.vMv), net.ge))}`;
}

function neuronFingerprint(): string {
  let h = BASIS;
  for (const type of ['E', 'I'] as const) {
    const r = simulateReferenceNeuron({ type, currentPa: 500, durationMs: 300, dtMs: 0.01, gNapRatio: 0.5 });
    h = hashArray(h, Float64Array.from(r.spikeTimesMs));
  }
  return `spike-times-hash ${hex(h)}`;
}

export function fingerprint(run: FingerprintRun): string {
  const spec = run.spec;
  switch (spec.kind) {
    case 'sheet':
      return sheetFingerprint(spec);
    case 'cli':
      return cliFingerprint(spec.argv);
    case 'session':
      return sessionFingerprint();
    case 'cohort':
      return cohortFingerprint();
    case 'coba':
      return cobaFingerprint();
    case 'neuron':
      return neuronFingerprint();
  }
}

/** `label  fingerprint`, one run per line, as the reference file holds them. */
export function fingerprintLine(run: FingerprintRun): string {
  return `${run.label.padEnd(36)} ${fingerprint(run)}`;
}

export const REFERENCE_FILE = new URL('./spike-fingerprint.txt', import.meta.url);

/** The reference lines by label. */
export function parseReference(text: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    lines.set(line.split(/\s+/)[0], line);
  }
  return lines;
}
