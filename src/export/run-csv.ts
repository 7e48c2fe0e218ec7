/**
 * The recorded run (src/export/run-recorder.ts) as four CSV files, each with metadata lines
 * (src/export/csv.ts) that make it self-describing: what it holds and over which simulated time,
 * the seed, the settings and treatment in the command line's words, the same settings as a
 * one-line scenario file, and every column with its unit.
 *
 *   spikes  time_ms, row, grid_cell, grid_x, grid_y, population       the raster sample's spikes
 *   eeg     time_ms, eeg_pa, spikes_e, spikes_i                        one row per 1-ms sample
 *   rates   time_ms, rate_e_hz, rate_i_hz, chi, state                  one row per 10-ms bin
 *   events  onset_ms, offset_ms, duration_ms, onset_x_mm, onset_y_mm, in_lesion, spread_mm_per_s,
 *           recruited_share
 *
 * Pure: no DOM (the page turns the text into a download).
 */

import { RECRUIT_LOOKBACK_MS, RECRUIT_RATE_HZ } from '../model/detect/recruitment.ts';
import type { Treatment } from '../model/pharmacology/treatment.ts';
import type { Scenario } from '../model/scenario.ts';
import { SHEET_MM } from '../model/sheet/geometry.ts';
import { CSV_LINE_END, csvComments, csvRow, decimalsOf, fixed, fixedTicks } from './csv.ts';
import { RECORD_WINDOW_S, type RunRecorder, STATE_CODES } from './run-recorder.ts';
import { exportDurationS, scenarioFile, settingsText } from './scenario-export.ts';

export type RunTable = 'spikes' | 'eeg' | 'rates' | 'events';
export const RUN_TABLES: readonly RunTable[] = ['spikes', 'eeg', 'rates', 'events'];

/** Width of a bin of the rates file (as the plots' population rates). */
export const RATES_BIN_MS = 10;

/** What the page knows besides the recording: the treatment asked for and the shipped presets. */
export interface RunExportContext {
  treatment: Treatment;
  presets?: readonly Scenario[];
}

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

