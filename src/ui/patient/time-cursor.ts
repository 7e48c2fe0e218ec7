/**
 * The patient clock: a native range input over the chart's time span, and a number field for an
 * exact time, both bound to the store's `treatment.atHours` (the store is the truth; they show it).
 *
 * Keys: arrows move 1 h, Page Up/Down 24 h, Home/End to the ends of the span (handled here so the
 * steps are the same whatever the span). A pointer drag moves in whole hours (a tenth of an hour
 * on short charts). A value the store refuses is explained in the alert line, and the clock keeps
 * its value.
 */

import { DrugError } from '../../model/pharmacology/regimen.ts';
import { AT_HOURS_MAX } from '../../model/pharmacology/treatment.ts';
import type { IntentStore } from '../../state/store.ts';
import { formatPatientTime } from './patient-words.ts';
import { dragResolutionH, HOURS_PER_DAY } from './pk-chart-model.ts';

export const PATIENT_CLOCK_LABEL = 'Patient clock: time since the first dose (h)';
export const PATIENT_CLOCK_NUMBER_LABEL = 'Patient clock, hours (type a time)';

const ARROW_STEP_H = 1;
const PAGE_STEP_H = HOURS_PER_DAY;

const KEY_STEPS_H: Readonly<Record<string, number>> = {
  ArrowRight: ARROW_STEP_H,
  ArrowUp: ARROW_STEP_H,
  ArrowLeft: -ARROW_STEP_H,
  ArrowDown: -ARROW_STEP_H,
  PageUp: PAGE_STEP_H,
  PageDown: -PAGE_STEP_H,
};

function spoken(hours: number): string {
  return `${formatPatientTime(hours)} since the first dose`;
}

/** The number shown in the field: the time to a hundredth of an hour. */
function shown(hours: number): string {
  return String(Number(hours.toFixed(2)));
}

export interface TimeCursorHooks {
  /** A pointer drag on the slider starts (true) or ends (false): the chart keeps its span meanwhile. */
  dragging(active: boolean): void;
}

export class TimeCursor {
  readonly element: HTMLDivElement;
  private readonly range: HTMLInputElement;
  private readonly number: HTMLInputElement;
  private readonly problem: HTMLParagraphElement;
  private shownHours = Number.NaN;
  private spanH = Number.NaN;
  private pointerDown = false;

  constructor(
    private readonly store: IntentStore,
    private readonly hooks: TimeCursorHooks,
  ) {
    const doc = document;
    this.element = doc.createElement('div');
    this.element.className = 'patient-clock';

    const label = doc.createElement('label');
    label.htmlFor = 'patient-clock';
    label.textContent = PATIENT_CLOCK_LABEL;

    const row = doc.createElement('div');
    row.className = 'patient-clock-row';
    this.range = doc.createElement('input');
    this.range.type = 'range';
    this.range.id = 'patient-clock';
    this.range.min = '0';
    this.range.step = 'any';

    this.number = doc.createElement('input');
    this.number.type = 'number';
    this.number.id = 'patient-clock-hours';
    this.number.min = '0';
    this.number.max = String(AT_HOURS_MAX);
    this.number.step = 'any';
    this.number.inputMode = 'decimal';
    this.number.setAttribute('aria-label', PATIENT_CLOCK_NUMBER_LABEL);
    const unit = doc.createElement('span');
    unit.className = 'patient-clock-unit';
    unit.textContent = 'h';
    unit.setAttribute('aria-hidden', 'true');
    row.append(this.range, this.number, unit);

    const hint = doc.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'Arrow keys move 1 h, Page Up and Page Down a day; you can also drag on the chart.';

    this.problem = doc.createElement('p');
    this.problem.className = 'problem';
    this.problem.id = 'patient-clock-problem';
    this.problem.setAttribute('role', 'alert');
    this.problem.hidden = true;

    this.element.append(label, row, hint, this.problem);

    this.range.addEventListener('keydown', (event) => this.onKey(event));
    this.range.addEventListener('input', () => this.onSlide());
    this.range.addEventListener('pointerdown', () => {
      this.pointerDown = true;
      this.hooks.dragging(true);
    });
    const release = (): void => {
      if (!this.pointerDown) return;
      this.pointerDown = false;
      this.hooks.dragging(false);
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    this.range.addEventListener('change', release);
    this.number.addEventListener('change', () => this.onTyped());
  }

  /** Show the store's time on a slider spanning 0…spanH. */
  show(atHours: number, spanH: number): void {
    if (spanH !== this.spanH) {
      this.spanH = spanH;
      this.range.max = String(spanH);
      // Changing max can move a native range's value; put it back.
      this.range.value = String(atHours);
    }
    if (atHours === this.shownHours) return;
    this.shownHours = atHours;
    this.range.value = String(atHours);
    this.range.setAttribute('aria-valuetext', spoken(atHours));
    this.number.value = shown(atHours);
  }

  /** Ask the store for `hours`; a refusal is explained and the clock keeps its value. */
  request(hours: number): void {
    try {
      this.store.getState().setAtHours(hours);
      this.problem.hidden = true;
    } catch (error) {
      if (!(error instanceof DrugError)) throw error;
      this.refuse(`Not changed: ${error.message}.`);
    }
  }

  private refuse(message: string): void {
    this.problem.textContent = message;
    this.problem.hidden = false;
    const atHours = this.store.getState().treatment.atHours;
    this.range.value = String(atHours);
    this.number.value = shown(atHours);
  }

  private current(): number {
    return this.store.getState().treatment.atHours;
  }

  private onKey(event: KeyboardEvent): void {
    const now = this.current();
    let target: number;
    if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = this.spanH;
    else if (event.key in KEY_STEPS_H) target = now + KEY_STEPS_H[event.key];
    else return;
    event.preventDefault();
    // The ends of the clock are the ends of the control, as on any slider.
    target = Math.min(AT_HOURS_MAX, Math.max(0, target));
    if (target !== now) this.request(target);
  }

  private onSlide(): void {
    const resolution = dragResolutionH(this.spanH);
    const hours = Math.round(this.range.valueAsNumber / resolution) * resolution;
    this.request(Number(hours.toFixed(2)));
  }

  private onTyped(): void {
    const text = this.number.value.trim();
    // A number field gives "" for anything that is not a number.
    const hours = text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(hours)) {
      this.refuse(`Not changed: type the patient-clock time as a number of hours, 0…${AT_HOURS_MAX}.`);
      return;
    }
    this.request(hours);
  }
}
