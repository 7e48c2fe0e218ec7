/**
 * The drug schedule at the patient-clock time: each regimen in words, its plasma level against
 * the therapeutic range, its unbound brain level and Kp,uu, and P-gp at the barrier. Display
 * only: drugs are added and removed in the controls panel.
 */
import type { DrugSummary } from './patient-words.ts';
import { KPUU_EXPLANATION } from './patient-words.ts';

function row(list: HTMLDListElement, term: string, value: string, className?: string): void {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (className) dd.className = className;
  list.append(dt, dd);
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
        row(values, 'Plasma total', `${s.plasmaTotal}: ${s.statusText}`, `patient-range patient-range-${s.status}`);
        row(values, 'Brain unbound', s.brainUnbound, 'patient-brain');
        row(values, 'Kp,uu (brain/plasma unbound)', s.kpuu, 'patient-kpuu');
        if (s.doses) row(values, 'Doses', s.doses);
        item.append(name, values);
        return item;
      }),
    );
    this.pgp.textContent = pgpText;
  }
}
