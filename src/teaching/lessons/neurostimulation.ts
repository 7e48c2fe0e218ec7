/**
 * Lesson: alternatives to drugs, responsive neurostimulation (public/scenarios/rns.json, whose
 * parameters and regimen it reuses). A patient with a focal dysplasia (gaba 0.8, the lesion's cells
 * binding carbamazepine at 35 %) on carbamazepine, with and
 * without a stimulator that silences the lesion when it starts to burst (48 × 48, seed 1, 60 s:
 * burden 0.89 → 0, but 14.5 → 15.4 Hz: the device keeps the sheet under the detector's onset, and
 * the "seizure" it prevents is the lesion's steady state on the drug, docs/notes/real-seizures.md
 * §19; tests/science/behaviour-rns.test.ts has seeds 1–3). Not the lesion lesson's patient: on
 * that one's poorly buffered patch the device does not prevent the seizures (§21).
 */
import type { Lesson } from '../lesson.ts';
import { describeSheet, percent, seizes, sheetOutcome } from '../measures.ts';

const SHEET = { gaba: 0.8, lesion: { xMm: 1, yMm: 1, radiusMm: 0.5 }, lesionBlockerBinding: 0.35 };
const TREATMENT = { drugs: ['carbamazepine=400/12'], atHours: 72 };
const DURATION_S = 60;

export const neurostimulationLesson: Lesson = {
  id: 'neurostimulation',
  title: 'Stimulating the focus when a seizure starts',
  text: [
    'Surgery is not always possible: the seizure focus may sit in cortex needed for speech or movement, or there may be two foci. One alternative is responsive neurostimulation. A small device under the scalp records from electrodes placed at the focus; when it recognises the pattern that starts a seizure, it sends a brief burst of electrical pulses there.',
    'Here a patient with a focal dysplasia, on carbamazepine, gets such a device. In the model, each burst briefly resets the lesion’s cells to rest.',
  ],
  sources: [
    'Morrell 2011: in a randomised trial, responsive stimulation reduced seizures more than sham stimulation',
    'Nair 2020: over nine years, seizures fell by about three quarters on average; few people became seizure-free',
    'Sun & Morrell 2014: how the device detects onsets and stimulates',
  ],
  question:
    'The stimulator watches the lesion and stimulates it whenever it starts to burst. What happens to the seizures?',
  choices: [
    {
      id: 'fewer',
      text: 'Far fewer: at least halved.',
      meaning:
        'Caught at their start, in the place they start, the seizures rarely got the chance to spread. The device does not cure the lesion; it interrupts it, again and again.',
    },
    {
      id: 'some',
      text: 'A few fewer, not many.',
      meaning: 'The stimulator helped a little, not much.',
    },
    {
      id: 'none',
      text: 'No change: the drug has already done what can be done.',
      meaning: 'The stimulator did not change the seizures.',
    },
  ],
  runs: [
    {
      kind: 'sheet',
      id: 'off',
      label: 'Carbamazepine alone',
      params: SHEET,
      treatment: TREATMENT,
      durationS: DURATION_S,
    },
    {
      kind: 'sheet',
      id: 'on',
      label: 'Carbamazepine and the stimulator',
      params: { ...SHEET, rns: true },
      treatment: TREATMENT,
      durationS: DURATION_S,
    },
  ],
  liveRunId: 'on',
  check(outcomes) {
    const off = sheetOutcome(outcomes, 'off');
    const on = sheetOutcome(outcomes, 'on');
    const drop = off.seizureBurden - on.seizureBurden;
    const choiceId =
      !seizes(off) || drop < 0.1 * off.seizureBurden
        ? 'none'
        : on.seizureBurden <= 0.5 * off.seizureBurden
          ? 'fewer'
          : 'some';
    return {
      choiceId,
      evidence: [
        describeSheet(off),
        describeSheet(on),
        `The stimulator fired ${on.rnsBursts} bursts of pulses in ${Math.round(on.durationS)} s; the seizure burden went from ${percent(off.seizureBurden)} to ${percent(on.seizureBurden)}.`,
      ],
    };
  },
};
