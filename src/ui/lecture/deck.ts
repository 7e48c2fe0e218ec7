/**
 * The lecture deck: an ordered list of scenes, each a title, one or two sentences in big type,
 * and the state the simulation shows — a shipped scenario (public/scenarios/*.json) by name,
 * with at most a few parameters changed. The numbers stay in the scenario files and in the
 * parameter table; a scene names only what it changes and why.
 *
 * A scene may carry a contrast: the same patient with one thing changed, shown beside it in
 * split screen (the responder on the left, the refractory case on the right).
 *
 * Pure: no DOM. The app builds the deck from the scenario library it bundles; a scene whose
 * scenario is missing is left out and named.
 */
import { defaultParams, type ParamKey, type Params, withParams } from '../../model/params.ts';
import type { Scenario } from '../../model/scenario.ts';
import { type PresetIntent, presetIntent } from '../../state/presets.ts';

/** What a scene or its contrast changes from a scenario: values set, and keys put back to their defaults. */
export interface ParamChange {
  set?: Readonly<Partial<Record<ParamKey, unknown>>>;
  reset?: readonly ParamKey[];
}

export type SplitSide = 'left' | 'right';

/**
 * What one side of a scene shows, in the terms a test measures it in
 * (tests/science/lecture-claims.test.ts runs every scene and contrast and checks it):
 *
 * - `no-seizures`: no seizure-like event;
 * - `seizures`: at least one event;
 * - `recurring-seizures`: two or more events, each but the last ending by itself;
 * - `fewer-seizures`: at most half the seizure burden of the other side;
 * - `as-many-seizures`: at least one event, and at least nine tenths of the other side's burden
 *   (a change that does not reduce the seizures);
 * - `inhibition-silenced`: interneurons at half the other side's rate or less, pyramidal cells at
 *   1.5× or more.
 */
export type Shown =
  | 'no-seizures'
  | 'seizures'
  | 'recurring-seizures'
  | 'fewer-seizures'
  | 'as-many-seizures'
  | 'inhibition-silenced';

export interface Contrast extends ParamChange {
  /** Where the contrast sits: responders on the left, refractory cases on the right. */
  side: SplitSide;
  /** What each side shows, in a few words (the drug's brain level is added live). */
  caption: string;
  sceneCaption: string;
  /** What the contrast shows (its caption says it). */
  shows: Shown;
}

export interface SceneSpec extends ParamChange {
  id: string;
  title: string;
  sentences: readonly string[];
  /** The scenario file's name (public/scenarios/NAME.json). */
  scenario: string;
  /** What the scene's own state shows (its sentences, and its caption in split screen, say it). */
  shows: Shown;
  contrast?: Contrast;
}

