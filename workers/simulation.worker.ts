/**
 * The simulation worker: a thin comlink shell over the live session, and nothing else. Frames
 * leave by transfer, never by structured clone of their buffers.
 */
import { type Endpoint, expose, transfer } from 'comlink';
import { type Frame, frameTransferables } from '../src/model/runs/live/frame.ts';
import { createSessionHost } from '../src/model/runs/live/host.ts';

const host = createSessionHost();

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
