/**
 * docs/model.md §7, behaviours 1, 2 and 5: healthy rest, the E/I switch, and interictal spikes just
 * below the seizure threshold. Each run is one seeded simulation of a 48 × 48 sheet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runSheet, type SheetRun } from './run-sheet.ts';

/** Healthy, just below the seizure threshold (0.7–0.75), chronically hyperexcitable, severe. */
const GABA_LEVELS = [1, 0.85, 0.6, 0.3] as const;
const runs = new Map<number, SheetRun>();

beforeAll(() => {
  // Healthy rest is checked over the 60 s that docs/model.md asks for, the sheet below threshold
  // over 40 s; the seizing sheets over 120 s, so that the burden counts several whole cycles of
  // events (~20 s each) and the quiet between them, not where one event falls in a short window.
  for (const gaba of GABA_LEVELS) runs.set(gaba, runSheet({ gaba }, gaba === 1 ? 60 : gaba >= 0.85 ? 40 : 120));
});

const run = (gaba: number): SheetRun => {
  const r = runs.get(gaba);
  if (!r) throw new Error(`no run at gaba ${gaba}`);
  return r;
};

describe('behaviour 1: healthy rest (defaults, 60 s)', () => {
  it('has no seizure, an E rate of 1–10 Hz and χ below 0.2 (at most 0.4 in any second)', () => {
    const s = run(1).summary;
    expect(s.durationS).toBeCloseTo(60, 6);
    expect(s.seizures).toEqual([]);
    expect(s.seizureBurden).toBe(0);
    expect(s.rateHz.exc).toBeGreaterThanOrEqual(1);
    expect(s.rateHz.exc).toBeLessThanOrEqual(10);
    expect(s.chi.mean).not.toBeNull();
    expect(s.chi.mean as number).toBeLessThan(0.2);
    expect(s.chi.max as number).toBeLessThan(0.4);
  });

  it('keeps ions near rest: K⁺ below 5 mM and E_GABA hyperpolarising', () => {
    const s = run(1).summary;
    expect(s.ions.koMaxMm).toBeLessThan(5);
    expect(s.ions.eGabaMeanMv as number).toBeLessThan(-65);
  });
});

describe('behaviour 2: E/I balance (lowering gaba)', () => {
  it('produces seizures below a threshold: a distinct state, ≥ 3× the healthy E rate, with K⁺o above 7 mM', () => {
    const healthyHz = run(1).summary.rateHz.exc;
    expect(run(0.85).summary.seizures).toEqual([]);
    for (const gaba of [0.6, 0.3]) {
      const { summary } = run(gaba);
      expect(summary.seizures.length, `gaba ${gaba}`).toBeGreaterThan(0);
      // Whole events: one still starting when the run ends has not reached its ictal rate yet.
      for (const e of summary.seizureReports.filter((r) => r.endedByItself)) {
        expect(e.rateDuringHz, `gaba ${gaba}, event at ${e.onsetS} s`).toBeGreaterThan(3 * healthyHz);
        expect(e.koPeakMm, `gaba ${gaba}, event at ${e.onsetS} s`).toBeGreaterThan(7);
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
    // Less inhibition, shorter quiet between events: more of them in the same 120 s (seed 1:
    // 3 at gaba 0.6, 4 at 0.3; burden 0.43 and 0.53).
    expect(run(0.3).summary.seizures.length).toBeGreaterThan(run(0.6).summary.seizures.length);
  });

  it('raising glutamate instead tips the sheet into seizures too', () => {
    const { summary } = runSheet({ glutamate: 1.5 }, 40);
    expect(summary.seizures.length).toBeGreaterThan(0);
    expect(summary.seizureReports[0].rateDuringHz).toBeGreaterThan(25);
  });
});

describe('behaviour 5: interictal spikes just below the seizure threshold', () => {
  it('appear at gaba 0.85, where there is no seizure yet, more often than at rest', () => {
    const healthy = run(1).summary;
    const below = run(0.85).summary;
    expect(below.seizures).toEqual([]);
    // Per second, since the runs differ in length.
    const perSHealthy = healthy.interictalSpikes / healthy.durationS;
    const perSBelow = below.interictalSpikes / below.durationS;
    // Measured (48 × 48, seed 1): 1.18 per s against 0.58 at rest. The healthy sheet makes
    // more of them than with the old dynamics (0.13 per s at 64 × 64), so the margin is smaller.
    expect(perSBelow).toBeGreaterThan(0.8);
    expect(perSBelow).toBeGreaterThan(1.5 * perSHealthy);
  });
});
