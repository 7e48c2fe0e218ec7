/**
 * Responsive neurostimulation (issue 3, therapies beyond drugs; src/model/modifiers/rns.ts), on the 48 × 48
 * test sheet: the patient of public/scenarios/rns.json (a 0.5-mm focal dysplasia in a sheet with
 * gaba 0.8, which does not seize on its own, the lesion's cells binding carbamazepine at 35 %) on
 * carbamazepine, with and without the stimulator. On the drug this lesion holds the sheet in a
 * steady state that the detector reads as one event (README, "What the model does not (yet) do
 * well"; docs/notes/real-seizures.md §19), so what the device changes here is that reading.
 *
 * Clinically the device lowers seizure frequency by about half at first and three quarters after
 * years (Morrell 2011; Nair 2020), and few patients become seizure-free. The test asks the same of
 * the model across three seeds (three patients), over 120 s: without the device the lesion holds
 * the sheet in seizure; with it there is at most one event, ended by itself, and the burden is
 * at least halved on average, with every burst a 200-ms one and the stimulator on for at most a fifth of the time.
 */
import { describe, expect, it } from 'vitest';
import { RNS_BURST_MS, RNS_LOCKOUT_MS } from '../../src/model/modifiers/rns.ts';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { Simulation } from '../../src/model/simulation.ts';
import { runSheet, shippedScenario, TEST_SIDE } from './run-sheet.ts';

const DURATION_S = 120;
// The patient of public/scenarios/rns.json, read from the file, with the device switched per run.
const { params: RNS_SHEET, treatment: TREATMENT } = shippedScenario('rns');
const SHEET = { ...RNS_SHEET, rns: false };
const SEEDS = [1, 2, 3];

describe('responsive neurostimulation', () => {
  it('stimulating the lesion when it starts to burst at least halves the seizure burden', () => {
    const off = SEEDS.map((seed) => runSheet({ ...SHEET, seed }, DURATION_S, {}, TREATMENT));
    const on = SEEDS.map((seed) => runSheet({ ...SHEET, seed, rns: true }, DURATION_S, {}, TREATMENT));
    const mean = (runs: typeof off) => runs.reduce((a, r) => a + r.summary.seizureBurden, 0) / runs.length;
    // Without the device every patient's lesion takes the sheet and holds it: on carbamazepine its
    // event does not end (seed 1, 60 s: from 6.6 s, 14.5 Hz, burden 0.89).
    for (const r of off) {
      expect(r.summary.seizureBurden).toBeGreaterThan(0.5);
      expect(r.sim.stimulator.bursts).toBe(0);
    }
    // With it at most one event, ended by itself (seed 1: none, the sheet at 14.2 Hz, just under
    // the detector's onset: the device keeps the lesion from tipping the sheet over it; the same
    // mean rate as without it, docs/notes/real-seizures.md §10).
    for (const r of on) {
      expect(r.summary.seizures.length).toBeLessThanOrEqual(1);
      for (const e of r.summary.seizureReports) expect(e.endedByItself).toBe(true);
    }
    expect(mean(on)).toBeLessThanOrEqual(mean(off) / 2);
    for (const r of on) {
      // The device works: it fires, and never more than its charge limit allows.
      expect(r.sim.stimulator.bursts).toBeGreaterThan(DURATION_S / 3);
      const maxBursts = Math.ceil((DURATION_S * 1000) / (RNS_BURST_MS + RNS_LOCKOUT_MS));
      expect(r.sim.stimulator.bursts).toBeLessThanOrEqual(maxBursts);
    }
  });

  it('a burst silences the focus while it lasts', () => {
    const sim = new Simulation(withParams(defaultParams(), { side: TEST_SIDE, ...SHEET, rns: true, seed: 1 }));
    const net = sim.net;
    let lesionE = 0;
    for (let i = 0; i < net.nE; i++) lesionE += net.inLesion[i];
    const tally = { on: { spikes: 0, steps: 0 }, off: { spikes: 0, steps: 0 } };
    sim.advance(Math.round(10_000 / sim.dtMs), {
      afterStep(x) {
        const t = x.stimulator.stimulating ? tally.on : tally.off;
        t.steps++;
        for (let k = 0; k < x.state.spikeCount; k++) {
          const i = x.state.spikeIdx[k];
          if (i < net.nE && net.inLesion[i]) t.spikes++;
        }
      },
      afterIonStep() {},
    });
    const rateHz = (t: { spikes: number; steps: number }) => t.spikes / lesionE / ((t.steps * sim.dtMs) / 1000);
    expect(sim.stimulator.bursts).toBeGreaterThan(3);
    expect(tally.on.steps).toBeGreaterThan(0);
    // Cells refractory at a pulse escape it (they cannot respond), so the focus is not quite silent.
    expect(rateHz(tally.on)).toBeLessThan(rateHz(tally.off) / 5);
  });

  it('does nothing without a lesion, or once the lesion is resected', () => {
    const spikesOf = (params: Record<string, unknown>) => {
      const sim = new Simulation(withParams(defaultParams(), { side: 32, gaba: 0.7, seed: 4, ...params }));
      const n = sim.advance(Math.round(2000 / sim.dtMs));
      return { n, bursts: sim.stimulator.bursts };
    };
    expect(spikesOf({ rns: true })).toEqual(spikesOf({ rns: false }));
    const resected = { lesion: { xMm: 1, yMm: 1, radiusMm: 0.3 }, resected: true };
    expect(spikesOf({ ...resected, rns: true })).toEqual(spikesOf({ ...resected, rns: false }));
    expect(spikesOf({ ...resected, rns: true }).bursts).toBe(0);
  });
});
