/**
 * The worker bridge in Node: the real session host behind a MessageChannel (the same comlink
 * protocol as the browser's worker), driven through the bridge's public API.
 */
import { type Endpoint, expose, transfer } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { type BridgeEvents, LONGEST_CHUNK_MS, SimulationBridge, STEP_MS } from '../../src/bridge/simulation-bridge.ts';
import { defaultParams, type Params, withParams } from '../../src/model/params.ts';
import { type Frame, frameTransferables, type SessionDescription } from '../../src/model/runs/live/frame.ts';
import { createSessionHost } from '../../src/model/runs/live/host.ts';

/** A worker stand-in: one end of a MessageChannel, the session host exposed on the other. */
function fakeWorker(): Worker {
  const { port1, port2 } = new MessageChannel();
  const host = createSessionHost();
  expose(
    {
      ...host,
      advance(ms: number): Frame {
        const frame = host.advance(ms);
        return transfer(frame, frameTransferables(frame));
      },
    },
    port2 as unknown as Endpoint,
  );
  const worker = port1 as unknown as Worker & { terminate(): void };
  worker.terminate = () => {
    port1.close();
    port2.close();
  };
  return worker;
}

interface Recorded {
  descriptions: SessionDescription[];
  frames: Frame[];
  rejected: string[];
}

function recorder(): { events: BridgeEvents; seen: Recorded } {
  const seen: Recorded = { descriptions: [], frames: [], rejected: [] };
  return {
    seen,
    events: {
      description: (d) => seen.descriptions.push(d),
      frame: (f) => seen.frames.push(f),
      health: () => {},
      rejected: (m) => seen.rejected.push(m),
    },
  };
}

const params = (o: Record<string, unknown> = {}): Params => withParams(defaultParams(), { side: 16, seed: 2, ...o });

