/**
 * The network's own update (the WebAssembly kernel) against closed-form solutions, in a sheet
 * with every input switched off: no background, no synaptic weights, no persistent sodium, ions
 * clamped. Tolerances are scaled to f32 precision and to the forward-Euler step.
 */
import { describe, expect, it } from 'vitest';
import { INHIBITORY } from '../../src/model/dynamics/cells.ts';
import { TAU_AMPA_MS, TAU_GABA_MS, TAU_NMDA_MS } from '../../src/model/dynamics/synapses.ts';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { Simulation } from '../../src/model/simulation.ts';

function silentSheet(): Simulation {
  const params = withParams(defaultParams(), { side: 16, drive: 0, glutamate: 0, gaba: 0, gNapRatio: 0 });
  return new Simulation(params, { ionsClamped: true });
}

describe('closed-form checks of the network update', () => {
  it('decays the membrane of a silent interneuron to EL as the Euler recurrence and the exponential', () => {
    const sim = silentSheet();
    const s = sim.state;
    const cell = sim.net.nE + 3;
    const v0 = -90;
    s.vMv.fill(-90);
    s.gAmpaNs.fill(0);
    s.gNmdaNs.fill(0);
    s.gGabaNs.fill(0);
    const dt = sim.dtMs;
    const tauMs = INHIBITORY.cPf / INHIBITORY.gLNs; // 20 ms
    const steps = 400;
    sim.advance(steps);
    const euler = INHIBITORY.eLMv + (v0 - INHIBITORY.eLMv) * (1 - dt / tauMs) ** steps;
    const exact = INHIBITORY.eLMv + (v0 - INHIBITORY.eLMv) * Math.exp((-steps * dt) / tauMs);
    // f32 state: a few ulp of 90 mV per step, at most ~1e-4 mV after 400 steps.
    expect(Math.abs(s.vMv[cell] - euler)).toBeLessThan(2e-4);
    // Forward Euler differs from the exponential by n(dt/τ)²/2 of the deviation, at most.
    const eulerBound = ((steps * (dt / tauMs) ** 2) / 2) * Math.abs(v0 - INHIBITORY.eLMv);
    expect(Math.abs(s.vMv[cell] - exact)).toBeLessThan(eulerBound);
    expect(Math.abs(s.vMv[cell] - exact)).toBeGreaterThan(0);
  });

  it('decays AMPA, NMDA and GABA_A conductances exactly exponentially', () => {
    const sim = silentSheet();
    const s = sim.state;
    s.vMv.fill(-90);
    const cell = 5;
    s.gAmpaNs[cell] = 10;
    s.gNmdaNs[cell] = 10;
    s.gGabaNs[cell] = 10;
    const steps = 300;
    sim.advance(steps);
    const t = steps * sim.dtMs;
    // Each step multiplies by the f32-rounded factor: relative error grows by ~1 ulp per step.
    const tolerance = steps * 1.2e-7;
    expect(s.gAmpaNs[cell] / (10 * Math.exp(-t / TAU_AMPA_MS)) - 1).toBeLessThan(tolerance);
    expect(Math.abs(s.gNmdaNs[cell] / (10 * Math.exp(-t / TAU_NMDA_MS)) - 1)).toBeLessThan(tolerance);
    expect(Math.abs(s.gGabaNs[cell] / (10 * Math.exp(-t / TAU_GABA_MS)) - 1)).toBeLessThan(tolerance);
  });

  it('produces no spike and no drift in a silent sheet at rest', () => {
    const sim = silentSheet();
    const s = sim.state;
    for (let i = 0; i < sim.net.n; i++) s.vMv[i] = i < sim.net.nE ? -70.6 : -70;
    s.gAmpaNs.fill(0);
    s.gNmdaNs.fill(0);
    s.gGabaNs.fill(0);
    s.wPa.fill(0);
    expect(sim.advance(2000)).toBe(0);
    for (let i = 0; i < sim.net.n; i++) expect(Math.abs(s.vMv[i] - (i < sim.net.nE ? -70.6 : -70))).toBeLessThan(1e-3);
  });
});