const TITLES: Readonly<Record<RunTable, string>> = {
  spikes: 'spikes of the raster sample (the cells of the spike raster)',
  eeg: 'LFP/EEG proxy and population spike counts per sample',
  rates: 'population rates, synchrony and state per 10-ms bin',
  events: 'seizure-like events',
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** What a download holds, in words (also shown on the page next to the buttons). */
export function coverageText(recorder: RunRecorder): string {
  if (recorder.empty) return 'Nothing recorded yet.';
  const from = recorder.coveredFromMs();
  const kept = `the page keeps the last ${RECORD_WINDOW_S} s of simulated time of the current network`;
  return `Simulated time ${seconds(from)} to ${seconds(recorder.timeMs)} (${kept}; events since it was built).`;
}

function metadata(recorder: RunRecorder, table: RunTable, context: RunExportContext, columns: string[]): string {
  const d = recorder.description;
  const params = recorder.params;
  if (!d || !params || recorder.empty) {
    throw new ExportError('nothing has been recorded yet: let the simulation run, then export');
  }
  const scenario = scenarioFile(params, context.treatment, exportDurationS(recorder.timeMs), context.presets);
  const lines = [
    `Refractory run export: ${TITLES[table]}. An educational model, not medical advice.`,
    `covers: ${coverageText(recorder)}`,
    `network: ${d.side} x ${d.side} cells (${d.nE} pyramidal, ${d.n - d.nE} interneurons), dt ${d.dtMs} ms`,
    `seed: ${params.seed}`,
    `settings: ${settingsText(params, context.treatment)}`,
  ];
  if (recorder.settingsChangedAtMs >= recorder.coveredFromMs()) {
    lines.push(
      `settings changed during the recording, last at ${seconds(recorder.settingsChangedAtMs)}; the settings above are those at its end`,
    );
  }
  if (table === 'spikes' && Number.isFinite(recorder.rasterCompleteFromMs)) {
    lines.push(`spikes before ${seconds(recorder.rasterCompleteFromMs)} were dropped: more than the page can keep`);
  }
  lines.push(
    `scenario (save the JSON after "scenario: " as a file and run it with: npm run sim -- run --scenario FILE.json): ${JSON.stringify(scenario)}`,
    ...columns,
    "read with: pandas.read_csv(path, comment='#'), R read.csv(path, comment.char = '#'), or skip the lines starting with #",
  );
  return csvComments(lines);
}

function spikesCsv(r: RunRecorder, context: RunExportContext): string {
  const d = r.description;
  if (!d) throw new ExportError('nothing has been recorded yet: let the simulation run, then export');
  const last = d.rasterRowsE + d.rasterRowsI - 1;
  let out = metadata(r, 'spikes', context, [
    'time_ms: spike time (ms of simulated time since the network was built)',
    `row: raster row, 0-${d.rasterRowsE - 1} pyramidal cells, ${d.rasterRowsE}-${last} interneurons (as on the page)`,
    `grid_cell: the cell's grid point, grid_y * ${d.side} + grid_x; grid_x, grid_y: its column and row on the ${d.side} x ${d.side} grid (0 at the top left; the sheet is ${SHEET_MM} mm across)`,
    'population: E (pyramidal, excitatory) or I (interneuron, inhibitory)',
  ]);
  out += csvRow(['time_ms', 'row', 'grid_cell', 'grid_x', 'grid_y', 'population']);
  const decimals = decimalsOf(d.dtMs);
  // Spike times as whole ticks of the last decimal written (dt 0.2 ms: two ticks of 0.1 ms per step).
  const ticksPerStep = Math.round(d.dtMs * 10 ** decimals);
  const capacity = r.rasterCapacity;
  for (let k = r.rasterStart; k < r.rasterEnd; k++) {
    const slot = k % capacity;
    const row = r.rasterRow[slot];
    const grid = d.rasterGrid[row];
    const x = grid % d.side;
    out += `${fixedTicks(r.rasterStep[slot] * ticksPerStep, decimals)},${row},${grid},${x},${(grid - x) / d.side},${row < d.rasterRowsE ? 'E' : 'I'}${CSV_LINE_END}`;
  }
  return out;
}

function eegCsv(r: RunRecorder, context: RunExportContext): string {
  let out = metadata(r, 'eeg', context, [
    `time_ms: start of the sample (each sample is ${r.sampleMs} ms of simulated time)`,
    'eeg_pa: LFP/EEG proxy, the mean synaptic current onto pyramidal cells over the sample (pA)',
    'spikes_e, spikes_i: spikes of all pyramidal cells and of all interneurons in the sample (count)',
  ]);
  out += csvRow(['time_ms', 'eeg_pa', 'spikes_e', 'spikes_i']);
  const decimals = decimalsOf(r.sampleMs);
  const capacity = r.eegPa.length;
  for (let k = r.sampleStart; k < r.sampleEnd; k++) {
    const slot = k % capacity;
    out += `${(k * r.sampleMs).toFixed(decimals)},${fixed(r.eegPa[slot], 3)},${r.spikesE[slot]},${r.spikesI[slot]}${CSV_LINE_END}`;
  }
  return out;
}

function ratesCsv(r: RunRecorder, context: RunExportContext): string {
  const d = r.description;
  if (!d) throw new ExportError('nothing has been recorded yet: let the simulation run, then export');
  const perBin = Math.max(1, Math.round(RATES_BIN_MS / r.sampleMs));
  const binMs = perBin * r.sampleMs;
  let out = metadata(r, 'rates', context, [
    `time_ms: start of the bin (each bin is ${binMs} ms of simulated time)`,
    `rate_e_hz, rate_i_hz: mean firing rate of the pyramidal cells (${d.nE}) and of the interneurons (${d.n - d.nE}) in the bin (Hz per cell)`,
    'chi: synchrony chi (0 independent ... 1 in lockstep) over the 1-s window the engine last reported when the bin ended; empty in the first second',
    'state: what the network was doing when the bin ended: asynchronous, interictal or seizure (as the page says it)',
  ]);
  out += csvRow(['time_ms', 'rate_e_hz', 'rate_i_hz', 'chi', 'state']);
  const scaleE = 1000 / (d.nE * binMs);
  const scaleI = 1000 / ((d.n - d.nE) * binMs);
  const capacity = r.eegPa.length;
  const timeDecimals = decimalsOf(binMs);
  let frame = r.frameStart;
  for (let bin = Math.ceil(r.sampleStart / perBin); (bin + 1) * perBin <= r.sampleEnd; bin++) {
    let e = 0;
    let i = 0;
    for (let k = bin * perBin; k < (bin + 1) * perBin; k++) {
      e += r.spikesE[k % capacity];
      i += r.spikesI[k % capacity];
    }
    const endMs = (bin + 1) * binMs;
    while (frame < r.frameEnd - 1 && r.frameEndMs[frame % r.frameCapacity] < endMs - 1e-6) frame++;
    const slot = frame % r.frameCapacity;
    out += `${(bin * binMs).toFixed(timeDecimals)},${fixed(e * scaleE, 3)},${fixed(i * scaleI, 3)},${fixed(r.frameChi[slot], 4)},${STATE_CODES[r.frameState[slot]]}${CSV_LINE_END}`;
  }
  return out;
}

function eventsCsv(r: RunRecorder, context: RunExportContext): string {
  const lesion = r.description?.lesion ?? null;
  let out = metadata(r, 'events', context, [
    'every seizure-like event since the network was built (not only those in the recording window)',
    'onset_ms, offset_ms: when the detector dated its start and end (ms of simulated time); offset and duration empty while it lasts',
    'duration_ms: offset_ms - onset_ms',
    `onset_x_mm, onset_y_mm: where it began, the centre of the patch of K+ tiles whose 1-s pyramidal-cell rate reached ${RECRUIT_RATE_HZ} Hz first, in the ${RECRUIT_LOOKBACK_MS / 1000} s before onset (mm, 0 at the top left)`,
    lesion
      ? `in_lesion: whether it began inside the lesion (centre ${lesion.xMm}, ${lesion.yMm} mm, radius ${lesion.radiusMm} mm)`
      : 'in_lesion: empty (this network has no lesion)',
    'spread_mm_per_s: how fast the tiles reaching that rate moved away from the onset (mm/s); empty while the event lasts or when it could not be measured',
    'recruited_share: share of the K+ tiles that reached that rate over the event (0 to 1); empty while it lasts',
  ]);
  out += csvRow([
    'onset_ms',
    'offset_ms',
    'duration_ms',
    'onset_x_mm',
    'onset_y_mm',
    'in_lesion',
    'spread_mm_per_s',
    'recruited_share',
  ]);
  for (const event of r.events) {
    const ended = event.offsetMs !== null;
    out += csvRow([
      fixed(event.onsetMs, 1),
      ended ? fixed(event.offsetMs as number, 1) : '',
      ended ? fixed((event.offsetMs as number) - event.onsetMs, 1) : '',
      fixed(event.onsetXMm, 3),
      fixed(event.onsetYMm, 3),
      lesion && event.onsetInLesion !== null ? String(event.onsetInLesion) : '',
      event.spreadMmPerS === null ? '' : fixed(event.spreadMmPerS, 3),
      event.recruitedShare === null ? '' : fixed(event.recruitedShare, 3),
    ]);
  }
  return out;
}

const WRITERS: Readonly<Record<RunTable, (r: RunRecorder, context: RunExportContext) => string>> = {
  spikes: spikesCsv,
  eeg: eegCsv,
  rates: ratesCsv,
  events: eventsCsv,
};

/** One table of the recorded run as CSV text; ExportError when nothing has been recorded. */
export function runCsv(recorder: RunRecorder, table: RunTable, context: RunExportContext): string {
  return WRITERS[table](recorder, context);
}

/** A file name for a table: "refractory-seed1-t45.3s-spikes.csv". */
export function runCsvFileName(recorder: RunRecorder, table: RunTable): string {
  const seed = recorder.params?.seed ?? 0;
  return `refractory-seed${seed}-t${(recorder.timeMs / 1000).toFixed(1)}s-${table}.csv`;
}
