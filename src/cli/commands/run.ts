/**
 * `run`: simulate the sheet for a while with the monitors on, and report what happened.
 *
 * Parameters, lowest to highest precedence: the table's defaults, the scenario's `params`, each
 * `--set KEY=VALUE` in order, then `--seed`. Duration: `--duration-s`, else the scenario's
 * `durationS`, else 10 s.
 *
 * `--settle-s S` runs S seconds first and leaves them out of the report (the sheet leaves the
 * healthy working state every run starts from; docs/model.md, "The observation window"), as the
 * virtual trial does; the detector runs through them, so an event's 10 s before may lie there.
 *
 * Drugs (`--drug`, repeatable) are given on the patient clock from t = 0; the network runs at the
 * brain concentrations of `--at-hours` (default 72 h), which act through their targets
 * (src/model/pharmacology/network-effects.ts).
 */
import type { MonitorSummary } from '../../model/detect/monitors.ts';
import { REPORT_BEFORE_MS, type SeizureReport } from '../../model/detect/seizure-report.ts';
import {
  changedKeys,
  defaultParams,
  formatParamValue,
  type Params,
  parseParamText,
  withParams,
} from '../../model/params.ts';
import { effectsByDrug, type TargetEffects } from '../../model/pharmacology/pd.ts';
import { formatRegimen, type Regimen } from '../../model/pharmacology/regimen.ts';
import { AT_HOURS_MAX, checkRegimens, DEFAULT_AT_HOURS } from '../../model/pharmacology/treatment.ts';
import { type Dosing, startRun } from '../../model/runs/start-run.ts';
import {
  SCENARIO_DURATION_MAX_S,
  SCENARIO_DURATION_MIN_S,
  type Scenario,
  scenarioParams,
} from '../../model/scenario.ts';
import { type CommandSpec, integerFlag, numberFlag, type ParsedFlags, splitAssignment } from '../args.ts';
import { UsageError } from '../errors.ts';
import { duration, fields, fixed, writeJson } from '../format.ts';
import type { CliContext } from '../io.ts';
import { ProgressBar } from '../progress.ts';
import { loadScenario } from '../scenario-files.ts';
import { MAX_THREADS, spawnNodeHelper } from '../sim-threads.ts';

export const RUN_DEFAULT_DURATION_S = 10;
/** The longest settling time `--settle-s` takes, network seconds. */
export const RUN_SETTLE_MAX_S = 600;
/** The patient-clock time at which the network runs: three days into the regimens. */
export const RUN_DEFAULT_AT_HOURS = DEFAULT_AT_HOURS;
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
    {
      name: 'settle-s',
      kind: 'one',
      valueName: 'S',
      help: `network seconds run first and left out of the report, 0…${RUN_SETTLE_MAX_S} (default 0)`,
    },
    { name: 'seed', kind: 'one', valueName: 'N', help: 'seed of the network and its noise (same as --set seed=N)' },
    {
      name: 'drug',
      kind: 'many',
      valueName: 'NAME=MG/EVERY_H|NAME=MGiv',
      help: 'a drug regimen from t = 0, oral or one IV bolus; repeatable',
    },
    {
      name: 'at-hours',
      kind: 'one',
      valueName: 'H',
      help: `patient-clock time at which the network runs (default ${RUN_DEFAULT_AT_HOURS})`,
    },
    {
      name: 'threads',
      kind: 'one',
      valueName: 'N',
      help: `threads stepping the sheet together, 1…${MAX_THREADS} (default 1; the same result for any N)`,
    },
    { name: 'json', kind: 'switch', help: 'print one JSON object instead of text' },
  ],
};

export interface RunDrugReport {
  name: string;
  regimen: string;
  plasmaTotalMgL: number;
  plasmaUnboundUm: number;
  brainUnboundUm: number;
  kpuu: number;
  /** Each network target's fractional change at this time (−0.3: × 0.7). */
  effect: TargetEffects;
}

