/**
 * What a live session sends a view: a description of the network, once per build, and a Frame for
 * every chunk of simulated time. Plain data with typed arrays, so a worker can transfer it.
 */
import type { SeizureEvent } from '../../detect/seizure.ts';
import type { Lesion, Params } from '../../params.ts';
import { SHEET_MM } from '../../sheet/geometry.ts';
import type { Network } from '../../sheet/network.ts';
import { CellProbe, type CellProbeFrame } from './cell-probe.ts';
import type { RasterLayout } from './frame-observer.ts';

/** What the network is doing, in the three words the view shows. */
export type ActivityState = 'asynchronous' | 'interictal' | 'seizure';

/** A drug at the network's patient-clock time. */
export interface FrameDrug {
  drug: string;
  plasmaTotalMgL: number;
  brainUnboundUm: number;
  kpuu: number;
}

/** What does not change while a network lives: sent once per build. */
export interface SessionDescription {
  /** Increases with every network built by this session; frames carry it. */
  buildId: number;
  side: number;
  n: number;
  nE: number;
  dtMs: number;
  tilesPerSide: number;
  /** Per grid point (y·side + x): 1 where the cell is an interneuron. */
  isInhibitoryGrid: Uint8Array;
  /** Side of the (square, toroidal) sheet in mm. */
  sheetMm: number;
  /** The focal lesion, for the outline; null without one. */
  lesion: Lesion | null;
  /** Grid point of each raster row: E rows first (rasterRowsE), then I rows. */
  rasterGrid: Int32Array;
  rasterRowsE: number;
  rasterRowsI: number;
}

/** One chunk of simulated time, summarised for a view. */
export interface Frame {
  buildId: number;
  /** Simulated time at the end of the chunk. */
  timeMs: number;
  side: number;
  /** Per grid point (y·side + x): the cell's firing rate, exponentially smoothed (ACTIVITY_TAU_MS). */
  activity: Float32Array;
  /** Extracellular K⁺ per tile, row-major, tilesPerSide × tilesPerSide. */
  koTiles: Float32Array;
  /** Per grid point at the end of the chunk: intracellular Na⁺ (mM) and E_GABA (mV), for the ion maps. */
  naiGrid: Float32Array;
  eGabaGrid: Float32Array;
  /** The selected cell's membrane potential, spikes and ions over the chunk; null when none is selected. */
  probe: CellProbeFrame | null;
  /** Population means of `activity`: steadier than the 100-ms records when the network bursts. */
  smoothedRateEHz: number;
  smoothedRateIHz: number;
  /** From the last 100-ms record of the monitors; NaN before the first record (χ: first second). */
  rateEHz: number;
  rateIHz: number;
  chi: number;
  lfpPa: number;
  /** The seizure detector's state now. */
  inSeizure: boolean;
  /** Spikes in this chunk. */
  spikeCount: number;
  /** Simulated time at the start of the chunk. */
  startMs: number;
  /** Per grid point: 1 where the cell fired in this chunk (the opt-in raw-spike view). */
  spikedGrid: Uint8Array;
  /** Raster spikes of the chunk: time after startMs (ms) and row (description.rasterGrid). */
  rasterTimesMs: Float32Array;
  rasterRows: Uint16Array;
  /** Per ion step (≈ 1 ms) of the chunk: the EEG/LFP proxy (pA) and the spikes of each population. */
  eegPa: Float32Array;
  spikesE: Uint16Array;
  spikesI: Uint16Array;
  /** Length of one sample of eegPa, spikesE and spikesI (ms). */
  sampleMs: number;
  /** Asynchronous, interictal spikes (INTERICTAL_LABEL_COUNT in INTERICTAL_LABEL_MS), or a seizure-like event. */
  state: ActivityState;
  /** Interictal spikes since the network was built. */
  interictalCount: number;
  /** Every seizure-like event since the network was built (the last may still be going). */
  events: SeizureEvent[];
  /** Responsive neurostimulation: bursts so far and whether one is being delivered now. */
  rnsBursts: number;
  rnsStimulating: boolean;
  /** Vagus nerve stimulation on now (only with `vns`). */
  vnsOn: boolean;
  /** The treatment the network runs with, at its patient-clock time. */
  atHours: number;
  drugs: FrameDrug[];
  pgpEffective: number;
  /** FNV-1a over every (step, cell) spike since the network was built. */
  spikeHash: number;
  /** Threads that stepped the sheet at the end of the chunk (the spikes are the same for any count). */
  threads: number;
  /** The parameters the engine ran this chunk with (the view echoes them). */
  params: Params;
}

/** The buffers of a frame, for a zero-copy transfer to another thread. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  const buffers = [
    frame.activity,
    frame.koTiles,
    frame.naiGrid,
    frame.eGabaGrid,
    frame.spikedGrid,
    frame.rasterTimesMs,
    frame.rasterRows,
    frame.eegPa,
    frame.spikesE,
    frame.spikesI,
  ].map((a) => a.buffer as ArrayBuffer);
  return frame.probe ? buffers.concat(CellProbe.transferables(frame.probe)) : buffers;
}

/** The description of a newly built network (the `buildId`-th of its session). */
export function describeNetwork(
  net: Network,
  params: Params,
  buildId: number,
  dtMs: number,
  raster: RasterLayout,
): SessionDescription {
  const isInhibitoryGrid = new Uint8Array(net.n);
  for (let g = 0; g < net.n; g++) isInhibitoryGrid[g] = net.cellAtGrid[g] >= net.nE ? 1 : 0;
  return {
    buildId,
    side: net.side,
    n: net.n,
    nE: net.nE,
    dtMs,
    tilesPerSide: net.tilesPerSide,
    isInhibitoryGrid,
    sheetMm: SHEET_MM,
    lesion: params.lesion ? { ...params.lesion } : null,
    rasterGrid: raster.grid,
    rasterRowsE: raster.rowsE,
    rasterRowsI: raster.rowsI,
  };
}
