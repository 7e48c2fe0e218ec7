/**
 * docs/model.md §7, behaviours 1, 2 and 5: healthy rest, the E/I switch, and interictal spikes just
 * below the seizure threshold. Each run is one seeded simulation of a 48 × 48 sheet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { meanChi, runSheet, type SheetRun } from './run-sheet.ts';

const GABA_LEVELS = [1, 0.7, 0.5, 0.3] as const;
const runs = new Map<number, SheetRun>();

beforeAll(() => {
  // Healthy rest is checked over the 60 s that docs/model.md asks for; the others over 30 s.
  for (const gaba of GABA_LEVELS) runs.set(gaba, runSheet({ gaba }, gaba === 1 ? 60 : 30));
});

const run = (gaba: number): SheetRun => {
  const r = runs.get(gaba);
  if (!r) throw new Error(`no run at gaba ${gaba}`);
  return r;
};

describe('behaviour 1: healthy rest (defaults, 60 s)', () => {
  it('has no seizure, an E rate of 1–10 Hz and χ below 0.2', () => {
    const s = run(1).summary;
    expect(s.durationS).toBeCloseTo(60, 6);
    expect(s.seizures).toEqual([]);
    expect(s.seizureBurden).toBe(0);
    expect(s.rateHz.exc).toBeGreaterThanOrEqual(1);
    expect(s.rateHz.exc).toBeLessThanOrEqual(10);
    expect(s.chi.mean).not.toBeNull();
    expect(s.chi.mean as number).toBeLessThan(0.2);
  });

  it('keeps ions near rest: K⁺ below 5 mM and E_GABA hyperpolarising', () => {
    const s = run(1).summary;
    expect(s.ions.koMaxMm).toBeLessThan(5);
    expect(s.ions.eGabaMeanMv as number).toBeLessThan(-65);
  });
});

describe('behaviour 2: E/I balance (lowering gaba)', () => {
  it('produces seizures below a threshold, with χ above 0.4 during the events', () => {
    for (const gaba of [0.5, 0.3]) {
      const { summary, series } = run(gaba);
      expect(summary.seizures.length, `gaba ${gaba}`).toBeGreaterThan(0);
      for (const e of summary.seizures) {
        const chiDuring = meanChi(series, e.onsetMs, e.offsetMs ?? summary.durationS * 1000);
        expect(chiDuring, `gaba ${gaba}, event at ${e.onsetMs} ms`).toBeGreaterThan(0.4);
      }
    }
  });

  it('never lowers the seizure burden as gaba falls from 1 to 0.3', () => {
    const burdens = GABA_LEVELS.map((g) => run(g).summary.seizureBurden);
    for (let k = 1; k < burdens.length; k++) {
      expect(
        burdens[k],
        `burden at gaba ${GABA_LEVELS[k]} vs ${GABA_LEVELS[k - 1]}: ${burdens}`,
      ).toBeGreaterThanOrEqual(burdens[k - 1]);
    }
    expect(burdens[burdens.length - 1]).toBeGreaterThan(0.5);
  });

  it('raising glutamate instead tips the sheet into seizures too', () => {
    const { summary } = runSheet({ glutamate: 1.5 }, 30);
    expect(summary.seizures.length).toBeGreaterThan(0);
    expect(summary.seizureBurden).toBeGreaterThan(0.3);
  });
});

describe('behaviour 5: interictal spikes just below the seizure threshold', () => {
  it('appear at gaba 0.7, where there is no seizure yet, far more often than at rest', () => {
    const healthy = run(1).summary;
    const below = run(0.7).summary;
    expect(below.seizures).toEqual([]);
    // Per second, since the runs differ in length.
    const perSHealthy = healthy.interictalSpikes / healthy.durationS;
    const perSBelow = below.interictalSpikes / below.durationS;
    expect(perSBelow).toBeGreaterThan(1);
    expect(perSBelow).toBeGreaterThan(5 * perSHealthy);
  });
});
