/**
 * One cell watched closely, for the view's "click a cell" panel: its membrane potential at every
 * step, its spikes, and per ion step the ions that explain what it does — its [Na⁺]i, the K⁺o of
 * its tile and its E_GABA. The live session owns at most one probe (the selected cell); the frame
 * observer feeds it, and each chunk's series leave in the frame by transfer, so the arrays are
 * new per chunk (a few kB) and nothing is allocated per step.
 */
import type { NetworkState } from '../../dynamics/state.ts';
import type { Network } from '../../sheet/network.ts';

/** The selected cell's share of a frame (Frame.probe). */
export interface CellProbeFrame {
  /** Grid point (y·side + x) of the cell. */
  grid: number;
  inhibitory: boolean;
  /** Its K⁺ tile (row-major, tilesPerSide × tilesPerSide). */
  tile: number;
  /** Length of one V sample (ms): one simulation step. */
  stepMs: number;
  /** V (mV) after each step of the chunk: sample k at frame.startMs + (k + 1)·stepMs. */
  vMv: Float32Array;
  /** Its spikes in the chunk: time after frame.startMs (ms). */
  spikeTimesMs: Float32Array;
  /** Per ion step of the chunk (frame.sampleMs, as frame.eegPa): [Na⁺]i (mM), its tile's K⁺o (mM), E_GABA (mV). */
  naiMm: Float32Array;
  koMm: Float32Array;
  eGabaMv: Float32Array;
}

/** At most this many spikes of the probed cell per chunk (400 ms at 1 kHz would be 400). */
const MAX_SPIKES_PER_CHUNK = 4096;

/** The first `count` values: the array itself when it is full (the usual case), else a copy. */
function filled(values: Float32Array, count: number): Float32Array {
  return count === values.length ? values : values.slice(0, count);
}

export class CellProbe {
  readonly cell: number;
  readonly tile: number;
  readonly inhibitory: boolean;
  private vMv = new Float32Array(0);
  private steps = 0;
  private naiMm = new Float32Array(0);
  private koMm = new Float32Array(0);
  private eGabaMv = new Float32Array(0);
  private samples = 0;
  private readonly spikeScratch = new Float32Array(MAX_SPIKES_PER_CHUNK);
  private spikes = 0;

  constructor(
    net: Network,
    readonly grid: number,
    private readonly dtMs: number,
  ) {
    if (!Number.isInteger(grid) || grid < 0 || grid >= net.n) {
      throw new RangeError(`a cell is a grid point 0…${net.n - 1}, not ${grid}`);
    }
    this.cell = net.cellAtGrid[grid];
    this.tile = net.tileOfCell[this.cell];
    this.inhibitory = this.cell >= net.nE;
  }

  beginChunk(steps: number, samples: number): void {
    this.vMv = new Float32Array(steps);
    this.naiMm = new Float32Array(samples);
    this.koMm = new Float32Array(samples);
    this.eGabaMv = new Float32Array(samples);
    this.steps = 0;
    this.samples = 0;
    this.spikes = 0;
  }

  afterStep(s: NetworkState): void {
    if (this.steps < this.vMv.length) this.vMv[this.steps++] = s.vMv[this.cell];
  }

  /** The probed cell fired at `tMs` after the chunk's start. */
  spike(tMs: number): void {
    if (this.spikes < MAX_SPIKES_PER_CHUNK) this.spikeScratch[this.spikes++] = tMs;
  }

  afterIonStep(s: NetworkState): void {
    const j = this.samples;
    if (j >= this.naiMm.length) return;
    this.naiMm[j] = s.naiMm[this.cell];
    this.koMm[j] = s.koMm[this.tile];
    this.eGabaMv[j] = s.eGabaMv[this.cell];
    this.samples++;
  }

  /** This chunk's series: arrays of their own (beginChunk makes new ones), safe to transfer. */
  frame(): CellProbeFrame {
    return {
      grid: this.grid,
      inhibitory: this.inhibitory,
      tile: this.tile,
      stepMs: this.dtMs,
      vMv: filled(this.vMv, this.steps),
      spikeTimesMs: this.spikeScratch.slice(0, this.spikes),
      naiMm: filled(this.naiMm, this.samples),
      koMm: filled(this.koMm, this.samples),
      eGabaMv: filled(this.eGabaMv, this.samples),
    };
  }

  /** The buffers of a probe frame, for a zero-copy transfer. */
  static transferables(frame: CellProbeFrame): ArrayBuffer[] {
    return [frame.vMv, frame.spikeTimesMs, frame.naiMm, frame.koMm, frame.eGabaMv].map((a) => a.buffer as ArrayBuffer);
  }
}
