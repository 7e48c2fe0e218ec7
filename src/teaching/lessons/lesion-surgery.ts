/**
 * Lesson: a structural lesion, and why surgery works where drugs fail (docs/model.md §7 behaviour 10;
 * public/scenarios/focal-dysplasia.json, whose parameters and regimen it reuses). A 0.5-mm
 * dysplasia in a slightly disinhibited sheet (gaba 0.8, which has no event on its own) on
 * carbamazepine 400 mg every 12 h (72 h in), with the lesion's pyramidal cells binding it at 35 %
 * of the normal strength (lesionBlockerBinding 0.35, the target hypothesis in part:
 * docs/notes/real-seizures.md §17; at full strength carbamazepine holds this lesion): the lesion
 * takes the sheet from its first seconds and the drug does not release it (48 × 48, seed 1, 60 s:
 * one event from 6.6 s that lasts to the end, 14.5 Hz); with the lesion resected, none.
 */

import type { Lesson } from '../lesson.ts';
import { describeDrug, describeSheet, fixed, percent, seizes, sheetOutcome } from '../measures.ts';

const FOCUS = { xMm: 1, yMm: 1, radiusMm: 0.5 };
const SHEET = { gaba: 0.8, lesion: FOCUS, lesionBlockerBinding: 0.35 };
const TREATMENT = { drugs: ['carbamazepine=400/12'], atHours: 72 };
const DURATION_S = 60;

export const lesionSurgeryLesson: Lesson = {
  id: 'lesion-surgery',
  title: 'A focal lesion: why surgery works where drugs fail',
  text: [
    'Some epilepsies start from a visible spot: a small malformation of the cortex (a focal cortical dysplasia), a scar, a tumour. Inside it the cells and their connections are abnormal, with more excitation and less inhibition, and seizures begin there and spread.',
    'Drugs act on every neuron in the brain at once, and the abnormal spot may not answer them as healthy cortex does: in tissue removed from people whose seizures carbamazepine did not control, the sodium channels it targets had changed so that the drug lost much of its effect on them. In this patient the lesion’s cells bind carbamazepine about a third as strongly as healthy cells. Surgery takes a different route: it removes the spot. Here the patient takes carbamazepine at a normal blood level, and then the lesion is removed.',
  ],
  sources: [
    'Kwan & Brodie 2000: about a third of people with epilepsy keep having seizures on drugs, more often with a structural cause',
    'Wiebe 2001: in a randomised trial, surgery made far more people with temporal-lobe epilepsy seizure-free than drugs did',
    'Cepeda 2006: dysplastic cortex has abnormal, hyperexcitable neurons',
    'Remy 2003: in tissue from carbamazepine-resistant patients the drug no longer acted on the Na⁺ channels (contested: Jandová 2006)',
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
        `The lesion’s pyramidal cells bind the drug at ${percent(SHEET.lesionBlockerBinding)} of the normal strength (lesionBlockerBinding ${fixed(SHEET.lesionBlockerBinding, 2)}).`,
        describeSheet(drug),
        drug.seizures.length === 0
          ? 'With the lesion in place there was no seizure to locate.'
          : `${inside} of ${drug.seizures.length} seizure-like events began inside the lesion (radius ${fixed(FOCUS.radiusMm, 1)} mm), judged by where the sheet first reached seizure-level firing.`,
        describeSheet(resected),
      ],
    };
  },
};
