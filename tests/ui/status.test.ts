import { describe, expect, it } from 'vitest';
import type { SeizureEvent } from '../../src/model/detect/seizure.ts';
import type { Frame } from '../../src/model/runs/live/frame.ts';
import { conditionOf, describeNetwork } from '../../src/ui/status.ts';

/** The fields the status line reads; the rest of a frame does not matter to it. */
function frame(over: Partial<Frame>): Frame {
  return {
    rateEHz: 0,
    rateIHz: 8,
    smoothedRateEHz: 0,
    smoothedRateIHz: 8.3,
    chi: 0.16,
    inSeizure: false,
    state: 'asynchronous',
    events: [],
    ...over,
  } as Frame;
}

const ended: SeizureEvent = {
  onsetMs: 8_700,
  offsetMs: 27_600,
  onsetXMm: 1,
  onsetYMm: 1,
  recruitedFromMs: 7_000,
  onsetInLesion: null,
  spreadMmPerS: 0.3,
  spreadFitR2: 0.5,
  recruitedShare: 0.9,
};

describe('the status line', () => {
  it('after an event that ended, a silent sheet is described as post-ictal depression', () => {
    const f = frame({ events: [ended] });
    expect(conditionOf(f)).toBe('quiet');
    expect(describeNetwork(f)).toBe(
      'Quiet after the seizure-like event that ended at 27.6 s (post-ictal depression): excitatory cells fire at 0.0 Hz on average, inhibitory cells at 8.3 Hz. Synchrony 0.16 (0 independent, 1 in lockstep).',
    );
  });

  it('a silent sheet with no ended event is only quiet', () => {
    expect(describeNetwork(frame({}))).toMatch(/^Quiet: excitatory cells fire at 0\.0 Hz/);
    expect(describeNetwork(frame({ events: [{ ...ended, offsetMs: null }] }))).toMatch(/^Quiet: /);
  });

  it('a sheet firing in the healthy band is not quiet, even after an event', () => {
    expect(conditionOf(frame({ smoothedRateEHz: 6, rateEHz: 6, events: [ended] }))).toBe('resting');
  });
});
