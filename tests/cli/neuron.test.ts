/** `neuron`: the reference protocol through the command line. */
import { describe, expect, it } from 'vitest';
import type { NeuronReport } from '../../src/cli/commands/neuron.ts';
import { simulateReferenceNeuron } from '../../src/model/reference/single-neuron.ts';
import { runCli } from './helpers.ts';

describe('neuron', () => {
  it('--json gives the reference module’s spike times and the rate', () => {
    const r = runCli([
      'neuron',
      '--type',
      'E',
      '--current-pa',
      '700',
      '--duration-ms',
      '400',
      '--set',
      'gNapRatio=0.3',
      '--json',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as NeuronReport;
    const expected = simulateReferenceNeuron({
      type: 'E',
      currentPa: 700,
      durationMs: 400,
      dtMs: 0.01,
      gNapRatio: 0.3,
    });
    expect(report).toEqual({
      type: 'E',
      currentPa: 700,
      durationMs: 400,
      dtMs: 0.01,
      gNapRatio: 0.3,
      spikeTimesMs: expected.spikeTimesMs,
      rateHz: expected.spikeTimesMs.length / 0.4,
    });
    expect(report.spikeTimesMs.length).toBeGreaterThan(5);
  });

  it('uses the defaults: 500 pA, 1000 ms, dt 0.01 ms, the table’s gNapRatio', () => {
    const report = JSON.parse(runCli(['neuron', '--type', 'I', '--json']).stdout) as NeuronReport;
    expect(report).toMatchObject({ type: 'I', currentPa: 500, durationMs: 1000, dtMs: 0.01, gNapRatio: 0.2 });
    const expected = simulateReferenceNeuron({
      type: 'I',
      currentPa: 500,
      durationMs: 1000,
      dtMs: 0.01,
      gNapRatio: 0.2,
    });
    expect(report.spikeTimesMs).toEqual(expected.spikeTimesMs);
  });

  it('accepts a negative current and a coarser step', () => {
    const report = JSON.parse(
      runCli(['neuron', '--type', 'E', '--current-pa', '-50', '--dt-ms', '0.1', '--json']).stdout,
    ) as NeuronReport;
    expect(report.currentPa).toBe(-50);
    expect(report.dtMs).toBe(0.1);
    expect(report.spikeTimesMs).toEqual([]);
    expect(report.rateHz).toBe(0);
  });

  it('prints the spike times as text', () => {
    const r = runCli(['neuron', '--type', 'I', '--current-pa', '300', '--duration-ms', '100']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('fast-spiking interneuron (I), gNapRatio 0.2');
    expect(r.stdout).toMatch(/spikes +5 \(50\.00 Hz\)/);
    expect(r.stdout).toContain('19.00 39.00 59.00 79.00 99.00');
  });
});
