/**
 * The patient panel in words: regimens, levels against the therapeutic range, and the chart's
 * text alternative. Pure (no DOM). Every state is said in words, never by colour alone.
 */
import { DRUGS, type DrugName } from '../../model/pharmacology/drugs.ts';
import type { PkInputs, PkSnapshot } from '../../model/pharmacology/pk.ts';
import type { Regimen } from '../../model/pharmacology/regimen.ts';
import { doseSchedule } from '../../model/pharmacology/schedule.ts';
import { DAYS_AXIS_FROM_H, HOURS_PER_DAY, valueAt } from './pk-chart-model.ts';
import type { ChartSeries } from './pk-series.ts';

export const NO_DRUGS_TEXT =
  'No drugs are given, so the network runs without any. Drugs are added in the controls panel.';

export const KPUU_EXPLANATION =
  'Kp,uu, the blood–brain barrier ratio: unbound drug in the brain ÷ unbound drug in plasma. About 1 when a drug crosses freely; P-glycoprotein (P-gp) pumps some drugs back out and lowers it.';

/** "phenytoin 300 mg by mouth every 24 h", "diazepam 10 mg IV once at 0 h". */
export function regimenInWords(r: Regimen): string {
  if (r.route === 'iv') return `${r.drug} ${r.doseMg} mg IV once at 0 h`;
  const until = r.stopH === undefined ? '' : `, stopped at ${r.stopH} h`;
  return `${r.drug} ${r.doseMg} mg by mouth every ${r.everyH} h${until}`;
}

/**
 * Concentrations span 1e-4…1e3: three significant digits, never exponent notation (as the
 * command line prints them).
 */
export function formatConcentration(value: number): string {
  if (value === 0) return '0';
  const digits = Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(Math.abs(value)))));
  return value.toFixed(digits);
}

/** "72 h (day 3.0)": hours, and days once hours stop being easy to picture. */
export function formatPatientTime(hours: number): string {
  const h = `${Number(hours.toFixed(2))} h`;
  return hours > DAYS_AXIS_FROM_H ? `${h} (${(hours / HOURS_PER_DAY).toFixed(1)} days)` : h;
}

export type RangeStatus = 'below' | 'within' | 'above' | 'none';

export function rangeStatus(drug: DrugName, plasmaTotalMgL: number): RangeStatus {
  const range = DRUGS[drug].therapeuticMgL;
  if (range === null) return 'none';
  if (plasmaTotalMgL < range.low) return 'below';
  if (plasmaTotalMgL > range.high) return 'above';
  return 'within';
}

export function rangeText(drug: DrugName): string {
  const range = DRUGS[drug].therapeuticMgL;
  return range === null ? 'no therapeutic range' : `${range.low}–${range.high} mg/L`;
}

/** The status in words, with a symbol that does not depend on colour. */
export function rangeStatusInWords(drug: DrugName, plasmaTotalMgL: number): string {
  const range = rangeText(drug);
  switch (rangeStatus(drug, plasmaTotalMgL)) {
    case 'below':
      return `▼ below the therapeutic range (${range})`;
    case 'above':
      return `▲ above the therapeutic range (${range})`;
    case 'within':
      return `✓ within the therapeutic range (${range})`;
    case 'none':
      return 'no therapeutic range: used acutely or in research';
  }
}

export interface DrugSummary {
  drug: DrugName;
  regimen: string;
  plasmaTotal: string;
  status: RangeStatus;
  statusText: string;
  brainUnbound: string;
  kpuu: string;
  /** Oral only: "3 of 4 taken by 72 h"; null for an IV bolus. */
  doses: string | null;
}

/** One summary per regimen, at the levels of the cursor's time. */
export function drugSummaries(regimens: readonly Regimen[], levels: PkSnapshot, inputs: PkInputs): DrugSummary[] {
  return regimens.map((r, i) => {
    const l = levels.drugs[i];
    if (!l || l.drug !== r.drug) throw new RangeError(`no levels for ${r.drug} at ${levels.timeH} h`);
    let doses: string | null = null;
    if (r.route === 'oral') {
      // Doses due up to and including the cursor's time (one at exactly that time is given).
      const due = doseSchedule(r, levels.timeH + 1e-9, inputs.adherence, inputs.seed);
      const taken = due.filter((d) => d.taken).length;
      doses = `${taken} of ${due.length} taken by ${formatPatientTime(levels.timeH)}`;
    }
    return {
      drug: r.drug,
      regimen: regimenInWords(r),
      plasmaTotal: `${formatConcentration(l.plasmaTotalMgL)} mg/L`,
      status: rangeStatus(r.drug, l.plasmaTotalMgL),
      statusText: rangeStatusInWords(r.drug, l.plasmaTotalMgL),
      brainUnbound: `${formatConcentration(l.brainUnboundUm)} µM`,
      kpuu: l.kpuu.toFixed(2),
      doses,
    };
  });
}

