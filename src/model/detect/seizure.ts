/**
 * The seizure detector (docs/model.md §7 behaviour 4): it reads the network's state, as an
 * electroencephalographer reads a trace, by the two criteria of an electrographic seizure: a rate
 * well above baseline, or rhythmic discharges faster than 2.5 Hz for at least 10 s (ACNS 2021
 * critical-care EEG terminology; issue 12).
 *
 * In this model a seizure is a state of its own, not a degree of synchrony: in a K⁺-driven event
 * pyramidal cells fire at 35–75 Hz in population discharges that start at 6–9 per second and
 * slow down before the event ends; outside events they fire at 0–15 Hz. χ rises in events too
 * (0.68–0.74 against at most ~0.3 in healthy sheets), but interictal discharges raise it as well,
 * and the rate separates the states with a wider gap, so the detector reads the rate and the
 * discharges (docs/notes/real-seizures.md has both distributions).
 *
 *   onset   for SEIZURE_PERSIST_MS, the 1-s E rate stays at or above SEIZURE_ONSET_RATE_HZ, or the
 *           population discharges come faster than SEIZURE_DISCHARGE_HZ over the last 10 s and
 *           still over the last 2 s (the clonic discharges that ended an event do not start
 *           another one) and they evolve: the last 5 s of the window hold at least
 *           SEIZURE_EVOLUTION_FACTOR times the discharges and the E rate of the first 5 s. Steady rhythmic
 *           discharges without evolution are not a seizure here (issue 12: "discharges > 2.5 Hz
 *           with evolution"); a sheet that sits in such a state is an interictal one;
 *   offset  for SEIZURE_PERSIST_MS, the 1-s E rate stays below SEIZURE_OFFSET_RATE_HZ and the
 *           discharges of the last 2 s come no faster than SEIZURE_DISCHARGE_HZ (hysteresis: a
 *           clonic phase whose discharges slow does not cut the event in two).
 *
 * Onset and offset are dated to the first sample of the run that confirmed them (for an event
 * found by its discharges, 10 s after they began). Where an event started and how it spread come
 * from the tiles' recruitment (recruitment.ts): the detector asks where when it confirms an onset,
 * and the monitors add the spread when the event ends. Both rate thresholds sit in the gap between
 * the in-event and out-of-event distributions of the 1-s E rate over every shipped scenario, each
 * at least 25 % away from both medians (README, "What the model shows").
 */

export const SEIZURE_ONSET_RATE_HZ = 20;
export const SEIZURE_OFFSET_RATE_HZ = 12;
export const SEIZURE_DISCHARGE_HZ = 2.5;
/**
 * Evolution (ACNS: a definite change in frequency): the discharges and the E rate of the second
 * half of the 10-s onset window are both at least 1.5 times those of the first half. A K⁺
 * runaway's discharges go from ~1 to ~10 per second within a few seconds and its rate doubles; a
 * steady rhythm's discharge count may swing by half from one 5 s to the next (48 × 48, gaba 0.7
 * on phenytoin: 12–14 Hz with 2–4 discharges/s), its rate does not.
 */
export const SEIZURE_EVOLUTION_FACTOR = 1.5;
/** Windows over which discharges are counted for onset (EEG: ≥ 10 s) and for holding an event. */
export const SEIZURE_DISCHARGE_ONSET_WINDOW_MS = 10_000;
export const SEIZURE_DISCHARGE_HOLD_WINDOW_MS = 2_000;
export const SEIZURE_PERSIST_MS = 1000;

export interface SeizureThresholds {
  onsetRateHz: number;
  offsetRateHz: number;
  /** Discharges per second above which the sheet is seizing whatever its rate (Infinity: off). */
  dischargeHz: number;
  evolutionFactor: number;
  persistMs: number;
}

export const SEIZURE_THRESHOLDS: SeizureThresholds = {
  onsetRateHz: SEIZURE_ONSET_RATE_HZ,
  offsetRateHz: SEIZURE_OFFSET_RATE_HZ,
  dischargeHz: SEIZURE_DISCHARGE_HZ,
  evolutionFactor: SEIZURE_EVOLUTION_FACTOR,
  persistMs: SEIZURE_PERSIST_MS,
};

export interface SeizureEvent {
  onsetMs: number;
  /** null while the event is still going. */
  offsetMs: number | null;
  /**
   * Where it started (recruitment.ts): the centre of the patch of K⁺ tiles that reached the ictal
   * level first, in the 10 s before onset up to its confirmation.
   */
  onsetXMm: number;
  onsetYMm: number;
  /**
   * When those tiles reached the ictal level (ms; the look-back start at the earliest); null when
   * no tile had at confirmation, and the onset is the centre of the tile with the highest 1-s E rate.
   */
  recruitedFromMs: number | null;
  /** Whether the onset lies inside the lesion (torus distance to its centre ≤ radius); null without one. */
  onsetInLesion: boolean | null;
  /** Speed at which recruitment moves away from the onset (mm/s); null while it lasts or when not measurable. */
  spreadMmPerS: number | null;
  /** r² of the recruitment time against distance fit behind the speed; null without a fit. */
  spreadFitR2: number | null;
  /** Share of the sheet's K⁺ tiles recruited over the event (0…1); null while it lasts. */
  recruitedShare: number | null;
}

/** Where an event started, as the detector receives it when it confirms an onset. */
export interface EventOnset {
  xMm: number;
  yMm: number;
  recruitedFromMs: number | null;
  inLesion: boolean | null;
}

