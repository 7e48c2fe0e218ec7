/**
 * The GABA_A slider: a native range input whose range and step come from the parameter table,
 * bound both ways to the store (the store is the truth; the input shows it).
 */
import { getSpec, type NumberSpec, ParamError, parseParamText } from '../model/params.ts';
import type { IntentStore } from '../state/store.ts';

export interface GabaSliderElements {
  input: HTMLInputElement;
  /** Shows the value the user asked for (visual only: the input announces its own value). */
  readout: HTMLElement;
  /** Where a rejected value is explained. */
  problem: HTMLElement;
}

const KEY = 'gaba';

function spokenValue(gaba: number): string {
  return `${gaba.toFixed(2)} times normal`;
}

export function bindGabaSlider({ input, readout, problem }: GabaSliderElements, store: IntentStore): () => void {
  const spec = getSpec(KEY) as NumberSpec;
  input.min = String(spec.min);
  input.max = String(spec.max);
  input.step = String(spec.step);

  const show = (gaba: number): void => {
    if (input.valueAsNumber !== gaba) input.value = String(gaba);
    readout.textContent = `${gaba.toFixed(2)}×`;
    input.setAttribute('aria-valuetext', spokenValue(gaba));
  };
  show(store.getState().params.gaba);

  const onInput = (): void => {
    try {
      store.getState().setParam(KEY, parseParamText(KEY, input.value));
      problem.hidden = true;
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      problem.textContent = error.message;
      problem.hidden = false;
      show(store.getState().params.gaba);
    }
  };
  input.addEventListener('input', onInput);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.params.gaba !== previous.params.gaba) show(state.params.gaba);
  });
  return () => {
    input.removeEventListener('input', onInput);
    unsubscribe();
  };
}
