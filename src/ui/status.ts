/**
 * The status line: what the network is doing, in words, for everyone and in particular for
 * screen readers (it is a polite live region). It changes at once when the kind of activity
 * changes and otherwise at most every few seconds, so that it informs without chattering.
 */
import type { Frame } from '../model/session.ts';

/** Golomb synchrony above this reads as synchronous (MODEL.md §7: χ > 0.4 during events). */
const SYNCHRONOUS_CHI = 0.4;
/** The healthy resting band of the excitatory rate (MODEL.md §7, behaviour 1: 1–10 Hz). */
const QUIET_BELOW_HZ = 1;
const ELEVATED_ABOVE_HZ = 10;
/** Shortest time between two updates that say the same kind of thing. */
const REPEAT_INTERVAL_MS = 5000;

export type Condition = 'starting' | 'seizure' | 'synchronous' | 'quiet' | 'elevated' | 'resting';

export interface NetworkDescription {
  condition: Condition;
  sentence: string;
}

function hz(rate: number): string {
  return rate < 10 ? rate.toFixed(1) : rate.toFixed(0);
}

export function describeNetwork(frame: Frame): NetworkDescription {
  if (Number.isNaN(frame.rateEHz)) {
    return { condition: 'starting', sentence: 'Starting: the network has just been built.' };
  }
  const rates = `excitatory cells fire at ${hz(frame.rateEHz)} Hz on average, inhibitory cells at ${hz(frame.rateIHz)} Hz`;
  const synchrony = Number.isNaN(frame.chi) ? '' : ` Synchrony ${frame.chi.toFixed(2)} (0 independent, 1 in lockstep).`;
  if (frame.inSeizure) {
    return {
      condition: 'seizure',
      sentence: `Seizure-like event in progress: ${rates}, firing together.${synchrony}`,
    };
  }
  if (frame.chi >= SYNCHRONOUS_CHI) {
    return {
      condition: 'synchronous',
      sentence: `Synchronous bursts, not (yet) a seizure-like event: ${rates}.${synchrony}`,
    };
  }
  if (frame.rateEHz < QUIET_BELOW_HZ) {
    return { condition: 'quiet', sentence: `Quiet: ${rates}. No seizure-like event.${synchrony}` };
  }
  if (frame.rateEHz > ELEVATED_ABOVE_HZ) {
    return {
      condition: 'elevated',
      sentence: `Overexcited but not synchronised: ${rates}, above a healthy resting network. No seizure-like event.${synchrony}`,
    };
  }
  return {
    condition: 'resting',
    sentence: `Asynchronous, irregular firing, as in a healthy resting network: ${rates}. No seizure-like event.${synchrony}`,
  };
}

export class StatusReporter {
  private lastCondition: Condition | null = null;
  private lastWrittenMs = Number.NEGATIVE_INFINITY;
  private latest: NetworkDescription | null = null;

  constructor(
    private readonly region: HTMLElement,
    /** While paused, frames (one per parameter change) update nothing here. */
    private playing: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  showFrame(frame: Frame): void {
    const description = describeNetwork(frame);
    this.latest = description;
    if (!this.playing) return;
    const changed = description.condition !== this.lastCondition;
    if (!changed && this.now() - this.lastWrittenMs < REPEAT_INTERVAL_MS) return;
    this.lastCondition = description.condition;
    this.write(description.sentence);
  }

  setPlaying(playing: boolean, timeMs: number): void {
    this.playing = playing;
    const last = this.latest ? ` ${this.latest.sentence}` : '';
    this.write(playing ? `Running.${last}` : `Paused at ${(timeMs / 1000).toFixed(1)} s of simulated time.${last}`);
  }

  /** Something other than the network's activity (the worker restarting, an error): at once. */
  showMessage(message: string): void {
    this.lastCondition = null;
    this.write(message);
  }

  private write(text: string): void {
    this.lastWrittenMs = this.now();
    if (this.region.textContent !== text) this.region.textContent = text;
  }
}
