import type { Frame } from '../model/runs/live/frame.ts';
import { QUIET_BELOW_HZ } from '../view/plots/events.ts';

/**
 * The status line: what the network is doing, in words, for everyone and in particular for
 * screen readers (it is a polite live region). It speaks of the smoothed population rates (a
 * bursting network swings from 0 to 50 Hz between 100-ms records), announces a new kind of
 * activity once it has held for a second, and otherwise repeats itself at most every few
 * seconds, so that it informs without chattering.
 */

/** Golomb synchrony above this reads as synchronous (docs/model.md §7: χ > 0.4 during events). */
const SYNCHRONOUS_CHI = 0.4;
/** The top of the healthy resting band of the excitatory rate (docs/model.md §7, behaviour 1: 1–10 Hz); its bottom is QUIET_BELOW_HZ. */
const ELEVATED_ABOVE_HZ = 10;
/** Shortest time between two updates that say the same kind of thing. */
const REPEAT_INTERVAL_MS = 5000;
/** How long a new kind of activity must last before it is announced. */
const DWELL_MS = 1000;

export type Condition = 'starting' | 'seizure' | 'interictal' | 'synchronous' | 'quiet' | 'elevated' | 'resting';

function hz(rate: number): string {
  return rate < 10 ? rate.toFixed(1) : rate.toFixed(0);
}

/** The kind of activity, from numbers only (cheap enough for every frame). */
export function conditionOf(frame: Frame): Condition {
  if (Number.isNaN(frame.rateEHz)) return 'starting';
  if (frame.inSeizure) return 'seizure';
  // The same word as the state label of the activity plots (the session's own state).
  if (frame.state === 'interictal') return 'interictal';
  if (frame.chi >= SYNCHRONOUS_CHI) return 'synchronous';
  if (frame.smoothedRateEHz < QUIET_BELOW_HZ) return 'quiet';
  if (frame.smoothedRateEHz > ELEVATED_ABOVE_HZ) return 'elevated';
  return 'resting';
}

export function describeNetwork(frame: Frame): string {
  const rates = `excitatory cells fire at ${hz(frame.smoothedRateEHz)} Hz on average, inhibitory cells at ${hz(frame.smoothedRateIHz)} Hz`;
  const ratesSentence = `${rates[0].toUpperCase()}${rates.slice(1)}`;
  const synchrony = Number.isNaN(frame.chi) ? '' : ` Synchrony ${frame.chi.toFixed(2)} (0 independent, 1 in lockstep).`;
  switch (conditionOf(frame)) {
    case 'starting':
      return 'Starting: the network has just been built.';
    case 'seizure':
      return Number.isNaN(frame.chi)
        ? `Seizure-like event: ${rates}, firing together.`
        : `Seizure-like event: synchrony ${Math.round(100 * frame.chi)} % (χ ${frame.chi.toFixed(2)}; 0 independent, 1 in lockstep). ${ratesSentence}.`;
    case 'interictal':
      return `Interictal spikes: brief bursts that recruit many cells at once, between seizures; no seizure-like event. ${ratesSentence}.${synchrony}`;
    case 'synchronous':
      return `Synchronous bursts, not (yet) a seizure-like event: ${rates}.${synchrony}`;
    case 'quiet': {
      const last = frame.events.at(-1);
      return last && last.offsetMs !== null
        ? `Quiet after the seizure-like event that ended at ${(last.offsetMs / 1000).toFixed(1)} s (post-ictal depression): ${rates}.${synchrony}`
        : `Quiet: ${rates}. No seizure-like event.${synchrony}`;
    }
    case 'elevated':
      return `Overexcited but not synchronised: ${rates}, above a healthy resting network. No seizure-like event.${synchrony}`;
    case 'resting':
      return `Asynchronous, irregular firing, as in a healthy resting network: ${rates}. No seizure-like event.${synchrony}`;
  }
}

export class StatusReporter {
  private lastCondition: Condition | null = null;
  private lastWrittenMs = Number.NEGATIVE_INFINITY;
  /** A kind of activity seen but not yet announced, and since when. */
  private candidate: Condition | null = null;
  private candidateSinceMs = 0;
  private latest: Frame | null = null;

  constructor(
    private readonly region: HTMLElement,
    /** While paused, frames (one per parameter change) update nothing here. */
    private playing: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  showFrame(frame: Frame): void {
    this.latest = frame;
    if (!this.playing) return;
    const condition = conditionOf(frame);
    const nowMs = this.now();
    if (condition === this.lastCondition) {
      this.candidate = null;
      if (nowMs - this.lastWrittenMs >= REPEAT_INTERVAL_MS) this.write(describeNetwork(frame));
      return;
    }
    if (condition !== this.candidate) {
      this.candidate = condition;
      this.candidateSinceMs = nowMs;
    }
    // The first description, and any after a message, need not wait.
    if (this.lastCondition !== null && nowMs - this.candidateSinceMs < DWELL_MS) return;
    this.lastCondition = condition;
    this.candidate = null;
    this.write(describeNetwork(frame));
  }

  setPlaying(playing: boolean, timeMs: number): void {
    this.playing = playing;
    const last = this.latest ? ` ${describeNetwork(this.latest)}` : '';
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
