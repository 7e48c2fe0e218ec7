/**
 * Monitors (docs/model.md §7): population rates in 10-ms bins, synchrony χ over sliding 1-s windows,
 * the EEG/LFP proxy, the seizure detector with each event's onset and spread from the K⁺ tiles'
 * recruitment (recruitment.ts), interictal spikes, seizure burden, and ion extremes.
 * They read the simulation after each step and each ion step and never change it.
 *
 * A record is kept every 100 ms (`series`), for the command line, the tests and the view.
 */

import { insideLesion } from '../sheet/lesion.ts';
import type { Simulation, StepObserver } from '../simulation.ts';
import { DischargeCounter } from './discharges.ts';
import { EegProxy } from './eeg.ts';
import { InterictalDetector } from './interictal.ts';
import { Recruitment } from './recruitment.ts';
import {
  type EventOnset,
  SEIZURE_DISCHARGE_HOLD_WINDOW_MS,
  SEIZURE_DISCHARGE_ONSET_WINDOW_MS,
  SeizureDetector,
  type SeizureEvent,
} from './seizure.ts';
import { reportSeizures, type SeizureReport } from './seizure-report.ts';
import type { SeriesRecord } from './series.ts';
import { SynchronyMeter } from './synchrony.ts';

export type { SeriesRecord } from './series.ts';

export const RATE_BIN_MS = 10;
export const BLOCK_MS = 100;
export const WINDOW_BLOCKS = 10;

export class Monitors implements StepObserver {
  readonly series: SeriesRecord[] = [];
  readonly seizures: SeizureDetector;
  readonly interictal: InterictalDetector;
  readonly discharges = new DischargeCounter();
  readonly synchrony: SynchronyMeter;
  /** Each K⁺ tile's 1-s E rate and recruitment: where events start and how they spread. */
  readonly recruitment: Recruitment;
  /** The EEG proxy; its latest sample is `eeg.valuePa`. */
  readonly eeg: EegProxy;
  /** EEG proxy per ion step (≈ 1 ms), the last second, as a ring; `lfpHead` is the next slot. */
  readonly lfpRecent: Float64Array;
  lfpHead = 0;
  spikesE = 0;
  spikesI = 0;
  koMaxMm = 0;
  naiMaxMm = 0;
  private eGabaSumMv = 0;
  private eGabaSamples = 0;
  private chiSum = 0;
  private chiCount = 0;
  chiMax = 0;
  /**
   * Network time at which the scored window opened (openWindow): the summary's rates, χ, ion
   * extremes, burden and counts cover [windowStartMs, now). 0 unless a run settles first.
   */
  windowStartMs = 0;

  private readonly binSteps: number;
  private readonly blockIonSteps: number;
  private binE = 0;
  private binI = 0;
  private stepInBin = 0;
  /** E spike counts of the last second, per 10-ms bin, as a ring, and their sum. */
  private readonly windowBins: Float64Array;
  private windowHead = 0;
  private windowSum = 0;
  private blockE = 0;
  private blockI = 0;
  private blockLfp = 0;
  private blockDischarges = 0;
  /** Discharges per 100-ms block over the detector's onset window, as a ring. */
  private readonly dischargeBlocks: Float64Array;
  /** E spikes per 100-ms block over the same 10 s, for the evolution of the rate. */
  private readonly spikeBlocks: Float64Array;
  private dischargeHead = 0;
  /** Blocks recorded so far, up to the window's length: evolution is judged on a full window. */
  private blocksRecorded = 0;
  private ionStepInBlock = 0;
  /** Where the event being confirmed started; called by the detector (bound once, not per block). */
  private readonly locateOnset: (onsetMs: number) => EventOnset;