/** A seizure-like event in seconds, as reports (the command line's, the lessons') give it. */
export interface SeizureEventInSeconds {
  onsetS: number;
  /** null: still going when the run ended. */
  offsetS: number | null;
  onsetXMm: number;
  onsetYMm: number;
  onsetInLesion: boolean | null;
  spreadMmPerS: number | null;
  recruitedShare: number | null;
}

export function eventInSeconds(e: SeizureEvent): SeizureEventInSeconds {
  return {
    onsetS: e.onsetMs / 1000,
    offsetS: e.offsetMs === null ? null : e.offsetMs / 1000,
    onsetXMm: e.onsetXMm,
    onsetYMm: e.onsetYMm,
    onsetInLesion: e.onsetInLesion,
    spreadMmPerS: e.spreadMmPerS,
    recruitedShare: e.recruitedShare,
  };
}

/** The discharges and the E rate over the first and the second half of the 10-s onset window. */
export interface WindowHalves {
  dischargesEarlyHz: number;
  dischargesLateHz: number;
  rateEarlyHz: number;
  rateLateHz: number;
}
/** No evolution: the same in both halves (also what the monitors pass before the window is full). */
const STEADY: WindowHalves = { dischargesEarlyHz: 1, dischargesLateHz: 1, rateEarlyHz: 1, rateLateHz: 1 };

/** Within a factor f either way. */
function within(a: number, b: number, f: number): boolean {
  return a <= f * b && b <= f * a;
}

/**
 * The state the onset calls interictal, read the same way inside an event: over the whole 10-s
 * window the E rate stays under the onset rate, and neither the discharges nor the rate of its
 * second half differ from its first by the evolution factor either way (an event's clonic phase
 * slows; a steady rhythm does not). Without this, an event entered by a brief crossing of the onset
 * rate was held for as long as the sheet kept a steady 12–20-Hz rhythm with > 2.5 discharges/s:
 * the same state that ends a run "seizure-free" when it follows post-ictal silence (issue 12, the
 * third state; docs/notes/real-seizures.md §24).
 */
function steadyInterictal(h: WindowHalves, rateHz: number, t: SeizureThresholds): boolean {
  if (h === STEADY) return false;
  return (
    rateHz < t.onsetRateHz &&
    h.rateEarlyHz < t.onsetRateHz &&
    h.rateLateHz < t.onsetRateHz &&
    within(h.rateEarlyHz, h.rateLateHz, t.evolutionFactor) &&
    within(h.dischargesEarlyHz, h.dischargesLateHz, t.evolutionFactor)
  );
}

export class SeizureDetector {
  readonly events: SeizureEvent[] = [];
  inSeizure = false;
  /** Start of the current run of samples that disagree with the state (NaN if none). */
  private runStartMs = Number.NaN;

  constructor(readonly thresholds: SeizureThresholds = SEIZURE_THRESHOLDS) {}

  /**
   * One sample at time tMs: the 1-s E rate and the discharge rates (per s) over the onset and
   * hold windows, and over the first and second halves of the onset window (for evolution).
   * `location` is called only when an onset is confirmed, with the time it is dated to, to say where
   * the event started. Returns 'onset' or 'offset' when an event was confirmed by this sample, else null.
   */
  update(
    tMs: number,
    rateHz: number,
    dischargesOnsetHz: number,
    dischargesHoldHz: number,
    location: (onsetMs: number) => EventOnset,
    halves: WindowHalves = STEADY,
  ): 'onset' | 'offset' | null {
    const t = this.thresholds;
    const evolving =
      halves.dischargesLateHz >= t.evolutionFactor * halves.dischargesEarlyHz &&
      halves.rateLateHz >= t.evolutionFactor * halves.rateEarlyHz;
    const active = this.inSeizure
      ? (rateHz >= t.offsetRateHz || dischargesHoldHz > t.dischargeHz) && !steadyInterictal(halves, rateHz, t)
      : rateHz >= t.onsetRateHz || (dischargesOnsetHz > t.dischargeHz && dischargesHoldHz > t.dischargeHz && evolving);
    if (active === this.inSeizure) {
      this.runStartMs = Number.NaN;
      return null;
    }
    if (Number.isNaN(this.runStartMs)) this.runStartMs = tMs;
    if (tMs - this.runStartMs < t.persistMs) return null;
    this.inSeizure = active;
    const at = this.runStartMs;
    this.runStartMs = Number.NaN;
    if (active) {
      const place = location(at);
      this.events.push({
        onsetMs: at,
        offsetMs: null,
        onsetXMm: place.xMm,
        onsetYMm: place.yMm,
        recruitedFromMs: place.recruitedFromMs,
        onsetInLesion: place.inLesion,
        spreadMmPerS: null,
        spreadFitR2: null,
        recruitedShare: null,
      });
      return 'onset';
    }
    this.events[this.events.length - 1].offsetMs = at;
    return 'offset';
  }

  /**
   * Time spent in events within [fromMs, toMs) (an ongoing event counts until toMs): the part of
   * each event inside the window, for a run's summary and a trial's observation window alike.
   */
  timeInSeizureMs(toMs: number, fromMs = 0): number {
    let total = 0;
    for (const e of this.events) {
      const inside = Math.min(e.offsetMs ?? toMs, toMs) - Math.max(e.onsetMs, fromMs);
      if (inside > 0) total += inside;
    }
    return total;
  }
}
