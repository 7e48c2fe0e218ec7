/**
 * docs/model.md §7 behaviours 10 (focal lesion and surgery) and 11 (sprouting), on the 48 × 48 test
 * sheet.
 *
 * The seizure detector judges the whole sheet (the 1-s E rate of all its pyramidal cells, and
 * its discharges), so a seizure counts only when the lesion's activity has spread: a lesion
 * alone, however wild, is an interictal focus. A lesion of radius 0.3 mm (7 % of the sheet) in a
 * healthy sheet makes interictal spikes but no seizure; one of 0.5 mm (20 %) in a sheet with
 * mildly weakened inhibition (gaba 0.8, which has no event on its own in 240 s; its threshold is
 * between 0.7 and 0.75) ignites the sheet in its first seconds and again and again after it
 * (at the 0.2-ms step, seeds 1–4, 240 s: events from 1.2–4.8 s and then every ~57 s, 26–33 Hz, 28–39 s
 * each, each ended by itself, docs/notes/real-seizures.md §44).
 *
 * What this sheet does not do is what issue 12 asks of a distinct ictal state: from the third event
 * on, each is only 1.5–1.8 times the sheet's rate in the 10 s before it (seeds 1–4; at 0.1 ms 1.9–2.1
 * on seeds 1–3). The lesion recruits its normally inhibited surround slowly: the front moves at
 * 0.04–0.06 mm/s and the sheet-wide rate climbs from ~8 to ~20 Hz over the 15 s before onset, so
 * those 10 s are already the recruitment. Against the same sheet without a lesion (10.1 Hz, no
 * event) the events stand at 2.2–3.3 times. The tests below hold what the sheet does with a margin and state
 * the shortfall; it keeps issue 12 open (the interneurons' flat rate, notes §43, is the likely
 * cause: nothing restrains the penumbra and then gives way).
 * Where they start is measured from recruitment (src/model/detect/recruitment.ts): the centre of
 * the patch of K⁺ tiles (0.125 mm) whose 1-s E rate reached 20 Hz first in the 10 s before onset,
 * not the tile that fired most (the lesion's tiles fire several times faster than the rest all
 * along, so "most active" would put every onset in the lesion whether or not it began there).
 * Every onset must lie inside the lesion's radius, with no tile's margin.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_MS, Monitors, WINDOW_BLOCKS } from '../../src/model/detect/monitors.ts';
import type { SeizureReport } from '../../src/model/detect/seizure-report.ts';
import { SynchronyMeter } from '../../src/model/detect/synchrony.ts';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { torusDistanceMm } from '../../src/model/sheet/geometry.ts';
import { Simulation } from '../../src/model/simulation.ts';
import { runSheet, shippedScenario, TEST_SIDE } from './run-sheet.ts';

const FOCUS = { xMm: 1, yMm: 1, radiusMm: 0.5 };
const SHEET = { gaba: 0.8, seed: 1 };
const DURATION_S = 240;

/**
 * Run a sheet and measure its surround, the E cells outside the lesion: their mean rate and their
 * own synchrony χ (same meter as the detector's, 1-s windows), in and out of seizures.
 */
function runWithSurround(params: Readonly<Record<string, unknown>>, durationS: number) {
  const sim = new Simulation(withParams(defaultParams(), { side: TEST_SIDE, ...params }));
  const monitors = new Monitors(sim);
  const net = sim.net;
  const surround: number[] = [];
  for (let i = 0; i < net.nE; i++) if (!net.inLesion[i]) surround.push(i);
  const surroundV = new Float64Array(surround.length);
  const meter = new SynchronyMeter(surround.length, Math.round(BLOCK_MS / (sim.ionEvery * sim.dtMs)), WINDOW_BLOCKS);
  const tally = () => ({ spikes: 0, steps: 0, chiSum: 0, chiCount: 0 });
  const during = { inSeizure: tally(), outOfSeizure: tally() };
  const now = () => (monitors.seizures.inSeizure ? during.inSeizure : during.outOfSeizure);
  sim.advance(Math.round((durationS * 1000) / sim.dtMs), {
    afterStep(x) {
      monitors.afterStep(x);
      const st = x.state;
      let count = 0;
      for (let k = 0; k < st.spikeCount; k++) {
        const i = st.spikeIdx[k];
        if (i < net.nE && !net.inLesion[i]) count++;
      }
      const t = now();
      t.spikes += count;
      t.steps++;
    },
    afterIonStep(x) {
      monitors.afterIonStep(x);
      for (let k = 0; k < surround.length; k++) surroundV[k] = x.state.vMv[surround[k]];
      if (meter.addSample(surroundV) && !Number.isNaN(meter.chi)) {
        const t = now();
        t.chiSum += meter.chi;
        t.chiCount++;
      }
    },
  });
  const rateHz = (t: ReturnType<typeof tally>): number =>
    t.steps > 0 ? t.spikes / surround.length / ((t.steps * sim.dtMs) / 1000) : Number.NaN;
  const chi = (t: ReturnType<typeof tally>): number => (t.chiCount > 0 ? t.chiSum / t.chiCount : Number.NaN);
  return {
    summary: monitors.summary(),
    surround: {
      rateHz: { inSeizure: rateHz(during.inSeizure), outOfSeizure: rateHz(during.outOfSeizure) },
      chi: { inSeizure: chi(during.inSeizure), outOfSeizure: chi(during.outOfSeizure) },
    },
  };
}