  constructor(private readonly sim: Simulation) {
    const net = sim.net;
    this.binSteps = Math.max(1, Math.round(RATE_BIN_MS / sim.dtMs));
    const ionStepMs = sim.ionEvery * sim.dtMs;
    this.blockIonSteps = Math.max(1, Math.round(BLOCK_MS / ionStepMs));
    this.synchrony = new SynchronyMeter(net.nE, this.blockIonSteps, WINDOW_BLOCKS);
    this.seizures = new SeizureDetector();
    this.interictal = new InterictalDetector(net.nE);
    this.windowBins = new Float64Array(Math.round((WINDOW_BLOCKS * BLOCK_MS) / RATE_BIN_MS));
    this.recruitment = new Recruitment(net.tileOfCell, net.nE, net.tilesPerSide, WINDOW_BLOCKS, BLOCK_MS);
    this.locateOnset = (onsetMs) => this.onsetPlace(onsetMs);
    this.lfpRecent = new Float64Array(Math.round((WINDOW_BLOCKS * BLOCK_MS) / ionStepMs));
    this.eeg = new EegProxy(ionStepMs);
    this.dischargeBlocks = new Float64Array(Math.round(SEIZURE_DISCHARGE_ONSET_WINDOW_MS / BLOCK_MS));
    this.spikeBlocks = new Float64Array(this.dischargeBlocks.length);
  }

  afterStep(sim: Simulation): void {
    const s = sim.state;
    const nE = s.nE;
    const spikes = s.spikeIdx;
    const count = s.spikeCount;
    let e = 0;
    for (let k = 0; k < count; k++) if (spikes[k] < nE) e++;
    if (e > 0) this.recruitment.countSpikes(spikes, count, nE, sim.net.tileOfCell);
    if (count > 0) this.interictal.addSpikes(sim.timeMs, spikes, count);
    const inh = count - e;
    this.binE += e;
    this.binI += inh;
    this.spikesE += e;
    this.spikesI += inh;
    this.stepInBin++;
    if (this.stepInBin === this.binSteps) this.closeBin(sim);
  }

  private closeBin(sim: Simulation): void {
    const net = sim.net;
    const binS = (this.binSteps * sim.dtMs) / 1000;
    const tMs = (sim.state.step + 1) * sim.dtMs;
    const rateE = this.binE / net.nE / binS;
    this.interictal.updateBin(tMs, this.binSteps * sim.dtMs, rateE, this.seizures.inSeizure);
    this.windowSum += this.binE - this.windowBins[this.windowHead];
    this.windowBins[this.windowHead] = this.binE;
    this.windowHead = (this.windowHead + 1) % this.windowBins.length;
    const windowS = (this.windowBins.length * RATE_BIN_MS) / 1000;
    if (this.discharges.updateBin(tMs, this.binSteps * sim.dtMs, rateE, this.windowSum / net.nE / windowS)) {
      this.blockDischarges++;
    }
    this.blockE += this.binE;
    this.blockI += this.binI;
    this.binE = 0;
    this.binI = 0;
    this.stepInBin = 0;
  }

  afterIonStep(sim: Simulation): void {
    const s = sim.state;
    const perCellStep = 1 / (sim.net.nE * sim.ionEvery);
    const lfp = this.eeg.push(s.eegExcitatorySumPa * perCellStep, s.eegInhibitorySumPa * perCellStep);
    this.lfpRecent[this.lfpHead] = lfp;
    this.lfpHead = (this.lfpHead + 1) % this.lfpRecent.length;
    this.blockLfp += lfp;
    const ko = s.koMm;
    for (let t = 0; t < ko.length; t++) if (ko[t] > this.koMaxMm) this.koMaxMm = ko[t];
    const blockDone = this.synchrony.addSample(s.vMv);
    this.ionStepInBlock++;
    if (blockDone) this.closeBlock(sim);
  }

