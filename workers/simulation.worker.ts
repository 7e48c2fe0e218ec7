/**
 * The simulation worker: a thin comlink shell over the live session, and nothing else. Frames
 * leave by transfer, never by structured clone of their buffers. When the page asks for threads
 * (and is cross-origin isolated), the session's helper threads are nested workers
 * (sim-thread.worker.ts) on one shared WebAssembly memory.
 */
import { type Endpoint, expose, transfer } from 'comlink';
import { CONTROL_WORDS } from '../src/model/dynamics/state.ts';
import { reportFailure } from '../src/model/parallel/helper.ts';
import type { HelperHandle, HelperInit } from '../src/model/parallel/team.ts';
import { type Frame, frameTransferables } from '../src/model/runs/live/frame.ts';
import { createSessionHost } from '../src/model/runs/live/host.ts';

function spawnHelper(init: HelperInit): HelperHandle {
  const worker = new Worker(new URL('./sim-thread.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation thread',
  });
  // A helper whose script failed to load never runs runHelper: say so in its place.
  worker.addEventListener('error', () =>
    reportFailure(new Int32Array(init.memory.buffer, init.controlByteOffset, CONTROL_WORDS)),
  );
  worker.postMessage(init);
  return { terminate: () => worker.terminate() };
}

const host = createSessionHost(spawnHelper);

expose(
  {
    start: host.start,
    setParams: host.setParams,
    setTreatment: host.setTreatment,
    reset: host.reset,
    selectCell: host.selectCell,
    advance(ms: number): Frame {
      const frame = host.advance(ms);
      return transfer(frame, frameTransferables(frame));
    },
  } satisfies typeof host,
  self as unknown as Endpoint,
);
