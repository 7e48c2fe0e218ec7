import { describe, expect, it } from 'vitest';
import { InterictalDetector } from '../../src/model/detect/interictal.ts';
import { SeizureDetector } from '../../src/model/detect/seizure.ts';
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
  const where = () => [0.5, 1.5] as const;
  const thresholds = { onsetRateHz: 15, onsetChi: 0.3, holdRateHz: 15, holdChi: 0.3, persistMs: 1000 };
  const run = (detector: SeizureDetector, samples: Array<[number, number]>, stepMs = 100, t0 = 0) => {
    samples.forEach(([rate, chi], k) => {
      detector.update(t0 + k * stepMs, rate, chi, where);
    });
  };

  it('confirms an onset after one second above both thresholds and dates it to the start', () => {
    const d = new SeizureDetector(thresholds);
    run(d, [
      ...Array.from({ length: 5 }, () => [5, 0.1] as [number, number]),
      ...Array.from({ length: 15 }, () => [30, 0.6] as [number, number]),
    ]);
    expect(d.events).toEqual([{ onsetMs: 500, offsetMs: null, onsetXMm: 0.5, onsetYMm: 1.5 }]);
    expect(d.inSeizure).toBe(true);
  });

  it('ignores a high rate without synchrony, and synchrony without a high rate', () => {
    const d = new SeizureDetector(thresholds);
    run(
      d,
      Array.from({ length: 30 }, (_, k) => (k < 15 ? [40, 0.1] : [5, 0.8]) as [number, number]),
    );
    expect(d.events).toHaveLength(0);
  });

  it('keeps an event going while rate and χ stay above the lower hold thresholds', () => {
    const d = new SeizureDetector({ onsetRateHz: 10, onsetChi: 0.4, holdRateHz: 8, holdChi: 0.3, persistMs: 1000 });
    const strong: [number, number] = [12, 0.5];
    const weaker: [number, number] = [9, 0.35];
    const gone: [number, number] = [5, 0.1];
    run(d, [...Array(12).fill(strong), ...Array(20).fill(weaker), ...Array(15).fill(gone)]);
    expect(d.events).toEqual([{ onsetMs: 0, offsetMs: 3200, onsetXMm: 0.5, onsetYMm: 1.5 }]);
    const fresh = new SeizureDetector({ onsetRateHz: 10, onsetChi: 0.4, holdRateHz: 8, holdChi: 0.3, persistMs: 1000 });
    run(fresh, Array(20).fill(weaker));
    expect(fresh.events).toHaveLength(0);
  });

  it('ignores a run shorter than one second, and ends an event after a second below', () => {
    const d = new SeizureDetector(thresholds);
    const high: [number, number] = [30, 0.6];
    const low: [number, number] = [2, 0.1];
    run(d, [
      ...Array(9).fill(high),
      ...Array(5).fill(low),
      ...Array(20).fill(high),
      ...Array(5).fill(low),
      ...Array(12).fill(low),
    ]);
    expect(d.events).toHaveLength(1);
    expect(d.events[0].onsetMs).toBe(1400);
    expect(d.events[0].offsetMs).toBe(3400);
    expect(d.timeInSeizureMs(5000)).toBe(2000);
  });
});

describe('interictal spike detector', () => {
  it('counts a brief burst that recruits more than 20 % of E cells', () => {
    const nE = 100;
    const d = new InterictalDetector(nE);
    const spikes = Int32Array.from({ length: 30 }, (_, i) => i);
    d.updateBin(10, 10, 2, false);
    d.updateBin(20, 10, 40, false);
    d.addSpikes(15, spikes, 30);
    expect(d.updateBin(30, 10, 40, false)).toBe(false);
    expect(d.updateBin(40, 10, 2, false)).toBe(true);
    expect(d.count).toBe(1);
    expect(d.timesMs).toEqual([10]);
  });

  it('does not count bursts that recruit too few cells, last too long, or fall inside a seizure', () => {
    const nE = 100;
    const d = new InterictalDetector(nE);
    d.updateBin(10, 10, 40, false);
    d.addSpikes(
      5,
      Int32Array.from({ length: 10 }, (_, i) => i),
      10,
    );
    d.updateBin(20, 10, 2, false);
    for (let t = 30; t < 400; t += 10) d.updateBin(t, 10, 40, false);
    d.addSpikes(
      300,
      Int32Array.from({ length: 50 }, (_, i) => i),
      50,
    );
    d.updateBin(400, 10, 2, false);
    d.updateBin(410, 10, 40, true);
    d.addSpikes(
      405,
      Int32Array.from({ length: 50 }, (_, i) => i),
      50,
    );
    d.updateBin(420, 10, 2, true);
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
