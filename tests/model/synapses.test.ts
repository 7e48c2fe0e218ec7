/**
 * Spike delivery: every synaptic event written into the delay rings arrives once, at the step its
 * axonal delay says, and none is lost.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { Simulation, type StepObserver } from '../../src/model/simulation.ts';

function sum(a: Float32Array, from = 0, to = a.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x += a[i];
  return x;
}

describe('delay rings', () => {
  it('deliver every written event exactly once (counting, with full recovery so each E spike writes 1)', () => {
    // With τrec far below a step, the resource is full at every spike: each E synapse carries
    // exactly one unit, like each I synapse, and f32 sums of counts are exact.
    const params = withParams(defaultParams(), { side: 16, gaba: 0.4, drive: 1.5 });
    const sim = new Simulation(params, { weights: { resourceTauMs: 1e-6 }, ionsClamped: true });
    const s = sim.state;
    const n = sim.net.n;
    const slots = s.ringSlots;
    let written = 0;
    let delivered = 0;
    let pendingDelivery = 0;
    let spikes = 0;
    const observer: StepObserver = {
      afterStep(x) {
        delivered += pendingDelivery;
        for (let k = 0; k < x.state.spikeCount; k++) {
          const pre = x.state.spikeIdx[k];
          written += sim.net.outStart[pre + 1] - sim.net.outStart[pre];
        }
        spikes += x.state.spikeCount;
        // Slot of the next step: drained, whole, when that step starts.
        const next = ((x.state.step + 1) % slots) * s.ringStride;
        pendingDelivery = sum(s.ringE, next, next + n) + sum(s.ringI, next, next + n);
        expect(sum(s.ringE) + sum(s.ringI)).toBe(written - delivered);
      },
      afterIonStep() {},
    };
    sim.advance(3000, observer);
    expect(spikes).toBeGreaterThan(500);
    expect(written).toBe(sim.synapticEvents);
    expect(written - delivered).toBe(sum(s.ringE) + sum(s.ringI));
  });

  it('deliver a spike to each target at spike step + delay + 1, into the right receptor', () => {
    const params = withParams(defaultParams(), { side: 16, drive: 0, gNapRatio: 0 });
    const sim = new Simulation(params, { ionsClamped: true });
    const s = sim.state;
    const net = sim.net;
    s.vMv.fill(-90);
    s.gAmpaNs.fill(0);
    s.gNmdaNs.fill(0);
    s.gGabaNs.fill(0);
    const source = 10; // an E cell
    s.vMv[source] = -30; // above the cut: it fires in step 0
    const firstDelay = new Map<number, number>();
    for (let syn = net.outStart[source]; syn < net.outStart[source + 1]; syn++) {
      const t = net.outTarget[syn];
      firstDelay.set(t, Math.min(firstDelay.get(t) ?? Number.POSITIVE_INFINITY, net.outDelaySteps[syn]));
    }
    const arrival = new Map<number, number>();
    const observer: StepObserver = {
      afterStep(x) {
        for (const t of firstDelay.keys()) {
          if (!arrival.has(t) && x.state.gAmpaNs[t] > 0) arrival.set(t, x.state.step);
        }
        if (x.state.step === 0) expect(Array.from(x.state.spikeIdx.subarray(0, x.state.spikeCount))).toEqual([source]);
      },
      afterIonStep() {},
    };
    sim.advance(net.maxDelaySteps + 5, observer);
    expect(arrival.size).toBe(firstDelay.size);
    for (const [t, d] of firstDelay) expect(arrival.get(t)).toBe(d + 1);
    expect(sum(s.gGabaNs)).toBe(0);
  });
});
