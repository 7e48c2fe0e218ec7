/**
 * The patient panel's pure logic: the chart's horizon, sampling and memoised series; the chart
 * model (domains, therapeutic band, cursor, paths); and the words of the summary against what
 * the engine computes.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { DRUG_NAMES, DRUGS } from '../../src/model/pharmacology/drugs.ts';
import { pkAt, pkInputs, simulatePk } from '../../src/model/pharmacology/pk.ts';
import { formatRegimen, parseRegimen, standardRegimen } from '../../src/model/pharmacology/regimen.ts';
import { AT_HOURS_MAX } from '../../src/model/pharmacology/treatment.ts';
import {
  chartSentence,
  drugSummaries,
  formatConcentration,
  keyPoints,
  rangeStatus,
  regimenInWords,
} from '../../src/ui/patient/patient-words.ts';
import {
  buildChartModel,
  cursorPx,
  dragResolutionH,
  hoursAtPx,
  linePath,
  valueAt,
} from '../../src/ui/patient/pk-chart-model.ts';
import {
  CHART_HORIZONS_H,
  chartHorizonH,
  chartSampling,
  PatientPk,
  parseTreatmentDrugs,
  WEEK_H,
} from '../../src/ui/patient/pk-series.ts';

const INPUTS = pkInputs(defaultParams());
const PHENYTOIN = ['phenytoin=300/24'];

describe('the chart horizon', () => {
  it('is a week for oral drugs early on, then the smallest step holding twice the patient-clock time', () => {
    const oral = parseTreatmentDrugs(PHENYTOIN);
    expect(chartHorizonH(oral, 0)).toBe(WEEK_H);
    expect(chartHorizonH(oral, 72)).toBe(WEEK_H);
    expect(chartHorizonH(oral, 84)).toBe(WEEK_H);
    expect(chartHorizonH(oral, 85)).toBe(336);
    expect(chartHorizonH(oral, 336)).toBe(672);
    expect(chartHorizonH(oral, AT_HOURS_MAX)).toBe(AT_HOURS_MAX);
    for (const h of [0, 1, 50, 100, 1000, 4000, 8000, AT_HOURS_MAX]) {
      const horizon = chartHorizonH(oral, h);
      expect(horizon).toBeGreaterThanOrEqual(h);
      expect(CHART_HORIZONS_H).toContain(horizon);
    }
  });

  it('shows a short IV bolus over about five half-lives, in hours', () => {
    // Midazolam t½ 3 h: 15 h → the 24-h step.
    expect(chartHorizonH(parseTreatmentDrugs(['midazolam=10iv']), 1)).toBe(24);
    // Diazepam t½ 36 h: 180 h would exceed a week; a week is the longest floor.
    expect(chartHorizonH(parseTreatmentDrugs(['diazepam=10iv']), 1)).toBe(WEEK_H);
    // With an oral drug beside it, a week.
    expect(chartHorizonH(parseTreatmentDrugs(['midazolam=10iv', 'phenytoin=300/24']), 1)).toBe(WEEK_H);
  });
});

describe('the chart series', () => {
  it('samples at least eight times per dosing interval and integrates at 1/(fastest rate)', () => {
    const regimens = parseTreatmentDrugs(['phenytoin=300/24', 'levetiracetam=1500/12']);
    const s = chartSampling(regimens, 1344);
    expect(s.stepH).toBeCloseTo(12 / 8, 12);
    // Fastest: brain entry of phenytoin at 6/h (drugs.ts).
    expect(s.maxStepH).toBeCloseTo(1 / 6, 12);
    // Benzodiazepines enter the brain at 20/h.
    expect(chartSampling(parseTreatmentDrugs(['diazepam=10iv']), 168).maxStepH).toBeCloseTo(1 / 20, 12);
  });

  it("stays within 0.1 % of the peak of the engine's own step, for every drug of the table", () => {
    const inputs = pkInputs(withParams(defaultParams(), { pgp: 2, inflammation: 0.5 }));
    for (const name of DRUG_NAMES) {
      const regimens = [standardRegimen(name)];
      const horizonH = chartHorizonH(regimens, 72);
      const chart = new PatientPk().series(regimens.map(formatRegimen), inputs, horizonH);
      const reference = simulatePk(inputs, regimens, horizonH, chart.sampling.stepH);
      for (const key of ['plasmaTotalMgL', 'plasmaUnboundUm', 'brainUnboundUm'] as const) {
        const exact = reference.drugs[0][key];
        const coarse = chart.series.drugs[0][key];
        const peak = Math.max(...exact);
        if (DRUGS[name].placebo) {
          // Nothing of a placebo reaches the blood: both curves are zero.
          expect(peak, `${name} ${key}`).toBe(0);
          expect(Math.max(...coarse), `${name} ${key}`).toBe(0);
          continue;
        }
        let worst = 0;
        for (let i = 0; i < exact.length; i++) worst = Math.max(worst, Math.abs(exact[i] - coarse[i]));
        expect(worst / peak, `${name} ${key}`).toBeLessThan(1e-3);
      }
    }
  });

  it('is memoised by value: the same drugs, inputs and horizon give the same object', () => {
    const pk = new PatientPk();
    const first = pk.series(PHENYTOIN, INPUTS, WEEK_H);
    expect(pk.series(['phenytoin=300/24'], { ...INPUTS }, WEEK_H)).toBe(first);
    const raised = pk.series(PHENYTOIN, { ...INPUTS, pgp: 2 }, WEEK_H);
    expect(raised).not.toBe(first);
    expect(pk.series(PHENYTOIN, INPUTS, 336)).not.toBe(first);
    expect(pk.series(['phenytoin=200/12'], INPUTS, WEEK_H)).not.toBe(first);
    // A recent entry is still there after others were computed.
    expect(pk.series(PHENYTOIN, INPUTS, WEEK_H)).toBe(first);
    expect(pk.series(PHENYTOIN, { ...INPUTS, pgp: 2 }, WEEK_H)).toBe(raised);

    const levels = pk.levelsAt(PHENYTOIN, INPUTS, 72);
    expect(pk.levelsAt(PHENYTOIN, { ...INPUTS }, 72)).toBe(levels);
    expect(pk.levelsAt(PHENYTOIN, INPUTS, 73)).not.toBe(levels);
  });

  it("gives the levels at the cursor exactly as the engine's pkAt", () => {
    const at = new PatientPk().levelsAt(PHENYTOIN, { ...INPUTS, pgp: 2 }, 100);
    expect(at).toEqual(pkAt({ ...INPUTS, pgp: 2 }, parseTreatmentDrugs(PHENYTOIN), 100));
  });
});

describe('the chart model', () => {
  const chart = new PatientPk().series(PHENYTOIN, INPUTS, 336);
  const model = buildChartModel(chart, 0, 420);

  it('covers the whole series: time from 0 to the horizon, y from 0 above every value', () => {
    expect(model.x.domain()).toEqual([0, 336]);
    expect(model.x(0)).toBe(model.plotLeftPx);
    expect(model.x(336)).toBe(model.plotRightPx);
    expect(chart.series.timesH[chart.series.timesH.length - 1]).toBe(336);
    const d = chart.series.drugs[0];
    expect(model.plasma.yMax).toBeGreaterThanOrEqual(Math.max(...d.plasmaTotalMgL));
    expect(model.unbound.yMax).toBeGreaterThanOrEqual(Math.max(...d.brainUnboundUm, ...d.plasmaUnboundUm));
    expect(model.timeUnit).toBe('days');
    // Ticks are whole days from d3's nice steps, inside the plot.
    expect(model.xTicks[0].label).toBe('0');
    for (const t of model.xTicks) {
      expect(Number.isInteger(Number(t.label))).toBe(true);
      expect(t.px).toBeGreaterThanOrEqual(model.plotLeftPx);
      expect(t.px).toBeLessThanOrEqual(model.plotRightPx);
    }
    // Every y tick is inside its plot, 0 at the bottom.
    expect(model.plasma.yTicks[0]).toMatchObject({ value: 0, px: model.plasma.topPx + model.plasma.heightPx });
    for (const t of model.unbound.yTicks) {
      expect(t.px).toBeGreaterThanOrEqual(model.unbound.topPx - 1e-9);
      expect(t.px).toBeLessThanOrEqual(model.unbound.topPx + model.unbound.heightPx + 1e-9);
    }
  });

  it("puts the therapeutic band at the drug table's range", () => {
    const band = model.plasma.band;
    expect(band).not.toBeNull();
    if (!band) return;
    expect([band.lowMgL, band.highMgL]).toEqual([
      DRUGS.phenytoin.therapeuticMgL?.low,
      DRUGS.phenytoin.therapeuticMgL?.high,
    ]);
    expect([band.lowMgL, band.highMgL]).toEqual([10, 20]);
    // Linear axis from 0 at the bottom: the band's edges sit at value / yMax of the plot's height.
    const bottom = model.plasma.topPx + model.plasma.heightPx;
    expect(band.bottomPx).toBeCloseTo(bottom - (10 / model.plasma.yMax) * model.plasma.heightPx, 9);
    expect(band.topPx).toBeCloseTo(bottom - (20 / model.plasma.yMax) * model.plasma.heightPx, 9);
    // The band is in view even though this regimen stays below it.
    expect(model.plasma.yMax).toBeGreaterThanOrEqual(20);
    // No band for a drug without a range.
    const diazepam = buildChartModel(new PatientPk().series(['diazepam=10iv'], INPUTS, WEEK_H), 0, 420);
    expect(diazepam.plasma.band).toBeNull();
  });

  it('maps the cursor to the patient-clock time, and a pointer back to it', () => {
    expect(cursorPx(model, 0)).toBe(model.plotLeftPx);
    expect(cursorPx(model, 168)).toBeCloseTo((model.plotLeftPx + model.plotRightPx) / 2, 9);
    for (const h of [0, 1, 72, 100, 335, 336]) expect(hoursAtPx(model, cursorPx(model, h), 1)).toBe(h);
    // Off the plot, the pointer stays at its ends.
    expect(hoursAtPx(model, -50, 1)).toBe(0);
    expect(hoursAtPx(model, 10_000, 1)).toBe(336);
    expect(dragResolutionH(336)).toBe(1);
    expect(dragResolutionH(24)).toBe(0.1);
  });

  it('draws the paths inside the plots, with hours on the axis for short charts', () => {
    const short = buildChartModel(new PatientPk().series(['midazolam=10iv'], INPUTS, 24), 0, 320);
    expect(short.timeUnit).toBe('h');
    // Hours, in d3's nice steps, over the 24-h horizon.
    expect(short.xTicks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20]);
    const coords = [...model.plasma.totalPath.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(coords.length).toBeGreaterThan(100);
    for (const [px, py] of coords) {
      expect(px).toBeGreaterThanOrEqual(model.plotLeftPx - 0.05);
      expect(px).toBeLessThanOrEqual(model.plotRightPx + 0.05);
      expect(py).toBeGreaterThanOrEqual(model.plasma.topPx - 0.05);
      expect(py).toBeLessThanOrEqual(model.plasma.topPx + model.plasma.heightPx + 0.05);
    }
  });

  it('keeps the peaks and troughs between doses when samples outnumber pixels', () => {
    // A zigzag of 1000 samples across 10 pixels: every column keeps its 0 and its 1.
    const times = Array.from({ length: 1000 }, (_, i) => i);
    const values = times.map((i) => i % 2);
    const d = linePath(
      times,
      values,
      (t) => t / 100,
      (v) => v,
    );
    const ys = [...d.matchAll(/,(-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys.length).toBeLessThanOrEqual(4 * 11);
    expect(Math.min(...ys)).toBe(0);
    expect(Math.max(...ys)).toBe(1);
    expect(valueAt([0, 10], [0, 5], 4)).toBe(2);
  });
});

describe('the summary in words', () => {
  it('says phenytoin 300 mg/day is below the 10–20 mg/L range at 336 h, as the engine computes it', () => {
    const regimens = parseTreatmentDrugs(PHENYTOIN);
    const levels = new PatientPk().levelsAt(PHENYTOIN, INPUTS, 336);
    const engine = pkAt(INPUTS, regimens, 336).drugs[0];
    // What the engine says: about 3.4 mg/L, well below 10.
    expect(engine.plasmaTotalMgL).toBeLessThan(10);
    const [summary] = drugSummaries(regimens, levels, INPUTS);
    expect(summary.regimen).toBe('phenytoin 300 mg by mouth every 24 h');
    expect(summary.status).toBe('below');
    expect(summary.statusText).toBe('▼ below the therapeutic range (10–20 mg/L)');
    expect(summary.plasmaTotal).toBe(`${formatConcentration(engine.plasmaTotalMgL)} mg/L`);
    expect(summary.plasmaTotal).toBe('3.44 mg/L');
    expect(summary.brainUnbound).toBe(`${formatConcentration(engine.brainUnboundUm)} µM`);
    expect(summary.kpuu).toBe('1.00');
    expect(summary.doses).toBe('15 of 15 taken by 336 h (14.0 days)');
  });

  it('says within and above where the engine puts 400 and 600 mg/day', () => {
    for (const [text, expected] of [
      ['phenytoin=200/12', 'within'],
      ['phenytoin=600/24', 'above'],
    ] as const) {
      const regimens = parseTreatmentDrugs([text]);
      const engine = pkAt(INPUTS, regimens, 336).drugs[0].plasmaTotalMgL;
      expect(rangeStatus('phenytoin', engine)).toBe(expected);
      const [summary] = drugSummaries(regimens, new PatientPk().levelsAt([text], INPUTS, 336), INPUTS);
      expect(summary.statusText).toContain(expected === 'within' ? '✓ within' : '▲ above');
    }
    expect(rangeStatus('phenytoin', 10)).toBe('within');
    expect(rangeStatus('phenytoin', 20)).toBe('within');
    expect(rangeStatus('diazepam', 1)).toBe('none');
  });

  it('puts IV boluses and missed doses in words', () => {
    expect(regimenInWords(parseRegimen('diazepam=10iv'))).toBe('diazepam 10 mg IV once at 0 h');
    const inputs = { ...INPUTS, adherence: 0.5 };
    const regimens = parseTreatmentDrugs(['levetiracetam=1500/12']);
    const levels = pkAt(inputs, regimens, 120);
    const [summary] = drugSummaries(regimens, levels, inputs);
    const taken = Number(summary.doses?.split(' ')[0]);
    expect(summary.doses).toMatch(/^\d+ of 11 taken by 120 h \(5\.0 days\)$/);
    expect(taken).toBeLessThan(11);
  });

  it('describes the chart: the peak, the time in range, and the levels at the cursor', () => {
    const pk = new PatientPk();
    const chart = pk.series(PHENYTOIN, INPUTS, 672);
    const levels = pk.levelsAt(PHENYTOIN, INPUTS, 336);
    const sentence = chartSentence(chart, 0, levels);
    expect(sentence).toContain('phenytoin 300 mg by mouth every 24 h, over 28 days');
    expect(sentence).toContain('It stays below the therapeutic range (10–20 mg/L) the whole time.');
    expect(sentence).toContain("At the network's time, 336 h (14.0 days): plasma total 3.44 mg/L");
    // 400 mg/day starts below the range and rises into it: the shares are given.
    const rising = chartSentence(
      pk.series(['phenytoin=200/12'], INPUTS, 672),
      0,
      pk.levelsAt(['phenytoin=200/12'], INPUTS, 72),
    );
    expect(rising).toMatch(
      /It is within the therapeutic range \(10–20 mg\/L\) (\d+) % of the time shown, below it (\d+) %, above it 0 %\./,
    );
    const [, within, below] = /within .* (\d+) % of the time shown, below it (\d+) %/.exec(rising) ?? [];
    expect(Number(within)).toBeGreaterThan(0);
    expect(Number(below)).toBeGreaterThan(0);
    expect(Number(within) + Number(below)).toBeGreaterThanOrEqual(99);
    const points = keyPoints(chart, 0, [0, 168, 672]);
    expect(points.map((p) => p.time)).toEqual(['day 0.0', 'day 7.0', 'day 28.0']);
    expect(points[0].plasmaTotal).toBe('0');
    expect(points.every((p) => p.status === 'below')).toBe(true);
  });
});
