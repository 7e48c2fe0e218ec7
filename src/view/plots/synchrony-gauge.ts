/**
 * The synchrony gauge: χ now, as a bar from 0 to 1, and the number beside it. χ is shown to two decimals; the DOM changes only when that number
 * does (χ itself changes every 100 ms at most), and every string it needs is made up front.
 */
import { SEIZURE_EVOLUTION_FACTOR, SEIZURE_ONSET_RATE_HZ } from '../../model/detect/seizure.ts';

const STEPS = 100;
const VALUE_TEXT = Array.from({ length: STEPS + 1 }, (_, i) => (i / STEPS).toFixed(2));
const FILL_TRANSFORM = Array.from({ length: STEPS + 1 }, (_, i) => `scaleX(${i / STEPS})`);
const NOT_YET = 'not yet measured';

export class SynchronyGauge {
  readonly element: HTMLElement;
  private readonly meter: HTMLElement;
  private readonly fill: HTMLElement;
  private readonly value: HTMLElement;
  /** The step shown (−1: none yet). */
  private step = -2;

  constructor(doc: Document, idPrefix: string) {
    this.element = doc.createElement('div');
    this.element.className = 'plots-gauge';
    const label = doc.createElement('span');
    label.className = 'plots-gauge-label';
    label.id = `${idPrefix}-chi-label`;
    label.textContent = 'Synchrony χ';
    this.meter = doc.createElement('div');
    this.meter.className = 'plots-gauge-track';
    this.meter.setAttribute('role', 'meter');
    this.meter.setAttribute('aria-labelledby', label.id);
    this.meter.setAttribute('aria-valuemin', '0');
    this.meter.setAttribute('aria-valuemax', '1');
    this.fill = doc.createElement('div');
    this.fill.className = 'plots-gauge-fill';
    this.meter.append(this.fill);
    this.value = doc.createElement('span');
    this.value.className = 'plots-gauge-value';
    const note = doc.createElement('span');
    note.className = 'plots-gauge-note';
    note.textContent = `about 0.1 at rest, 0.7–0.9 in a seizure's discharges; interictal bursts raise it too, so the detector reads the pyramidal cells' rate (an event when it stays at ${SEIZURE_ONSET_RATE_HZ} Hz or more for 1 s and rises to ${SEIZURE_EVOLUTION_FACTOR} times its rate of the 10 s before)`;
    const row = doc.createElement('div');
    row.className = 'plots-gauge-row';
    row.append(label, this.meter, this.value);
    this.element.append(row, note);
    this.show(Number.NaN);
  }

  /** χ now; NaN before the first second of a network. */
  show(chi: number): void {
    const step = Number.isNaN(chi) ? -1 : Math.round(Math.min(1, Math.max(0, chi)) * STEPS);
    if (step === this.step) return;
    this.step = step;
    if (step < 0) {
      this.fill.style.transform = FILL_TRANSFORM[0];
      this.value.textContent = '–';
      // A meter must have a value; the text says there is none yet.
      this.meter.setAttribute('aria-valuenow', VALUE_TEXT[0]);
      this.meter.setAttribute('aria-valuetext', NOT_YET);
      return;
    }
    this.fill.style.transform = FILL_TRANSFORM[step];
    this.value.textContent = VALUE_TEXT[step];
    this.meter.setAttribute('aria-valuenow', VALUE_TEXT[step]);
    this.meter.setAttribute('aria-valuetext', VALUE_TEXT[step]);
  }
}