async function until(what: string, test: () => boolean, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let bridge: SimulationBridge | null = null;
afterEach(() => {
  bridge?.dispose();
  bridge = null;
});

describe('SimulationBridge', () => {
  it('starts with the treatment, steps while paused, and changes the treatment live', async () => {
    const { events, seen } = recorder();
    bridge = new SimulationBridge(fakeWorker, params(), events, {}, { drugs: ['lamotrigine=200/12'], atHours: 72 });
    bridge.setPlaying(false);
    await until('the first frame', () => seen.frames.length > 0 && bridge?.idle === true);
    expect(seen.frames.at(-1)?.timeMs).toBe(0);
    expect(seen.frames.at(-1)?.drugs.map((d) => d.drug)).toEqual(['lamotrigine']);

    bridge.step();
    bridge.step();
    await until('two steps', () => bridge?.idle === true && (seen.frames.at(-1)?.timeMs ?? 0) > 0);
    expect(seen.frames.at(-1)?.timeMs).toBeCloseTo(2 * STEP_MS, 6);

    bridge.setTreatment({ drugs: ['phenytoin=300/24'], atHours: 200 });
    await until('the new treatment', () => seen.frames.at(-1)?.drugs[0]?.drug === 'phenytoin');
    expect(seen.frames.at(-1)?.atHours).toBe(200);
    // Time did not restart: a treatment acts on the running network.
    expect(seen.frames.at(-1)?.timeMs).toBeCloseTo(2 * STEP_MS, 6);
  });

  it('reports a refused setting and keeps running with the previous one', async () => {
    const { events, seen } = recorder();
    bridge = new SimulationBridge(fakeWorker, params(), events);
    bridge.setPlaying(false);
    await until('the first frame', () => seen.frames.length > 0 && bridge?.idle === true);
    bridge.setParams({ ...params(), gaba: 7 });
    bridge.setTreatment({ drugs: ['aspirin=100/8'], atHours: 72 });
    await until('two refusals', () => seen.rejected.length === 2 && bridge?.idle === true);
    expect(seen.rejected[0]).toMatch(/gaba/);
    expect(seen.rejected[1]).toMatch(/aspirin/);
    bridge.step();
    await until('a step', () => (seen.frames.at(-1)?.timeMs ?? 0) > 0);
    expect(seen.frames.at(-1)?.params.gaba).toBe(1);
  });

  it('restarts the network from zero on reset', async () => {
    const { events, seen } = recorder();
    bridge = new SimulationBridge(fakeWorker, params(), events);
    bridge.setPlaying(false);
    await until('the first frame', () => seen.frames.length > 0 && bridge?.idle === true);
    bridge.step();
    await until('a step', () => (seen.frames.at(-1)?.timeMs ?? 0) > 0);
    const hashAfterStep = seen.frames.at(-1)?.spikeHash;
    bridge.reset();
    await until('the reset', () => seen.descriptions.length === 2 && bridge?.idle === true);
    expect(seen.descriptions[1].buildId).toBe(2);
    expect(seen.frames.at(-1)?.timeMs).toBe(0);
    bridge.step();
    await until('a step', () => (seen.frames.at(-1)?.timeMs ?? 0) > 0);
    expect(seen.frames.at(-1)?.spikeHash).toBe(hashAfterStep);
  });

  it('at full speed runs back-to-back chunks and measures the speed it achieves', async () => {
    const { events, seen } = recorder();
    bridge = new SimulationBridge(fakeWorker, params(), events, { speed: Number.POSITIVE_INFINITY });
    bridge.setPlaying(true);
    await until(
      'a second of frames',
      () => seen.frames.length > 6 && !Number.isNaN(bridge?.achievedSpeed ?? Number.NaN),
    );
    const times = seen.frames.map((f) => f.timeMs);
    for (let k = 2; k < times.length; k++) expect(times[k] - times[k - 1]).toBeCloseTo(LONGEST_CHUNK_MS, 6);
    // Measured, not asserted against a speed: how fast depends on the machine (benchmarks report it).
    expect(bridge.achievedSpeed).toBeGreaterThan(0);
    expect(Number.isFinite(bridge.achievedSpeed)).toBe(true);
    bridge.setPlaying(false);
    await until('idle', () => bridge?.idle === true);
    expect(Number.isNaN(bridge.achievedSpeed)).toBe(true);
  });

  it('acknowledges a pause only once the chunk in flight has landed; from then on time stands still', async () => {
    const { events, seen } = recorder();
    bridge = new SimulationBridge(fakeWorker, params(), events, { speed: Number.POSITIVE_INFINITY });
    bridge.setPlaying(true);
    await until('frames', () => seen.frames.length > 3);
    expect(bridge.paused).toBe(false);
    // Back-to-back chunks: right after a frame arrives the next chunk is already in flight.
    const framesAtPause = seen.frames.length;
    const timeAtPause = seen.frames.at(-1)?.timeMs ?? 0;
    bridge.setPlaying(false);
    expect(bridge.paused).toBe(false);
    await until('the worker confirms the pause', () => bridge?.paused === true);
    // The chunk that was in flight did land, before the acknowledgement…
    expect(seen.frames.length).toBeGreaterThan(framesAtPause);
    const pausedAt = seen.frames.at(-1)?.timeMs ?? 0;
    expect(pausedAt).toBeCloseTo(timeAtPause + LONGEST_CHUNK_MS, 6);
    // …and a later request answered by the worker finds it at the same time.
    bridge.setParams(params({ gaba: 0.9 }));
    await until('the new setting', () => seen.frames.at(-1)?.params.gaba === 0.9 && bridge?.paused === true);
    expect(seen.frames.at(-1)?.timeMs).toBe(pausedAt);

    // A step while paused is time in flight: not paused until it has landed.
    bridge.step();
    expect(bridge.paused).toBe(false);
    await until('the step', () => bridge?.paused === true);
    expect(seen.frames.at(-1)?.timeMs).toBeCloseTo(pausedAt + STEP_MS, 6);

    bridge.setPlaying(true);
    expect(bridge.paused).toBe(false);
  });
});
