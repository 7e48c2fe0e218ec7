/**
 * One native control per parameter, built from its entry in the parameter table: a range for a
 * number, a checkbox for a switch, a number field for the seed, and a switch with three ranges
 * for the lesion. Each sends what the user set through the store, shows the store's refusal next
 * to itself (role="alert") and then shows the store's value again; `show` follows the store.
 */
import {
  type BooleanSpec,
  formatParamValue,
  LESION_RADIUS_MAX_MM,
  LESION_RADIUS_MIN_MM,
  type Lesion,
  type LesionSpec,
  type NumberSpec,
  ParamError,
  type ParamKey,
  type ParamSpec,
  type Params,
  parseParamText,
} from '../../model/params.ts';
import { SHEET_MM } from '../../model/sheet/geometry.ts';
import type { IntentStore } from '../../state/store.ts';
import { h, messageOf, sentence, showProblem } from './dom.ts';
import { formatNumber, labelText, labelUnit, readoutText, spokenText } from './param-text.ts';

export interface ParamControl {
  key: ParamKey;
  element: HTMLElement;
  /** Show these parameters (the store's); does nothing when this control's value is unchanged. */
  show(params: Params): void;
}

/** Where a new lesion goes when the switch is turned on: the middle of the sheet, 0.5 mm across. */
const NEW_LESION: Lesion = { xMm: SHEET_MM / 2, yMm: SHEET_MM / 2, radiusMm: 0.5 };
const LESION_STEP_MM = 0.05;

interface ControlShell {
  element: HTMLElement;
  problem: HTMLElement;
  describedBy: string;
}

/** The parts every control shares: the command-line key, the hint, the rebuild note, the problem line. */
function controlShell(spec: ParamSpec, head: HTMLElement, body: HTMLElement[], defaultText: string): ControlShell {
  const id = spec.key;
  const hint = h('p', { class: 'param-hint', id: `${id}-hint` }, `${spec.description}. Default: ${defaultText}.`);
  const note = spec.rebuild
    ? h('p', { class: 'param-note', id: `${id}-note` }, 'Changing it builds a new network.')
    : null;
  const problem = h('p', { class: 'problem', id: `${id}-problem`, role: 'alert', hidden: true });
  head.append(h('code', { class: 'param-key', title: 'The key on the command line and in the address' }, spec.key));
  const element = h('div', { class: 'param', 'data-key': spec.key, title: spec.description }, head, ...body);
  if (note) element.append(note);
  element.append(hint, problem);
  return { element, problem, describedBy: note ? `${id}-hint ${id}-note` : `${id}-hint` };
}

/** Send a change to the store; on refusal, say why and show the store's value again. */
function attempt(problem: HTMLElement, change: () => void, restore: () => void): void {
  try {
    change();
    showProblem(problem, null);
  } catch (error) {
    showProblem(problem, sentence(messageOf(error, ParamError)));
    restore();
  }
}

interface Slider {
  row: HTMLElement;
  input: HTMLInputElement;
  /** Show a value (the store's, or one being dragged to). */
  display(value: number): void;
}

function slider(id: string, min: number, max: number, step: number, spoken: string, readout: (v: number) => string) {
  const input = h('input', { type: 'range', id, name: id, min: String(min), max: String(max), step: String(step) });
  // The input speaks its value itself (aria-valuetext); this copy is for the eye.
  const value = h('span', { class: 'readout', id: `${id}-value`, 'aria-hidden': 'true' });
  const display = (v: number): void => {
    if (input.valueAsNumber !== v) input.value = String(v);
    value.textContent = readout(v);
    input.setAttribute('aria-valuetext', spokenText(spoken, v, step));
  };
  return { row: h('div', { class: 'control-row' }, input, value), input, display } satisfies Slider;
}

function rangeControl(spec: NumberSpec, store: IntentStore): ParamControl {
  const key = spec.key;
  const s = slider(key, spec.min, spec.max, spec.step, labelUnit(spec), (v) => readoutText(spec, v, spec.step));
  const head = h('div', { class: 'param-head' }, h('label', { for: key }, labelText(spec)));
  const f = controlShell(spec, head, [s.row], readoutText(spec, spec.default, spec.step));
  s.input.setAttribute('aria-describedby', f.describedBy);
  let shown = Number.NaN;
  const show = (params: Params): void => {
    const value = params[key] as number;
    if (value === shown) return;
    shown = value;
    s.display(value);
  };
  const commit = (): void =>
    attempt(
      f.problem,
      () => store.getState().setParam(key, parseParamText(key, s.input.value)),
      () => {
        shown = Number.NaN;
        show(store.getState().params);
      },
    );
  // A change that builds a new network waits until the slider is let go; the rest apply live.
  if (spec.rebuild) {
    s.input.addEventListener('input', () => s.display(s.input.valueAsNumber));
    s.input.addEventListener('change', commit);
  } else {
    s.input.addEventListener('input', commit);
  }
  show(store.getState().params);
  return { key, element: f.element, show };
}

