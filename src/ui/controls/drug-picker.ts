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
  const add = h('button', { type: 'button', id: 'drug-add', class: 'secondary' }, 'Add to schedule');
  const problem = h('p', { class: 'problem', id: 'drug-problem', role: 'alert', hidden: true });
  const announce = h('p', { class: 'hint', id: 'drug-announce', 'aria-live': 'polite' });
  const schedule = h('ol', { class: 'drug-schedule', id: 'drug-schedule', 'aria-labelledby': 'drug-schedule-title' });
  const empty = h('p', { class: 'hint', id: 'drug-empty' }, 'No drugs: the network runs untreated.');

  host.append(
    h(
      'section',
      { class: 'controls-block drugs', 'aria-labelledby': 'drugs-title' },
      h('h3', { id: 'drugs-title' }, 'Drugs'),
      h('label', { for: 'drug-name' }, 'Drug'),
      drugSelect,
      about,
      route,
      amounts,
      h('div', { class: 'panel-actions' }, add),
      problem,
      h('h4', { id: 'drug-schedule-title' }, 'Schedule'),
      schedule,
      empty,
      announce,
    ),
  );

  const selected = (): DrugName => {
    const name = drugSelect.value;
    if (!isDrugName(name)) throw new Error(`the drug menu holds an unknown drug "${name}"`);
    return name;
  };
  const showRoute = (): void => {
    every.disabled = iv.checked;
  };
  /** Start from the chosen drug's usual adult regimen. */
  const showUsual = (): void => {
    const drug = selected();
    const usual = standardRegimen(drug);
    setText(about, `${drug}: ${DRUGS[drug].label}. Usual adult regimen: ${usualInWords(drug)}.`);
    oral.checked = usual.route === 'oral';
    iv.checked = usual.route === 'iv';
    dose.value = String(usual.doseMg);
    every.value = usual.route === 'oral' ? String(usual.everyH) : '';
    showRoute();
  };
  drugSelect.addEventListener('change', () => {
    showUsual();
    showProblem(problem, null);
  });
  /** An interval to start from when switching to "by mouth": the drug's usual one, else twice a day. */
  const usualEveryH = (): number => {
    const usual = standardRegimen(selected());
    return usual.route === 'oral' ? usual.everyH : 12;
  };
  oral.addEventListener('change', () => {
    if (every.value === '') every.value = String(usualEveryH());
    showRoute();
  });
  iv.addEventListener('change', showRoute);

  /** The regimen the fields describe, or a message saying which field to fix and how. */
  const regimenFromFields = (): Regimen | string => {
    const drug = selected();
    const doseMg = dose.valueAsNumber;
    if (!Number.isFinite(doseMg)) return `Write the dose as a number of mg, e.g. ${standardRegimen(drug).doseMg}.`;
    if (iv.checked) return { drug, route: 'iv', doseMg };
    const everyH = every.valueAsNumber;
    if (!Number.isFinite(everyH))
      return `Write how often as a number of hours, at least ${MIN_INTERVAL_H}, e.g. ${usualEveryH()}.`;
    return { drug, route: 'oral', doseMg, everyH };
  };
  const addRegimen = (): void => {
    const regimen = regimenFromFields();
    if (typeof regimen === 'string') {
      showProblem(problem, regimen);
      return;
    }
    const text = formatRegimen(regimen);
    try {
      store.getState().addDrug(text);
      showProblem(problem, null);
      setText(announce, `Added ${regimenInWords(regimen)}.`);
    } catch (error) {
      showProblem(problem, sentence(messageOf(error, DrugError)));
    }
  };
  add.addEventListener('click', addRegimen);
  for (const field of [dose, every]) {
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') addRegimen();
    });
  }

  let shown: Treatment['drugs'] | null = null;
  const showSchedule = (drugs: Treatment['drugs']): void => {
    // The patient clock moving makes a new treatment with the same drugs: nothing to redraw.
    if (shown && drugs.length === shown.length && drugs.every((d, i) => d === shown?.[i])) return;
    shown = drugs;
    schedule.replaceChildren(
      ...drugs.map((text, index) => {
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
      }),
    );
    schedule.hidden = drugs.length === 0;
    empty.hidden = drugs.length > 0;
  };
  schedule.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button.remove');
    if (!(button instanceof HTMLButtonElement)) return;
    const index = Number(button.dataset.index);
    const text = store.getState().treatment.drugs[index];
    try {
      store.getState().removeDrug(index);
      showProblem(problem, null);
      setText(announce, `Removed ${text ? regimenInWords(parseRegimen(text)) : 'the drug'}.`);
    } catch (error) {
      showProblem(problem, sentence(messageOf(error, DrugError)));
    }
    // Focus stays in the list: on the next remove button, else the previous, else "Add".
    const buttons = schedule.querySelectorAll<HTMLButtonElement>('button.remove');
    (buttons[Math.min(index, buttons.length - 1)] ?? add).focus();
  });

  showUsual();
  showSchedule(store.getState().treatment.drugs);
  store.subscribe((state, previous) => {
    if (state.treatment !== previous.treatment) showSchedule(state.treatment.drugs);
  });
}
