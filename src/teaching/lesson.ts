/**
 * What a guided lesson is ("Why drugs fail", issue 5): a short text in plain language, a
 * prediction the learner makes before the reveal, the conditions to simulate, and a check that
 * reads the simulation's own outcome and says which prediction came true, with the numbers it
 * measured.
 *
 * Nothing here knows the answer in advance: a lesson's `check` classifies what the runs measured
 * into one of its choices (the choices of each lesson cover every outcome), so if the model
 * changed, the reveal would change with it. The tests (tests/teaching/) pin the outcome each
 * lesson teaches.
 *
 * Plain data and pure functions: no DOM, no worker. The same lessons run in Node (tests) and in
 * the lesson worker (workers/lesson.worker.ts), and lecture mode can show them.
 */

import type { SeizureEventInSeconds } from '../model/detect/seizure.ts';
import type { BrainLevel } from '../model/pharmacology/pd.ts';
import type { DrugLevels } from '../model/pharmacology/pk.ts';
import type { Treatment } from '../model/pharmacology/treatment.ts';
import type { CircleDay } from '../model/runs/vicious-circle.ts';

/** One answer the learner can predict. */
export interface LessonChoice {
  id: string;
  /** The prediction, as the learner reads it. */
  text: string;
  /** What it means when this is what the simulation did (shown with the reveal). */
  meaning: string;
}

interface RunBase {
  /** Key of the run in the outcomes. */
  id: string;
  /** The condition in plain words ("GABA_A at half strength"). */
  label: string;
  /**
   * Parameter overrides of the defaults (the parameter table validates them); the lesson sheet's
   * side (LESSON_SIDE) applies unless a run sets its own.
   */
  params: Readonly<Record<string, unknown>>;
  /** Drugs on the patient clock, and the time at which the network runs. */
  treatment?: Treatment;
  /** Simulated seconds of network per run (per day for a circle). */
  durationS: number;
}

/** One network run: a sheet, a treatment, a stretch of time. */
export interface SheetRun extends RunBase {
  kind: 'sheet';
  /**
   * Drugs applied straight to the tissue at a brain concentration, bypassing the barrier, as in a
   * brain-slice experiment.
   */
  bath?: readonly BrainLevel[];
}

/** A day-by-day loop of short network runs on the patient clock (src/model/runs/vicious-circle.ts). */
export interface CircleRun extends RunBase {
  kind: 'circle';
  /** `treatment.atHours` is day 0; one sample per day after it. */
  days: number;
  /** What sets it off, on day 0's network only. */
  trigger: Readonly<Record<string, unknown>>;
}

export type LessonRun = SheetRun | CircleRun;

/**
 * A seizure-like event, in seconds and millimetres, with what makes it a state of its own: the
 * pyramidal rate over it, its synchrony, and whether it ended before the run did.
 */
export interface OutcomeSeizure extends SeizureEventInSeconds {
  rateDuringHz: number;
  /** Mean χ over the event (null when the run measured none). */
  chiDuring: number | null;
  endedByItself: boolean;
}

/** What one sheet run measured (plain data: it crosses from the worker). */
export interface SheetOutcome {
  kind: 'sheet';
  id: string;
  label: string;
  durationS: number;
  seizureBurden: number;
  seizures: OutcomeSeizure[];
  rateHz: { exc: number; inh: number };
  chi: { mean: number | null; max: number | null };
  interictalSpikes: number;
  /** Levels on the patient clock at the time the network ran (empty without drugs). */
  drugs: DrugLevels[];
  pgpEffective: number;
  /** Bursts of the responsive neurostimulator (0 without it). */
  rnsBursts: number;
}

export interface CircleOutcome {
  kind: 'circle';
  id: string;
  label: string;
  durationS: number;
  days: CircleDay[];
}

export type RunOutcome = SheetOutcome | CircleOutcome;

/** The outcomes of a lesson's runs, by run id. */
export type Outcomes = Readonly<Record<string, RunOutcome>>;

/** What the check read from the runs. */
export interface Verdict {
  /** The choice that came true. */
  choiceId: string;
  /** The measured figures behind it, one plain sentence each. */
  evidence: string[];
}

export interface Lesson {
  /** Lower-case words joined by hyphens; the key of the learner's progress. */
  id: string;
  title: string;
  /** Short paragraphs in plain language. */
  text: readonly string[];
  /** "Author Year: what they found", the studies the lesson rests on. */
  sources: readonly string[];
  /** The prediction asked before the run. */
  question: string;
  /** Two to four possible answers; the check picks one of them. */
  choices: readonly LessonChoice[];
  runs: readonly LessonRun[];
  /** The run whose conditions the live sheet shows while the lesson runs. */
  liveRunId: string;
  check(outcomes: Outcomes): Verdict;
}
