import { describe, expect, it } from 'vitest';
import type { SeizureEvent } from '../../src/model/detect/seizure.ts';
import {
  eventText,
  locationText,
  QUIET_BELOW_HZ,
  STATE_WORDS,
  shownState,
  startedInLesion,
} from '../../src/view/plots/events.ts';

const event = (over: Partial<SeizureEvent> = {}): SeizureEvent => ({
  onsetMs: 12_340,
  offsetMs: null,
  onsetXMm: 0.6875,
  onsetYMm: 0.6875,
  recruitedFromMs: 11_000,
  onsetInLesion: null,
  spreadMmPerS: null,
  spreadFitR2: null,
  recruitedShare: null,
  ...over,
});

describe('event log text', () => {
  it('gives onset, "ongoing" and the place while an event lasts', () => {
    expect(eventText(event(), null)).toBe('Onset 12.3 s · ongoing · began at x 0.69 mm, y 0.69 mm');
  });

  it('gives the duration once it has ended', () => {
    expect(eventText(event({ offsetMs: 16_440 }), null)).toBe(
      'Onset 12.3 s · lasted 4.1 s · began at x 0.69 mm, y 0.69 mm',
    );
  });

  it('says when it began inside the lesion, measuring across the edges of the torus', () => {
    const lesion = { xMm: 1.9, yMm: 0.7, radiusMm: 0.4 };
    // 0.6875 and 1.9 are 1.2125 mm apart directly but 0.7875 mm apart around the 2-mm torus.
    expect(startedInLesion(event(), lesion)).toBe(false);
    expect(startedInLesion(event({ onsetXMm: 0.1875 }), lesion)).toBe(true);
    expect(locationText(event({ onsetXMm: 0.1875 }), lesion)).toBe('x 0.19 mm, y 0.69 mm, inside the lesion');
    // On the rim counts as inside (distance ≤ radius).
    expect(startedInLesion(event({ onsetXMm: 1.5, onsetYMm: 0.7 }), lesion)).toBe(true);
    expect(startedInLesion(event({ onsetXMm: 1.49, onsetYMm: 0.7 }), lesion)).toBe(false);
  });
});

describe('the state label’s quiet state', () => {
  it('reads a sheet outside an event below 1 Hz as quiet, and never an event or interictal spikes', () => {
    expect(shownState('asynchronous', 0.0)).toBe('quiet');
    expect(shownState('asynchronous', 0.99)).toBe('quiet');
    expect(shownState('asynchronous', QUIET_BELOW_HZ)).toBe('asynchronous');
    expect(shownState('asynchronous', 8.1)).toBe('asynchronous');
    expect(shownState('seizure', 0)).toBe('seizure');
    expect(shownState('interictal', 0)).toBe('interictal');
    expect(STATE_WORDS[shownState('asynchronous', 0)]).toBe('Quiet');
  });
});
