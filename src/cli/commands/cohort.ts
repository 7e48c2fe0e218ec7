/**
 * `cohort`: the virtual trial. Patients drawn from the documented distributions of the mechanisms
 * (src/model/runs/cohort/population.ts), each given the drugs of the sequence in turn, and the fraction
 * seizure-free after each drug next to the clinical figures (Kwan & Brodie 2000; Chen 2018).
 */
import { availableParallelism } from 'node:os';
import { DRUGS } from '../../model/pharmacology/drugs.ts';
import { SEED_MAX } from '../../model/rng.ts';
import {
  type CohortSpec,
  checkCohortSpec,
  DEFAULT_COHORT_SEED,
  DEFAULT_PATIENTS,
  DEFAULT_TRIAL_DRUGS,
  MAX_PATIENTS,
  MIN_PATIENTS,
  parseDrugSequence,
  settingsOf,
  TRIAL_DRUGS,
} from '../../model/runs/cohort/cohort.ts';
import {
  type CohortSummary,
  dischargingText,
  type RateRange,
  rateRangeText,
  summarize,
  worsenedText,
} from '../../model/runs/cohort/summary.ts';
import {
  COHORT_OBSERVE_S,
  COHORT_SETTLE_S,
  OBSERVE_S_RANGE,
  type PatientOutcome,
  TRIAL_MODES,
} from '../../model/runs/cohort/trial.ts';
import { type CommandSpec, choiceFlag, integerFlag, numberFlag, type ParsedFlags } from '../args.ts';
import { runCohortOnThreads } from '../cohort-worker-threads.ts';
import { duration, fixed, table, writeJson } from '../format.ts';
import type { CliContext } from '../io.ts';
import { ProgressBar } from '../progress.ts';

/** More threads than this gain nothing on the machines this runs on, and cost memory. */
export const MAX_WORKERS = 16;

export const COHORT_SPEC: CommandSpec = {
  name: 'cohort',
  summary: 'a virtual trial: the fraction of virtual patients seizure-free after each drug of a sequence',
  flags: [
    {
      name: 'patients',
      kind: 'one',
      valueName: 'N',
      help: `patients to draw, ${MIN_PATIENTS}…${MAX_PATIENTS} (default ${DEFAULT_PATIENTS})`,
    },
    {
      name: 'drugs',
      kind: 'one',
      valueName: 'A,B,C',
      help: `the sequence, from ${TRIAL_DRUGS.join(', ')} (default ${DEFAULT_TRIAL_DRUGS.join(',')})`,
    },
    { name: 'seed', kind: 'one', valueName: 'S', help: `seed of the cohort (default ${DEFAULT_COHORT_SEED})` },
    {
      name: 'mode',
      kind: 'one',
      valueName: TRIAL_MODES.join('|'),
      help: 'each drug alone, replacing the last (default), or added to the ones before',
    },
    {
      name: 'observe-s',
      kind: 'one',
      valueName: 'S',
      help: `network seconds each patient is watched on each drug, ${OBSERVE_S_RANGE.min}…${OBSERVE_S_RANGE.max} (default ${COHORT_OBSERVE_S}), after ${COHORT_SETTLE_S} s of settling`,
    },
    {
      name: 'workers',
      kind: 'one',
      valueName: 'N',
      help: `worker threads, 1…${MAX_WORKERS} (default: the cores, at most one per patient)`,
    },
    { name: 'json', kind: 'switch', help: 'print one JSON object instead of text' },
  ],
};

export interface CohortReport extends CohortSummary {
  workers: number;
  /** Every patient: seed, mechanisms, untreated burden and each drug's result. */
  patientOutcomes: PatientOutcome[];
  wallS: number;
}

export function resolveCohort(flags: ParsedFlags): { spec: CohortSpec; workers: number } {
  const patientsText = flags.get('patients');
  const patients =
    patientsText === undefined ? DEFAULT_PATIENTS : integerFlag('patients', patientsText, MIN_PATIENTS, MAX_PATIENTS);
  const seedText = flags.get('seed');
  const seed = seedText === undefined ? DEFAULT_COHORT_SEED : integerFlag('seed', seedText, 0, SEED_MAX);
  const drugsText = flags.get('drugs');
  const drugs = drugsText === undefined ? [...DEFAULT_TRIAL_DRUGS] : parseDrugSequence(drugsText);
  const modeText = flags.get('mode');
  const mode = modeText === undefined ? 'substitution' : choiceFlag('mode', modeText, TRIAL_MODES);
  const observeText = flags.get('observe-s');
  const observeS =
    observeText === undefined
      ? COHORT_OBSERVE_S
      : numberFlag('observe-s', observeText, OBSERVE_S_RANGE.min, OBSERVE_S_RANGE.max, ' s');
  const workersText = flags.get('workers');
  const workers =
    workersText === undefined
      ? Math.min(availableParallelism(), MAX_WORKERS, patients)
      : integerFlag('workers', workersText, 1, MAX_WORKERS);
  return { spec: checkCohortSpec({ seed, patients, drugs, mode, observeS }), workers };
}

