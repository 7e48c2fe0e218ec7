/**
 * Lesson: the persistent sodium current (docs/model.md §7 behaviour 3; public/scenarios/nap-gain).
 * Four times the persistent sodium conductance, synapses untouched, makes the sheet seize by
 * itself: at 48 × 48, seed 1, burden 0.54 over 20 s (onset 9.2 s); 25 s leaves room for seeds
 * whose onset comes a little later.
 */
import type { Lesson } from '../lesson.ts';
import { describeSheet, seizes, sheetOutcome } from '../measures.ts';

export const persistentSodiumLesson: Lesson = {
  id: 'persistent-sodium',
  title: 'A small sodium leak with a large effect',
  text: [
    'A nerve cell fires when sodium channels open all at once. A few sodium channels behave differently: they stay open a little, even below the firing threshold. This "persistent" sodium current is only about 1 % of the sodium current of a spike, but it pushes the cell towards threshold and keeps it there.',
    'Some genetic epilepsies and some brain injuries make this current larger, and several anti-seizure drugs (phenytoin among them) reduce it. Here every cell gets four times more of it, while the synapses between cells stay exactly as they were.',
  ],
  sources: [
    'Stafstrom 2007: the persistent sodium current activates below threshold and is about 1 % of the transient current',
    'Golomb, Yue & Yaari 2006: persistent sodium makes pyramidal cells burst',
    'Chao & Alzheimer 1995: phenytoin blocks the persistent sodium current',
  ],
  question:
    'Every cell gets four times more persistent sodium current; the synapses do not change. What will the sheet do?',
  choices: [
    {
      id: 'little',
      text: 'Not much: the current is tiny compared with a spike.',
      meaning: 'The extra current made the cells a little more excitable, but the network stayed out of seizures.',
    },
    {
      id: 'seizures',
      text: 'It starts seizing by itself.',
      meaning:
        'Each cell needed less input to fire, and in a connected network that is enough: firing spread and synchronised into seizure-like events, with no change to any synapse.',
    },
    {
      id: 'silent',
      text: 'It fires less: the cells wear out.',
      meaning: 'The sheet fired much less than before.',
    },
  ],
  runs: [
    { kind: 'sheet', id: 'normal', label: 'Normal persistent sodium', params: {}, durationS: 25 },
    { kind: 'sheet', id: 'more', label: 'Four times the persistent sodium', params: { gNapRatio: 0.8 }, durationS: 25 },
  ],
  liveRunId: 'more',
  check(outcomes) {
    const normal = sheetOutcome(outcomes, 'normal');
    const more = sheetOutcome(outcomes, 'more');
    const choiceId = seizes(more) ? 'seizures' : more.rateHz.exc < 0.5 * normal.rateHz.exc ? 'silent' : 'little';
    return { choiceId, evidence: [describeSheet(normal), describeSheet(more)] };
  },
};
