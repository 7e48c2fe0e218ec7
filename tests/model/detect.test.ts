import { describe, expect, it } from 'vitest';
import { DischargeCounter } from '../../src/model/detect/discharges.ts';
import { InterictalDetector } from '../../src/model/detect/interictal.ts';
import { SEIZURE_THRESHOLDS, SeizureDetector } from '../../src/model/detect/seizure.ts';

const NO_SPREAD = { spreadMmPerS: null, spreadFitR2: null, recruitedShare: null };

import { SynchronyMeter } from '../../src/model/detect/synchrony.ts';
import { Rng } from '../../src/model/rng.ts';

describe('Golomb synchrony χ', () => {
  const cells = 512;
  const feed = (meter: SynchronyMeter, sample: (t: number, i: number) => number, samples: number) => {
    const v = new Float64Array(cells);
    for (let t = 0; t < samples; t++) {
      for (let i = 0; i < cells; i++) v[i] = sample(t, i);
      meter.addSample(v);
    }
  };

  it('is 1 for identical traces', () => {
    const meter = new SynchronyMeter(cells, 100, 10);
    feed(meter, (t) => -60 + 5 * Math.sin(t / 7), 1000);
    expect(meter.chi).toBeCloseTo(1, 6);
  });

  it('is about 1/√N for independent traces', () => {
    const rng = new Rng(9);
    const meter = new SynchronyMeter(cells, 100, 10);
    feed(meter, () => -60 + 3 * rng.normal(), 1000);
    expect(meter.chi).toBeGreaterThan(0.5 / Math.sqrt(cells));
    expect(meter.chi).toBeLessThan(2 / Math.sqrt(cells));
  });

  it('is NaN until a whole window has been seen, then slides block by block', () => {
    const meter = new SynchronyMeter(cells, 100, 10);
    feed(meter, (t) => -60 + Math.sin(t), 999);
    expect(Number.isNaN(meter.chi)).toBe(true);
    feed(meter, (t) => -60 + Math.sin(t), 1);
    expect(meter.chi).toBeCloseTo(1, 6);
    const rng = new Rng(2);
    feed(meter, () => -60 + 3 * rng.normal(), 1000);
    expect(meter.chi).toBeLessThan(0.2);
  });

  it('samples at most 512 cells spread over all E cells', () => {
    const meter = new SynchronyMeter(3277, 100, 10);
    expect(meter.sample.length).toBe(512);
    expect(meter.sample[0]).toBe(0);
    expect(meter.sample[511]).toBeGreaterThan(3200);
  });
});

