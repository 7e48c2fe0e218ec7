/**
 * Lesson: a structural lesion, and why surgery works where drugs fail (docs/model.md §7 behaviour 10;
 * public/scenarios/focal-dysplasia.json, whose parameters and regimen it reuses). A 0.5-mm
 * dysplasia in a patch whose glia clear K⁺ poorly (kClearance 0.6), on carbamazepine 400 mg every
 * 12 h (72 h in). On the drug the lesion still ignites the patch about once a minute: each time its
 * firing pushes K⁺ up around it, the poorly buffered patch runs away into a full seizure that the
 * blocker cannot stop (48 × 48, seeds 1–5, 120 s: two events, 32–38 Hz, ended by themselves, each
 * starting in the lesion); with the lesion resected the same drug holds the patch (6.9–7.3 Hz, no
 * event), at under a quarter of the seizures' rate. The lesion's cells bind the drug normally here;
 * binding at 35 % (the target hypothesis) makes no difference to the outcome
 * (docs/notes/real-seizures.md §21), so the lesson does not lean on that hypothesis.
 */

import type { Lesson } from '../lesson.ts';
import { describeDrug, describeSheet, fixed, seizes, sheetOutcome } from '../measures.ts';

const FOCUS = { xMm: 1, yMm: 1, radiusMm: 0.5 };
const SHEET = { kClearance: 0.6, lesion: FOCUS };
const TREATMENT = { drugs: ['carbamazepine=400/12'], atHours: 72 };
const DURATION_S = 120;

export const lesionSurgeryLesson: Lesson = {
  id: 'lesion-surgery',
  title: 'A focal lesion: why surgery works where drugs fail',
  text: [
    'Some epilepsies start from a visible spot: a small malformation of the cortex (a focal cortical dysplasia), a scar, a tumour. Inside it the cells and their connections are abnormal, with more excitation and less inhibition, and seizures begin there and spread. Recorded directly on the brain during surgery, a dysplasia often shows discharges that hardly ever stop, confined to the malformed cortex; leaving part of that tissue behind predicts that the seizures go on.',
    'Drugs act on every neuron in the brain at once, and they can hold ordinary cortex. But the lesion fires, again and again, and the cortex around it may not clear the potassium that firing releases: in this patient the support cells (astrocytes) of the whole patch take up K⁺ less well than they should. Each time the lesion pushes K⁺ up, the patch around it can run away into a seizure that the drug cannot stop. Surgery takes a different route: it removes the spot. Here the patient takes carbamazepine at a normal blood level, and then the lesion is removed.',
  ],
  sources: [
    'Kwan & Brodie 2000: about a third of people with epilepsy keep having seizures on drugs, more often with a structural cause',
    'Wiebe 2001: in a randomised trial, surgery made far more people with temporal-lobe epilepsy seizure-free than drugs did',
    'Cepeda 2006: dysplastic cortex has abnormal, hyperexcitable neurons',
    'Jansen 2005: astrocytes of tubers and dysplasia take up K⁺ poorly',
    'Palmini 1995: continuous or repetitive discharges recorded on the dysplasia itself in two-thirds of people with drug-resistant epilepsy and a cortical dysplasia; removing all of that tissue predicted a good outcome',
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
        'The seizures started in the lesion and kept coming back with the drug at a normal level; with the lesion removed, the same drug held the rest of the patch. This is why people with a focal, drug-resistant epilepsy are assessed for surgery.',
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
        `The patch’s glia clear K⁺ at ${fixed(SHEET.kClearance, 1)}× the normal rate (kClearance), with or without the lesion.`,
        describeSheet(drug),
        drug.seizures.length === 0
          ? 'With the lesion in place there was no seizure to locate.'
          : `${inside} of ${drug.seizures.length} seizure-like events began inside the lesion (radius ${fixed(FOCUS.radiusMm, 1)} mm), judged by where the sheet first reached seizure-level firing.`,
        describeSheet(resected),
      ],
    };
  },
};
