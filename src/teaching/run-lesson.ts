/**
 * Running a lesson: every run of its conditions with the real simulation (the same engine as the
 * command line's `run`), then its check. Synchronous and pure: the lesson worker calls it, and so
 * do the tests.
 */
import { eventInSeconds } from '../model/detect/seizure.ts';
import type { NetworkDrugEffects } from '../model/modifiers/drug-effects.ts';
import { defaultParams, type Params, withParams } from '../model/params.ts';
import type { DrugLevels } from '../model/pharmacology/pk.ts';
import type { Treatment } from '../model/pharmacology/treatment.ts';
import { dosingOf, type NetworkRun, patientAt, startRunWithDrugs } from '../model/runs/start-run.ts';
import { runViciousCircle } from '../model/runs/vicious-circle.ts';
import type {
  CircleOutcome,
  Lesson,
  LessonRun,
  Outcomes,
  RunOutcome,
  SheetOutcome,
  SheetRun,
  Verdict,
} from './lesson.ts';

/**
 * The lessons' sheet: 48 × 48 (2,304 cells). It runs about 3× faster than real time on one core
 * (a 20-s run in 6–9 s, seizing or not), so a lesson of two or three runs answers in well under a
 * minute, and it is the size the science tests check the behaviours on: at 48 the healthy sheet
 * matches the default 64 closely (χ 0.16 against 0.14), while at 32 it is already too synchronous
 * (tests/science/run-sheet.ts).
 */
export const LESSON_SIDE = 48;

/** Network time between two progress reports, ms: a few reports per second of wall time. */
const SLICE_MS = 500;

/**
 * The full parameter set of a run: the defaults, the lesson sheet's side, the run's overrides,
 * and the seed when one is given (every run of a lesson then uses it; by default seed 1).
 */
export function runParams(run: LessonRun, seed?: number): Params {
  return withParams(defaultParams(), { side: LESSON_SIDE, ...run.params, ...(seed === undefined ? {} : { seed }) });
}

/** Simulated seconds of network a run takes (for progress). */
export function runWorkS(run: LessonRun): number {
  return run.kind === 'circle' ? run.days * run.durationS : run.durationS;
}

export function lessonWorkS(lesson: Lesson): number {
  return lesson.runs.reduce((sum, run) => sum + runWorkS(run), 0);
}

/** Network seconds simulated so far, for the progress callback. */
type Tick = (simulatedS: number) => void;

/**
 * Network runs already made in this lesson, by their conditions: the same parameters, drug
 * effects and duration give the same spikes (one seeded generator), so a repeat is read back
 * instead of run again (day 0 of a circle with and without celecoxib, whose only target is the
 * barrier).
 */
type RunCache = Map<string, NetworkRun>;

function simulateSheet(
  params: Params,
  drugs: NetworkDrugEffects,
  durationS: number,
  tick: Tick,
  cache: RunCache,
): NetworkRun {
  const key = JSON.stringify([params, drugs, durationS]);
  const known = cache.get(key);
  if (known) {
    tick(durationS);
    return known;
  }
  const { sim, monitors } = startRunWithDrugs(params, drugs);
  let reportedSteps = 0;
  sim.advanceInSlices(durationS * 1000, SLICE_MS, monitors, (doneSteps) => {
    tick(((doneSteps - reportedSteps) * sim.dtMs) / 1000);
    reportedSteps = doneSteps;
  });
  cache.set(key, { monitors, sim });
  return { monitors, sim };
}

function sheetOutcomeOf(
  run: SheetRun,
  { monitors, sim }: NetworkRun,
  drugs: DrugLevels[],
  pgpEffective: number,
): SheetOutcome {
  const s = monitors.summary();
  return {
    kind: 'sheet',
    id: run.id,
    label: run.label,
    durationS: s.durationS,
    seizureBurden: s.seizureBurden,
    seizures: s.seizures.map((e, k) => {
      const report = s.seizureReports[k];
      return {
        ...eventInSeconds(e),
        rateDuringHz: report.rateDuringHz,
        chiDuring: report.chiDuring,
        endedByItself: report.endedByItself,
      };
    }),
    rateHz: s.rateHz,
    chi: s.chi,
    interictalSpikes: s.interictalSpikes,
    drugs,
    pgpEffective,
    rnsBursts: sim.stimulator.bursts,
  };
}

const NO_DRUGS: Treatment = { drugs: [], atHours: 0 };

