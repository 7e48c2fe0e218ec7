/**
 * The "Virtual trial" panel: patients, a drug sequence from the table, a seed, Run and Cancel, a
 * progress bar with words, and the figures (trial-results.ts). The patients run in a pool of
 * workers (src/bridge/cohort-web-workers.ts); the live simulation is paused meanwhile, because on a
 * machine with few cores the two would slow each other down, and it plays again afterwards if it
 * was playing. Nothing in the panel flashes: the progress bar fills, the results appear once.
 */
import './trial.css';
import { CohortWebWorkers, poolSize, TrialCancelled } from '../../bridge/cohort-web-workers.ts';
import { SEED_MAX } from '../../model/rng.ts';
import {
  type CohortSpec,
  checkDrugSequence,
  DEFAULT_COHORT_SEED,
  DEFAULT_TRIAL_DRUGS,
  MAX_PATIENTS,
  MIN_PATIENTS,
  settingsOf,
  TRIAL_DRUGS,
} from '../../model/runs/cohort/cohort.ts';
import { summarize } from '../../model/runs/cohort/summary.ts';
import { COHORT_OBSERVE_S, COHORT_SETTLE_S, OBSERVE_S_RANGE, type TrialMode } from '../../model/runs/cohort/trial.ts';
import type { IntentStore } from '../../state/store.ts';
import { el } from '../controls/dom.ts';
import { remainingText } from './remaining.ts';
import { showTrialResults } from './trial-results.ts';

export const TRIAL_PANEL_TITLE = 'Virtual trial';
/**
 * A cohort that a class can wait for: each patient is watched about four times (untreated, then
 * each drug that fails) for 111 s of network time; 60 patients took 1,127 s on two cores (README,
 * virtual trial), so 8 take about 2½ minutes.
 */
export const DEFAULT_BROWSER_PATIENTS = 8;
/** Places in the drug sequence the form offers. */
export const SEQUENCE_SLOTS = 4;
const NONE = '';

export interface LiveSimulation {
  /** Pause the live simulation; returns whether it was playing. */
  pause(): boolean;
  /** Play it again. */
  resume(): void;
}

function field(id: string, label: string, input: HTMLInputElement | HTMLSelectElement): HTMLElement {
  const wrap = el('div', 'trial-field');
  const l = el('label', undefined, label);
  l.htmlFor = id;
  input.id = id;
  wrap.append(l, input);
  return wrap;
}

function numberInput(value: number, min: number, max: number): HTMLInputElement {
  const input = el('input');
  input.type = 'number';
  input.min = String(min);
  input.max = String(max);
  input.step = '1';
  input.value = String(value);
  input.inputMode = 'numeric';
  return input;
}

/** A whole number in min…max from a text field, or a message naming the field and what it takes. */
function wholeNumber(text: string, name: string, min: number, max: number): number | string {
  const t = text.trim();
  const value = /^\d+$/.test(t) ? Number(t) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    return `${name} must be a whole number from ${min} to ${max}${t === '' ? '' : `, not “${t}”`}.`;
  }
  return value;
}

export class TrialPanel {
  private readonly patients: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly observe: HTMLInputElement;
  private readonly mode: HTMLSelectElement;
  private readonly slots: HTMLSelectElement[] = [];
  private readonly problem: HTMLParagraphElement;
  private readonly runButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly progressText: HTMLSpanElement;
  private readonly status: HTMLParagraphElement;
  private readonly results: HTMLDivElement;

