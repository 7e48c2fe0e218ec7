/**
 * Lesson: the blood–brain barrier and its efflux pump (docs/model.md §7 behaviour 8). Phenobarbital
 * 200 mg a day (plasma ≈ 23 mg/L, in the 10–40 range), two weeks in (half-life 100 h), controls a
 * sheet with GABA_A at half strength; at 2× P-gp the same plasma level leaves a quarter less in
 * the brain (Kp,uu 0.75) and the seizures return; tariquidar, which inhibits P-gp, brings the brain
 * level back.
 *
 * Why phenobarbital and not the phenytoin of public/scenarios/transporter.json: on the 48 × 48
 * sheet the phenytoin patient (gaba 0.63) fails at 2× P-gp for seed 1 only (seeds 2 and 3 stay
 * controlled over 20 s, as tests/science/behaviour-transporter.test.ts says), while this one is
 * robust. Measured, 25 s: normal P-gp no seizure for seeds 1, 2, 3; 2× P-gp burden 0.17 (onset
 * 20.8 s), 0.62 (9.6 s), 0.64 (8.9 s). 30 s a run leaves seed 1's late onset room.
 */
import type { Lesson } from '../lesson.ts';
import { describeDrug, describeSheet, drugBrainUm, percent, SEIZING_BURDEN, sheetOutcome } from '../measures.ts';

const SHEET = { gaba: 0.5 };
const DRUG = 'phenobarbital';
const REGIMEN = 'phenobarbital=200/24';
/** Two weeks of phenobarbital. */
const AT_HOURS = 336;
const DURATION_S = 30;

export const transporterLesson: Lesson = {
  id: 'transporter',
  title: 'The barrier that pumps drugs back out',
  text: [
    'A drug taken by mouth travels in the blood, but the brain is walled off by the blood–brain barrier: the cells lining its blood vessels are sealed together, and they carry pumps that throw many substances back into the blood. The best known is P-glycoprotein (P-gp).',
    'In some people with drug-resistant epilepsy there is more P-gp than usual in the vessels around the seizure focus. Phenytoin and phenobarbital are among the drugs it pumps; carbamazepine and lamotrigine are hardly touched. This lesson follows one patient whose seizures phenobarbital controls, and doubles P-gp.',
    'A blood test measures the drug in the blood, not behind the barrier. Keep that in mind for the reveal.',
  ],
  sources: [
    'Tishler 1995: more of the P-gp gene (MDR1) in brain tissue of people with drug-resistant epilepsy',
    'Löscher & Potschka 2005: the transporter hypothesis of drug resistance',
    'van Vliet 2007: with P-gp overexpressed, brain phenytoin and phenobarbital 20–30 % lower in epileptic rats',
    'Brandt 2006: the P-gp inhibitor tariquidar restores phenobarbital in the brain and its effect in resistant rats',
  ],
  question:
    'Phenobarbital controls this patient’s seizures, with a blood level in the therapeutic range. If P-gp at the barrier doubles, what happens to the seizures?',
  choices: [
    {
      id: 'same',
      text: 'Nothing: the blood level is the same, so the drug works as before.',
      meaning: 'The network stayed controlled: what P-gp took away was not enough to matter for this patient.',
    },
    {
      id: 'return',
      text: 'They come back, although the blood level has not changed.',
      meaning:
        'The blood level is the same, but less of it gets past the barrier, and the brain is where the drug has to act. This is the transporter hypothesis: resistance that a blood test cannot see.',
    },
    {
      id: 'fewer',
      text: 'Even fewer seizures.',
      meaning: 'The sheet seized less with more P-gp.',
    },
  ],
  runs: [
    {
      kind: 'sheet',
      id: 'normal',
      label: 'Phenobarbital, normal P-gp',
      params: SHEET,
      treatment: { drugs: [REGIMEN], atHours: AT_HOURS },
      durationS: DURATION_S,
    },
    {
      kind: 'sheet',
      id: 'double',
      label: 'Phenobarbital, P-gp doubled',
      params: { ...SHEET, pgp: 2 },
      treatment: { drugs: [REGIMEN], atHours: AT_HOURS },
      durationS: DURATION_S,
    },
    {
      kind: 'sheet',
      id: 'tariquidar',
      label: 'Phenobarbital, P-gp doubled, plus tariquidar',
      params: { ...SHEET, pgp: 2 },
      treatment: { drugs: [REGIMEN, 'tariquidar=75/12'], atHours: AT_HOURS },
      durationS: DURATION_S,
    },
  ],
  liveRunId: 'double',
  check(outcomes) {
    const normal = sheetOutcome(outcomes, 'normal');
    const double = sheetOutcome(outcomes, 'double');
    const inhibited = sheetOutcome(outcomes, 'tariquidar');
    const change = double.seizureBurden - normal.seizureBurden;
    const choiceId = change >= SEIZING_BURDEN ? 'return' : change <= -SEIZING_BURDEN ? 'fewer' : 'same';
    const lost = 1 - drugBrainUm(double, DRUG) / drugBrainUm(normal, DRUG);
    return {
      choiceId,
      evidence: [
        describeDrug(normal, DRUG),
        describeDrug(double, DRUG),
        `Doubling P-gp left the blood level as it was and took ${percent(lost)} of the phenobarbital out of the brain.`,
        describeSheet(normal),
        describeSheet(double),
        describeDrug(inhibited, DRUG),
        describeSheet(inhibited),
      ],
    };
  },
};
