/**
 * Lesson: genetics, Dravet syndrome (docs/model.md §7 behaviour 7; public/scenarios/dravet-lamotrigine).
 * With interneurons' Nav1.1 halved (scn1a 0.5) and GABA_A slightly low (0.9), the sheet is calm
 * over 20 s; lamotrigine 200 mg every 12 h (72 h in) silences the interneurons that were already
 * short of sodium current and the sheet seizes (48 × 48, seed 1: burden 0 → 0.95, interneurons
 * 19.8 → 0.2 Hz).
 */
import type { Lesson } from '../lesson.ts';
import { describeDrug, describeSheet, fixed, SEIZING_BURDEN, sheetOutcome } from '../measures.ts';

const SHEET = { scn1a: 0.5, gaba: 0.9 };
const DURATION_S = 20;

export const dravetLesson: Lesson = {
  id: 'dravet',
  title: 'Dravet syndrome: when a sodium blocker makes things worse',
  text: [
    'Dravet syndrome is a severe epilepsy that begins in infancy. In most children with it, one copy of the gene SCN1A does not work. SCN1A makes Nav1.1, a sodium channel that inhibitory interneurons rely on far more than excitatory cells do. With half of it, the interneurons tire quickly and cannot keep up their braking.',
    'Many anti-seizure drugs block sodium channels, calming cells that fire too much. Here the sheet has interneurons with half their Nav1.1 and is treated with lamotrigine, a sodium-channel blocker at a normal dose.',
  ],
  sources: [
    'Yu 2006: losing Nav1.1 weakens interneurons and causes seizures in a Dravet mouse',
    'Ogiwara 2007: Nav1.1 sits mainly in fast-spiking inhibitory interneurons',
    'Guerrini 1998: lamotrigine worsened seizures in about 80 % of children with Dravet syndrome',
  ],
  question:
    'The sheet’s interneurons have half their Nav1.1 sodium channels. What does lamotrigine, a sodium-channel blocker, do?',
  choices: [
    {
      id: 'better',
      text: 'Fewer seizures: it calms overactive cells.',
      meaning: 'The blocker calmed the sheet, as it does in many other epilepsies.',
    },
    {
      id: 'same',
      text: 'No real change.',
      meaning: 'The sheet behaved about the same with and without the drug.',
    },
    {
      id: 'worse',
      text: 'More seizures.',
      meaning:
        'The blocker took sodium current from the cells that were already short of it. The interneurons fell silent, nothing held the excitatory cells back, and the sheet seized. That is why sodium-channel blockers are avoided in Dravet syndrome: the gene tells which drug not to give.',
    },
  ],
  runs: [
    { kind: 'sheet', id: 'untreated', label: 'Half Nav1.1, untreated', params: SHEET, durationS: DURATION_S },
    {
      kind: 'sheet',
      id: 'lamotrigine',
      label: 'Half Nav1.1, lamotrigine',
      params: SHEET,
      treatment: { drugs: ['lamotrigine=200/12'], atHours: 72 },
      durationS: DURATION_S,
    },
  ],
  liveRunId: 'lamotrigine',
  check(outcomes) {
    const untreated = sheetOutcome(outcomes, 'untreated');
    const treated = sheetOutcome(outcomes, 'lamotrigine');
    const change = treated.seizureBurden - untreated.seizureBurden;
    const choiceId = change >= SEIZING_BURDEN ? 'worse' : change <= -SEIZING_BURDEN ? 'better' : 'same';
    return {
      choiceId,
      evidence: [
        describeSheet(untreated),
        describeDrug(treated, 'lamotrigine'),
        describeSheet(treated),
        `Interneurons fired at ${fixed(untreated.rateHz.inh, 1)} Hz untreated and ${fixed(treated.rateHz.inh, 1)} Hz with lamotrigine.`,
      ],
    };
  },
};