export interface RunReport {
  scenario: string | null;
  seed: number;
  /** Network seconds run before the reported window (`--settle-s`); times in the report count from the run's start. */
  settleS: number;
  /** Length of the reported window, network seconds. */
  durationS: number;
  neurons: number;
  params: Params;
  rateHz: { exc: number; inh: number };
  chi: { mean: number | null; max: number | null };
  /** Every seizure-like event with its figures (src/model/detect/seizure-report.ts). */
  seizures: SeizureReport[];
  seizureBurden: number;
  interictalSpikes: number;
  ions: { koMaxMm: number; naiMaxMm: number; eGabaMeanMv: number | null };
  /** Patient-clock time (h) at which the network ran, the drugs there, and P-gp. */
  atHours: number;
  drugs: RunDrugReport[];
  pgpEffective: number;
  /** Therapy bursts the responsive neurostimulator delivered (0 unless `rns` is on and there is a lesion). */
  rnsBursts: number;
  /** Threads that stepped the network (`--threads`; the result does not depend on it). */
  threads: number;
  /** Wall time of the integration loop (network building excluded). */
  wallS: number;
  /** Simulated seconds per wall second of the loop. */
  realtimeFactor: number;
}

/** The parameters and duration a `run` asks for, all validated. */
export function resolveRun(
  flags: ParsedFlags,
  ctx: CliContext,
): {
  scenario: Scenario | null;
  params: Params;
  durationS: number;
  settleS: number;
  regimens: Regimen[];
  atHours: number;
} {
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
  const settleText = flags.get('settle-s');
  const settleS = settleText === undefined ? 0 : numberFlag('settle-s', settleText, 0, RUN_SETTLE_MAX_S, ' s');
  // --drug adds to the scenario's drugs; for a drug the scenario already gives, it replaces it.
  const { regimens: fromFlags, problems } = checkRegimens(flags.all('drug'));
  if (problems.length > 0) throw new UsageError(`--drug ${problems[0]}`);
  const regimens = [...(scenario?.drugs ?? []).filter((r) => !fromFlags.some((f) => f.drug === r.drug)), ...fromFlags];
  const atText = flags.get('at-hours');
  const atHours =
    atText !== undefined
      ? numberFlag('at-hours', atText, 0, AT_HOURS_MAX, ' h')
      : (scenario?.atHours ?? RUN_DEFAULT_AT_HOURS);
  return { scenario, params, durationS, settleS, regimens, atHours };
}

export function simulate(
  params: Params,
  durationS: number,
  scenarioName: string | null,
  ctx: CliContext,
  treatment: Dosing = { regimens: [], atHours: RUN_DEFAULT_AT_HOURS },
  threads = 1,
  settleS = 0,
): RunReport {
  const { sim, monitors, patient } = startRun(params, treatment, { threads });
  if (threads > 1) sim.startThreads(spawnNodeHelper).waitReady();
  const settleSteps = Math.round((settleS * 1000) / sim.dtMs);
  const progress = new ProgressBar(ctx.stderr, 'run', settleSteps + Math.round((durationS * 1000) / sim.dtMs));
  const startedMs = performance.now();
  try {
    if (settleSteps > 0) {
      sim.advanceInSlices(settleS * 1000, SLICE_MS, monitors, (doneSteps) => progress.update(doneSteps));
      monitors.openWindow();
    }
    sim.advanceInSlices(durationS * 1000, SLICE_MS, monitors, (doneSteps) => progress.update(settleSteps + doneSteps));
  } finally {
    sim.stopThreads();
  }
  const wallS = (performance.now() - startedMs) / 1000;
  progress.finish();
  const drugs = effectsByDrug(patient.drugs).map(({ effects }, k) => {
    const d = patient.drugs[k];
    return {
      name: d.drug,
      regimen: formatRegimen(treatment.regimens[k]),
      plasmaTotalMgL: d.plasmaTotalMgL,
      plasmaUnboundUm: d.plasmaUnboundUm,
      brainUnboundUm: d.brainUnboundUm,
      kpuu: d.kpuu,
      effect: effects,
    };
  });
  return buildRunReport(monitors.summary(), {
    scenario: scenarioName,
    params,
    neurons: sim.net.n,
    wallS,
    threads,
    rnsBursts: sim.stimulator.bursts,
    patient: { atHours: treatment.atHours, drugs, pgpEffective: patient.pgpEffective },
  });
}

