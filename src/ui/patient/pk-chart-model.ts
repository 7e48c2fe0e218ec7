/**
 * The concentration–time chart as numbers: scales, ticks, paths, the therapeutic band and the
 * cursor, for one drug of a ChartSeries at a given width. Pure (no DOM); the SVG view only
 * copies these into attributes. All mapping from values to pixels goes through the d3 scales here.
 *
 * Two stacked plots share the time axis rather than one plot with two y axes: plasma total
 * (mg/L, with the therapeutic band) above, unbound drug (µM) below. The two units measure
 * different things, and with two y axes the crossing of the lines would be an artefact of how
 * the axes happen to be scaled; stacked, each plot reads on its own and both fit a 390-px phone.
 * The lower plot shows unbound plasma beside unbound brain, so the gap between them is the
 * barrier's Kp,uu.
 */
import { type ScaleLinear, scaleLinear } from 'd3-scale';
import { DRUGS } from '../../model/pharmacology/drugs.ts';
import type { ChartSeries } from './pk-series.ts';

/** Past this horizon the time axis counts days instead of hours. */
export const DAYS_AXIS_FROM_H = 72;
export const HOURS_PER_DAY = 24;

/** Layout, px. The left margin holds y labels such as "100" or "0.25". */
const MARGIN_LEFT_PX = 46;
const MARGIN_RIGHT_PX = 14;
/** Above each plot: its title. */
const TITLE_SPACE_PX = 24;
/** Above the plasma plot, a second row: the cursor's label, clear of the title. */
const CURSOR_LABEL_SPACE_PX = 16;
/** Between the plasma plot and the next title. */
const GAP_PX = 14;
/** Below the lower plot: tick labels and the axis title. */
const AXIS_SPACE_PX = 44;
const MIN_WIDTH_PX = 220;
/** Roughly one time tick per this many pixels (d3 picks a nice count near it). */
const PX_PER_X_TICK = 70;
const Y_TICKS = 4;

export interface Tick {
  value: number;
  px: number;
  label: string;
}

export interface Band {
  lowMgL: number;
  highMgL: number;
  /** Pixel rows of the band's top (high) and bottom (low) edges. */
  topPx: number;
  bottomPx: number;
}

export interface Plot {
  /** Baseline of the plot's title. */
  titleYPx: number;
  topPx: number;
  heightPx: number;
  yMax: number;
  yTicks: Tick[];
}

export interface PkChartModel {
  drugIndex: number;
  widthPx: number;
  heightPx: number;
  plotLeftPx: number;
  plotRightPx: number;
  horizonH: number;
  /** Baseline of the cursor's label, in its own row above the plasma plot. */
  cursorLabelYPx: number;
  timeUnit: 'h' | 'days';
  xTicks: Tick[];
  plasma: Plot & { totalPath: string; band: Band | null; missedDosesPx: number[] };
  unbound: Plot & { plasmaPath: string; brainPath: string };
  /** Hours → x pixel. */
  x: ScaleLinear<number, number>;
}

function timeUnitFor(horizonH: number): 'h' | 'days' {
  return horizonH > DAYS_AXIS_FROM_H ? 'days' : 'h';
}

function tickLabel(value: number): string {
  // d3's nice ticks are round numbers; drop float noise like 0.30000000000000004.
  return String(Number(value.toPrecision(6)));
}

function yScale(maxValue: number, topPx: number, heightPx: number): ScaleLinear<number, number> {
  const top = maxValue > 0 && Number.isFinite(maxValue) ? maxValue : 1;
  return scaleLinear()
    .domain([0, top])
    .range([topPx + heightPx, topPx])
    .nice(Y_TICKS);
}

function yTicks(scale: ScaleLinear<number, number>): Tick[] {
  return scale.ticks(Y_TICKS).map((value) => ({ value, px: scale(value), label: tickLabel(value) }));
}

function maxOf(values: readonly number[]): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

/**
 * An SVG path through the samples. When there are more samples than pixel columns, each column
 * keeps its first, lowest, highest and last sample (in time order), so the peaks and troughs
 * between doses survive at any width and the path stays a few points per pixel.
 */
export function linePath(
  timesH: readonly number[],
  values: readonly number[],
  x: (h: number) => number,
  y: (v: number) => number,
): string {
  const parts: string[] = [];
  const point = (i: number): void => {
    parts.push(`${parts.length === 0 ? 'M' : 'L'}${x(timesH[i]).toFixed(1)},${y(values[i]).toFixed(1)}`);
  };
  let column = Number.NaN;
  let first = -1;
  let low = -1;
  let high = -1;
  let last = -1;
  const flush = (): void => {
    if (first < 0) return;
    const picks = [first, low, high, last].filter((i, k, all) => all.indexOf(i) === k).sort((a, b) => a - b);
    for (const i of picks) point(i);
  };
  for (let i = 0; i < timesH.length; i++) {
    const c = Math.round(x(timesH[i]));
    if (c !== column) {
      flush();
      column = c;
      first = low = high = last = i;
      continue;
    }
    if (values[i] < values[low]) low = i;
    if (values[i] > values[high]) high = i;
    last = i;
  }
  flush();
  return parts.join('');
}

