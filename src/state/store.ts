/**
 * The store of user intent: the parameters the user asked for and whether the simulation plays.
 * Simulation frames never pass through here; they go from the worker bridge straight to the view.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type ParamKey, type Params, withParams } from '../model/params.ts';

export interface Intent {
  params: Params;
  playing: boolean;
}

export interface IntentActions {
  /** Validates through the parameter table; a bad value throws ParamError and changes nothing. */
  setParam<K extends ParamKey>(key: K, value: Params[K]): void;
  setPlaying(playing: boolean): void;
}

export type IntentStore = StoreApi<Intent & IntentActions>;

export function createIntentStore(initial: Intent): IntentStore {
  return createStore<Intent & IntentActions>()((set, get) => ({
    ...initial,
    setParam(key, value) {
      if (get().params[key] === value) return;
      set({ params: withParams(get().params, { [key]: value }) });
    },
    setPlaying(playing) {
      set({ playing });
    },
  }));
}