/** The report from the monitors' summary: times in seconds, the run's identity and its speed. */
export function buildRunReport(
  summary: MonitorSummary,
  run: {
    scenario: string | null;
    params: Params;
    neurons: number;
    wallS: number;
    threads?: number;
    rnsBursts?: number;
    /** The patient clock's side; without it, no drugs and normal P-gp at the default time. */
    patient?: Pick<RunReport, 'atHours' | 'drugs' | 'pgpEffective'>;
  },
): RunReport {
  const patient = run.patient ?? { atHours: RUN_DEFAULT_AT_HOURS, drugs: [], pgpEffective: 1 };
  return {
    scenario: run.scenario,
    seed: run.params.seed,
    settleS: summary.windowStartS,
    durationS: summary.durationS,
    neurons: run.neurons,
    params: run.params,
    rateHz: summary.rateHz,
    chi: summary.chi,
    seizures: summary.seizureReports,
    seizureBurden: summary.seizureBurden,
    interictalSpikes: summary.interictalSpikes,
    ions: summary.ions,
    atHours: patient.atHours,
    drugs: patient.drugs,
    pgpEffective: patient.pgpEffective,
    rnsBursts: run.rnsBursts ?? 0,
    threads: run.threads ?? 1,
    wallS: run.wallS,
    realtimeFactor: (summary.windowStartS + summary.durationS) / run.wallS,
  };
}

function drugLine(d: RunDrugReport): string {
  return `${d.regimen}: plasma ${fixed(d.plasmaTotalMgL, 1)} mg/L, brain unbound ${fixed(d.brainUnboundUm, 2)} µM (Kp,uu ${fixed(d.kpuu, 2)})`;
}

const num = (x: number | null, digits: number): string => (x === null || Number.isNaN(x) ? '—' : fixed(x, digits));

/**
 * Where an event started and how it spread, in words: "from (1.00, 1.00) mm, inside the lesion;
 * spread 0.15 mm/s over 76 % of the sheet" (recruitment.ts).
 */
export function describeOnsetAndSpread(e: SeizureReport): string {
  const where =
    `from (${fixed(e.onsetXMm, 2)}, ${fixed(e.onsetYMm, 2)}) mm` +
    (e.recruitedFromS === null ? ' (no tile at the ictal level: the most active tile)' : '') +
    (e.onsetInLesion === null ? '' : e.onsetInLesion ? ', inside the lesion' : ', outside the lesion');
  if (e.recruitedShare === null) return where;
  const share = `${fixed(100 * e.recruitedShare, 0)} % of the sheet`;
  if (e.spreadMmPerS !== null) return `${where}; spread ${fixed(e.spreadMmPerS, 2)} mm/s over ${share}`;
  const fit = e.spreadFitR2 === null ? '' : ` (fit r² ${fixed(e.spreadFitR2, 2)})`;
  return `${where}; recruited ${share} with no measurable front${fit}`;
}

/** The rate before an event, over the window it covers: the 10 s before, or the run's start when it began sooner. */
function beforeWords(e: SeizureReport): string {
  if (e.rateBeforeHz === null) return 'no time before it (it began at the start)';
  const full = e.rateBeforeWindowS >= REPORT_BEFORE_MS / 1000;
  const window = full
    ? `the ${fixed(e.rateBeforeWindowS, 0)} s before`
    : `the ${fixed(e.rateBeforeWindowS, 1)} s before (all the run had: no interictal baseline)`;
  return `${num(e.rateBeforeHz, 1)} Hz in ${window}`;
}