describe('seizure detector', () => {
  const where = () => ({ xMm: 0.5, yMm: 1.5, recruitedFromMs: 400, inLesion: null });
  /** What the detector puts in an event besides its times: the place it was given, no spread yet. */
  const placed = { onsetXMm: 0.5, onsetYMm: 1.5, recruitedFromMs: 400, onsetInLesion: null, ...NO_SPREAD };
  const thresholds = { onsetRateHz: 20, offsetRateHz: 12, dischargeHz: 2.5, evolutionFactor: 1.5, persistMs: 1000 };
  /** The window's halves of a quiet sheet: nothing evolves. */
  const STILL = { dischargesEarlyHz: 1, dischargesLateHz: 1, rateEarlyHz: 9, rateLateHz: 9 };
  const run = (detector: SeizureDetector, rates: number[], stepMs = 100, t0 = 0) => {
    rates.forEach((rate, k) => {
      detector.update(t0 + k * stepMs, rate, 0, 0, where);
    });
  };

  it('confirms an onset after one second at or above the onset rate and dates it to the start', () => {
    const d = new SeizureDetector(thresholds);
    run(d, [...Array(5).fill(5), ...Array(15).fill(30)]);
    expect(d.events).toEqual([{ onsetMs: 500, offsetMs: null, ...placed }]);
    expect(d.inSeizure).toBe(true);
  });

  it('asks where an event started once, when it confirms the onset, with the time it dates it to', () => {
    const d = new SeizureDetector(thresholds);
    const asked: Array<[number, number]> = [];
    const rates = [...Array(5).fill(5), ...Array(15).fill(30)];
    rates.forEach((rate, k) => {
      d.update(k * 100, rate, 0, 0, (onsetMs) => {
        asked.push([k * 100, onsetMs]);
        return where();
      });
    });
    // Dated to 500 ms, confirmed a second later: the recruitment seen by then decides the place.
    expect(asked).toEqual([[1500, 500]]);
  });

  it('reads the rate: a fast state is a seizure whatever its synchrony, a slow one is not', () => {
    const d = new SeizureDetector(thresholds);
    run(d, Array(30).fill(45));
    expect(d.events).toHaveLength(1);
    const calm = new SeizureDetector(thresholds);
    run(calm, Array(30).fill(15));
    expect(calm.events).toHaveLength(0);
  });

  it('keeps an event going while the rate stays above the lower offset rate (hysteresis)', () => {
    const d = new SeizureDetector(thresholds);
    run(d, [...Array(12).fill(40), ...Array(20).fill(15), ...Array(15).fill(5)]);
    expect(d.events).toEqual([{ onsetMs: 0, offsetMs: 3200, ...placed }]);
    const fresh = new SeizureDetector(thresholds);
    run(fresh, Array(20).fill(15));
    expect(fresh.events).toHaveLength(0);
  });

  it('ignores a run shorter than one second, and ends an event after a second below', () => {
    const d = new SeizureDetector(thresholds);
    run(d, [...Array(9).fill(30), ...Array(5).fill(2), ...Array(20).fill(30), ...Array(17).fill(2)]);
    expect(d.events).toHaveLength(1);
    expect(d.events[0].onsetMs).toBe(1400);
    expect(d.events[0].offsetMs).toBe(3400);
    expect(d.timeInSeizureMs(5000)).toBe(2000);
    // Within a window: only the part of the event inside it.
    expect(d.timeInSeizureMs(5000, 2000)).toBe(1400);
    expect(d.timeInSeizureMs(3000, 2000)).toBe(1000);
    expect(d.timeInSeizureMs(5000, 4000)).toBe(0);
  });

  it('asks a rate onset to rise well above the rate of the 10 s before it, not just to cross the line', () => {
    // 10 s at 19 Hz, then a climb to 22 Hz for 5 s and back: 1.16 times the baseline, not an event
    // (the partial climb of a sheet just past its threshold).
    const partial = new SeizureDetector(thresholds);
    run(partial, [...Array(100).fill(19), ...Array(50).fill(22), ...Array(50).fill(14), ...Array(30).fill(8)]);
    expect(partial.events).toHaveLength(0);
    // The same climb from 9 Hz is more than twice the baseline: a seizure, confirmed after a second.
    const fromRest = new SeizureDetector(thresholds);
    run(fromRest, [...Array(100).fill(9), ...Array(50).fill(22), ...Array(30).fill(5)]);
    expect(fromRest.events).toEqual([{ onsetMs: 10_000, offsetMs: 15_000, ...placed }]);
    // A slow rise from 17 Hz that reaches 1.5 times that (25.5 Hz) 6 s after crossing 20 Hz: held
    // while it rises, confirmed when it gets there, and dated to the crossing.
    const slow = new SeizureDetector(thresholds);
    const rise = Array.from({ length: 80 }, (_, k) => 20 + k * 0.1);
    const confirmedAt: number[] = [];
    [...Array(100).fill(17), ...rise, ...Array(20).fill(5)].forEach((rate, k) => {
      if (slow.update(k * 100, rate, 0, 0, where) === 'onset') confirmedAt.push(k * 100);
    });
    expect(confirmedAt).toEqual([15_500]);
    expect(slow.events).toEqual([{ onsetMs: 10_000, offsetMs: 18_000, ...placed }]);
    // A crossing that never gets there within 10 s is dropped (and the next run's baseline is the
    // 23 Hz it sat at); one that falls under the offset rate while it waits is dropped, and a rise
    // after that is a new run, measured against its own 10 s before.
    const stuck = new SeizureDetector(thresholds);
    run(stuck, [...Array(100).fill(17), ...Array(150).fill(23)]);
    expect(stuck.events).toHaveLength(0);
    const fallen = new SeizureDetector(thresholds);
    run(fallen, [...Array(100).fill(17), ...Array(30).fill(23), ...Array(15).fill(10), ...Array(30).fill(25.5)]);
    expect(fallen.events).toHaveLength(0);
    // At the start of a run there is no baseline yet: the onset rate alone decides.
    const young = new SeizureDetector(thresholds);
    run(young, [...Array(20).fill(30), ...Array(20).fill(4)]);
    expect(young.events).toEqual([{ onsetMs: 0, offsetMs: 2000, ...placed }]);
  });

  it('calls evolving discharges faster than 2.5 Hz a seizure whatever the rate, and holds it while they go on', () => {
    const d = new SeizureDetector(thresholds);
    // 16 Hz with discharges building from 2 to 6 per second (first and second halves of the
    // 10-s window), then quiet.
    const building = { dischargesEarlyHz: 2, dischargesLateHz: 6, rateEarlyHz: 9, rateLateHz: 16 };
    for (let k = 0; k < 40; k++) d.update(k * 100, 16, k < 20 ? 0 : 4, k < 20 ? 0 : 6, where, building);
    for (let k = 40; k < 60; k++) d.update(k * 100, 8, 3, 1, where);
    expect(d.events).toEqual([{ onsetMs: 2000, offsetMs: 4000, ...placed }]);
    // Interictal spikes, 1 per second: never.
    const calm = new SeizureDetector(thresholds);
    for (let k = 0; k < 100; k++) calm.update(k * 100, 9, 1, 1, where);
    expect(calm.events).toHaveLength(0);
  });

  it('does not call a steady rhythm of discharges a seizure: it must evolve', () => {
    const steady = new SeizureDetector(thresholds);
    // 14 Hz with 7 discharges per second, the same in both halves of the window, for 30 s.
    const same = { dischargesEarlyHz: 7, dischargesLateHz: 7, rateEarlyHz: 14, rateLateHz: 14 };
    for (let k = 0; k < 300; k++) steady.update(k * 100, 14, 7, 7, where, same);
    expect(steady.events).toHaveLength(0);
    // Discharges that swing from 2 to 4 per second while the rate stays at 13 Hz: not evolution.
    const swinging = new SeizureDetector(thresholds);
    const swing = { dischargesEarlyHz: 2, dischargesLateHz: 4, rateEarlyHz: 13, rateLateHz: 13 };
    for (let k = 0; k < 300; k++) swinging.update(k * 100, 13, 3, 4, where, swing);
    expect(swinging.events).toHaveLength(0);
  });

  it('ends an event once the sheet settles into the steady rhythm its onset calls interictal', () => {
    // A 3-s event at 40 Hz, then 14 Hz with 4 discharges per second, the same in both halves of the
    // window: held while the window still holds the event (its early half faster than the late),
    // then released, a second after the window first reads steady.
    const d = new SeizureDetector(thresholds);
    const event = { dischargesEarlyHz: 1, dischargesLateHz: 5, rateEarlyHz: 8, rateLateHz: 40 };
    for (let k = 0; k < 30; k++) d.update(k * 100, 40, 5, 5, where, event);
    expect(d.inSeizure).toBe(true);
    const steadyFromMs = 15_000;
    for (let k = 30; k < 300; k++) {
      const settled = k * 100 >= steadyFromMs;
      const halves = settled
        ? { dischargesEarlyHz: 4, dischargesLateHz: 4, rateEarlyHz: 14, rateLateHz: 14 }
        : { dischargesEarlyHz: 5, dischargesLateHz: 4, rateEarlyHz: 30, rateLateHz: 14 };
      d.update(k * 100, 14, 4, 4, where, halves);
    }
    expect(d.events).toEqual([{ onsetMs: 0, offsetMs: steadyFromMs, ...placed }]);
    // An event's clonic phase, discharges slowing from 6 to 3 per second at 18 Hz, is still evolving:
    // held.
    const clonic = new SeizureDetector(thresholds);
    for (let k = 0; k < 30; k++) clonic.update(k * 100, 40, 5, 5, where, event);
    const slowing = { dischargesEarlyHz: 6, dischargesLateHz: 3, rateEarlyHz: 18, rateLateHz: 18 };
    for (let k = 30; k < 200; k++) clonic.update(k * 100, 18, 4, 3, where, slowing);
    expect(clonic.inSeizure).toBe(true);
    // An event younger than the window is not let go as steady: the window still holds the seconds
    // before its onset. A start by evolving discharges at 16 Hz, its window steady from 1.5 s after
    // onset (the lesion-led start of the focal-dysplasia patient, seed 2), then a runaway at 45 Hz
    // 5.5 s after onset: one event, not two.
    const lesionLed = new SeizureDetector(thresholds);
    const building = { dischargesEarlyHz: 2, dischargesLateHz: 6, rateEarlyHz: 9, rateLateHz: 16 };
    const flat = { dischargesEarlyHz: 4, dischargesLateHz: 4, rateEarlyHz: 15, rateLateHz: 16 };
    const runaway = { dischargesEarlyHz: 4, dischargesLateHz: 8, rateEarlyHz: 16, rateLateHz: 45 };
    for (let k = 0; k < 400; k++) {
      const tMs = k * 100;
      if (tMs < 2000) lesionLed.update(tMs, 9, 1, 1, where, STILL);
      else if (tMs < 3500) lesionLed.update(tMs, 16, 4, 4, where, building);
      else if (tMs < 7500) lesionLed.update(tMs, 16, 4, 4, where, flat);
      else if (tMs < 25_000) lesionLed.update(tMs, 45, 8, 8, where, runaway);
      else lesionLed.update(tMs, 2, 0, 0, where, flat);
    }
    expect(lesionLed.events).toEqual([{ onsetMs: 2000, offsetMs: 25_000, ...placed }]);
    // The same steady state held past the window's length is let go, a second after the event is
    // one window old.
    const settles = new SeizureDetector(thresholds);
    for (let k = 0; k < 300; k++) {
      const tMs = k * 100;
      if (tMs < 2000) settles.update(tMs, 9, 1, 1, where, STILL);
      else if (tMs < 3500) settles.update(tMs, 16, 4, 4, where, building);
      else settles.update(tMs, 16, 4, 4, where, flat);
    }
    expect(settles.events).toEqual([{ onsetMs: 2000, offsetMs: 12_000, ...placed }]);
    // Without halves (the monitors' window not yet full) nothing is read as steady.
    const early = new SeizureDetector(thresholds);
    for (let k = 0; k < 30; k++) early.update(k * 100, 40, 5, 5, where);
    for (let k = 30; k < 200; k++) early.update(k * 100, 14, 4, 4, where);
    expect(early.inSeizure).toBe(true);
  });

  it('puts its default thresholds between the healthy range and the ictal state, with hysteresis', () => {
    expect(SEIZURE_THRESHOLDS.offsetRateHz).toBeLessThan(SEIZURE_THRESHOLDS.onsetRateHz);
    expect(SEIZURE_THRESHOLDS.offsetRateHz).toBeGreaterThan(10);
  });
});