/** Where each event began and how it spread, for failure messages. */
function places(events: readonly SeizureReport[]): string {
  return JSON.stringify(
    events.map((e) => [e.onsetS, e.onsetXMm, e.onsetYMm, e.recruitedFromS, e.spreadMmPerS, e.recruitedShare]),
  );
}

/**
 * An onset found by recruitment (not the fallback to the most active tile) inside the lesion: on
 * the torus, no farther from its centre than its radius.
 */
function expectOnsetInside(e: SeizureReport, focus: typeof FOCUS, detail: string): void {
  expect(e.recruitedFromS, detail).not.toBeNull();
  expect(e.onsetInLesion, detail).toBe(true);
  expect(torusDistanceMm(e.onsetXMm, e.onsetYMm, focus.xMm, focus.yMm), detail).toBeLessThanOrEqual(focus.radiusMm);
}

/**
 * Focal seizures as the lesion makes them: at least two ended by themselves, each beginning in the
 * lesion (recruited there first), each above 20 Hz sheet-wide (the detector's onset rate; the
 * sheet alone fires at ~10 Hz) and, when there are 10 s before it to compare with (the lesion
 * ignites the sheet within its first seconds), at least `overBefore` times the rate of those 10 s.
 * Each that ended spread from the lesion as a front (a speed was measured) over most of the sheet.
 */
function expectFocalEvents(events: readonly SeizureReport[], focus: typeof FOCUS, overBefore: number): void {
  const detail = JSON.stringify(events.map((e) => [e.onsetS, e.offsetS, e.rateBeforeHz, e.rateDuringHz]));
  const where = places(events);
  const ended = events.filter((e) => e.endedByItself);
  expect(ended.length, detail).toBeGreaterThanOrEqual(2);
  for (const e of events) expectOnsetInside(e, focus, where);
  for (const e of ended) {
    expect(e.spreadMmPerS, where).not.toBeNull();
    expect(e.recruitedShare as number, where).toBeGreaterThan(0.5);
    expect(e.rateDuringHz, detail).toBeGreaterThan(20);
    if (e.onsetS >= 10)
      expect(e.rateDuringHz, detail).toBeGreaterThan(overBefore * (e.rateBeforeHz ?? Number.POSITIVE_INFINITY));
  }
}

