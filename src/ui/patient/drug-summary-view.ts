/**
 * The drug schedule at the patient-clock time: each regimen in words, its plasma level against
 * the therapeutic range, its unbound brain level and Kp,uu, and P-gp at the barrier. Display
 * only: drugs are added and removed in the controls panel.
 */
import type { DrugSummary } from './patient-words.ts';
import { KPUU_EXPLANATION } from './patient-words.ts';

/** One term and its values, kept together so the pairs can wrap as units on a narrow screen. */
function pair(list: HTMLDListElement, term: string, values: readonly [string, string][], wide = false): void {
  const group = document.createElement('div');
  group.className = wide ? 'patient-pair patient-pair-wide' : 'patient-pair';
  const dt = document.createElement('dt');
  dt.textContent = term;
  group.append(dt);
  for (const [text, className] of values) {
    const dd = document.createElement('dd');
    dd.textContent = text;
    dd.className = className;
    group.append(dd);
  }
  list.append(group);
}

export class DrugSummaryView {
  readonly element: HTMLDivElement;
  private readonly heading: HTMLParagraphElement;
  private readonly list: HTMLUListElement;
  private readonly pgp: HTMLParagraphElement;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'patient-summary';
    this.heading = document.createElement('p');
    this.heading.className = 'patient-summary-time';
    this.list = document.createElement('ul');
    this.list.className = 'patient-drugs';
    this.list.setAttribute('aria-label', 'Drug schedule');
    this.pgp = document.createElement('p');
    this.pgp.className = 'patient-pgp';
    const explanation = document.createElement('p');
    explanation.className = 'hint';
    explanation.textContent = KPUU_EXPLANATION;
    this.element.append(this.heading, this.list, this.pgp, explanation);
  }

  show(timeText: string, summaries: readonly DrugSummary[], pgpText: string): void {
    this.heading.textContent = `Levels at ${timeText} on the patient clock, where the network runs:`;
    this.list.replaceChildren(
      ...summaries.map((s) => {
        const item = document.createElement('li');
        item.dataset.drug = s.drug;
        const name = document.createElement('p');
        name.className = 'patient-regimen';
        name.textContent = s.regimen;
        const values = document.createElement('dl');
        pair(
          values,
          'Plasma total',
          [
            [s.plasmaTotal, 'patient-plasma'],
            [s.statusText, `patient-range patient-range-${s.status}`],
          ],
          true,
        );
        pair(values, 'Brain unbound', [[s.brainUnbound, 'patient-brain']]);
        pair(values, 'Kp,uu (brain ÷ plasma)', [[s.kpuu, 'patient-kpuu']]);
        if (s.doses) pair(values, 'Doses', [[s.doses, 'patient-doses']]);
        item.append(name, values);
        return item;
      }),
    );
    this.pgp.textContent = pgpText;
  }
}
