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
 *   onset   for SEIZURE_PERSIST_MS, the 1-s E rate stays at or above SEIZURE_ONSET_RATE_HZ and,
 *           within SEIZURE_RISE_WINDOW_MS of crossing it, rises to SEIZURE_EVOLUTION_FACTOR times
 *           its mean over the 10 s before (a rate well above baseline, not a line crossed: a sheet
 *           already at 18–20 Hz that climbs to 22 Hz and falls back is not a seizure), or the
 *           population discharges come faster than SEIZURE_DISCHARGE_HZ over the last 10 s and
 *           still over the last 2 s (the clonic discharges that ended an event do not start
 *           another one) and they evolve: the last 5 s of the window hold at least
 *           SEIZURE_EVOLUTION_FACTOR times the discharges and the E rate of the first 5 s. Steady rhythmic
 *           discharges without evolution are not a seizure here (issue 12: "discharges > 2.5 Hz
 *           with evolution"); a sheet that sits in such a state is an interictal one;
 *   offset  for SEIZURE_PERSIST_MS, the 1-s E rate stays below SEIZURE_OFFSET_RATE_HZ and the
 *           discharges of the last 2 s come no faster than SEIZURE_DISCHARGE_HZ (hysteresis: a
 *           clonic phase whose discharges slow does not cut the event in two), or, once the event
 *           is older than the 10-s onset window, the sheet has settled into the steady state the
 *           onset calls interictal.
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
/**
 * The rate route's baseline: the mean 1-s E rate over the 10 s before the rate first crossed the
 * onset rate (issue 12's "10 s before"), leaving out the last second, whose 1-s rate is the
 * crossing itself. A run younger than SEIZURE_BASELINE_MIN_MS at the crossing has no baseline yet
 * (its first seconds are the climb from the working state the run starts in): the onset rate
 * alone decides.
 */
export const SEIZURE_BASELINE_WINDOW_MS = 10_000;
export const SEIZURE_BASELINE_GAP_MS = 1000;
export const SEIZURE_BASELINE_MIN_MS = 5000;
/**
 * How long a rate crossing may take to rise to the evolution factor times its baseline (EEG: a
 * 10-s window). A K⁺ runaway gets there within 0–4 s of crossing 20 Hz (every event of the
 * shipped scenarios, default size, seed 2); the partial climb of a sheet just past its threshold
 * (gaba 0.7, 19.6 Hz before, peak 22.4 Hz) never does (docs/notes/real-seizures.md §35).
 */
export const SEIZURE_RISE_WINDOW_MS = 10_000;
/** Samples of the 1-s rate kept for the baseline: 51.2 s at the monitors' 100-ms blocks. */
const RATE_HISTORY = 512;

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
  /**
   * For a run towards onset: the rate it must reach to be confirmed by the rate route (the onset
   * rate, or the evolution factor times the baseline if higher), and the highest 1-s rate so far.
   */
  private runNeedHz = Number.NaN;
  private runPeakHz = 0;
  /** The run has lasted SEIZURE_PERSIST_MS but its rate has not yet reached runNeedHz. */
  private runWaiting = false;
  /** The recent 1-s rates, for the baseline (a ring of RATE_HISTORY samples). */
  private readonly historyMs = new Float64Array(RATE_HISTORY);
  private readonly historyHz = new Float64Array(RATE_HISTORY);
  private historyHead = 0;
  private historyCount = 0;
  private firstSampleMs = Number.NaN;

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
    const verdict = this.inSeizure
      ? this.holding(tMs, rateHz, dischargesHoldHz, halves)
      : this.starting(tMs, rateHz, dischargesOnsetHz, dischargesHoldHz, halves);
    this.remember(tMs, rateHz);
    if (!verdict) return null;
    this.inSeizure = !this.inSeizure;
    const at = this.runStartMs;
    this.runStartMs = Number.NaN;
    this.runWaiting = false;
    if (this.inSeizure) {
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

  /** In an event: whether this sample completes a run of SEIZURE_PERSIST_MS that ends it. */
  private holding(tMs: number, rateHz: number, dischargesHoldHz: number, halves: WindowHalves): boolean {
    const t = this.thresholds;
    // The steady-state test reads the 10-s onset window; while the event is younger than that
    // window, part of what it reads is the sheet before the onset, not the event's own state, so
    // it cannot end the event then. Without this a lesion-led start (evolving discharges at 16 Hz)
    // was let go 3.6 s after its onset, because its window was still mostly the steady seconds
    // before it, and the runaway 1.9 s later was counted as a second event
    // (docs/notes/real-seizures.md §39).
    const ownWindow = tMs - this.events[this.events.length - 1].onsetMs >= SEIZURE_DISCHARGE_ONSET_WINDOW_MS;
    const ictal =
      (rateHz >= t.offsetRateHz || dischargesHoldHz > t.dischargeHz) &&
      !(ownWindow && steadyInterictal(halves, rateHz, t));
    if (ictal) {
      this.runStartMs = Number.NaN;
      return false;
    }
    if (Number.isNaN(this.runStartMs)) this.runStartMs = tMs;
    return tMs - this.runStartMs >= t.persistMs;
  }

  /**
   * Between events: whether this sample confirms an onset. A run starts when the rate reaches the
   * onset rate or evolving discharges come faster than the discharge rate, and must last
   * SEIZURE_PERSIST_MS. The discharges then confirm it at once; the rate confirms it once it has
   * also reached the run's own need (its baseline times the evolution factor), for which it has
   * until SEIZURE_RISE_WINDOW_MS after the run began, held meanwhile as an event would be (the rate
   * at or above the offset rate). A run that falls back or runs out of time is dropped.
   */
  private starting(
    tMs: number,
    rateHz: number,
    dischargesOnsetHz: number,
    dischargesHoldHz: number,
    halves: WindowHalves,
  ): boolean {
    const t = this.thresholds;
    const evolving =
      halves.dischargesLateHz >= t.evolutionFactor * halves.dischargesEarlyHz &&
      halves.rateLateHz >= t.evolutionFactor * halves.rateEarlyHz;
    const discharging = dischargesOnsetHz > t.dischargeHz && dischargesHoldHz > t.dischargeHz && evolving;
    const fast = rateHz >= t.onsetRateHz;
    // Within its first second a run needs every sample active; once it waits for the rise, the rate
    // need only stay at or above the offset rate, until the rise window closes.
    const alive = fast || discharging || (this.runWaiting && rateHz >= t.offsetRateHz);
    if (!alive || (this.runWaiting && tMs - this.runStartMs > SEIZURE_RISE_WINDOW_MS)) {
      this.runStartMs = Number.NaN;
      this.runWaiting = false;
      if (!(fast || discharging)) return false;
    }
    if (Number.isNaN(this.runStartMs)) {
      this.runStartMs = tMs;
      this.runPeakHz = 0;
      this.runNeedHz = Math.max(t.onsetRateHz, t.evolutionFactor * this.baselineHz(tMs));
    }
    if (rateHz > this.runPeakHz) this.runPeakHz = rateHz;
    if (tMs - this.runStartMs < t.persistMs) return false;
    if (discharging || this.runPeakHz >= this.runNeedHz) return true;
    this.runWaiting = true;
    return false;
  }

  /**
   * The mean 1-s rate over the SEIZURE_BASELINE_WINDOW_MS before tMs, without its last
   * SEIZURE_BASELINE_GAP_MS; 0 (no baseline) for a run younger than SEIZURE_BASELINE_MIN_MS +
   * SEIZURE_BASELINE_GAP_MS.
   */
  private baselineHz(tMs: number): number {
    if (
      Number.isNaN(this.firstSampleMs) ||
      tMs - this.firstSampleMs < SEIZURE_BASELINE_MIN_MS + SEIZURE_BASELINE_GAP_MS
    ) {
      return 0;
    }
    const from = tMs - SEIZURE_BASELINE_WINDOW_MS;
    const to = tMs - SEIZURE_BASELINE_GAP_MS;
    let sum = 0;
    let n = 0;
    for (let k = 0; k < this.historyCount; k++) {
      const at = (this.historyHead - 1 - k + RATE_HISTORY) % RATE_HISTORY;
      const when = this.historyMs[at];
      if (when < from) break;
      if (when <= to) {
        sum += this.historyHz[at];
        n++;
      }
    }
    return n > 0 ? sum / n : 0;
  }

  private remember(tMs: number, rateHz: number): void {
    if (Number.isNaN(this.firstSampleMs)) this.firstSampleMs = tMs;
    this.historyMs[this.historyHead] = tMs;
    this.historyHz[this.historyHead] = rateHz;
    this.historyHead = (this.historyHead + 1) % RATE_HISTORY;
    if (this.historyCount < RATE_HISTORY) this.historyCount++;
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