export function runConditions(
  run: LessonRun,
  tick: Tick = () => {},
  cache: RunCache = new Map(),
  seed?: number,
): RunOutcome {
  const params = runParams(run, seed);
  const treatment = run.treatment ?? NO_DRUGS;
  const dosing = dosingOf(treatment);
  if (run.kind === 'circle') {
    const days = runViciousCircle(
      { params, regimens: dosing.regimens, startH: dosing.atHours, days: run.days, trigger: run.trigger },
      (dayParams, _levels, _day, drugs) =>
        simulateSheet(dayParams, drugs, run.durationS, tick, cache).monitors.summary().seizureBurden,
    );
    const outcome: CircleOutcome = { kind: 'circle', id: run.id, label: run.label, durationS: run.durationS, days };
    return outcome;
  }
  const { patient, drugs } = patientAt(params, { ...dosing, bath: run.bath });
  const measured = simulateSheet(params, drugs, run.durationS, tick, cache);
  return sheetOutcomeOf(run, measured, patient.drugs, patient.pgpEffective);
}

export interface LessonResult {
  lessonId: string;
  outcomes: Outcomes;
  verdict: Verdict;
}

/**
 * Run every condition of a lesson, then its check. `onProgress` gets the fraction done (0…1) as
 * the network time accumulates. `seed` replaces every run's seed (the `lessons --seed` command:
 * an outcome a lesson teaches must not depend on it).
 */
export function runLesson(
  lesson: Lesson,
  onProgress: (fraction: number) => void = () => {},
  seed?: number,
): LessonResult {
  const totalS = lessonWorkS(lesson);
  let doneS = 0;
  const outcomes = runLessonConditions(
    lesson,
    lesson.runs.map((run) => run.id),
    (s) => {
      doneS += s;
      onProgress(Math.min(1, doneS / totalS));
    },
    seed,
  );
  return lessonVerdict(lesson, outcomes);
}

/**
 * Some of a lesson's conditions, by id, in the lesson's order (a worker of the page's pool runs its
 * share this way). Runs with the same parameters, drugs and duration are simulated once. `tick`
 * gets the network seconds simulated since its last call.
 */
export function runLessonConditions(
  lesson: Lesson,
  runIds: readonly string[],
  tick: Tick = () => {},
  seed?: number,
): Outcomes {
  for (const id of runIds) {
    if (!lesson.runs.some((run) => run.id === id)) {
      throw new Error(
        `lesson ${lesson.id} has no condition "${id}"; its conditions are ${lesson.runs.map((r) => r.id).join(', ')}`,
      );
    }
  }
  const outcomes: Record<string, RunOutcome> = {};
  const cache: RunCache = new Map();
  for (const run of lesson.runs) if (runIds.includes(run.id)) outcomes[run.id] = runConditions(run, tick, cache, seed);
  return outcomes;
}

/** The lesson's check on the outcomes of all its conditions. */
export function lessonVerdict(lesson: Lesson, outcomes: Outcomes): LessonResult {
  const missing = lesson.runs.filter((run) => !(run.id in outcomes)).map((run) => run.id);
  if (missing.length > 0) throw new Error(`lesson ${lesson.id}: no outcome for ${missing.join(', ')}`);
  const verdict = lesson.check(outcomes);
  if (!lesson.choices.some((c) => c.id === verdict.choiceId)) {
    throw new Error(`lesson ${lesson.id}: its check chose "${verdict.choiceId}", which is not one of its choices`);
  }
  return { lessonId: lesson.id, outcomes, verdict };
}

/**
 * The lesson's conditions in `groups` groups of about equal network time (the longest first, each
 * into the group with least so far), each group in the lesson's order: one per worker of a pool.
 * Fewer groups when there are fewer conditions.
 */
export function splitLessonRuns(lesson: Lesson, groups: number): string[][] {
  const count = Math.max(1, Math.min(groups, lesson.runs.length));
  const load = new Array<number>(count).fill(0);
  const groupOf = new Map<string, number>();
  const longestFirst = [...lesson.runs].sort((a, b) => runWorkS(b) - runWorkS(a));
  for (const run of longestFirst) {
    const g = load.indexOf(Math.min(...load));
    groupOf.set(run.id, g);
    load[g] += runWorkS(run);
  }
  return Array.from({ length: count }, (_, g) =>
    lesson.runs.filter((run) => groupOf.get(run.id) === g).map((r) => r.id),
  );
}

/** What the lesson worker offers the page (workers/lesson.worker.ts implements it). */
export interface LessonWorkerApi {
  /** These conditions of the lesson; `onProgress` gets network seconds simulated since its last call. */
  runConditions(lessonId: string, runIds: string[], onProgress: (simulatedS: number) => void): Outcomes;
}
