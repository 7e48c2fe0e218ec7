import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvComments, csvField, csvRow, decimalsOf, fixed, fixedTicks } from '../../src/export/csv.ts';
import { coverageText, ExportError, RUN_TABLES, runCsv, runCsvFileName } from '../../src/export/run-csv.ts';
import { RECORD_WINDOW_S, RunRecorder } from '../../src/export/run-recorder.ts';
import { scenarioFile } from '../../src/export/scenario-export.ts';
import { defaultParams, type Params, withParams } from '../../src/model/params.ts';
import type { Frame, SessionDescription } from '../../src/model/runs/live/frame.ts';
import { LiveSession } from '../../src/model/runs/live/session.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { runCli } from '../cli/helpers.ts';
import { type CsvTable, numbers, readCsv, strings } from './csv-reader.ts';

/**
 * A small disinhibited sheet (24 × 24, gaba 0.3) seizes within a few seconds, so one short run
 * exercises every table. Chunks of uneven length (as a browser's frames are) cross sample and
 * bin boundaries.
 */
const RUN_MS = 4000;
const CHUNKS_MS = [16.3, 100, 33.3, 50.4];
const PARAMS: Params = withParams(defaultParams(), { side: 24, seed: 5, gaba: 0.3 });
const TREATMENT = { drugs: ['phenytoin=200/12'], atHours: 72 };

interface Run {
  description: SessionDescription;
  frames: Frame[];
  recorder: RunRecorder;
}

function runSession(recorder: RunRecorder, params: Params = PARAMS, runMs = RUN_MS): Run {
  const session = new LiveSession(params, TREATMENT);
  const description = session.description();
  recorder.setDescription(description);
  const frames: Frame[] = [];
  for (let k = 0; session.timeMs < runMs - 1e-9; k++) {
    const ms = Math.min(CHUNKS_MS[k % CHUNKS_MS.length], runMs - session.timeMs);
    const frame = session.advance(ms);
    frames.push(frame);
    recorder.record(frame);
  }
  return { description, frames, recorder };
}

function table(run: Run, name: (typeof RUN_TABLES)[number]): CsvTable {
  return readCsv(runCsv(run.recorder, name, { treatment: TREATMENT }));
}

describe('CSV writing', () => {
  it('quotes only the fields that need it, RFC 4180 style', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvRow(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
    expect(readCsv(`${csvComments(['x, y', 'z\nw'])}${csvRow(['h1', 'h2'])}${csvRow(['a "q"', '1,2'])}`)).toEqual({
      comments: ['x, y', 'z w'],
      header: ['h1', 'h2'],
      rows: [['a "q"', '1,2']],
    });
  });

  it('writes unknown values as empty fields and times with the decimals of their step', () => {
    expect(fixed(Number.NaN, 2)).toBe('');
    expect(fixed(1.005, 1)).toBe('1.0');
    expect(decimalsOf(0.1)).toBe(1);
    expect(decimalsOf(1)).toBe(0);
    expect(decimalsOf(0.025)).toBe(3);
    for (const [ticks, decimals] of [
      [0, 1],
      [7, 1],
      [1234, 1],
      [50, 2],
      [5, 3],
      [120_000_0, 1],
      [42, 0],
    ]) {
      expect(fixedTicks(ticks, decimals)).toBe((ticks / 10 ** decimals).toFixed(decimals));
    }
  });
});

