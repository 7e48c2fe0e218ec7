/**
 * Presets: a menu of the shipped scenarios, each with its one-line lesson. Loading one sets every
 * parameter and the whole treatment in one go (both checked before either is applied) and says
 * what it demonstrates. Which preset the page shows is derived from the store, so it follows a
 * link, a reset, or the first change that leaves the preset.
 */
import { ParamError } from '../../model/params.ts';
import { DrugError } from '../../model/pharmacology/regimen.ts';
import type { Scenario } from '../../model/scenario.ts';
import { matchingPreset, presetIntent } from '../../state/presets.ts';
import { type IntentStore, validateTreatment } from '../../state/store.ts';
import { h, messageOf, sentence, setText, showProblem } from './dom.ts';
import type { ScenarioLibrary } from './scenario-library.ts';

export function mountPresetPicker(host: HTMLElement, store: IntentStore, library: ScenarioLibrary): void {
  const { scenarios } = library;
  const select = h('select', { id: 'preset', name: 'preset', 'aria-describedby': 'preset-lesson' });
  for (const s of scenarios) select.append(h('option', { value: s.name }, `${s.name}: ${s.description}`));
  const load = h('button', { type: 'button', id: 'preset-load', class: 'secondary' }, 'Load preset');
  const lesson = h('p', { class: 'hint', id: 'preset-lesson' });
  const current = h('p', { class: 'preset-current', id: 'preset-current', 'aria-live': 'polite' });
  const problem = h('p', { class: 'problem', id: 'preset-problem', role: 'alert', hidden: true });
  const section = h(
    'section',
    { class: 'controls-block presets', 'aria-labelledby': 'presets-title' },
    h('h3', { id: 'presets-title' }, 'Presets'),
    h('label', { for: 'preset' }, 'Scenario'),
    h('div', { class: 'control-row preset-row' }, select, load),
    lesson,
    current,
    problem,
  );
  if (library.problems.length > 0) {
    section.append(
      h(
        'p',
        { class: 'problem' },
        `Presets left out, because their files are not valid: ${library.problems.join('; ')}.`,
      ),
    );
  }
  if (scenarios.length === 0) {
    select.disabled = true;
    load.disabled = true;
  }
  host.append(section);

  const byName = (name: string): Scenario | undefined => scenarios.find((s) => s.name === name);
  const showLesson = (): void => {
    lesson.textContent = byName(select.value)?.description ?? '';
  };
  select.addEventListener('change', showLesson);

  /** The preset last loaded here, to say so once the user has moved on from it. */
  let loaded: Scenario | null = null;
  const showCurrent = (): void => {
    const { params, treatment } = store.getState();
    const match = matchingPreset({ params, treatment }, scenarios);
    if (match) {
      setText(current, `Now showing “${match.name}”. It demonstrates ${match.demonstrates}.`);
      if (select.value !== match.name) {
        select.value = match.name;
        showLesson();
      }
    } else {
      setText(current, loaded ? `Changed since loading “${loaded.name}”.` : '');
    }
  };

  load.addEventListener('click', () => {
    const scenario = byName(select.value);
    if (!scenario) return;
    try {
      const { params, treatment } = presetIntent(scenario);
      validateTreatment(treatment);
      loaded = scenario;
      const state = store.getState();
      state.setParams(params as unknown as Record<string, unknown>);
      state.setTreatment(treatment);
      showProblem(problem, null);
    } catch (error) {
      showProblem(problem, sentence(messageOf(error, ParamError, DrugError)));
    }
    showCurrent();
  });

  showLesson();
  showCurrent();
  store.subscribe((state, previous) => {
    if (state.params !== previous.params || state.treatment !== previous.treatment) showCurrent();
  });
}
