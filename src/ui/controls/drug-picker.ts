/**
 * The drug picker: a drug (with what it does), a route, a dose and, by mouth, an interval; "Add"
 * sends the regimen in its command-line text through the store, which refuses unknown drugs,
 * absurd doses and a drug given twice. The schedule lists what the store holds, each with a
 * remove button. When on the patient clock the network runs is the patient panel's to set.
 */
import { DRUG_NAMES, DRUGS, type DrugName, isDrugName } from '../../model/pharmacology/drugs.ts';
import {
  DrugError,
  formatRegimen,
  MIN_INTERVAL_H,
  parseRegimen,
  type Regimen,
  standardRegimen,
} from '../../model/pharmacology/regimen.ts';
import type { IntentStore, Treatment } from '../../state/store.ts';
import { h, messageOf, sentence, setText, showProblem } from './dom.ts';

/** A regimen in words: "phenytoin 300 mg by mouth every 24 h". */
export function regimenInWords(r: Regimen): string {
  return r.route === 'iv'
    ? `${r.drug} ${r.doseMg}\u00a0mg IV, once at time 0`
    : `${r.drug} ${r.doseMg}\u00a0mg by mouth every ${r.everyH}\u00a0h`;
}

function usualInWords(drug: DrugName): string {
  const r = standardRegimen(drug);
  return r.route === 'iv' ? `${r.doseMg} mg IV once` : `${r.doseMg} mg every ${r.everyH} h by mouth`;
}

export function mountDrugPicker(host: HTMLElement, store: IntentStore): void {
  new DrugPicker(host, store).start();
}

/** The form's fields: drug, route, dose, interval. */
interface RegimenFields {
  drugSelect: HTMLSelectElement;
  about: HTMLParagraphElement;
  oral: HTMLInputElement;
  iv: HTMLInputElement;
  dose: HTMLInputElement;
  every: HTMLInputElement;
  route: HTMLFieldSetElement;
  amounts: HTMLDivElement;
}

function buildRegimenFields(): RegimenFields {
  const drugSelect = h('select', { id: 'drug-name', name: 'drug-name', 'aria-describedby': 'drug-about' });
  for (const name of DRUG_NAMES) drugSelect.append(h('option', { value: name }, `${name} (${DRUGS[name].label})`));
  const about = h('p', { class: 'hint', id: 'drug-about' });

  const oral = h('input', { type: 'radio', name: 'drug-route', id: 'drug-route-oral', value: 'oral' });
  const iv = h('input', { type: 'radio', name: 'drug-route', id: 'drug-route-iv', value: 'iv' });
  const route = h(
    'fieldset',
    { class: 'drug-route' },
    h('legend', {}, 'Route'),
    h('span', { class: 'choice' }, oral, h('label', { for: 'drug-route-oral' }, 'By mouth, repeated')),
    h('span', { class: 'choice' }, iv, h('label', { for: 'drug-route-iv' }, 'IV, once at time 0')),
  );

  const dose = h('input', { type: 'number', id: 'drug-dose', name: 'drug-dose', min: '0', step: 'any' });
  dose.setAttribute('inputmode', 'decimal');
  const every = h('input', {
    type: 'number',
    id: 'drug-every',
    name: 'drug-every',
    min: String(MIN_INTERVAL_H),
    step: 'any',
  });
  every.setAttribute('inputmode', 'decimal');
  const amounts = h(
    'div',
    { class: 'drug-amounts' },
    h('div', { class: 'field' }, h('label', { for: 'drug-dose' }, 'Dose (mg)'), dose),
    h('div', { class: 'field' }, h('label', { for: 'drug-every' }, 'Every (hours)'), every),
  );
  return { drugSelect, about, oral, iv, dose, every, route, amounts };
}

class DrugPicker {
  private readonly fields = buildRegimenFields();
  private readonly add = h('button', { type: 'button', id: 'drug-add', class: 'secondary' }, 'Add to schedule');
  private readonly problem = h('p', { class: 'problem', id: 'drug-problem', role: 'alert', hidden: true });
  private readonly announce = h('p', { class: 'hint', id: 'drug-announce', 'aria-live': 'polite' });
  private readonly schedule = h('ol', {
    class: 'drug-schedule',
    id: 'drug-schedule',
    'aria-labelledby': 'drug-schedule-title',
  });
  private readonly empty = h('p', { class: 'hint', id: 'drug-empty' }, 'No drugs: the network runs untreated.');
  /** The drugs the schedule shows. */
  private shown: Treatment['drugs'] | null = null;

  constructor(
    host: HTMLElement,
    private readonly store: IntentStore,
  ) {
    const f = this.fields;
    host.append(
      h(
        'section',
        { class: 'controls-block drugs', 'aria-labelledby': 'drugs-title' },
        h('h3', { id: 'drugs-title' }, 'Drugs'),
        h('label', { for: 'drug-name' }, 'Drug'),
        f.drugSelect,
        f.about,
        f.route,
        f.amounts,
        h('div', { class: 'panel-actions' }, this.add),
        this.problem,
        h('h4', { id: 'drug-schedule-title' }, 'Schedule'),
        this.schedule,
        this.empty,
        this.announce,
      ),
    );
  }

