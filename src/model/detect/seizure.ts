/**
 * The seizure detector (docs/model.md §7): a seizure-like event starts when the smoothed E rate and
 * the synchrony χ both stay above their onset thresholds for at least `persistMs`, and ends when
 * they stay below their (lower) offset thresholds for at least `persistMs`. Onset and offset are
 * dated to the first sample of the run that confirmed them.
 *
 * Thresholds. A healthy sheet fires at 1–10 Hz with χ < 0.2 (behaviour 1); during seizure-like
 * events this network bursts synchronously with χ 0.45–0.7 and a mean E rate above 10 Hz.
 * Onset: 1-s mean E rate above 10 Hz (above the whole healthy range) and χ over the same window
 * above 0.4. A train of isolated interictal spikes reaches χ ≈ 0.3–0.4 at a lower rate and does
 * not qualify; a fast asynchronous state has χ < 0.2 and does not either. Offset: the event holds
 * while the rate stays above 8 Hz and χ above 0.3 — hysteresis, so that a seizure whose bursts
 * slow for a moment is not cut into pieces.
 */

export const SEIZURE_ONSET_RATE_HZ = 10;
export const SEIZURE_ONSET_CHI = 0.4;
export const SEIZURE_HOLD_RATE_HZ = 8;
export const SEIZURE_HOLD_CHI = 0.3;
export const SEIZURE_PERSIST_MS = 1000;

export interface SeizureThresholds {
  onsetRateHz: number;
  onsetChi: number;
  holdRateHz: number;
  holdChi: number;
  persistMs: number;
}

export const SEIZURE_THRESHOLDS: SeizureThresholds = {
  onsetRateHz: SEIZURE_ONSET_RATE_HZ,
  onsetChi: SEIZURE_ONSET_CHI,
  holdRateHz: SEIZURE_HOLD_RATE_HZ,
  holdChi: SEIZURE_HOLD_CHI,
  persistMs: SEIZURE_PERSIST_MS,
};

export interface SeizureEvent {
  onsetMs: number;
  /** null while the event is still going. */
  offsetMs: number | null;
  /** Where it started: the centre of the most active K⁺ tile in the second before onset. */
  onsetXMm: number;
  onsetYMm: number;
}

/** A seizure-like event in seconds, as reports (the command line's, the lessons') give it. */
export interface SeizureEventInSeconds {
  onsetS: number;
  /** null: still going when the run ended. */
  offsetS: number | null;
  onsetXMm: number;
  onsetYMm: number;
}

export function eventInSeconds(e: SeizureEvent): SeizureEventInSeconds {
  return {
    onsetS: e.onsetMs / 1000,
    offsetS: e.offsetMs === null ? null : e.offsetMs / 1000,
    onsetXMm: e.onsetXMm,
    onsetYMm: e.onsetYMm,
  };
}

export class SeizureDetector {
  readonly events: SeizureEvent[] = [];
  inSeizure = false;
  /** Start of the current run of samples that disagree with the state (NaN if none). */
  private runStartMs = Number.NaN;
  private runLocation: readonly [number, number] = [0, 0];

  constructor(readonly thresholds: SeizureThresholds = SEIZURE_THRESHOLDS) {}

  /**
   * One sample of the smoothed E rate and χ at time tMs. `location` is called only when a
   * candidate onset begins, to say where the activity is.
   * Returns 'onset' or 'offset' when an event was confirmed by this sample, else null.
   */
  update(
    tMs: number,
    rateHz: number,
    chi: number,
    location: () => readonly [number, number],
  ): 'onset' | 'offset' | null {
    const t = this.thresholds;
    const active = this.inSeizure
      ? rateHz > t.holdRateHz && chi > t.holdChi
      : rateHz > t.onsetRateHz && chi > t.onsetChi;
    if (active === this.inSeizure) {
      this.runStartMs = Number.NaN;
      return null;
    }
    if (Number.isNaN(this.runStartMs)) {
      this.runStartMs = tMs;
      if (active) this.runLocation = location();
    }
    if (tMs - this.runStartMs < t.persistMs) return null;
    this.inSeizure = active;
    const at = this.runStartMs;
    this.runStartMs = Number.NaN;
    if (active) {
      this.events.push({ onsetMs: at, offsetMs: null, onsetXMm: this.runLocation[0], onsetYMm: this.runLocation[1] });
      return 'onset';
    }
    this.events[this.events.length - 1].offsetMs = at;
    return 'offset';
  }

  /** Time spent in events up to endMs (an ongoing event counts until endMs). */
  timeInSeizureMs(endMs: number): number {
    let total = 0;
    for (const e of this.events) total += (e.offsetMs ?? endMs) - e.onsetMs;
    return total;
  }
}
