/**
 * What the event log says about a seizure-like event, in words: when it began, how long it
 * lasted, and where it started (and whether that is inside the focal lesion). No DOM.
 */
import type { SeizureEvent } from '../../model/detect/seizure.ts';
import type { Lesion } from '../../model/params.ts';
import type { ActivityState } from '../../model/runs/live/frame.ts';
import { insideLesion } from '../../model/sheet/lesion.ts';

/**
 * Below this smoothed E rate a sheet outside an event reads as quiet rather than asynchronous: the
 * bottom of the healthy resting band (docs/model.md §7, behaviour 1: 1–10 Hz). After an event the
 * pyramidal cells fall silent for tens of seconds (post-ictal depression), which is what it shows.
 */
export const QUIET_BELOW_HZ = 1;

/** What the state label shows: the session's state, with "quiet" told apart from asynchronous firing. */
export type ShownState = ActivityState | 'quiet';

export function shownState(state: ActivityState, smoothedRateEHz: number): ShownState {
  return state === 'asynchronous' && smoothedRateEHz < QUIET_BELOW_HZ ? 'quiet' : state;
}

/** The state label's words. */
export const STATE_WORDS: Readonly<Record<ShownState, string>> = {
  asynchronous: 'Asynchronous',
  quiet: 'Quiet',
  interictal: 'Interictal spikes',
  seizure: 'Seizure-like event',
};

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Whether the event started inside the lesion (on the torus, as the lesion itself is laid out). */
export function startedInLesion(event: SeizureEvent, lesion: Lesion | null): boolean {
  if (!lesion) return false;
  return insideLesion(event.onsetXMm, event.onsetYMm, lesion);
}

export function onsetText(event: SeizureEvent): string {
  return `Onset ${seconds(event.onsetMs)}`;
}

export function durationText(event: SeizureEvent): string {
  return event.offsetMs === null ? 'ongoing' : `lasted ${seconds(event.offsetMs - event.onsetMs)}`;
}

export function locationText(event: SeizureEvent, lesion: Lesion | null): string {
  const at = `x ${event.onsetXMm.toFixed(2)} mm, y ${event.onsetYMm.toFixed(2)} mm`;
  return startedInLesion(event, lesion) ? `${at}, inside the lesion` : at;
}

/** One line of the log. */
export function eventText(event: SeizureEvent, lesion: Lesion | null): string {
  return `${onsetText(event)} · ${durationText(event)} · began at ${locationText(event, lesion)}`;
}