  start(): void {
    const f = this.fields;
    f.drugSelect.addEventListener('change', () => {
      this.showUsual();
      showProblem(this.problem, null);
    });
    f.oral.addEventListener('change', () => {
      if (f.every.value === '') f.every.value = String(this.usualEveryH());
      this.showRoute();
    });
    f.iv.addEventListener('change', () => this.showRoute());
    this.add.addEventListener('click', () => this.addRegimen());
    for (const field of [f.dose, f.every]) {
      field.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') this.addRegimen();
      });
    }
    this.schedule.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest('button.remove');
      if (button instanceof HTMLButtonElement) this.removeAt(Number(button.dataset.index));
    });
    this.showUsual();
    this.showSchedule(this.store.getState().treatment.drugs);
    this.store.subscribe((state, previous) => {
      if (state.treatment !== previous.treatment) this.showSchedule(state.treatment.drugs);
    });
  }

  private selected(): DrugName {
    const name = this.fields.drugSelect.value;
    if (!isDrugName(name)) throw new Error(`the drug menu holds an unknown drug "${name}"`);
    return name;
  }

  private showRoute(): void {
    this.fields.every.disabled = this.fields.iv.checked;
  }

  /** Start from the chosen drug's usual adult regimen. */
  private showUsual(): void {
    const f = this.fields;
    const drug = this.selected();
    const usual = standardRegimen(drug);
    setText(f.about, `${drug}: ${DRUGS[drug].label}. Usual adult regimen: ${usualInWords(drug)}.`);
    f.oral.checked = usual.route === 'oral';
    f.iv.checked = usual.route === 'iv';
    f.dose.value = String(usual.doseMg);
    f.every.value = usual.route === 'oral' ? String(usual.everyH) : '';
    this.showRoute();
  }

  /** An interval to start from when switching to "by mouth": the drug's usual one, else twice a day. */
  private usualEveryH(): number {
    const usual = standardRegimen(this.selected());
    return usual.route === 'oral' ? usual.everyH : 12;
  }

  /** The regimen the fields describe, or a message saying which field to fix and how. */
  private regimenFromFields(): Regimen | string {
    const f = this.fields;
    const drug = this.selected();
    const doseMg = f.dose.valueAsNumber;
    if (!Number.isFinite(doseMg)) return `Write the dose as a number of mg, e.g. ${standardRegimen(drug).doseMg}.`;
    if (f.iv.checked) return { drug, route: 'iv', doseMg };
    const everyH = f.every.valueAsNumber;
    if (!Number.isFinite(everyH))
      return `Write how often as a number of hours, at least ${MIN_INTERVAL_H}, e.g. ${this.usualEveryH()}.`;
    return { drug, route: 'oral', doseMg, everyH };
  }

  private addRegimen(): void {
    const regimen = this.regimenFromFields();
    if (typeof regimen === 'string') {
      showProblem(this.problem, regimen);
      return;
    }
    const text = formatRegimen(regimen);
    try {
      this.store.getState().addDrug(text);
      showProblem(this.problem, null);
      setText(this.announce, `Added ${regimenInWords(regimen)}.`);
    } catch (error) {
      showProblem(this.problem, sentence(messageOf(error, DrugError)));
    }
  }

  private removeAt(index: number): void {
    const text = this.store.getState().treatment.drugs[index];
    try {
      this.store.getState().removeDrug(index);
      showProblem(this.problem, null);
      setText(this.announce, `Removed ${text ? regimenInWords(parseRegimen(text)) : 'the drug'}.`);
    } catch (error) {
      showProblem(this.problem, sentence(messageOf(error, DrugError)));
    }
    // Focus stays in the list: on the next remove button, else the previous, else "Add".
    const buttons = this.schedule.querySelectorAll<HTMLButtonElement>('button.remove');
    (buttons[Math.min(index, buttons.length - 1)] ?? this.add).focus();
  }

  private showSchedule(drugs: Treatment['drugs']): void {
    // The patient clock moving makes a new treatment with the same drugs: nothing to redraw.
    const shown = this.shown;
    if (shown && drugs.length === shown.length && drugs.every((d, i) => d === shown[i])) return;
    this.shown = drugs;
    this.schedule.replaceChildren(...drugs.map((text, index) => scheduleItem(text, index)));
    this.schedule.hidden = drugs.length === 0;
    this.empty.hidden = drugs.length > 0;
  }
}

/** One regimen of the schedule, in words and as the command line writes it, with its remove button. */
function scheduleItem(text: string, index: number): HTMLLIElement {
  const regimen = parseRegimen(text);
  const remove = h(
    'button',
    { type: 'button', class: 'remove', 'data-index': String(index), 'aria-label': `Remove ${regimen.drug}` },
    'Remove',
  );
  return h(
    'li',
    {},
    h(
      'div',
      { class: 'schedule-item' },
      h('span', { class: 'regimen' }, regimenInWords(regimen)),
      h('code', { class: 'param-key' }, text),
      remove,
    ),
  );
}