  private closeBlock(sim: Simulation): void {
    const s = sim.state;
    const net = sim.net;
    const tMs = sim.timeMs;
    const blockS = (this.ionStepInBlock * sim.ionEvery * sim.dtMs) / 1000;
    const chi = this.synchrony.chi;
    if (!Number.isNaN(chi)) {
      this.chiSum += chi;
      this.chiCount++;
      if (chi > this.chiMax) this.chiMax = chi;
    }
    let naiSum = 0;
    let naiSumE = 0;
    for (let i = 0; i < net.n; i++) {
      const x = s.naiMm[i];
      naiSum += x;
      if (i < net.nE) naiSumE += x;
      if (x > this.naiMaxMm) this.naiMaxMm = x;
    }
    let eGabaSum = 0;
    for (let i = 0; i < net.nE; i++) eGabaSum += s.eGabaMv[i];
    const eGabaMean = eGabaSum / net.nE;
    this.eGabaSumMv += eGabaMean;
    this.eGabaSamples++;
    let koMax = 0;
    let koSum = 0;
    for (let t = 0; t < s.koMm.length; t++) {
      koSum += s.koMm[t];
      if (s.koMm[t] > koMax) koMax = s.koMm[t];
    }

    const windowS = (this.windowBins.length * RATE_BIN_MS) / 1000;
    const rate1s = this.windowSum / net.nE / windowS;
    const ring = this.dischargeBlocks;
    ring[this.dischargeHead] = this.blockDischarges;
    this.spikeBlocks[this.dischargeHead] = this.blockE;
    this.dischargeHead = (this.dischargeHead + 1) % ring.length;
    if (this.blocksRecorded < ring.length) this.blocksRecorded++;
    const holdBlocks = Math.round(SEIZURE_DISCHARGE_HOLD_WINDOW_MS / BLOCK_MS);
    let onsetCount = 0;
    let holdCount = 0;
    let lateCount = 0;
    let earlySpikes = 0;
    let lateSpikes = 0;
    const halfBlocks = ring.length / 2;
    for (let k = 0; k < ring.length; k++) {
      const at = (this.dischargeHead - 1 - k + 2 * ring.length) % ring.length;
      const c = ring[at];
      onsetCount += c;
      if (k < holdBlocks) holdCount += c;
      if (k < halfBlocks) {
        lateCount += c;
        lateSpikes += this.spikeBlocks[at];
      } else earlySpikes += this.spikeBlocks[at];
    }
    const halfS = SEIZURE_DISCHARGE_ONSET_WINDOW_MS / 2000;
    // The tiles' recruitment first, so that an onset confirmed by this block sees this block.
    this.recruitment.closeBlock(tMs);
    // The detector waits for a whole first second, as χ does.
    if (!Number.isNaN(chi)) {
      const confirmed = this.seizures.update(
        tMs,
        rate1s,
        (onsetCount * 1000) / SEIZURE_DISCHARGE_ONSET_WINDOW_MS,
        (holdCount * 1000) / SEIZURE_DISCHARGE_HOLD_WINDOW_MS,
        this.locateOnset,
        // Before the window is full its first half is partly empty, which would read as a rise.
        this.blocksRecorded < ring.length
          ? undefined
          : {
              dischargesEarlyHz: (onsetCount - lateCount) / halfS,
              dischargesLateHz: lateCount / halfS,
              rateEarlyHz: earlySpikes / net.nE / halfS,
              rateLateHz: lateSpikes / net.nE / halfS,
            },
      );
      const event = this.seizures.events[this.seizures.events.length - 1];
      if (confirmed === 'onset') this.interictal.withdrawSince(event.onsetMs);
      if (confirmed === 'offset') {
        Object.assign(event, this.recruitment.spread(event.offsetMs as number));
        this.recruitment.closeEvent();
      }
    }

    this.series.push({
      tMs,
      rateEHz: this.blockE / net.nE / blockS,
      rateIHz: this.blockI / net.nI / blockS,
      chi,
      rate1sHz: rate1s,
      discharges: this.blockDischarges,
      lfpPa: this.blockLfp / this.ionStepInBlock,
      koMaxMm: koMax,
      koMeanMm: koSum / s.koMm.length,
      naiMeanMm: naiSum / net.n,
      naiMeanEMm: naiSumE / net.nE,
      eGabaMeanMv: eGabaMean,
      inSeizure: this.seizures.inSeizure,
    });
    this.blockE = 0;
    this.blockI = 0;
    this.blockLfp = 0;
    this.blockDischarges = 0;
    this.ionStepInBlock = 0;
  }