/** A whole number too wide for a slider (the seed): a number field, applied on change or Enter. */
function integerFieldControl(spec: NumberSpec, store: IntentStore): ParamControl {
  const key = spec.key;
  const input = h('input', {
    type: 'number',
    id: key,
    name: key,
    min: String(spec.min),
    max: String(spec.max),
    step: '1',
    inputmode: 'numeric',
  });
  const head = h('div', { class: 'param-head' }, h('label', { for: key }, labelText(spec)));
  const f = controlShell(spec, head, [h('div', { class: 'control-row' }, input)], String(spec.default));
  input.setAttribute('aria-describedby', f.describedBy);
  const show = (params: Params): void => {
    const text = formatParamValue(key, params[key]);
    if (input.value !== text) input.value = text;
  };
  const commit = (): void =>
    attempt(
      f.problem,
      () => store.getState().setParam(key, parseParamText(key, input.value)),
      () => show(store.getState().params),
    );
  input.addEventListener('change', commit);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commit();
  });
  show(store.getState().params);
  return { key, element: f.element, show };
}

function checkboxControl(spec: BooleanSpec, store: IntentStore): ParamControl {
  const key = spec.key;
  const input = h('input', { type: 'checkbox', id: key, name: key });
  const head = h('div', { class: 'param-head param-check' }, input, h('label', { for: key }, labelText(spec)));
  const f = controlShell(spec, head, [], spec.default ? 'on' : 'off');
  input.setAttribute('aria-describedby', f.describedBy);
  const show = (params: Params): void => {
    input.checked = params[key] as boolean;
  };
  input.addEventListener('change', () =>
    attempt(
      f.problem,
      () => store.getState().setParam(key, input.checked),
      () => show(store.getState().params),
    ),
  );
  show(store.getState().params);
  return { key, element: f.element, show };
}

function lesionControl(spec: LesionSpec, store: IntentStore): ParamControl {
  const key = spec.key;
  const toggle = h('input', { type: 'checkbox', id: key, name: key });
  const mm = (v: number): string => `${formatNumber(v, LESION_STEP_MM)} mm`;
  const part = (id: string, label: string, min: number, max: number) => {
    const s = slider(`${key}-${id}`, min, max, LESION_STEP_MM, 'mm', mm);
    const field = h('div', { class: 'lesion-field' }, h('label', { for: `${key}-${id}` }, label), s.row);
    return { ...s, field };
  };
  const x = part('x', 'Centre, x (mm)', 0, SHEET_MM);
  const y = part('y', 'Centre, y (mm)', 0, SHEET_MM);
  const radius = part('radius', 'Radius (mm)', LESION_RADIUS_MIN_MM, LESION_RADIUS_MAX_MM);
  const fields = h('div', { class: 'lesion-fields' }, x.field, y.field, radius.field);
  const head = h('div', { class: 'param-head param-check' }, toggle, h('label', { for: key }, labelText(spec)));
  const f = controlShell(spec, head, [fields], 'none');
  for (const input of [toggle, x.input, y.input, radius.input]) input.setAttribute('aria-describedby', f.describedBy);

  let shown = '';
  const show = (params: Params): void => {
    const lesion = params.lesion;
    const text = formatParamValue(key, lesion);
    if (text === shown) return;
    shown = text;
    toggle.checked = lesion !== null;
    // Without a lesion the sliders keep where the last one was, ready for the switch.
    const place = lesion ?? {
      xMm: x.input.valueAsNumber,
      yMm: y.input.valueAsNumber,
      radiusMm: radius.input.valueAsNumber,
    };
    x.display(place.xMm);
    y.display(place.yMm);
    radius.display(place.radiusMm);
    for (const s of [x, y, radius]) s.input.disabled = lesion === null;
    fields.classList.toggle('is-off', lesion === null);
  };
  const restore = (): void => {
    shown = '';
    show(store.getState().params);
  };
  const placed = (): Lesion => ({
    xMm: x.input.valueAsNumber,
    yMm: y.input.valueAsNumber,
    radiusMm: radius.input.valueAsNumber,
  });
  toggle.addEventListener('change', () =>
    attempt(f.problem, () => store.getState().setParam(key, toggle.checked ? placed() : null), restore),
  );
  for (const s of [x, y, radius]) {
    s.input.addEventListener('input', () => s.display(s.input.valueAsNumber));
    s.input.addEventListener('change', () =>
      attempt(f.problem, () => store.getState().setParam(key, placed()), restore),
    );
  }
  x.display(NEW_LESION.xMm);
  y.display(NEW_LESION.yMm);
  radius.display(NEW_LESION.radiusMm);
  show(store.getState().params);
  return { key, element: f.element, show };
}

/** Seeds span 0…2³²−1: no slider can place one. */
const WIDE_INTEGER_RANGE = 10_000;

export function paramControl(spec: ParamSpec, store: IntentStore): ParamControl {
  switch (spec.kind) {
    case 'number':
      return rangeControl(spec, store);
    case 'integer':
      return spec.max - spec.min > WIDE_INTEGER_RANGE ? integerFieldControl(spec, store) : rangeControl(spec, store);
    case 'boolean':
      return checkboxControl(spec, store);
    case 'lesion':
      return lesionControl(spec, store);
  }
}
