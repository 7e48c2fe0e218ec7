import { describe, expect, it } from 'vitest';
import { columnEnvelope, type Extremes, SampleRing } from '../../src/view/traces/sample-ring.ts';

describe('columnEnvelope', () => {
  /** 1 s of 1-ms samples: a start-up volley of −10 000 in the first 50 ms, then ±100. */
  function ring(): SampleRing {
    const r = new SampleRing(1000);
    const values = new Float32Array(1000);
    for (let i = 0; i < 1000; i++) values[i] = i < 50 ? -10_000 : i % 2 === 0 ? 100 : -100;
    r.append(0, 1, values);
    return r;
  }

  it('gives every column its extremes and the window its range', () => {
    const min = new Float32Array(100);
    const max = new Float32Array(100);
    const out: Extremes = { lo: 0, hi: 0 };
    columnEnvelope(ring(), 1000, 0.1, min, max, out);
    expect(out).toEqual({ lo: -10_000, hi: 100 });
    expect(min[0]).toBe(-10_000);
    expect(min[99]).toBe(-100);
    expect(max[99]).toBe(100);
  });

  it('draws samples before scaleFromMs but leaves them out of the range', () => {
    const min = new Float32Array(100);
    const max = new Float32Array(100);
    const out: Extremes = { lo: 0, hi: 0 };
    columnEnvelope(ring(), 1000, 0.1, min, max, out, 250);
    expect(out).toEqual({ lo: -100, hi: 100 });
    // The volley is still in its columns, to be drawn (clipped) where it happened.
    expect(min[0]).toBe(-10_000);
    expect(min[4]).toBe(-10_000);
  });
});
