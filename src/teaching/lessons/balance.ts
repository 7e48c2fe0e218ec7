/**
 * Lesson: the excitation–inhibition balance (docs/model.md §7 behaviour 2; public/scenarios/ei-imbalance).
 * Weakening GABA_A to 60 % of its strength tips the sheet from asynchronous firing into
 * synchronised seizure-like events (public/scenarios/ei-imbalance): at 48 × 48, seed 1, the first
 * event from 3.7 s (docs/notes/real-seizures.md §8).
 */
import type { Lesson } from '../lesson.ts';
import { describeSheet, seizes, sheetOutcome } from '../measures.ts';

export const balanceLesson: Lesson = {
  id: 'balance',
  title: 'Excitation and inhibition in balance',
  text: [
    'Most neurons in the cortex are excitatory: when they fire, they push their neighbours to fire too. About one in five are inhibitory interneurons, which release GABA and hold the others back. In a healthy brain the two stay in balance, and cells fire irregularly and out of step with each other.',
    'Seizures are, in part, a failure of that balance. Here you weaken inhibition, as happens when GABA_A receptors are lost or work less well, and watch what the same patch of cortex does.',
  ],
  sources: [
    'Dichter & Ayala 1987: seizures arise when excitation outweighs inhibition in cortical networks',
    'Golomb 2007: the synchrony measure χ used to tell synchronised from asynchronous firing',
    'Tsodyks & Markram 1997: synaptic depression, which limits each burst',
  ],
  question:
    'GABA_A receptors carry most of the inhibition. If they work at 60 % of their strength and nothing else changes, what will the sheet do?',
  choices: [
    {
      id: 'little',
      text: 'Not much: cells fire a little more, still out of step.',
      meaning: 'The network absorbed the loss of inhibition: it fired somewhat more but stayed asynchronous.',
    },
    {
      id: 'seizures',
      text: 'Synchronised, seizure-like bursts take over.',
      meaning:
        'Without enough inhibition, excitation feeds on itself: many cells fire together in bursts, and the detector calls it a seizure-like event. A modest change in one kind of synapse was enough.',
    },
    {
      id: 'silent',
      text: 'The sheet falls quiet.',
      meaning: 'The sheet fired much less than before.',
    },
  ],
  runs: [
    { kind: 'sheet', id: 'healthy', label: 'Healthy balance', params: {}, durationS: 20 },
    { kind: 'sheet', id: 'weak', label: 'GABA_A at 60 % strength', params: { gaba: 0.6 }, durationS: 20 },
  ],
  liveRunId: 'weak',
  check(outcomes) {
    const healthy = sheetOutcome(outcomes, 'healthy');
    const weak = sheetOutcome(outcomes, 'weak');
    const choiceId = seizes(weak) ? 'seizures' : weak.rateHz.exc < 0.5 * healthy.rateHz.exc ? 'silent' : 'little';
    return { choiceId, evidence: [describeSheet(healthy), describeSheet(weak)] };
  },
};