/** Plot heights for a width: shorter on phones, never taller than a projector can show with the rest. */
function plotHeightsPx(widthPx: number): { plasma: number; unbound: number } {
  const plasma = Math.round(Math.min(170, Math.max(110, widthPx * 0.36)));
  return { plasma, unbound: Math.round(plasma * 0.8) };
}

export function buildChartModel(chart: ChartSeries, drugIndex: number, widthPx: number): PkChartModel {
  const drug = chart.series.drugs[drugIndex];
  if (!drug) throw new RangeError(`the chart has no drug number ${drugIndex + 1}`);
  const width = Math.max(MIN_WIDTH_PX, Math.floor(widthPx));
  const heights = plotHeightsPx(width);
  const plotLeftPx = MARGIN_LEFT_PX;
  const plotRightPx = width - MARGIN_RIGHT_PX;
  const { horizonH } = chart;
  const timeUnit = timeUnitFor(horizonH);
  const perUnitH = timeUnit === 'days' ? HOURS_PER_DAY : 1;

  const xUnits = scaleLinear()
    .domain([0, horizonH / perUnitH])
    .range([plotLeftPx, plotRightPx]);
  const x = scaleLinear().domain([0, horizonH]).range([plotLeftPx, plotRightPx]);
  const xTicks = xUnits
    .ticks(Math.max(2, Math.round((plotRightPx - plotLeftPx) / PX_PER_X_TICK)))
    .map((value) => ({ value: value * perUnitH, px: xUnits(value), label: tickLabel(value) }));

  const times = chart.series.timesH;
  const range = DRUGS[drug.drug].therapeuticMgL;
  const plasmaTop = TITLE_SPACE_PX + CURSOR_LABEL_SPACE_PX;
  const yPlasma = yScale(Math.max(maxOf(drug.plasmaTotalMgL), range?.high ?? 0), plasmaTop, heights.plasma);
  const band: Band | null = range
    ? { lowMgL: range.low, highMgL: range.high, topPx: yPlasma(range.high), bottomPx: yPlasma(range.low) }
    : null;

  const unboundTop = plasmaTop + heights.plasma + GAP_PX + TITLE_SPACE_PX;
  const yUnbound = yScale(
    Math.max(maxOf(drug.brainUnboundUm), maxOf(drug.plasmaUnboundUm)),
    unboundTop,
    heights.unbound,
  );
  const missedDosesPx = drug.doses.filter((d) => !d.taken && d.timeH <= horizonH).map((d) => x(d.timeH));

  return {
    drugIndex,
    widthPx: width,
    heightPx: unboundTop + heights.unbound + AXIS_SPACE_PX,
    plotLeftPx,
    plotRightPx,
    horizonH,
    cursorLabelYPx: plasmaTop - 5,
    timeUnit,
    xTicks,
    plasma: {
      titleYPx: plasmaTop - CURSOR_LABEL_SPACE_PX - 8,
      topPx: plasmaTop,
      heightPx: heights.plasma,
      yMax: yPlasma.domain()[1],
      yTicks: yTicks(yPlasma),
      totalPath: linePath(times, drug.plasmaTotalMgL, x, yPlasma),
      band,
      missedDosesPx,
    },
    unbound: {
      titleYPx: unboundTop - 8,
      topPx: unboundTop,
      heightPx: heights.unbound,
      yMax: yUnbound.domain()[1],
      yTicks: yTicks(yUnbound),
      plasmaPath: linePath(times, drug.plasmaUnboundUm, x, yUnbound),
      brainPath: linePath(times, drug.brainUnboundUm, x, yUnbound),
    },
    x,
  };
}

/** Where the cursor for `atHours` is drawn, px. */
export function cursorPx(model: PkChartModel, atHours: number): number {
  return model.x(atHours);
}

/**
 * The patient-clock time under an x pixel (dragging on the chart), held to the plot and rounded
 * to `resolutionH`.
 */
export function hoursAtPx(model: PkChartModel, xPx: number, resolutionH: number): number {
  const h = Math.min(model.horizonH, Math.max(0, model.x.invert(xPx)));
  return Math.round(h / resolutionH) * resolutionH;
}

/** Pointer resolution on a slider or the chart: a tenth of an hour on short charts, an hour beyond. */
export function dragResolutionH(horizonH: number): number {
  return horizonH <= 48 ? 0.1 : 1;
}

/** Linear interpolation of a series at `timeH` (for the key points of the text alternative). */
export function valueAt(timesH: readonly number[], values: readonly number[], timeH: number): number {
  if (timesH.length === 0) return Number.NaN;
  if (timeH <= timesH[0]) return values[0];
  const last = timesH.length - 1;
  if (timeH >= timesH[last]) return values[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (timesH[mid] <= timeH) lo = mid;
    else hi = mid;
  }
  const f = (timeH - timesH[lo]) / (timesH[hi] - timesH[lo]);
  return values[lo] + f * (values[hi] - values[lo]);
}