export function pgpInWords(levels: PkSnapshot, inputs: PkInputs): string {
  return `P-gp at the barrier: ${levels.pgpEffective.toFixed(2)}× normal at ${formatPatientTime(levels.timeH)} (set to ${inputs.pgp}×; inflammation raises it over hours, tariquidar lowers it).`;
}

function timeWords(hours: number, horizonH: number): string {
  return horizonH > DAYS_AXIS_FROM_H ? `day ${(hours / HOURS_PER_DAY).toFixed(1)}` : `${Number(hours.toFixed(1))} h`;
}

/** Share of the samples below, within and above the range: the fraction of the time shown. */
function timeInRange(
  values: readonly number[],
  low: number,
  high: number,
): { below: number; within: number; above: number } {
  let below = 0;
  let above = 0;
  for (const v of values) {
    if (v < low) below++;
    else if (v > high) above++;
  }
  const n = values.length;
  return { below: below / n, within: (n - below - above) / n, above: above / n };
}

const percent = (fraction: number): string => `${Math.round(fraction * 100)} %`;

/**
 * The chart's text alternative in a few sentences: the regimen, the peak, time in the range, and
 * the levels at the cursor (the engine's own numbers).
 */
export function chartSentence(chart: ChartSeries, drugIndex: number, levels: PkSnapshot): string {
  const d = chart.series.drugs[drugIndex];
  const times = chart.series.timesH;
  let peakIndex = 0;
  for (let i = 1; i < d.plasmaTotalMgL.length; i++)
    if (d.plasmaTotalMgL[i] > d.plasmaTotalMgL[peakIndex]) peakIndex = i;
  const span = chart.horizonH > DAYS_AXIS_FROM_H ? `${chart.horizonH / HOURS_PER_DAY} days` : `${chart.horizonH} h`;
  const parts = [
    `${regimenInWords(d.regimen)}, over ${span}: plasma total peaks at ${formatConcentration(d.plasmaTotalMgL[peakIndex])} mg/L (${timeWords(times[peakIndex], chart.horizonH)}).`,
  ];
  const range = DRUGS[d.drug].therapeuticMgL;
  if (range) {
    const share = timeInRange(d.plasmaTotalMgL, range.low, range.high);
    const named = `the therapeutic range (${range.low}–${range.high} mg/L)`;
    const whole = share.below === 1 ? 'below' : share.above === 1 ? 'above' : share.within === 1 ? 'within' : null;
    parts.push(
      whole
        ? `It stays ${whole} ${named} the whole time.`
        : `It is within ${named} ${percent(share.within)} of the time shown, below it ${percent(share.below)}, above it ${percent(share.above)}.`,
    );
  }
  const at = levels.drugs[drugIndex];
  if (at) {
    parts.push(
      `At the network's time, ${formatPatientTime(levels.timeH)}: plasma total ${formatConcentration(at.plasmaTotalMgL)} mg/L, brain unbound ${formatConcentration(at.brainUnboundUm)} µM (Kp,uu ${at.kpuu.toFixed(2)}).`,
    );
  }
  return parts.join(' ');
}

export interface KeyPoint {
  time: string;
  plasmaTotal: string;
  status: string;
  brainUnbound: string;
}

/** A few points read off the chart (at the time ticks), for the table beside it. */
export function keyPoints(chart: ChartSeries, drugIndex: number, tickTimesH: readonly number[]): KeyPoint[] {
  const d = chart.series.drugs[drugIndex];
  const times = chart.series.timesH;
  return tickTimesH.map((t) => {
    const plasma = valueAt(times, d.plasmaTotalMgL, t);
    return {
      time: timeWords(t, chart.horizonH),
      plasmaTotal: formatConcentration(plasma),
      status: rangeStatus(d.drug, plasma) === 'none' ? '—' : rangeStatus(d.drug, plasma),
      brainUnbound: formatConcentration(valueAt(times, d.brainUnboundUm, t)),
    };
  });
}