describe('behaviour 10: a focal lesion starts seizures that spread; surgery stops them', () => {
  it('seizures start in the lesion, recruit the sheet around it, end and come back', () => {
    const control = runWithSurround(SHEET, DURATION_S);
    const lesioned = runWithSurround({ ...SHEET, lesion: FOCUS }, DURATION_S);
    // The sheet alone has no event at all.
    expect(control.summary.seizures).toEqual([]);
    // Over the 10 s before each event: 1.4 times (measured 1.5–3.1 on seeds 1–4; issue 12's 3× is
    // not met here, see above). Against the sheet without the lesion: twice (measured 2.2–3.3).
    const events = lesioned.summary.seizureReports;
    expectFocalEvents(events, FOCUS, 1.4);
    for (const e of events) expect(e.rateDuringHz, places(events)).toBeGreaterThan(2 * control.summary.rateHz.exc);
    // Spread: during the events the cells outside the lesion fire more than twice as fast as
    // between them, and as the sheet without a lesion.
    expect(lesioned.surround.rateHz.inSeizure).toBeGreaterThan(2 * lesioned.surround.rateHz.outOfSeizure);
    expect(lesioned.surround.rateHz.inSeizure).toBeGreaterThan(2 * control.surround.rateHz.outOfSeizure);
  });

  it('carbamazepine at a therapeutic level fails; with the lesion resected it holds the sheet', () => {
    // The focal-dysplasia scenario's patient, read from its file: the lesion in a patch whose glia
    // clear K⁺ poorly (kClearance 0.6), the lesion's cells binding the drug normally. Seeds 1–5
    // at 120 s: two events each, 32–38 Hz, each starting in the lesion; resected 6.9–7.3 Hz
    // (docs/notes/real-seizures.md §21).
    const dysplasia = shippedScenario('focal-dysplasia');
    expect(dysplasia.params).toMatchObject({ lesion: FOCUS });
    const params = { ...dysplasia.params, seed: SHEET.seed };
    const drug = runSheet(params, DURATION_S, {}, dysplasia.treatment);
    const resected = runSheet({ ...params, resected: true }, DURATION_S, {}, dysplasia.treatment).summary;
    const level = drug.patient?.drugs[0].plasmaTotalMgL ?? Number.NaN;
    expect(level).toBeGreaterThanOrEqual(4);
    expect(level).toBeLessThanOrEqual(12);
    // On the drug the lesion still ignites the sheet, again and again: each event starts in the
    // lesion, spreads, ends by itself and comes back (240 s, seed 1: four events).
    const events = drug.summary.seizureReports;
    expectFocalEvents(events, FOCUS, 2);
    // Without the lesion's cells the same drug holds the same sheet: no event, and a rate under a
    // third of every event's (issue 12's margin for a drug that works against one that fails).
    expect(resected.seizures).toEqual([]);
    for (const e of events) expect(e.rateDuringHz, places(events)).toBeGreaterThan(3 * resected.rateHz.exc);
  });

  it('a sheet that seizes by itself around a resected lesion: its events start outside it', () => {
    // The control that shows "onset inside the lesion" can fail: weak inhibition everywhere
    // (gaba 0.6) seizes without a lesion, and with the lesion's cells removed nothing there can
    // be recruited first. The onset is still measured against the lesion's disc.
    const events = runSheet({ gaba: 0.6, seed: 1, lesion: FOCUS, resected: true }, 30).summary.seizureReports;
    expect(events.length).toBeGreaterThanOrEqual(1);
    for (const e of events) {
      expect(e.recruitedFromS, places(events)).not.toBeNull();
      expect(e.onsetInLesion, places(events)).toBe(false);
    }
  });
});

/**
 * Sprouting 0.15 (+12 E→E inputs per E cell, σ 0.5 mm) is 15 % of this model's maximum, the
 * fraction Santhakumar 2005 found enough to spread activity. Measured on the new dynamics before
 * the lesion's glial factor (seed 1, 60 s, docs/notes/real-seizures.md §10; the test below passes
 * with it): the 0.3-mm lesion alone, no event (10.5 Hz, χ max
 * 0.27); with sprouting 0.15, an event 2.5–27.0 s (37.7 Hz, χ 0.64, K⁺o 10 mM, 1 Hz after it)
 * starting 0.27 mm from the lesion's centre, and none after it within 60 s.
 */
describe('behaviour 11: sprouting lets a focal lesion’s activity spread', () => {
  it('a small lesion in a healthy sheet seizes only with sprouting', () => {
    const small = { xMm: 1, yMm: 1, radiusMm: 0.3 };
    const withoutRun = runWithSurround({ lesion: small }, 40);
    const sproutedRun = runWithSurround({ lesion: small, sprouting: 0.15 }, 40);
    const without = withoutRun.summary;
    const sprouted = sproutedRun.summary;
    expect(without.seizures).toEqual([]);
    // Issue 12's healthy synchrony: χ max under 0.4 (0.27 at dt 0.1 ms, 0.31 at 0.2 ms; seed 1).
    expect(without.chi.max).toBeLessThan(0.4);
    expect(sprouted.seizures.length).toBeGreaterThanOrEqual(1);
    const first = sprouted.seizureReports[0];
    expect(first.endedByItself).toBe(true);
    expectOnsetInside(first, small, places(sprouted.seizureReports));
    expect(sprouted.chi.max).toBeGreaterThan(0.5);
    // The surround joins in: during the event the cells outside the lesion are synchronous and fire
    // several times faster than the unsprouted sheet's.
    expect(sproutedRun.surround.chi.inSeizure).toBeGreaterThan(0.4);
    expect(withoutRun.surround.chi.outOfSeizure).toBeLessThan(0.25);
    expect(sproutedRun.surround.rateHz.inSeizure).toBeGreaterThan(2 * withoutRun.surround.rateHz.outOfSeizure);
  });
});