describe('population discharges', () => {
  it('counts bins far above the last second’s mean, once per discharge, and never a tonic plateau', () => {
    const c = new DischargeCounter();
    const rates = [5, 5, 80, 120, 60, 4, 5, 90, 3, 50, 52, 49, 51];
    const means = [5, 5, 10, 12, 14, 14, 14, 16, 16, 48, 49, 49, 50];
    for (let k = 0; k < rates.length; k++) c.updateBin((k + 1) * 10, 10, rates[k], means[k]);
    expect(c.timesMs).toEqual([20, 70]);
  });
});

describe('interictal spike detector', () => {
  /** One second of quiet 2-Hz bins, the baseline's warm-up (BASELINE_TAU_MS): nothing counts in it. */
  const warmedUp = (nE: number): InterictalDetector => {
    const d = new InterictalDetector(nE);
    for (let t = 10; t <= 1000; t += 10) d.updateBin(t, 10, 2, false);
    return d;
  };

  it('counts a brief burst that recruits more than 20 % of E cells', () => {
    const nE = 100;
    const d = warmedUp(nE);
    const spikes = Int32Array.from({ length: 30 }, (_, i) => i);
    d.updateBin(1010, 10, 2, false);
    d.updateBin(1020, 10, 40, false);
    d.addSpikes(1015, spikes, 30);
    expect(d.updateBin(1030, 10, 40, false)).toBe(false);
    expect(d.updateBin(1040, 10, 2, false)).toBe(true);
    expect(d.count).toBe(1);
    expect(d.timesMs).toEqual([1010]);
    // A seizure confirmed later but dated to 1,010 ms takes the burst back: it was its first discharge.
    d.withdrawSince(1020);
    expect(d.count).toBe(1);
    d.withdrawSince(1010);
    expect(d.count).toBe(0);
    expect(d.timesMs).toEqual([]);
  });

  it('counts nothing in its first second, whose bins all make the baseline', () => {
    const nE = 100;
    const d = new InterictalDetector(nE);
    const spikes = Int32Array.from({ length: 60 }, (_, i) => i);
    // Damped waves of a sheet that starts quietly: 40 Hz bins between 0-Hz ones.
    for (let t = 10; t <= 1000; t += 10) {
      const wave = t % 80 === 0;
      if (wave) d.addSpikes(t - 5, spikes, 60);
      expect(d.updateBin(t, 10, wave ? 40 : 0, false)).toBe(false);
    }
    expect(d.count).toBe(0);
    // The plain mean of the second's bins: 12 of 100 at 40 Hz.
    expect(d.baselineHz).toBeCloseTo(4.8, 9);
    // The same burst a bin later counts (40 Hz > 2 × 4.8 Hz and > 15 Hz).
    d.updateBin(1010, 10, 40, false);
    d.addSpikes(1005, spikes, 60);
    expect(d.updateBin(1020, 10, 0, false)).toBe(true);
  });

  it('does not count bursts that recruit too few cells, last too long, or fall inside a seizure', () => {
    const nE = 100;
    const d = warmedUp(nE);
    d.updateBin(1010, 10, 40, false);
    d.addSpikes(
      1005,
      Int32Array.from({ length: 10 }, (_, i) => i),
      10,
    );
    d.updateBin(1020, 10, 2, false);
    for (let t = 1030; t < 1400; t += 10) d.updateBin(t, 10, 40, false);
    d.addSpikes(
      1300,
      Int32Array.from({ length: 50 }, (_, i) => i),
      50,
    );
    d.updateBin(1400, 10, 2, false);
    d.updateBin(1410, 10, 40, true);
    d.addSpikes(
      1405,
      Int32Array.from({ length: 50 }, (_, i) => i),
      50,
    );
    d.updateBin(1420, 10, 2, true);
    expect(d.count).toBe(0);
  });

  it('counts recruitment above what the background rate alone would make fire', () => {
    const nE = 100;
    const cells = Int32Array.from({ length: 60 }, (_, i) => i);
    const burst = (background: number) => {
      const d = new InterictalDetector(nE);
      for (let t = 10; t <= 2000; t += 10) d.updateBin(t, 10, background, false);
      expect(d.baselineHz).toBeCloseTo(background, 6);
      // 200 ms of 3× the background (and above 15 Hz) in which 60 % of the cells fire.
      for (let t = 2010; t <= 2200; t += 10) d.updateBin(t, 10, 3 * background, false);
      d.addSpikes(2100, cells, cells.length);
      d.updateBin(2210, 10, background, false);
      return d.count;
    };
    // Over a 6-Hz background, 1 − exp(−6 Hz · 0.2 s) ≈ 70 % of the cells fire in 200 ms by
    // chance, so 60 % is nothing special; over a 1-Hz background chance is 18 %, and 60 % is a
    // population event.
    expect(burst(6)).toBe(0);
    expect(burst(5.5)).toBe(0);
    const quiet = new InterictalDetector(nE);
    for (let t = 10; t <= 2000; t += 10) quiet.updateBin(t, 10, 1, false);
    for (let t = 2010; t <= 2200; t += 10) quiet.updateBin(t, 10, 20, false);
    quiet.addSpikes(2100, cells, cells.length);
    quiet.updateBin(2210, 10, 1, false);
    expect(quiet.count).toBe(1);
  });

  it('needs the burst to stand out from the background, not only to exceed 15 Hz', () => {
    const d = new InterictalDetector(100);
    for (let t = 10; t <= 2000; t += 10) d.updateBin(t, 10, 12, false);
    d.addSpikes(
      2005,
      Int32Array.from({ length: 50 }, (_, i) => i),
      50,
    );
    d.updateBin(2010, 10, 18, false);
    d.updateBin(2020, 10, 12, false);
    expect(d.count).toBe(0);
  });
});
