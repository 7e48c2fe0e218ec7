/**
 * Lesson: inflammation's vicious circle (docs/model.md §6, §7 behaviour 9), closed day by day in
 * src/model/runs/vicious-circle.ts: a day's seizures induce P-gp (Bauer 2008), the next day less
 * phenobarbital reaches the brain, and the seizures come back; celecoxib blocks the induction
 * (Zibell 2009).
 *
 * The patient: gaba 0.5 (a sheet that seizes within seconds untreated), phenobarbital 200 mg a
 * day (plasma ≈ 23 mg/L, in the 10–40 range), two weeks in, and P-gp 1.2× normal. Day 0 has a
 * fever: inflammation 1 on that day's network only. Measured at 48 × 48, 20 s a day:
 *   seed 1: burden 0.95 / 0.62 / 0 / 0 on days 0–3 (P-gp 1.2 → 2.19 → 1.98 → 1.31);
 *           with celecoxib 0.95 / 0 / 0 / 0 (P-gp 1.2 → 1.29 → 1.21);
 *   seed 2: 0.95 / 0.48 / 0.41 / 0; with celecoxib 0.95 / 0 / 0 / 0.
 * The circle in this model carries a bad day over into the next one or two and then fades: P-gp
 * can at most double from seizures alone (barrier.ts), which takes ~22 % of the drug from the
 * brain. The edge lies between 41 µM of brain phenobarbital (controlled, P-gp 1.2) and 32 µM
 * (seizing, P-gp 2.2); at P-gp 1.3 the celecoxib day 1 (39.6 µM) already seized a little (0.26),
 * so the patient's 1.2 keeps a margin. Three days (0–2) show it.
 */
import type { CircleOutcome, Lesson } from '../lesson.ts';
import { circleOutcome, fixed, percent, SEIZING_BURDEN } from '../measures.ts';

const PATIENT = { gaba: 0.5, pgp: 1.2 };
const PHENOBARBITAL = 'phenobarbital=200/24';
const START_H = 336;
const DAYS = 3;
const DURATION_S = 20;
const FEVER = { inflammation: 1 };

/** Seizure burden summed over the days after the trigger. */
function laterBurden(o: CircleOutcome): number {
  return o.days.slice(1).reduce((sum, d) => sum + d.seizureBurden, 0);
}

function describeCircle(o: CircleOutcome): string {
  const days = o.days
    .map(
      (d) =>
        `day ${d.day}: P-gp ${fixed(d.pgpEffective, 2)}×, phenobarbital ${fixed(d.drugs[0].brainUnboundUm, 1)} µM in the brain, seizures ${percent(d.seizureBurden)} of the time`,
    )
    .join('; ');
  return `${o.label}: ${days}.`;
}

export const viciousCircleLesson: Lesson = {
  id: 'vicious-circle',
  title: 'The vicious circle: seizures that make drugs weaker',
  text: [
    'Seizures are not only a result; they change the brain they happen in. A seizure releases a flood of glutamate, which switches on an inflammatory enzyme, COX-2, in the blood vessels of the brain. Over the following hours those vessels make more of the pump P-glycoprotein, which throws some drugs back out into the blood.',
    'So one bad day can make the next day’s drug weaker, and a weaker drug lets more seizures through: a vicious circle. Blocking COX-2 with celecoxib stops the pump from rising in animals.',
    'Here a patient whose seizures are controlled by phenobarbital has one day with a fever, which makes the brain more excitable for that day. The fever is gone the next day. Each day the simulation runs a short sample of the patient’s brain, and what it measures decides how much P-gp grows before the next day.',
  ],
  sources: [
    'Bauer 2008: glutamate, through NMDA receptors and COX-2, raises P-gp at the blood–brain barrier',
    'Zibell 2009: the COX-2 inhibitor celecoxib prevents the seizure-induced rise of P-gp in rats',
    'van Vliet 2007: more P-gp, less phenytoin and phenobarbital in the brain of epileptic rats',
    'Vezzani 2011: the role of inflammation in epilepsy',
  ],
  question:
    'A fever brings a day of seizures, then goes away. What happens on the following days, with and without celecoxib?',
  choices: [
    {
      id: 'one-off',
      text: 'Calm again the next day: one bad day stays a one-off.',
      meaning: 'P-gp rose after the bad day, but not enough to let the seizures back through.',
    },
    {
      id: 'broken',
      text: 'Seizures return the next day even without the fever, unless celecoxib blocks the P-gp rise.',
      meaning:
        'The day of seizures raised P-gp, so less phenobarbital got into the brain, and the seizures came back without any fever. With celecoxib, P-gp hardly moved and the bad day stayed a one-off. In this model the circle fades after a day or two; in people, repeated seizures and lasting inflammation can keep it turning.',
    },
    {
      id: 'unbroken',
      text: 'Seizures return the next day, and celecoxib makes no difference.',
      meaning:
        'The seizures came back whether or not COX-2 was blocked: something other than the P-gp rise carried them over.',
    },
  ],
  runs: [
    {
      kind: 'circle',
      id: 'plain',
      label: 'Phenobarbital',
      params: PATIENT,
      treatment: { drugs: [PHENOBARBITAL], atHours: START_H },
      days: DAYS,
      trigger: FEVER,
      durationS: DURATION_S,
    },
    {
      kind: 'circle',
      id: 'celecoxib',
      label: 'Phenobarbital and celecoxib',
      params: PATIENT,
      treatment: { drugs: [PHENOBARBITAL, 'celecoxib=200/12'], atHours: START_H },
      days: DAYS,
      trigger: FEVER,
      durationS: DURATION_S,
    },
  ],
  liveRunId: 'plain',
  check(outcomes) {
    const plain = circleOutcome(outcomes, 'plain');
    const celecoxib = circleOutcome(outcomes, 'celecoxib');
    const returned = plain.days.slice(1).some((d) => d.seizureBurden >= SEIZING_BURDEN);
    const choiceId = !returned ? 'one-off' : laterBurden(celecoxib) <= 0.5 * laterBurden(plain) ? 'broken' : 'unbroken';
    return {
      choiceId,
      evidence: [
        `Each day is a ${DURATION_S}-s sample; its share of time in seizures stands for the whole day and drives P-gp over the next 24 h.`,
        describeCircle(plain),
        describeCircle(celecoxib),
      ],
    };
  },
};
