/**
 * docs/model.md §7, behaviours 3 and 4: persistent sodium alone makes the sheet seize; events start,
 * end by themselves through the sodium pump, and leave post-ictal depression behind.
 *
 * Behaviour 4 is shown on the sheet whose events are cleanest: interneurons with half their
 * Nav1.1 (scn1a 0.5, as in Dravet syndrome) and slightly weaker GABA_A (gaba 0.8). Its events
 * begin when interneurons fall into depolarisation block and end when intracellular Na⁺ in the
 * pyramidal cells has driven the pump current high enough to silence them (Krishnan & Bazhenov
 * 2011). The network in its ordinary form (gaba below 0.6) bursts rhythmically for as long as it
 * runs instead; see the README.
 */
import { describe, expect, it } from 'vitest';
import { meanChi, meanRateE, runSheet } from './run-sheet.ts';

describe('behaviour 3: persistent sodium', () => {
  it('enough gNaP alone makes the sheet seize (gNapRatio 0.8, everything else default)', () => {
    const { summary, series } = runSheet({ gNapRatio: 0.8 }, 30);
    expect(summary.seizures.length).toBeGreaterThan(0);
    expect(summary.seizureBurden).toBeGreaterThan(0.3);
    const e = summary.seizures[0];
    expect(meanChi(series, e.onsetMs, e.offsetMs ?? 30_000)).toBeGreaterThan(0.4);
  });
});

describe('behaviour 4: onset and spontaneous termination', () => {
  const durationS = 90;
  const dravet = { scn1a: 0.5, gaba: 0.8 };
  // The sheet starts from the healthy network's ion levels; the Dravet-like sheet settles to its
  // own (more Na⁺ in E cells) over its first events, which are shorter. Events are judged once it
  // has settled.
  const settledMs = 15_000;

  it('events end by themselves after 5–120 s, K⁺ stays ≤ 12 mM, and the E rate after each event is below the rate before it', () => {
    const { summary, series } = runSheet(dravet, durationS);
    const ended = summary.seizures.filter((e) => e.offsetMs !== null && e.onsetMs >= settledMs);
    expect(ended.length).toBeGreaterThanOrEqual(3);
    for (const e of ended) {
      const durS = ((e.offsetMs as number) - e.onsetMs) / 1000;
      expect(durS, `event at ${e.onsetMs} ms`).toBeGreaterThanOrEqual(5);
      expect(durS, `event at ${e.onsetMs} ms`).toBeLessThanOrEqual(120);
      expect(meanChi(series, e.onsetMs, e.offsetMs as number)).toBeGreaterThan(0.4);
    }
    expect(summary.ions.koMaxMm).toBeLessThanOrEqual(12);
    // Post-ictal depression: the 2 s after each event against the 2 s that ended 1 s before its
    // onset.
    for (const e of ended) {
      const before = meanRateE(series, e.onsetMs - 3000, e.onsetMs - 1000);
      const after = meanRateE(series, e.offsetMs as number, (e.offsetMs as number) + 2000);
      expect(after, `event at ${e.onsetMs} ms: ${after} Hz after, ${before} Hz before`).toBeLessThan(before);
    }
  });

  it("with the pump's sodium dependence switched off, the first event never ends", () => {
    const { series } = runSheet(dravet, 60, { pumpNaDependence: false });
    // The event starts as in the intact sheet; from then on the E rate never comes back down.
    const start = series.findIndex((r) => r.rateEHz > 10);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(series[start].tMs).toBeLessThan(10_000);
    const startMs = series[start].tMs;
    for (let t = startMs + 5000; t + 1000 <= 60_000; t += 1000) {
      expect(meanRateE(series, t, t + 1000), `E rate in the second after ${t} ms`).toBeGreaterThan(10);
    }
  });
});