export function runCohort(spec: CohortSpec, workers: number, ctx: CliContext): CohortReport {
  const progress = new ProgressBar(ctx.stderr, 'cohort', spec.patients);
  const startedMs = performance.now();
  const outcomes = runCohortOnThreads(spec, workers, (done) => progress.update(done));
  const wallS = (performance.now() - startedMs) / 1000;
  progress.finish();
  const summary = summarize(spec.seed, spec.drugs, spec.mode, settingsOf(spec), outcomes);
  return { ...summary, workers: Math.min(workers, spec.patients), patientOutcomes: outcomes, wallS };
}

const pct = (x: number | null): string => (x === null ? '–' : `${fixed(100 * x, 1)} %`);
const signedPp = (x: number | null): string => (x === null ? '–' : `${x > 0 ? '+' : ''}${fixed(x, 1)} pp`);

const rateText = (x: RateRange | null): string => (x === null ? '–' : rateRangeText(x));

const interval = (i: { low: number; high: number }): string => `${fixed(100 * i.low, 1)}–${fixed(100 * i.high, 1)} %`;

export function formatCohort(r: CohortReport): string {
  const head =
    `cohort: seed ${r.seed}, ${r.patients} patients (${r.withEpilepsy} with epilepsy` +
    `${r.withoutEpilepsy > 0 ? `, ${r.withoutEpilepsy} whose sheet never seized, left out` : ''}), ` +
    `${r.mode}, ${r.settings.side} × ${r.settings.side} sheet, each drug watched ${r.settings.observeS} s ` +
    `(after ${r.settings.settleS} s of settling), drugs at ${r.settings.atHours} h`;
  const drugRows = r.drugs.map((d, k) => [
    `${k + 1}. ${d}${DRUGS[d].placebo ? ' (no effect: placebo arm)' : ''}`,
    pct(r.newlySeizureFree[k]),
    `${pct(r.cumulativeSeizureFree[k])} (${r.cumulativeCount[k]}/${r.withEpilepsy})`,
    interval(r.cumulativeInterval[k]),
    pct(r.clinical.cumulativeSeizureFree[k]),
    signedPp(r.distancePp[k]),
    pct(r.worsenedBy[k]),
    rateText(r.seizureFreeRateEHz[k]),
  ]);
  const drugs = table([
    [
      'drug',
      'newly seizure-free',
      'cumulative',
      '95 % interval',
      'clinical',
      'distance',
      'made worse',
      'E when seizure-free',
    ],
    ...drugRows,
    [
      'refractory',
      '',
      pct(r.refractoryFraction),
      interval(r.refractoryInterval),
      pct(r.clinical.refractory),
      signedPp(r.refractoryDistancePp),
      '',
      '',
    ],
  ]);
  const rates = r.seizureFreeRateEHz.some((x) => x !== null)
    ? `\n"E when seizure-free": the pyramidal cells' mean rate over the windows of the patients who became seizure-free on that drug, median (range)${r.untreatedRateEHz === null ? '' : `; untreated, seizures included, the cohort's patients ran at ${rateText(r.untreatedRateEHz)}`}.`
    : '';
  const worsened = worsenedText(r);
  const worse = worsened === null ? '' : `\n"made worse": ${worsened}`;
  const discharging = dischargingText(r);
  const continuous = discharging === null ? '' : `\n${discharging}`;
  const series = r.clinical.series
    .map((c) => `${c.source} (${c.patients} patients): ${c.cumulativeSeizureFree.map((x) => pct(x)).join(', ')}`)
    .join('; ');
  const inside = r.clinicalInInterval.flatMap((x, k) =>
    x === null ? [] : [`after ${r.drugs[k]} ${x ? 'yes' : 'no'}`],
  );
  const comparison =
    inside.length === 0
      ? 'no clinical comparison (a placebo is in the sequence)'
      : `clinical cumulative figures: ${series}.\nIs the clinical figure inside the cohort's 95 % interval? ${inside.join(', ')}.`;
  const mechanisms = table([
    ['mechanism', 'all patients', 'refractory', 'seizure-free', 'refractory rate'],
    ...r.mechanisms.map((m) => [
      m.label,
      pct(m.cohortShare),
      pct(m.refractoryShare),
      pct(m.seizureFreeShare),
      pct(m.refractoryRate),
    ]),
  ]);
  return `${head}
(clinical figures: ${r.clinical.source}; educational model, not medical advice)

${drugs}
${comparison}${rates}${worse}${continuous}

who stayed refractory:
${mechanisms}

speed: ${duration(r.wallS)} wall on ${r.workers} worker${r.workers === 1 ? '' : 's'}
`;
}

export function cohortCommand(flags: ParsedFlags, ctx: CliContext): void {
  const { spec, workers } = resolveCohort(flags);
  const report = runCohort(spec, workers, ctx);
  if (flags.has('json')) writeJson(ctx.stdout, report);
  else ctx.stdout.write(formatCohort(report));
}