  constructor(
    root: HTMLElement,
    private readonly pool: CohortWebWorkers,
    private readonly live: LiveSimulation,
    private readonly cores: () => number | undefined = () => navigator.hardwareConcurrency,
  ) {
    const title = el('h2', undefined, TRIAL_PANEL_TITLE);
    title.id = 'trial-panel-title';
    const intro = el(
      'p',
      'hint',
      'Virtual patients drawn from documented shares of the mechanisms (how well glia clear K⁺, structural lesions, ' +
        'P-glycoprotein, SCN1A, inflammation, adherence), each given the drugs below in turn at a standard dose. ' +
        `Each patient is a small sheet; on each drug it settles for ${COHORT_SETTLE_S} s and is then watched for the ` +
        'observation time below, so a trial takes a while. ' +
        'An educational model, not medical advice.',
    );

    const form = el('form', 'trial-form');
    form.noValidate = true;
    this.patients = numberInput(DEFAULT_BROWSER_PATIENTS, MIN_PATIENTS, MAX_PATIENTS);
    this.seed = numberInput(DEFAULT_COHORT_SEED, 0, SEED_MAX);
    this.observe = numberInput(COHORT_OBSERVE_S, OBSERVE_S_RANGE.min, OBSERVE_S_RANGE.max);
    this.mode = el('select');
    for (const [value, text] of [
      ['substitution', 'replaced by the next (substitution)'],
      ['add-on', 'kept, the next added (add-on)'],
    ] as const) {
      const o = el('option', undefined, text);
      o.value = value;
      this.mode.append(o);
    }
    const sequence = el('fieldset', 'trial-sequence');
    sequence.append(el('legend', undefined, 'Drug sequence (in order; each at its standard maintenance dose)'));
    for (let k = 0; k < SEQUENCE_SLOTS; k++) {
      const select = el('select');
      if (k > 0) {
        const none = el('option', undefined, '— none —');
        none.value = NONE;
        select.append(none);
      }
      for (const d of TRIAL_DRUGS) {
        const o = el('option', undefined, d);
        o.value = d;
        select.append(o);
      }
      select.value = DEFAULT_TRIAL_DRUGS[k] ?? NONE;
      this.slots.push(select);
      sequence.append(field(`trial-drug-${k + 1}`, `Drug ${k + 1}`, select));
    }
    const fields = el('div', 'trial-fields');
    fields.append(
      field('trial-patients', `Patients (${MIN_PATIENTS}–${MAX_PATIENTS})`, this.patients),
      field('trial-seed', 'Seed', this.seed),
      field('trial-observe', `Watched per drug, s (${OBSERVE_S_RANGE.min}–${OBSERVE_S_RANGE.max})`, this.observe),
      field('trial-mode', 'A drug that fails is', this.mode),
    );
    this.problem = el('p', 'problem trial-problem');
    this.problem.id = 'trial-problem';
    this.problem.setAttribute('role', 'alert');
    this.problem.hidden = true;
    this.runButton = el('button', 'trial-run', 'Run the trial');
    this.runButton.type = 'submit';
    this.cancelButton = el('button', undefined, 'Cancel');
    this.cancelButton.type = 'button';
    this.cancelButton.disabled = true;
    const buttons = el('div', 'trial-buttons');
    buttons.append(this.runButton, this.cancelButton);
    form.append(fields, sequence, this.problem, buttons);

    const note = el(
      'p',
      'hint trial-live-note',
      'While a trial runs, the live simulation above is paused: both need the same processor cores. ' +
        'It plays again when the trial ends, if it was playing.',
    );
    const progressRow = el('div', 'trial-progress');
    const progressLabel = el('label', undefined, 'Progress');
    progressLabel.htmlFor = 'trial-progress';
    this.progress = el('progress');
    this.progress.id = 'trial-progress';
    this.progress.max = 1;
    this.progress.value = 0;
    this.progressText = el('span', 'trial-progress-text', 'not started');
    this.progressText.id = 'trial-progress-text';
    this.progress.setAttribute('aria-describedby', this.progressText.id);
    progressRow.append(progressLabel, this.progress, this.progressText);
    this.status = el('p', 'trial-status');
    this.status.id = 'trial-status';
    // A polite live region, not another status role: the page's one status is what the network does.
    this.status.setAttribute('aria-live', 'polite');
    this.results = el('div', 'trial-results');
    this.results.id = 'trial-results';
    // On a narrow screen the tables scroll sideways: the region must take keyboard focus to scroll.
    this.results.tabIndex = 0;
    this.results.setAttribute('role', 'region');
    this.results.setAttribute('aria-label', 'Trial results');
    this.results.hidden = true;

    root.setAttribute('aria-labelledby', title.id);
    root.replaceChildren(title, intro, form, note, progressRow, this.status, this.results);
    root.hidden = false;

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.start();
    });
    this.cancelButton.addEventListener('click', () => this.pool.cancel());
  }

  /** The form's trial, or a message naming what is wrong. */
  readSpec(): CohortSpec | string {
    const patients = wholeNumber(this.patients.value, 'Patients', MIN_PATIENTS, MAX_PATIENTS);
    if (typeof patients === 'string') return patients;
    const seed = wholeNumber(this.seed.value, 'The seed', 0, SEED_MAX);
    if (typeof seed === 'string') return seed;
    const observeS = wholeNumber(
      this.observe.value,
      'The time watched per drug',
      OBSERVE_S_RANGE.min,
      OBSERVE_S_RANGE.max,
    );
    if (typeof observeS === 'string') return observeS;
    const chosen = this.slots.map((s) => s.value);
    const firstEmpty = chosen.indexOf(NONE);
    if (firstEmpty >= 0 && chosen.slice(firstEmpty).some((d) => d !== NONE)) {
      return `Drug ${firstEmpty + 1} is empty but a later drug is chosen: fill the sequence in order.`;
    }
    try {
      const drugs = checkDrugSequence(chosen.filter((d) => d !== NONE));
      return { seed, patients, drugs, mode: this.mode.value as TrialMode, observeS };
    } catch (error) {
      return `Drug sequence: ${error instanceof Error ? error.message : String(error)}.`;
    }
  }

  private setRunning(running: boolean): void {
    this.runButton.disabled = running;
    this.cancelButton.disabled = !running;
    for (const input of [this.patients, this.seed, this.observe, this.mode, ...this.slots]) input.disabled = running;
  }

  private async start(): Promise<void> {
    const spec = this.readSpec();
    if (typeof spec === 'string') {
      this.problem.textContent = spec;
      this.problem.hidden = false;
      return;
    }
    this.problem.hidden = true;
    const workers = poolSize(spec.patients, this.cores());
    this.progress.max = spec.patients;
    this.progress.value = 0;
    this.progressText.textContent = `0 of ${spec.patients} patients`;
    this.status.textContent = `Trial running: ${spec.patients} patients on ${workers} worker${workers === 1 ? '' : 's'}; the live simulation is paused.`;
    this.setRunning(true);
    const wasPlaying = this.live.pause();
    const startedMs = performance.now();
    try {
      const outcomes = await this.pool.run(spec, workers, (done, total) => {
        this.progress.value = done;
        const left = remainingText((performance.now() - startedMs) / 1000, done, total, workers);
        this.progressText.textContent = `${done} of ${total} patients${left === null ? '' : `; ${left}`}`;
      });
      const wallS = (performance.now() - startedMs) / 1000;
      const summary = summarize(spec.seed, spec.drugs, spec.mode, settingsOf(spec), outcomes);
      showTrialResults(this.results, summary, outcomes, { workers, wallS });
      this.results.hidden = false;
      this.progressText.textContent = `${spec.patients} of ${spec.patients} patients: done`;
      this.status.textContent = `Trial finished in ${wallS.toFixed(1)} s: ${(100 * summary.cumulativeSeizureFree[summary.cumulativeSeizureFree.length - 1]).toFixed(1)} % seizure-free after the last drug (seed ${spec.seed}).`;
    } catch (error) {
      this.progressText.textContent = `stopped at ${this.progress.value} of ${spec.patients} patients`;
      this.status.textContent =
        error instanceof TrialCancelled
          ? 'Trial cancelled; its workers were stopped. Nothing was kept.'
          : `The trial failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.setRunning(false);
      if (wasPlaying) this.live.resume();
    }
  }
}

/** Mount the panel; the live simulation is paused through the store while a trial runs. */
export function mountTrialPanel(root: HTMLElement, store: IntentStore): TrialPanel {
  const pool = new CohortWebWorkers(
    () => new Worker(new URL('../../../workers/cohort.worker.ts', import.meta.url), { type: 'module', name: 'cohort' }),
  );
  let pausedByTrial = false;
  const live: LiveSimulation = {
    pause: () => {
      const wasPlaying = store.getState().playing;
      if (wasPlaying) store.getState().setPlaying(false);
      pausedByTrial = wasPlaying;
      return wasPlaying;
    },
    resume: () => {
      // Only if nobody pressed Play or Pause in the meantime.
      if (pausedByTrial && !store.getState().playing) store.getState().setPlaying(true);
      pausedByTrial = false;
    },
  };
  store.subscribe((state, previous) => {
    if (state.playing !== previous.playing && state.playing) pausedByTrial = false;
  });
  return new TrialPanel(root, pool, live);
}
