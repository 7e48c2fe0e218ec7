/**
 * Lesson: a structural lesion, and why surgery works where drugs fail (docs/model.md §7 behaviour 10;
 * public/scenarios/focal-dysplasia.json, whose parameters and regimen it reuses). A 0.5-mm
 * dysplasia in a slightly disinhibited sheet (gaba 0.8, which has no event on its own) on
 * carbamazepine 400 mg every 12 h (72 h in): the lesion takes the sheet from its first seconds
 * and the drug does not release it (48 × 48, seed 1, 120 s: one event from 7.4 s that lasts to
 * the end, 13.5 Hz); with the lesion resected, none.
 */

import type { Lesson } from '../lesson.ts';
import { describeDrug, describeSheet, fixed, seizes, sheetOutcome } from '../measures.ts';

const FOCUS = { xMm: 1, yMm: 1, radiusMm: 0.5 };
const SHEET = { gaba: 0.8, lesion: FOCUS };
const TREATMENT = { drugs: ['carbamazepine=400/12'], atHours: 72 };
const DURATION_S = 60;

export const lesionSurgeryLesson: Lesson = {
  id: 'lesion-surgery',
  title: 'A focal lesion: why surgery works where drugs fail',
  text: [
    'Some epilepsies start from a visible spot: a small malformation of the cortex (a focal cortical dysplasia), a scar, a tumour. Inside it the cells and their connections are abnormal, with more excitation and less inhibition, and seizures begin there and spread.',
    'Drugs act on every neuron in the brain at once. To quiet an abnormal spot enough, a drug would need doses that the rest of the brain cannot tolerate. Surgery takes a different route: it removes the spot. Here a patient with a dysplasia takes carbamazepine at a normal blood level, and then the lesion is removed.',
  ],
  sources: [
    'Kwan & Brodie 2000: about a third of people with epilepsy keep having seizures on drugs, more often with a structural cause',
    'Wiebe 2001: in a randomised trial, surgery made far more people with temporal-lobe epilepsy seizure-free than drugs did',
    'Cepeda 2006: dysplastic cortex has abnormal, hyperexcitable neurons',
  ],
  question: 'A patient with a focal dysplasia takes carbamazepine at a normal level. Which will stop the seizures?',
  choices: [
    {
      id: 'drug',
      text: 'The drug alone is enough.',
      meaning: 'Carbamazepine controlled the seizures, even with the lesion in place.',
    },
    {
      id: 'surgery',
      text: 'Only removing the lesion.',
      meaning:
        'The seizures started in the lesion and went on with the drug at a normal level; with the lesion removed the rest of the sheet, which was never the problem, stayed calm. This is why people with a focal, drug-resistant epilepsy are assessed for surgery.',
    },
    {
      id: 'both',
      text: 'Either one.',
      meaning: 'The drug and the surgery each kept the sheet out of seizures.',
    },
    {
      id: 'neither',
      text: 'Neither.',
      meaning: 'Even without the lesion the sheet kept seizing: its seizures did not depend on the lesion alone.',
    },
  ],
  runs: [
    {
      kind: 'sheet',
      id: 'drug',
      label: 'Dysplasia, carbamazepine',
      params: SHEET,
      treatment: TREATMENT,
      durationS: DURATION_S,
    },
    {
      kind: 'sheet',
      id: 'resected',
      label: 'Dysplasia removed, carbamazepine',
      params: { ...SHEET, resected: true },
      treatment: TREATMENT,
      durationS: DURATION_S,
    },
  ],
  liveRunId: 'drug',
  check(outcomes) {
    const drug = sheetOutcome(outcomes, 'drug');
    const resected = sheetOutcome(outcomes, 'resected');
    const drugWorks = !seizes(drug);
    const surgeryWorks = !seizes(resected);
    const choiceId = drugWorks ? (surgeryWorks ? 'both' : 'drug') : surgeryWorks ? 'surgery' : 'neither';
    // Where an event began is where the sheet's patches first reached the ictal level (its
    // recruitment, src/model/detect/recruitment.ts), not where they fired most.
    const inside = drug.seizures.filter((e) => e.onsetInLesion === true).length;
    return {
      choiceId,
      evidence: [
        describeDrug(drug, 'carbamazepine'),
        describeSheet(drug),
        drug.seizures.length === 0
          ? 'With the lesion in place there was no seizure to locate.'
          : `${inside} of ${drug.seizures.length} seizure-like events began inside the lesion (radius ${fixed(FOCUS.radiusMm, 1)} mm), judged by where the sheet first reached seizure-level firing.`,
        describeSheet(resected),
      ],
    };
  },
};