  /** Where the event dated to onsetMs started (recruitment.ts), and whether that is in the lesion. */
  private onsetPlace(onsetMs: number): EventOnset {
    const place = this.recruitment.onset(onsetMs);
    const lesion = this.sim.params.lesion;
    return {
      xMm: place.xMm,
      yMm: place.yMm,
      recruitedFromMs: place.recruitedFromMs,
      inLesion: lesion ? insideLesion(place.xMm, place.yMm, lesion) : null,
    };
  }

  /**
   * The events so far, copied; an event still going when the run ends gets its spread over the
   * tiles recruited so far (the detector's own record keeps it null until the event ends).
   */
  eventsSoFar(endMs: number): SeizureEvent[] {
    const events = this.seizures.events.map((e) => ({ ...e }));
    const last = events[events.length - 1];
    if (last && last.offsetMs === null && this.recruitment.open) Object.assign(last, this.recruitment.spread(endMs));
    return events;
  }

  /**
   * Open the scored window now: what came before (a run's settling time, in which a sheet leaves
   * the healthy working state it starts from for its own; docs/model.md, "The observation window")
   * is left out of the summary. The detector, the series and everything they need go on without
   * a break, so an event in progress stays one event and the 10 s before an event may reach back
   * into the settling time.
   */
  openWindow(): void {
    this.windowStartMs = this.sim.timeMs;
    this.spikesE = 0;
    this.spikesI = 0;
    this.koMaxMm = 0;
    this.naiMaxMm = 0;
    this.eGabaSumMv = 0;
    this.eGabaSamples = 0;
    this.chiSum = 0;
    this.chiCount = 0;
    this.chiMax = 0;
  }

  /**
   * Summary of the scored window: everything recorded so far, or since openWindow. Events that
   * overlap the window are reported (one that began while the run settled included, with its own
   * times, which count from the start of the run); the burden counts only their time inside it.
   */
  summary(): MonitorSummary {
    const sim = this.sim;
    const fromMs = this.windowStartMs;
    const endMs = sim.timeMs;
    const durationS = (endMs - fromMs) / 1000;
    const events = this.eventsSoFar(endMs).filter((e) => e.offsetMs === null || e.offsetMs > fromMs);
    return {
      windowStartS: fromMs / 1000,
      durationS,
      rateHz: {
        exc: durationS > 0 ? this.spikesE / sim.net.nE / durationS : 0,
        inh: durationS > 0 ? this.spikesI / sim.net.nI / durationS : 0,
      },
      chi: {
        mean: this.chiCount > 0 ? this.chiSum / this.chiCount : null,
        max: this.chiCount > 0 ? this.chiMax : null,
      },
      seizures: events,
      seizureReports: reportSeizures(this.series, events, this.discharges.timesMs, endMs),
      seizureBurden: endMs > fromMs ? this.seizures.timeInSeizureMs(endMs, fromMs) / (endMs - fromMs) : 0,
      interictalSpikes: this.interictal.timesMs.filter((t) => t >= fromMs).length,
      ions: {
        koMaxMm: this.koMaxMm,
        naiMaxMm: this.naiMaxMm,
        eGabaMeanMv: this.eGabaSamples > 0 ? this.eGabaSumMv / this.eGabaSamples : null,
      },
    };
  }
}

export interface MonitorSummary {
  /** Network time at which the scored window opened, s (0 unless the run settled first). */
  windowStartS: number;
  /** Length of the scored window, s. */
  durationS: number;
  rateHz: { exc: number; inh: number };
  chi: { mean: number | null; max: number | null };
  seizures: SeizureEvent[];
  /** Each event's figures (seizure-report.ts); needs the series, so empty for a live session that drops it. */
  seizureReports: SeizureReport[];
  seizureBurden: number;
  interictalSpikes: number;
  ions: { koMaxMm: number; naiMaxMm: number; eGabaMeanMv: number | null };
}
