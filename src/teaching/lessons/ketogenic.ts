/**
 * Lesson: alternatives to drugs, the ketogenic diet (public/scenarios/ketogenic.json). Its
 * modest shift (release × 0.85, GABA_A × 1.1; src/model/modifiers/ketogenic.ts) stops a sheet just over the
 * edge (gaba 0.65, the scenario's) and not a severe one (gaba 0.5). 48 × 48, seed 1: the sheet
 * off the diet has its first event at 5.7 s (42 Hz); on the diet none in 120 s (10.7 Hz;
 * docs/notes/real-seizures.md §11); tests/science/behaviour-ketogenic.test.ts for the severe sheet.
 */
import type { Lesson } from '../lesson.ts';
import { describeSheet, seizes, sheetOutcome } from '../measures.ts';

const DURATION_S = 20;

export const ketogenicLesson: Lesson = {
  id: 'ketogenic',
  title: 'A diet that changes excitability',
  text: [
    'The ketogenic diet is very high in fat and very low in carbohydrate, so the body burns fat and makes ketone bodies. It has been used against epilepsy for a century, mostly in children whose seizures resist drugs, and it should only be tried with a medical team and a dietitian.',
    'How it works is not fully known. Two of the proposed effects are modest: ketones lower how much glutamate neurons load for release, and the diet raises GABA. The model gives it just those two, and tries them on two sheets: one just over the edge into seizures, one far over it.',
  ],
  sources: [
    'Neal 2008: in a randomised trial in children with drug-resistant epilepsy, the diet cut seizures by a third or more in many',
    'Juge 2010: ketones reduce glutamate loading into synaptic vesicles',
    'Yudkoff 2007: the diet raises brain GABA',
  ],
  question:
    'The diet slightly lowers glutamate release and raises GABA. What does it do for a sheet just over the edge into seizures?',
  choices: [
    {
      id: 'stops',
      text: 'It stops the seizures.',
      meaning:
        'A small shift was enough because this sheet sat near its threshold. On the severe sheet the same diet was not enough: a diet, like a drug, moves the balance by a certain amount, and whether that is enough depends on how far the patient is from the edge.',
    },
    {
      id: 'fewer',
      text: 'Fewer seizures, not none.',
      meaning: 'The diet reduced the seizures without stopping them.',
    },
    {
      id: 'nothing',
      text: 'Nothing: the change is too small.',
      meaning: 'The diet made no clear difference to this sheet.',
    },
  ],
  runs: [
    { kind: 'sheet', id: 'off', label: 'Near the edge, usual diet', params: { gaba: 0.65 }, durationS: DURATION_S },
    {
      kind: 'sheet',
      id: 'on',
      label: 'Near the edge, ketogenic diet',
      params: { gaba: 0.65, ketogenic: true },
      durationS: DURATION_S,
    },
    {
      kind: 'sheet',
      id: 'severe',
      label: 'Far over the edge, ketogenic diet',
      params: { gaba: 0.5, ketogenic: true },
      durationS: DURATION_S,
    },
  ],
  liveRunId: 'on',
  check(outcomes) {
    const off = sheetOutcome(outcomes, 'off');
    const on = sheetOutcome(outcomes, 'on');
    const severe = sheetOutcome(outcomes, 'severe');
    const choiceId = !seizes(off)
      ? 'nothing'
      : !seizes(on)
        ? 'stops'
        : on.seizureBurden <= 0.5 * off.seizureBurden
          ? 'fewer'
          : 'nothing';
    return { choiceId, evidence: [describeSheet(off), describeSheet(on), describeSheet(severe)] };
  },
};
