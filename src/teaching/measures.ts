/**
 * Reading a lesson's outcomes: finding a run, deciding whether a sheet seized, and saying what it
 * measured in plain words with its numbers.
 */
import type { CircleOutcome, OutcomeSeizure, Outcomes, SheetOutcome } from './lesson.ts';

/**
 * A run "seizes" when it spends at least this fraction of its time in seizure-like events, and is
 * "calm" below it. The detector itself needs 1 s of synchronous fast firing (docs/model.md §7); a tenth
 * of a 20–30-s lesson run is two to three seconds of it, more than a stray detection and far less
 * than the 0.5–0.98 of a sheet that seizes (README, "What the model shows").
 */
export const SEIZING_BURDEN = 0.1;

export function sheetOutcome(outcomes: Outcomes, id: string): SheetOutcome {
  const o = outcomes[id];
  if (o?.kind !== 'sheet') throw new Error(`the lesson has no sheet run "${id}"`);
  return o;
}

export function circleOutcome(outcomes: Outcomes, id: string): CircleOutcome {
  const o = outcomes[id];
  if (o?.kind !== 'circle') throw new Error(`the lesson has no day-by-day run "${id}"`);
  return o;
}

export function seizes(o: SheetOutcome): boolean {
  return o.seizureBurden >= SEIZING_BURDEN;
}

/**
 * An event is "synchronous" when χ over it is at least this. The line sits in the gap between
 * the states: a healthy sheet's χ is 0.10–0.16 over a run and at most 0.28–0.29 in any second
 * (docs/model.md §4, "Synchrony"), an asynchronous pacemaker event (`gNapRatio` 0.8) 0.11–0.29,
 * and the recurring events that count as a distinct state 0.5 and more (0.52–0.74: README, "What
 * the model shows").
 */
export const SYNCHRONOUS_CHI = 0.4;

/**
 * One sentence on an event: when, the pyramidal rate and χ over it, and how it ended. "The first
 * event, 4.0–25.1 s: pyramidal cells 55.1 Hz and synchrony χ 0.52 over it; it ended by itself."
 */
export function describeEvent(e: OutcomeSeizure, which: string): string {
  const end = e.offsetS === null ? 'still going at the end of the run' : fixed(e.offsetS, 1);
  const ending = e.endedByItself ? 'it ended by itself' : 'it had not ended when the run did';
  return `${which}, ${fixed(e.onsetS, 1)}–${end} s: pyramidal cells ${fixed(e.rateDuringHz, 1)} Hz and synchrony χ ${fixed(e.chiDuring, 2)} over it; ${ending}.`;
}

/** "42 %" */
export function percent(fraction: number): string {
  return `${Math.round(100 * fraction)} %`;
}

export function fixed(x: number | null, digits: number): string {
  return x === null || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}

/** First onset in seconds, or null when the run did not seize. */
export function firstOnsetS(o: SheetOutcome): number | null {
  return o.seizures.length > 0 ? o.seizures[0].onsetS : null;
}

/**
 * One sentence on a run: its condition, the seizure burden (and the first onset), the E rate and
 * the mean synchrony. "GABA_A at half strength: seizure-like events 95 % of the time (the first
 * from 1.0 s); pyramidal cells 13.0 Hz, synchrony χ 0.49."
 */
export function describeSheet(o: SheetOutcome): string {
  const onset = firstOnsetS(o);
  const seizures =
    o.seizures.length === 0
      ? `no seizure-like event in ${fixed(o.durationS, 0)} s`
      : `seizure-like events ${percent(o.seizureBurden)} of the time (the first from ${fixed(onset, 1)} s)`;
  return `${o.label}: ${seizures}; pyramidal cells ${fixed(o.rateHz.exc, 1)} Hz, synchrony χ ${fixed(o.chi.mean, 2)}.`;
}

/** The levels of one drug in a run ("phenytoin: plasma 11.4 mg/L, brain 4.55 µM unbound, Kp,uu 0.75"). */
export function describeDrug(o: SheetOutcome, drug: string): string {
  const d = o.drugs.find((x) => x.drug === drug);
  if (!d) return `${o.label}: no ${drug}.`;
  return (
    `${o.label}: ${drug} ${fixed(d.plasmaTotalMgL, 1)} mg/L in the plasma, ` +
    `${fixed(d.brainUnboundUm, 2)} µM free in the brain (Kp,uu ${fixed(d.kpuu, 2)}).`
  );
}

export function drugBrainUm(o: SheetOutcome, drug: string): number {
  return o.drugs.find((x) => x.drug === drug)?.brainUnboundUm ?? 0;
}