describe('run export', () => {
  let run: Run;
  let dir: string;
  beforeAll(() => {
    run = runSession(new RunRecorder());
    dir = mkdtempSync(join(tmpdir(), 'refractory-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to export before anything was recorded', () => {
    const recorder = new RunRecorder();
    expect(() => runCsv(recorder, 'eeg', { treatment: TREATMENT })).toThrow(ExportError);
    expect(coverageText(recorder)).toBe('Nothing recorded yet.');
  });

  it('every file is self-describing: metadata lines, then a header with units explained', () => {
    for (const name of RUN_TABLES) {
      const t = table(run, name);
      const meta = t.comments.join('\n');
      expect(meta).toMatch(/educational model, not medical advice/);
      expect(meta).toContain('seed: 5');
      expect(meta).toContain('settings: gaba=0.3, side=24, seed=5; phenytoin=200/12 at 72 h');
      expect(meta).toContain(`covers: Simulated time 0.0 s to 4.0 s (the page keeps the last ${RECORD_WINDOW_S} s`);
      for (const column of t.header) expect(meta).toContain(column);
      const scenarioLine = t.comments.find((c) => c.startsWith('scenario'));
      const json = JSON.parse((scenarioLine as string).slice((scenarioLine as string).indexOf('{')));
      expect(validateScenario(json)).toMatchObject({ name: 'exported-settings', durationS: 4 });
      expect(json).toEqual(scenarioFile(PARAMS, TREATMENT, 4));
    }
    expect(runCsvFileName(run.recorder, 'spikes')).toBe('refractory-seed5-t4.0s-spikes.csv');
  });

  it('spikes: every raster spike of the run, at its time, row, grid point and population', () => {
    const t = table(run, 'spikes');
    expect(t.header).toEqual(['time_ms', 'row', 'grid_cell', 'grid_x', 'grid_y', 'population']);
    const expected: string[] = [];
    for (const f of run.frames) {
      for (let k = 0; k < f.rasterTimesMs.length; k++) {
        const row = f.rasterRows[k];
        const grid = run.description.rasterGrid[row];
        expected.push(
          [
            (f.startMs + f.rasterTimesMs[k]).toFixed(1),
            row,
            grid,
            grid % 24,
            Math.floor(grid / 24),
            row < run.description.rasterRowsE ? 'E' : 'I',
          ].join(','),
        );
      }
    }
    expect(expected.length).toBeGreaterThan(1000);
    expect(t.rows.map((r) => r.join(','))).toEqual(expected);
  });

  it('eeg: one row per 1-ms sample; its spike counts give the rates the command line reports for the exported scenario', () => {
    const t = table(run, 'eeg');
    expect(t.header).toEqual(['time_ms', 'eeg_pa', 'spikes_e', 'spikes_i']);
    expect(numbers(t, 'time_ms')).toEqual(Array.from({ length: RUN_MS }, (_, k) => k));
    const eeg = run.frames.flatMap((f) => [...f.eegPa]);
    expect(strings(t, 'eeg_pa')).toEqual(eeg.map((x) => x.toFixed(3)));
    const spikesE = numbers(t, 'spikes_e').reduce((a, b) => a + b, 0);
    const spikesI = numbers(t, 'spikes_i').reduce((a, b) => a + b, 0);
    expect(spikesE + spikesI).toBe(run.frames.reduce((a, f) => a + f.spikeCount, 0));

    const file = join(dir, 'exported.json');
    const metaLine = t.comments.find((c) => c.startsWith('scenario')) as string;
    writeFileSync(file, metaLine.slice(metaLine.indexOf('{')));
    const cli = runCli(['run', '--scenario', file, '--json']);
    expect(cli.stderr).toBe('');
    const report = JSON.parse(cli.stdout);
    expect(report.durationS).toBe(4);
    expect(report.rateHz.exc).toBeCloseTo(spikesE / run.description.nE / 4, 12);
    expect(report.rateHz.inh).toBeCloseTo(spikesI / (run.description.n - run.description.nE) / 4, 12);
    expect(report.seizures.map((s: { onsetS: number }) => s.onsetS * 1000)).toEqual(
      run.recorder.events.map((e) => e.onsetMs),
    );
  });

  it('rates: 10-ms bins from the same spikes, with χ and the state the page showed', () => {
    const t = table(run, 'rates');
    expect(t.header).toEqual(['time_ms', 'rate_e_hz', 'rate_i_hz', 'chi', 'state']);
    expect(t.rows.length).toBe(RUN_MS / 10);
    const eeg = table(run, 'eeg');
    const spikesE = numbers(eeg, 'spikes_e');
    const nE = run.description.nE;
    const rates = numbers(t, 'rate_e_hz');
    for (let b = 0; b < rates.length; b++) {
      const sum = spikesE.slice(10 * b, 10 * b + 10).reduce((a, x) => a + x, 0);
      expect(rates[b]).toBeCloseTo((sum * 1000) / (nE * 10), 3);
    }
    const chi = numbers(t, 'chi');
    expect(chi.slice(0, 90).every(Number.isNaN)).toBe(true);
    expect(chi.slice(110).every((x) => x >= 0 && x <= 1)).toBe(true);
    const states = strings(t, 'state');
    expect(new Set(states).size).toBeGreaterThan(1);
    for (const s of states) expect(['asynchronous', 'interictal', 'seizure']).toContain(s);
    // The state of a bin is the state of the frame that covered its end.
    const last = run.frames[run.frames.length - 1];
    expect(states[states.length - 1]).toBe(last.state);
  });

  it('events: onset, offset, duration, place and spread of each seizure-like event', () => {
    const t = table(run, 'events');
    expect(t.header).toEqual([
      'onset_ms',
      'offset_ms',
      'duration_ms',
      'onset_x_mm',
      'onset_y_mm',
      'in_lesion',
      'spread_mm_per_s',
      'recruited_share',
    ]);
    const events = run.frames[run.frames.length - 1].events;
    expect(events.length).toBeGreaterThan(0);
    expect(numbers(t, 'onset_ms')).toEqual(events.map((e) => Number(e.onsetMs.toFixed(1))));
    expect(numbers(t, 'onset_x_mm')).toEqual(events.map((e) => Number(e.onsetXMm.toFixed(3))));
    expect(strings(t, 'in_lesion').every((x) => x === '')).toBe(true);
    for (const [k, e] of events.entries()) {
      expect(t.rows[k][1]).toBe(e.offsetMs === null ? '' : e.offsetMs.toFixed(1));
      // Empty while the event lasts (the spread is measured once it ends) or when not measurable.
      expect(t.rows[k][6]).toBe(e.spreadMmPerS === null ? '' : e.spreadMmPerS.toFixed(3));
      expect(t.rows[k][7]).toBe(e.recruitedShare === null ? '' : e.recruitedShare.toFixed(3));
    }
  });
});

describe('RunRecorder', () => {
  it('keeps only the last window of simulated time, in rings it never reallocates', () => {
    const recorder = new RunRecorder(1000, 1024, 64);
    const session = new LiveSession(PARAMS);
    recorder.setDescription(session.description());
    recorder.record(session.advance(50));
    const rings = [recorder.eegPa, recorder.rasterStep, recorder.frameEndMs];
    for (let k = 0; k < 30; k++) recorder.record(session.advance(100));
    expect([recorder.eegPa, recorder.rasterStep, recorder.frameEndMs]).toEqual(rings);
    expect(recorder.eegPa).toBe(rings[0]);
    expect(recorder.coveredFromMs()).toBe(2050);
    const eeg = readCsv(runCsv(recorder, 'eeg', { treatment: TREATMENT }));
    expect(eeg.rows.length).toBe(1000);
    expect(numbers(eeg, 'time_ms')[0]).toBe(2050);
    const spikes = readCsv(runCsv(recorder, 'spikes', { treatment: TREATMENT }));
    // 1024 raster spikes hold less than the second of this seizing sheet: the file says so.
    expect(spikes.rows.length).toBe(1024);
    expect(spikes.comments.join('\n')).toMatch(/spikes before \d+\.\d s were dropped/);
    expect(numbers(spikes, 'time_ms')[0]).toBeGreaterThan(2050);
    const rates = readCsv(runCsv(recorder, 'rates', { treatment: TREATMENT }));
    expect(numbers(rates, 'time_ms')[0]).toBe(2050);
    expect(rates.rows.length).toBe(100);
  });

  it('starts again with a new network, ignores frames of another, and notes settings changed while recording', () => {
    const recorder = new RunRecorder();
    const session = new LiveSession(PARAMS);
    recorder.setDescription(session.description());
    recorder.record(session.advance(200));
    session.setParams(withParams(PARAMS, { gaba: 0.5 }));
    recorder.record(session.advance(200));
    expect(recorder.settingsChangedAtMs).toBe(200);
    expect(readCsv(runCsv(recorder, 'eeg', { treatment: TREATMENT })).comments.join('\n')).toContain(
      'settings changed during the recording, last at 0.2 s',
    );
    session.reset();
    const rebuilt = session.description();
    expect(rebuilt.buildId).not.toBe(recorder.description?.buildId);
    expect(recorder.record(session.advance(100))).toBe(false);
    recorder.setDescription(rebuilt);
    expect(recorder.empty).toBe(true);
    expect(recorder.record(session.advance(0))).toBe(false);
    expect(recorder.record(session.advance(100))).toBe(true);
    expect(readCsv(runCsv(recorder, 'eeg', { treatment: TREATMENT })).rows.length).toBe(100);
  });
});
