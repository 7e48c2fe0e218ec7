/**
 * Responsive neurostimulation (issue 3, therapies beyond drugs; src/model/modifiers/rns.ts), on the 48 × 48
 * test sheet: the patient of public/scenarios/rns.json (the focal-dysplasia patient: a 0.5-mm
 * lesion in a patch whose glia clear K⁺ poorly, kClearance 0.6) on carbamazepine, with and without
 * the stimulator.
 *
 * What the model's device does is its immediate effect only: each detection silences the focus for
 * 200 ms. On this patient, whose seizures the whole poorly buffered patch sustains, that does not
 * reduce the seizures (docs/notes/real-seizures.md §25; seeds 1–5 at 48 × 48: burden 0.432–0.438
 * off, 0.430–0.432 on, each seizure 1–4 s later). Clinically the device lowers seizure frequency by
 * about 38 % (against 17 % on sham) in the blinded months and three quarters after years (Morrell
 * 2011; Nair 2020), probably through slow network changes this model does not have; the lesson and
 * the lecture say so. The test pins what the model shows, with a margin, on three seeds over 120 s:
 * the device fires about once a second within its charge limit, every seizure still starts in the
 * lesion and ends by itself, and the burden with the device is at least nine tenths of the burden
 * without it (the "some fewer" line of the lesson is a drop of a tenth).
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
  it('stimulating the lesion each time it bursts does not reduce seizures the whole patch sustains', () => {
    const off = SEEDS.map((seed) => runSheet({ ...SHEET, seed }, DURATION_S, {}, TREATMENT));
    const on = SEEDS.map((seed) => runSheet({ ...SHEET, seed, rns: true }, DURATION_S, {}, TREATMENT));
    const maxBursts = Math.ceil((DURATION_S * 1000) / (RNS_BURST_MS + RNS_LOCKOUT_MS));
    SEEDS.forEach((seed, k) => {
      const [a, b] = [off[k], on[k]];
      // Without the device: seizures that recur (seed 1: 6.4–31.9 s and 67.9–94.9 s, 34–36 Hz).
      expect(a.sim.stimulator.bursts, `seed ${seed}`).toBe(0);
      expect(a.summary.seizures.length, `seed ${seed}`).toBeGreaterThanOrEqual(2);
      // The device works: about once a second, never more than its charge limit allows.
      expect(b.sim.stimulator.bursts, `seed ${seed}`).toBeGreaterThan(0.8 * DURATION_S);
      expect(b.sim.stimulator.bursts, `seed ${seed}`).toBeLessThanOrEqual(maxBursts);
      // With it the seizures still come, from the lesion, each ended by itself, no fewer.
      expect(b.summary.seizures.length, `seed ${seed}`).toBe(a.summary.seizures.length);
      for (const e of b.summary.seizureReports) expect(e.onsetInLesion, `seed ${seed}`).toBe(true);
      for (const e of b.summary.seizureReports.slice(0, -1)) expect(e.endedByItself, `seed ${seed}`).toBe(true);
      expect(b.summary.seizureBurden, `seed ${seed}`).toBeGreaterThanOrEqual(0.9 * a.summary.seizureBurden);
      // The silenced focus delays the first seizure, never brings it forward.
      expect(b.summary.seizures[0].onsetMs, `seed ${seed}`).toBeGreaterThan(a.summary.seizures[0].onsetMs);
    });
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
