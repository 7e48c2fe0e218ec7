/** The progress bar: only on a terminal, only for runs projected past a couple of seconds. */
import { describe, expect, it } from 'vitest';
import { PROGRESS_MIN_WALL_S, ProgressBar } from '../../src/cli/progress.ts';
import { CapturedStream } from './helpers.ts';

/** A clock the test moves by hand, in seconds. */
function fakeClock(): { now: () => number; advance: (s: number) => void } {
  let t = 100;
  return { now: () => t, advance: (s) => (t += s) };
}

describe('ProgressBar', () => {
  it('draws on a terminal for a long run, updates at most 10 times a second, and erases itself', () => {
    const out = new CapturedStream(true);
    const clock = fakeClock();
    const bar = new ProgressBar(out, 'run', 100, clock.now);
    clock.advance(0.5);
    bar.update(10); // 0.5 s for 10 % → 5 s projected
    expect(out.text).toBe(`\rrun ${'█'.repeat(3)}${'░'.repeat(27)}  10 %  5 s left\x1b[K`);
    const drawn = out.text.length;
    clock.advance(0.01);
    bar.update(11);
    expect(out.text.length).toBe(drawn);
    clock.advance(0.2);
    bar.update(50);
    expect(out.text).toContain(' 50 %');
    bar.finish();
    expect(out.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('stays silent for a run projected under the threshold', () => {
    const out = new CapturedStream(true);
    const clock = fakeClock();
    const bar = new ProgressBar(out, 'run', 100, clock.now);
    clock.advance(0.4);
    bar.update(100 * (0.4 / (PROGRESS_MIN_WALL_S * 0.9))); // projected 0.9 × the threshold
    bar.finish();
    expect(out.text).toBe('');
  });

  it('waits for a first measurement before projecting', () => {
    const out = new CapturedStream(true);
    const clock = fakeClock();
    const bar = new ProgressBar(out, 'run', 1000, clock.now);
    clock.advance(0.1);
    bar.update(1); // 100 s projected, but only 0.1 s measured
    expect(out.text).toBe('');
  });

  it('never draws when stderr is not a terminal', () => {
    const out = new CapturedStream(false);
    const clock = fakeClock();
    const bar = new ProgressBar(out, 'run', 100, clock.now);
    clock.advance(10);
    bar.update(10);
    bar.finish();
    expect(out.text).toBe('');
  });
});
