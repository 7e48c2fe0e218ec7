/**
 * The parameter panel: every key of the parameter table as a control, in collapsible groups
 * (a phone need not scroll past them all), each group saying how many of its knobs differ from
 * the defaults. A group opens by itself when more of its knobs come to differ (a link, a preset),
 * so nothing is changed out of sight; only the reader closes one.
 */
import { defaultParams, formatParamValue, PARAM_SPECS, ParamError, type Params } from '../../model/params.ts';
import type { IntentStore } from '../../state/store.ts';
import { h, messageOf, sentence, showProblem } from './dom.ts';
import { keepHintsSteady } from './focus-hints.ts';
import { type ParamControl, paramControl } from './param-controls.ts';
import { GROUPS, type GroupId, PARAM_TEXT } from './param-text.ts';

/** The group a reader most likely wants first. */
const OPEN_FIRST: GroupId = 'balance';

interface Group {
  details: HTMLDetailsElement;
  changed: HTMLElement;
  controls: ParamControl[];
}

function changedCount(controls: readonly ParamControl[], params: Params, defaults: Params): number {
  let count = 0;
  for (const { key } of controls) {
    if (formatParamValue(key, params[key]) !== formatParamValue(key, defaults[key])) count++;
  }
  return count;
}

export function mountParamPanel(host: HTMLElement, store: IntentStore): void {
  const defaults = defaultParams();
  const groups = new Map<GroupId, Group>();
  for (const { id, title } of GROUPS) {
    const changed = h('span', { class: 'group-changed' });
    const details = h(
      'details',
      { class: 'param-group', 'data-group': id },
      h('summary', {}, h('span', { class: 'group-title' }, title), changed),
    );
    groups.set(id, { details, changed, controls: [] });
  }
  for (const spec of PARAM_SPECS) {
    const group = groups.get(PARAM_TEXT[spec.key].group);
    if (!group) throw new Error(`parameter ${spec.key} names no known group`);
    const control = paramControl(spec, store);
    group.controls.push(control);
    group.details.append(control.element);
  }

  const counts = new Map<GroupId, number>();
  /** Say how many knobs differ per group, and open a group when more of its knobs differ than before. */
  const showCounts = (params: Params): void => {
    for (const [id, group] of groups) {
      const count = changedCount(group.controls, params, defaults);
      group.changed.textContent = count === 0 ? '' : `${count} changed`;
      if (count > (counts.get(id) ?? 0)) group.details.open = true;
      counts.set(id, count);
    }
  };
  for (const [id, group] of groups) {
    group.details.open = id === OPEN_FIRST;
    if (group.controls.length > 0) host.append(group.details);
  }
  showCounts(store.getState().params);
  keepHintsSteady(host);

  const resetProblem = h('p', { class: 'problem', id: 'params-reset-problem', role: 'alert', hidden: true });
  const reset = h('button', { type: 'button', class: 'secondary', id: 'params-reset' }, 'Reset all parameters');
  reset.addEventListener('click', () => {
    try {
      store.getState().setParams(defaultParams() as unknown as Record<string, unknown>);
      showProblem(resetProblem, null);
    } catch (error) {
      showProblem(resetProblem, sentence(messageOf(error, ParamError)));
    }
  });
  host.append(h('div', { class: 'panel-actions' }, reset), resetProblem);

  store.subscribe((state, previous) => {
    if (state.params === previous.params) return;
    for (const group of groups.values()) for (const control of group.controls) control.show(state.params);
    showCounts(state.params);
  });
}