/** One event in words: when, where, how fast against before and after, how synchronous, the ions, the discharges. */
export function describeSeizure(e: SeizureReport): string {
  const when = `${fixed(e.onsetS, 1)}–${e.offsetS === null ? 'still going at the end' : `${fixed(e.offsetS, 1)} s`} (${fixed(e.durationS, 1)} s${e.endedByItself ? ', ended by itself' : ''})`;
  const rates =
    `E ${num(e.rateDuringHz, 1)} Hz during, ${beforeWords(e)}` +
    (e.rateAfterHz === null ? '' : `, ${num(e.rateAfterHz, 2)} Hz in the 5 s after`);
  const ions =
    `K⁺o peak ${num(e.koPeakMm, 1)} mM` +
    (e.koMinAfterMm === null || e.koBeforeMm === null
      ? ''
      : ` (${num(e.koBeforeMm, 2)} before, down to ${num(e.koMinAfterMm, 2)} after)`) +
    `, Na⁺i (E) up ${num(e.naiRiseMm, 1)} to ${num(e.naiPeakMm, 1)} mM`;
  const bursts =
    `${e.discharges} discharges, ${num(e.burstsPerSFirstThird, 1)}/s in the first third and ${num(e.burstsPerSLastThird, 1)}/s in the last` +
    (e.dischargeIntervalEarlyMs === null || e.dischargeIntervalLateMs === null
      ? ''
      : `, ${num(e.dischargeIntervalEarlyMs, 0)} ms apart at first and ${num(e.dischargeIntervalLateMs, 0)} ms at the end`);
  const chi = `χ ${num(e.chiDuring, 2)} (${num(e.chiFirstThird, 2)} in the first third, ${num(e.chiLastThird, 2)} in the last)`;
  return `${when} ${describeOnsetAndSpread(e)}: ${rates}; ${chi}; ${ions}; ${bursts}`;
}

function formatReport(r: RunReport): string {
  const side = Math.round(Math.sqrt(r.neurons));
  const changed = changedKeys(defaultParams(), r.params).filter((k) => k !== 'seed');
  const seizures =
    r.seizures.length === 0 ? 'none' : r.seizures.map((e, k) => `\n    ${k + 1}. ${describeSeizure(e)}`).join('');
  const settled =
    r.settleS > 0
      ? ` after ${fixed(r.settleS, 1)} s of settling (left out; times count from the start, so this window is ${fixed(r.settleS, 1)}–${fixed(r.settleS + r.durationS, 1)} s)`
      : '';
  const head = `run: ${r.scenario ? `scenario ${r.scenario}, ` : ''}seed ${r.seed}, ${r.neurons} neurons (${side} × ${side}), ${fixed(r.durationS, 1)} s simulated${settled}`;
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
    ['drugs', r.drugs.length === 0 ? 'none' : `${r.drugs.map(drugLine).join('; ')} at ${fixed(r.atHours, 0)} h`],
    ['P-gp', `${fixed(r.pgpEffective, 2)}× normal`],
    ...(r.params.rns ? [['neurostimulation', `${r.rnsBursts} bursts of 200-Hz pulses`] as [string, string]] : []),
    [
      'speed',
      `${duration(r.wallS)} wall, ${fixed(r.realtimeFactor, 2)}× real time${r.threads > 1 ? ` on ${r.threads} threads` : ''}`,
    ],
  ])}\n`;
}

export function runCommand(flags: ParsedFlags, ctx: CliContext): void {
  const { scenario, params, durationS, settleS, regimens, atHours } = resolveRun(flags, ctx);
  const threadsText = flags.get('threads');
  const threads = threadsText === undefined ? 1 : integerFlag('threads', threadsText, 1, MAX_THREADS);
  const report = simulate(params, durationS, scenario?.name ?? null, ctx, { regimens, atHours }, threads, settleS);
  if (flags.has('json')) writeJson(ctx.stdout, report);
  else ctx.stdout.write(formatReport(report));
}
