/**
 * The controls panel: presets, every parameter, and the drug schedule, with keyboard shortcuts —
 * all bound to the store of user intent, mounted from one call.
 */
import './controls.css';
import type { IntentStore } from '../../state/store.ts';
import { h } from './dom.ts';
import { mountDrugPicker } from './drug-picker.ts';
import { mountParamPanel } from './param-panel.ts';
import { mountPresetPicker } from './preset-picker.ts';
import { SCENARIO_LIBRARY, type ScenarioLibrary } from './scenario-library.ts';
import { mountShortcuts } from './shortcuts.ts';

export { keepAddressInSync, readAddress, showAddressProblems } from './address.ts';

export function mountControls(
  host: HTMLElement,
  store: IntentStore,
  library: ScenarioLibrary = SCENARIO_LIBRARY,
): void {
  const shortcutsButton = h(
    'button',
    { type: 'button', class: 'link-button', id: 'shortcuts-open' },
    'Keyboard shortcuts (?)',
  );
  host.replaceChildren(
    h('h2', { id: 'controls-panel-title' }, 'Model, drugs and presets'),
    h(
      'p',
      { class: 'hint panel-intro' },
      'Start from a preset or change any knob; focus a control to read what it does. ',
      shortcutsButton,
    ),
  );
  mountPresetPicker(host, store, library);
  const params = h(
    'section',
    { class: 'controls-block params', 'aria-labelledby': 'params-title' },
    h('h3', { id: 'params-title' }, 'Parameters'),
  );
  host.append(params);
  mountParamPanel(params, store);
  mountDrugPicker(host, store);
  mountShortcuts(host, store, shortcutsButton);
  host.hidden = false;
}