export const LECTURE_SCENES: readonly SceneSpec[] = [
  {
    id: 'healthy',
    title: 'A healthy patch of cortex',
    sentences: [
      'Four thousand neurons fire sparsely and irregularly, each on its own schedule.',
      'Large dots are excitatory pyramidal cells, small teal dots inhibitory interneurons; a cell turns amber as it fires faster.',
    ],
    scenario: 'healthy',
    shows: 'no-seizures',
  },
  {
    id: 'ei-imbalance',
    title: 'Too little inhibition',
    sentences: [
      'Weaken GABA_A inhibition to 60 % and the patch tips into seizures: a fast synchronous discharge that slows, stops by itself, falls silent, and comes back.',
      'A seizure is a network that has lost its balance between excitation and inhibition.',
    ],
    scenario: 'ei-imbalance',
    shows: 'recurring-seizures',
  },
  {
    id: 'nap-gain',
    title: 'A leaky sodium channel',
    sentences: [
      'Raise the persistent sodium current of every cell, change nothing else, and the patch seizes.',
      'This is the target of the sodium-channel blockers: phenytoin, carbamazepine, lamotrigine.',
    ],
    scenario: 'nap-gain',
    shows: 'seizures',
  },
  {
    id: 'drug-works',
    title: 'A drug that works',
    sentences: [
      'A patch whose glia clear potassium poorly, as in a scarred hippocampus, seizes. Phenytoin at a therapeutic dose reaches the brain and the seizures stop.',
      // 47 % seizure-free on the first drug (Kwan & Brodie 2000; docs/model.md §6).
      'About half of people with epilepsy become seizure-free on their first drug.',
    ],
    scenario: 'transporter',
    reset: ['pgp'],
    shows: 'no-seizures',
    contrast: {
      side: 'right',
      set: { pgp: 2 },
      shows: 'seizures',
      caption: 'P-gp ×2: the pump sends phenytoin back into the blood',
      sceneCaption: 'P-gp normal: phenytoin reaches the brain',
    },
  },
  {
    id: 'transporter',
    title: 'The pump that makes it fail',
    sentences: [
      'Same patient, same dose — but twice as much P-glycoprotein in the blood–brain barrier.',
      'A quarter less phenytoin reaches the brain, and the seizures come back.',
    ],
    scenario: 'transporter',
    shows: 'seizures',
    contrast: {
      side: 'left',
      reset: ['pgp'],
      shows: 'no-seizures',
      caption: 'P-gp normal: phenytoin reaches the brain',
      sceneCaption: 'P-gp ×2: the pump sends phenytoin back into the blood',
    },
  },
  {
    id: 'dravet-lamotrigine',
    title: 'Dravet syndrome: when a drug makes it worse',
    sentences: [
      'With half their Nav1.1 channels, the interneurons are already short of sodium current.',
      'Lamotrigine blocks sodium channels: it silences the interneurons, and the patch seizes.',
    ],
    scenario: 'dravet-lamotrigine',
    shows: 'inhibition-silenced',
    contrast: {
      side: 'left',
      reset: ['scn1a'],
      shows: 'no-seizures',
      caption: 'Full Nav1.1: lamotrigine is harmless here',
      sceneCaption: 'Half the Nav1.1 (Dravet): lamotrigine silences inhibition',
    },
  },
  {
    id: 'neonatal',
    title: 'The newborn brain: GABA excites',
    sentences: [
      "A newborn's neurons keep chloride high, so opening GABA_A channels depolarises them.",
      'Diazepam strengthens GABA_A — and the seizures go on.',
    ],
    scenario: 'neonatal',
    shows: 'seizures',
    contrast: {
      side: 'left',
      reset: ['clEqMm'],
      shows: 'no-seizures',
      caption: 'Adult chloride: diazepam stops the seizures',
      sceneCaption: 'Newborn chloride: diazepam changes nothing',
    },
  },
  {
    id: 'lesion-surgery',
    title: 'A lesion, and why surgery works',
    sentences: [
      'On carbamazepine, seizures start in a small focal dysplasia, spread over a patch that clears K⁺ poorly, and come back.',
      'Remove the lesion and the same drug holds the patch.',
    ],
    scenario: 'focal-dysplasia',
    shows: 'recurring-seizures',
    contrast: {
      side: 'left',
      set: { resected: true },
      shows: 'no-seizures',
      caption: 'Lesion resected: no seizures',
      sceneCaption: 'Lesion in place: seizures',
    },
  },
  {
    id: 'rns',
    title: 'Responsive neurostimulation',
    sentences: [
      'An implanted device watches the lesion; when it starts to burst, a short train of pulses silences it.',
      'Here it fires about once a second and the seizures still come: brief silencing of the focus is all this model has, while the clinical benefit grows over years.',
    ],
    scenario: 'rns',
    shows: 'as-many-seizures',
    contrast: {
      side: 'right',
      reset: ['rns'],
      shows: 'recurring-seizures',
      caption: 'Carbamazepine alone: seizures recur',
      sceneCaption: 'With responsive stimulation: as many seizures',
    },
  },
];

/** A scene with its state resolved from the scenario library. */
export interface Scene {
  spec: SceneSpec;
  /** What the simulation runs for the scene. */
  state: PresetIntent;
}

export interface Deck {
  scenes: readonly Scene[];
  /** One line per scene left out (its scenario missing, or a change the table refuses). */
  problems: readonly string[];
}

/** Parameters with a change applied (ParamError for a value the table refuses). */
export function applyChange(params: Params, change: ParamChange): Params {
  const defaults = defaultParams();
  const overrides: Record<string, unknown> = { ...change.set };
  for (const key of change.reset ?? []) overrides[key] = defaults[key];
  return withParams(params, overrides);
}

/** The contrast of a scene for the state shown now: the same patient, one thing changed. */
export function contrastState(state: PresetIntent, contrast: Contrast): PresetIntent {
  return { params: applyChange(state.params, contrast), treatment: state.treatment };
}

export function buildDeck(scenarios: readonly Scenario[], specs: readonly SceneSpec[] = LECTURE_SCENES): Deck {
  const scenes: Scene[] = [];
  const problems: string[] = [];
  for (const spec of specs) {
    const scenario = scenarios.find((s) => s.name === spec.scenario);
    if (!scenario) {
      problems.push(`the lecture scene “${spec.title}” was left out: its scenario “${spec.scenario}” did not load`);
      continue;
    }
    try {
      const base = presetIntent(scenario);
      const state = { params: applyChange(base.params, spec), treatment: base.treatment };
      if (spec.contrast) contrastState(state, spec.contrast);
      scenes.push({ spec, state });
    } catch (error) {
      problems.push(`the lecture scene “${spec.title}” was left out: ${(error as Error).message}`);
    }
  }
  return { scenes, problems };
}
