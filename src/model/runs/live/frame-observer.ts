/**
 * What a live session reads from every step for its frames: the smoothed rates, the raw-spike
 * grid, the raster, the EEG proxy and the population spikes per ion step, and a hash of every
 * spike; it passes both phases on to the monitors.
 */
import type { Monitors } from '../../detect/monitors.ts';
import { FNV_OFFSET_BASIS, fnv1aWord } from '../../rng.ts';
import type { Network } from '../../sheet/network.ts';
import type { Simulation, StepObserver } from '../../simulation.ts';
import type { CellProbe } from './cell-probe.ts';
import type { SmoothedRates } from './smoothed-rates.ts';

/**
 * Cells shown in the spike raster: a fixed sample, spread evenly over each population, so a
 * frame's raster is small whatever the network's size (a 64 × 64 sheet at 10 Hz gives ~2
 * raster spikes per ms).
 */
export const RASTER_ROWS_E = 160;
export const RASTER_ROWS_I = 40;
/** At most this many raster spikes per frame (a seizure at 100 Hz for a 1-s chunk stays below). */
const RASTER_MAX_SPIKES = 65_536;

/**
 * Reads every step's spikes for the frame, and passes both phases on to the monitors. The
 * per-chunk series (raster, EEG, population spikes) are written into arrays the session gives it
 * for each chunk.
 */
export class FrameObserver implements StepObserver {
  spikeHash = FNV_OFFSET_BASIS;
  spikesInChunk = 0;
  /** Raster spikes of the chunk so far (scratch, copied out per frame). */
  rasterCount = 0;
  readonly rasterTimesMs = new Float32Array(RASTER_MAX_SPIKES);
  readonly rasterRows = new Uint16Array(RASTER_MAX_SPIKES);
  private chunkStartStep = 0;
  /** Per ion step of the chunk; replaced for every chunk. */
  eegPa = new Float32Array(0);
  spikesE = new Uint16Array(0);
  spikesI = new Uint16Array(0);
  spikedGrid = new Uint8Array(0);
  private sample = 0;
  private countE = 0;
  private countI = 0;
  /** The selected cell, watched step by step (null: none). */
  probe: CellProbe | null = null;
  private probeCell = -1;

  /** A watched cell's V is recorded every step, so threads (model/parallel) must not batch steps then. */
  get readsStateEachStep(): boolean {
    return this.probe !== null;
  }

  constructor(
    private readonly monitors: Monitors,
    private readonly rates: SmoothedRates,
    private readonly gridOfCell: Int32Array,
    /** Raster row of each cell, −1 when it is not in the raster. */
    private readonly rasterRowOfCell: Int16Array,
    private readonly nE: number,
  ) {}

  beginChunk(startStep: number, samples: number, steps: number): void {
    this.probeCell = this.probe ? this.probe.cell : -1;
    this.probe?.beginChunk(steps, samples);
    this.chunkStartStep = startStep;
    this.spikesInChunk = 0;
    this.rasterCount = 0;
    this.eegPa = new Float32Array(samples);
    this.spikesE = new Uint16Array(samples);
    this.spikesI = new Uint16Array(samples);
    this.spikedGrid = new Uint8Array(this.gridOfCell.length);
    this.sample = 0;
    // countE and countI carry on: spikes after the chunk's last ion step belong to the next
    // chunk's first sample (a chunk need not end on an ion step), not to no sample at all.
  }

  afterStep(sim: Simulation): void {
    this.monitors.afterStep(sim);
    const s = sim.state;
    const count = s.spikeCount;
    const idx = s.spikeIdx;
    const step = s.step;
    const grid = this.gridOfCell;
    const rowOf = this.rasterRowOfCell;
    const tMs = (step - this.chunkStartStep) * sim.dtMs;
    let h = this.spikeHash;
    for (let k = 0; k < count; k++) {
      const cell = idx[k];
      if (cell === this.probeCell) this.probe?.spike(tMs);
      this.rates.add(grid[cell]);
      this.spikedGrid[grid[cell]] = 1;
      h = fnv1aWord(fnv1aWord(h, step), cell);
      if (cell < this.nE) this.countE++;
      else this.countI++;
      const row = rowOf[cell];
      if (row >= 0 && this.rasterCount < RASTER_MAX_SPIKES) {
        this.rasterTimesMs[this.rasterCount] = tMs;
        this.rasterRows[this.rasterCount] = row;
        this.rasterCount++;
      }
    }
    this.spikeHash = h;
    this.spikesInChunk += count;
    this.rates.endStep();
    this.probe?.afterStep(s);
  }

  afterIonStep(sim: Simulation): void {
    this.monitors.afterIonStep(sim);
    this.probe?.afterIonStep(sim.state);
    if (this.sample < this.eegPa.length) {
      this.eegPa[this.sample] = this.monitors.eeg.valuePa;
      this.spikesE[this.sample] = Math.min(this.countE, 0xffff);
      this.spikesI[this.sample] = Math.min(this.countI, 0xffff);
      this.sample++;
    }
    this.countE = 0;
    this.countI = 0;
  }
}

/** The raster's cells: evenly spread over each population, in grid order (rows run along the sheet). */
export function rasterCells(nFirst: number, nEnd: number, rows: number, gridOfCell: Int32Array): number[] {
  const count = nEnd - nFirst;
  const take = Math.min(rows, count);
  const cells: number[] = [];
  for (let r = 0; r < take; r++) cells.push(nFirst + Math.floor(((r + 0.5) * count) / take));
  return cells.sort((a, b) => gridOfCell[a] - gridOfCell[b]);
}

/** Which cells the raster shows: each cell's row (−1: none) and each row's grid point, E rows first. */
export interface RasterLayout {
  rowOfCell: Int16Array;
  grid: Int32Array;
  rowsE: number;
  rowsI: number;
}

export function rasterLayout(net: Network): RasterLayout {
  const rasterE = rasterCells(0, net.nE, RASTER_ROWS_E, net.gridOfCell);
  const rasterI = rasterCells(net.nE, net.n, RASTER_ROWS_I, net.gridOfCell);
  const rowOfCell = new Int16Array(net.n).fill(-1);
  const grid = new Int32Array(rasterE.length + rasterI.length);
  [...rasterE, ...rasterI].forEach((cell, row) => {
    rowOfCell[cell] = row;
    grid[row] = net.gridOfCell[cell];
  });
  return { rowOfCell, grid, rowsE: rasterE.length, rowsI: rasterI.length };
}
