/**
 * The store of user intent: what the user asked for — the parameters, the patient's treatment,
 * whether the simulation plays and how fast, and how the view draws. Simulation frames never pass
 * through here; they go from the worker bridge straight to the view.
 *
 * Every action validates first and changes nothing when its input is bad: it throws ParamError
 * (parameters) or DrugError (treatment) with a message for the user, and what the user already set
 * stays as it was.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultParams, ParamError, type ParamKey, type Params, withParams } from '../model/params.ts';
import { DrugError, formatRegimen } from '../model/pharmacology/regimen.ts';
import { DEFAULT_AT_HOURS, parseTreatment, type Treatment } from '../model/pharmacology/treatment.ts';

export { DEFAULT_AT_HOURS, type Treatment };

/** An ion map under the cells (src/view/ion-maps.ts), or none. */
export type SheetMap = 'none' | 'potassium' | 'sodium' | 'egaba';
export const SHEET_MAPS: readonly SheetMap[] = ['none', 'potassium', 'sodium', 'egaba'];

export interface ViewOptions {
  /** The ion map drawn under the cells: extracellular K⁺, intracellular Na⁺, E_GABA, or none. */
  map: SheetMap;
  /**
   * Raw spikes instead of smoothed rates (opt-in, after a photosensitivity warning): the only
   * view that may flash.
   */
  rawSpikes: boolean;
}

export interface Intent {
  params: Params;
  treatment: Treatment;
  playing: boolean;
  /** Simulated time per wall-clock time: SPEED_MIN…SPEED_MAX; SPEED_MAX means "as fast as it can". */
  speed: number;
  view: ViewOptions;
  /** Lecture mode's scene (0-based, in the deck of src/ui/lecture/deck.ts), or null outside lecture mode. */
  lecture: number | null;
  /** The cell the user watches closely: a grid point (y·side + x) of the sheet, or null. */
  selectedCell: number | null;
}

export interface IntentActions {
  setParam<K extends ParamKey>(key: K, value: Params[K]): void;
  /** Several parameters at once (validated together through the parameter table). */
  setParams(changes: Readonly<Record<string, unknown>>): void;
  /** Replace the whole treatment (validated: known drugs, sane doses, each drug once, atHours in range). */
  setTreatment(treatment: Treatment): void;
  /** Add one regimen ("lamotrigine=200/12"); DrugError when it is malformed or its drug is already there. */
  addDrug(text: string): void;
  removeDrug(index: number): void;
  setAtHours(hours: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setView(changes: Partial<ViewOptions>): void;
  /** Enter lecture mode at a scene (0-based), move to another, or leave it (null). */
  setLecture(scene: number | null): void;
  /** Watch a cell (a grid point of the current sheet), or none (null). */
  setSelectedCell(grid: number | null): void;
}

export type IntentStore = StoreApi<Intent & IntentActions>;

export const SPEED_MIN = 0.1;
/** The top of the speed control: the worker then runs as fast as the machine allows. */
export const SPEED_MAX = 16;
export const DEFAULT_TREATMENT: Treatment = { drugs: [], atHours: DEFAULT_AT_HOURS };
export const DEFAULT_VIEW: ViewOptions = { map: 'none', rawSpikes: false };

/** The treatment in canonical form, or DrugError naming what is wrong. */
export function validateTreatment(treatment: Treatment): Treatment {
  return { drugs: parseTreatment(treatment).map(formatRegimen), atHours: treatment.atHours };
}

export function validateSpeed(speed: number): number {
  if (!(Number.isFinite(speed) && speed >= SPEED_MIN && speed <= SPEED_MAX)) {
    throw new ParamError(`speed must be ${SPEED_MIN}…${SPEED_MAX}× real time, not ${speed}`);
  }
  return speed;
}

/** View options merged and checked (an unknown map is a RangeError). */
export function validateView(view: ViewOptions): ViewOptions {
  if (!SHEET_MAPS.includes(view.map)) {
    throw new RangeError(`the sheet's map is one of ${SHEET_MAPS.join(', ')}, not ${String(view.map)}`);
  }
  return { map: view.map, rawSpikes: view.rawSpikes === true };
}

/** A grid point of the sheet (the sheet checks its size), or null. */
export function validateSelectedCell(grid: number | null, side: number): number | null {
  if (grid !== null && !(Number.isInteger(grid) && grid >= 0 && grid < side * side)) {
    throw new RangeError(
      `a cell is a grid point 0…${side * side - 1} of the ${side} × ${side} sheet, or none, not ${grid}`,
    );
  }
  return grid;
}

/** A scene index (the deck checks its length), or null. */
export function validateLecture(scene: number | null): number | null {
  if (scene !== null && !(Number.isInteger(scene) && scene >= 0)) {
    throw new RangeError(`a lecture scene is a whole number from 0, or null outside lecture mode, not ${scene}`);
  }
  return scene;
}

export function createIntentStore(initial: Partial<Intent> = {}): IntentStore {
  const start: Intent = {
    params: initial.params ?? defaultParams(),
    treatment: validateTreatment(initial.treatment ?? DEFAULT_TREATMENT),
    playing: initial.playing ?? true,
    speed: validateSpeed(initial.speed ?? 1),
    view: validateView({ ...DEFAULT_VIEW, ...initial.view }),
    lecture: validateLecture(initial.lecture ?? null),
    selectedCell: null,
  };
  return createStore<Intent & IntentActions>()((set, get) => ({
    ...start,
    setParam(key, value) {
      if (get().params[key] === value) return;
      get().setParams({ [key]: value });
    },
    setParams(changes) {
      if (Object.keys(changes).length === 0) return;
      const params = withParams(get().params, changes);
      // A grid point means another place on a sheet of another size: the selection is let go.
      const selectedCell = params.side === get().params.side ? get().selectedCell : null;
      set({ params, selectedCell });
    },
    setTreatment(treatment) {
      set({ treatment: validateTreatment(treatment) });
    },
    addDrug(text) {
      const t = get().treatment;
      set({ treatment: validateTreatment({ ...t, drugs: [...t.drugs, text] }) });
    },
    removeDrug(index) {
      const t = get().treatment;
      if (!(Number.isInteger(index) && index >= 0 && index < t.drugs.length)) {
        throw new DrugError(`there is no drug number ${index + 1}; the schedule has ${t.drugs.length}`);
      }
      set({ treatment: { ...t, drugs: t.drugs.filter((_, k) => k !== index) } });
    },
    setAtHours(hours) {
      const t = get().treatment;
      if (t.atHours === hours) return;
      set({ treatment: validateTreatment({ ...t, atHours: hours }) });
    },
    setPlaying(playing) {
      set({ playing });
    },
    setSpeed(speed) {
      set({ speed: validateSpeed(speed) });
    },
    setView(changes) {
      set({ view: validateView({ ...get().view, ...changes }) });
    },
    setLecture(scene) {
      if (get().lecture === scene) return;
      set({ lecture: validateLecture(scene) });
    },
    setSelectedCell(grid) {
      if (get().selectedCell === grid) return;
      set({ selectedCell: validateSelectedCell(grid, get().params.side) });
    },
  }));
}
