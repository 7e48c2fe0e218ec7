import { describe, expect, it } from 'vitest';
import { redShare, SATURATED_RED_SHARE } from '../../src/view/colour.ts';
import { lowPass, SlewLimiter } from '../../src/view/envelope.ts';
import {
  DOT_LUMINANCE,
  dotColour,
  envelopeLuminance,
  HUE_LEVELS,
  LUMINANCE_LEVELS,
  LUMINANCE_STEP,
  MAX_LUMINANCE_PER_S,
  RAMPS,
  rateScale,
  relativeLuminance,
  toOklab,
} from '../../src/view/palette.ts';

/*
 * The sheet's palette (src/view/palette.ts): luminance is the slow coordinate, hue the fast one.
 * Every colour of a row has the row's luminance, so a change of column (a burst) cannot flash;
 * rows climb in even steps from silence to the peak; no colour is a saturated red; and the slew
 * limiter lets a dot make at most one flash a second.
 */

describe('the sheet palette', () => {
  for (const population of [0, 1] as const) {
    it(`population ${population}: every column of a row has the row's luminance, to 8-bit rounding`, () => {
      for (let row = 0; row < LUMINANCE_LEVELS; row++) {
        const target = DOT_LUMINANCE.silent + row * LUMINANCE_STEP;
        for (let column = 0; column < HUE_LEVELS; column++) {
          const rgb = dotColour(population, row, column);
          expect(Math.abs(relativeLuminance(rgb) - target)).toBeLessThan(0.004 + 0.01 * target);
          expect(redShare(rgb)).toBeLessThan(SATURATED_RED_SHARE - 0.05);
        }
      }
    });

    it(`population ${population}: the hue axis moves the colour visibly (OKLab a–b) at mid luminance`, () => {
      const row = Math.round(LUMINANCE_LEVELS / 2);
      const [, a0, b0] = toOklab(dotColour(population, row, 0));
      const [, a1, b1] = toOklab(dotColour(population, row, HUE_LEVELS - 1));
      expect(Math.hypot(a1 - a0, b1 - b0)).toBeGreaterThan(0.05);
    });
  }

  it('a resting sheet sits low on the brightness scale, a seizure near its top, silence at the bottom', () => {
    const lum = (hz: number) => envelopeLuminance(rateScale(0, 'brightness')(hz));
    expect(lum(0)).toBeCloseTo(DOT_LUMINANCE.silent, 6);
    // Rest (about 7 Hz): a fifth of the span or less above silence.
    expect(lum(7) - DOT_LUMINANCE.silent).toBeLessThan(0.21 * (DOT_LUMINANCE.peak - DOT_LUMINANCE.silent));
    // A train of bursts averaging 16 Hz or more: the top.
    expect(lum(RAMPS[0].brightTopHz)).toBeCloseTo(DOT_LUMINANCE.peak, 6);
    // The span is wide: at least 0.4 of relative luminance (a projector's lifted black eats the bottom).
    expect(DOT_LUMINANCE.peak - DOT_LUMINANCE.silent).toBeGreaterThanOrEqual(0.4);
  });

  it('the slew limiter moves a dot by at most MAX_LUMINANCE_PER_S a second: at most one flash a second', () => {
    expect(MAX_LUMINANCE_PER_S).toBeLessThanOrEqual(0.3);
    const limiter = new SlewLimiter(1, MAX_LUMINANCE_PER_S);
    limiter.step([DOT_LUMINANCE.silent], 0);
    // A square wave between silence and the peak at 10 Hz, drawn at 60 frames a second for 3 s.
    let previous = limiter.shown[0];
    let travelled = 0;
    for (let frame = 0; frame < 180; frame++) {
      const target = Math.floor(frame / 3) % 2 === 0 ? DOT_LUMINANCE.peak : DOT_LUMINANCE.silent;
      limiter.step([target], 1 / 60);
      travelled += Math.abs(limiter.shown[0] - previous);
      previous = limiter.shown[0];
    }
    // Three seconds of total travel ≤ 0.9: at most nine changes of 0.1, under three flashes a second.
    expect(travelled).toBeLessThanOrEqual(3 * MAX_LUMINANCE_PER_S + 1e-6);
  });

  it('the envelope low-pass keeps a sixth of a 2-Hz train and all of a sustained rise', () => {
    const values = new Float32Array([0]);
    let lowest = Number.POSITIVE_INFINITY;
    let highest = 0;
    for (let t = 0; t < 10_000; t += 10) {
      lowPass(values, [Math.floor(t / 250) % 2 === 0 ? 20 : 0], 10, 800);
      if (t > 5000) {
        lowest = Math.min(lowest, values[0]);
        highest = Math.max(highest, values[0]);
      }
    }
    expect((highest - lowest) / 20).toBeLessThan(0.2);
    const sustained = new Float32Array([0]);
    for (let t = 0; t < 5000; t += 10) lowPass(sustained, [20], 10, 800);
    expect(sustained[0]).toBeGreaterThan(19.9);
  });
});
