/**
 * Lesson: the persistent sodium current (docs/model.md §7 behaviour 3; public/scenarios/nap-gain).
 * gNaP at 0.37 of the leak (the default 0.2; the sheet's threshold lies between 0.33 and 0.35),
 * synapses untouched, makes the sheet seize by itself. At 48 × 48, seed 1, the first event runs
 * 4.0–25.1 s at 55.1 Hz with χ 0.52 and ends by itself (the next begins at 73 s); 30 s shows it
 * whole. Why 0.37 and not more: above ~0.4 the cells, each driven by its own current, fire apart
 * for longer before they lock together, and at 0.8 the event is an asynchronous pacemaker state
 * (χ 0.11–0.29), not the synchronous discharge this lesson describes (docs/notes/real-seizures.md
 * §40). The check reads the synchrony, so a run that only fired faster would not pass as a seizure.
 */
import type { Lesson } from '../lesson.ts';
import { describeEvent, describeSheet, SYNCHRONOUS_CHI, seizes, sheetOutcome } from '../measures.ts';

export const persistentSodiumLesson: Lesson = {
  id: 'persistent-sodium',
  title: 'A small sodium leak with a large effect',
  text: [
    'A nerve cell fires when sodium channels open all at once. A few sodium channels behave differently: they stay open a little, even below the firing threshold. This "persistent" sodium current is only about 1 % of the sodium current of a spike, but it pushes the cell towards threshold and keeps it there.',
    'Some genetic epilepsies and some brain injuries make this current larger, and several anti-seizure drugs (phenytoin among them) reduce it. Here every cell gets a little under twice as much of it, while the synapses between cells stay exactly as they were.',
  ],
  sources: [
    'Stafstrom 2007: the persistent sodium current activates below threshold and is about 1 % of the transient current',
    'Golomb, Yue & Yaari 2006: persistent sodium makes pyramidal cells burst',
    'Chao & Alzheimer 1995: phenytoin blocks the persistent sodium current',
  ],
  question:
    'Every cell gets a little under twice as much persistent sodium current; the synapses do not change. What will the sheet do?',
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
      id: 'apart',
      text: 'Every cell fires much faster, but each on its own.',
      meaning:
        'The cells fired far faster than normal, but out of step: each was driven by its own current, and the network never locked into synchronised discharges.',
    },
    {
      id: 'silent',
      text: 'It fires less: the cells wear out.',
      meaning: 'The sheet fired much less than before.',
    },
  ],
  runs: [
    { kind: 'sheet', id: 'normal', label: 'Normal persistent sodium', params: {}, durationS: 30 },
    {
      kind: 'sheet',
      id: 'more',
      label: 'Nearly twice the persistent sodium',
      params: { gNapRatio: 0.37 },
      durationS: 30,
    },
  ],
  liveRunId: 'more',
  check(outcomes) {
    const normal = sheetOutcome(outcomes, 'normal');
    const more = sheetOutcome(outcomes, 'more');
    const event = more.seizures[0] ?? null;
    const synchronous = event !== null && (event.chiDuring ?? 0) >= SYNCHRONOUS_CHI;
    const choiceId = seizes(more)
      ? synchronous
        ? 'seizures'
        : 'apart'
      : more.rateHz.exc < 0.5 * normal.rateHz.exc
        ? 'silent'
        : 'little';
    const evidence = [describeSheet(normal), describeSheet(more)];
    if (event) evidence.push(describeEvent(event, 'Its first event'));
    return { choiceId, evidence };
  },
};
