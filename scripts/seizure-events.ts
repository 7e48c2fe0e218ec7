/**
 * One line per seizure-like event of a run (issue 12's figures, src/model/detect/seizure-report.ts),
 * for knock-out comparisons (docs/notes/real-seizures.md):
 *
 *   npx tsx scripts/seizure-events.ts --set gaba=0.6 --set side=48 --set seed=2 --duration-s 120 \
 *     [--settle-s 40] [--option chlorideStatic=true] [--ion key=value …] [--detector 15,11]
 *
 * `--settle-s S` runs S seconds first and leaves them out (as `run --settle-s` does).
 * `--detector ON,OFF` re-reads the same run with other onset/offset rates (Hz) as well.
 */
import { Monitors } from '../src/model/detect/monitors.ts';
import { SEIZURE_THRESHOLDS, SeizureDetector } from '../src/model/detect/seizure.ts';
import { reportSeizures, type SeizureReport } from '../src/model/detect/seizure-report.ts';
import { defaultParams, withParams } from '../src/model/params.ts';
import { Simulation } from '../src/model/simulation.ts';
import { emptySimFlags, readSimFlag, simulationOptions } from './sim-flags.ts';

const args = process.argv.slice(2);
const flags = emptySimFlags();
const { overrides } = flags;
const detectors: Array<[number, number]> = [];
let durationS = 60;
let settleS = 0;
for (let k = 0; k < args.length; k++) {
  const a = args[k];
  const next = (): string => args[++k];
  if (readSimFlag(flags, a, next)) continue;
  if (a === '--detector') {
    const [on, off] = next().split(',').map(Number);
    detectors.push([on, off]);
  } else if (a === '--duration-s') durationS = Number(next());
  else if (a === '--settle-s') settleS = Number(next());
  else throw new Error(`unknown argument ${a}`);
}

const sim = new Simulation(withParams(defaultParams(), overrides), simulationOptions(flags));
const monitors = new Monitors(sim);
const started = performance.now();
if (settleS > 0) {
  sim.advance(Math.round((settleS * 1000) / sim.dtMs), monitors);
  monitors.openWindow();
}
sim.advance(Math.round((durationS * 1000) / sim.dtMs), monitors);
const f = (x: number | null, d = 1): string => (x === null || Number.isNaN(x) ? '—' : x.toFixed(d));
const line = (e: SeizureReport): string =>
  `  ${f(e.onsetS)}–${e.offsetS === null ? '…' : f(e.offsetS)} s (${f(e.durationS)} s): E ${f(e.rateBeforeHz)} → ${f(e.rateDuringHz)} → ${f(e.rateAfterHz, 2)} Hz, ` +
  `χ ${f(e.chiDuring, 2)} (${f(e.chiFirstThird, 2)}/${f(e.chiLastThird, 2)}), K⁺o ${f(e.koBeforeMm, 2)} → peak ${f(e.koPeakMm)} → ${f(e.koMinAfterMm, 2)} mM, ` +
  `Na⁺i +${f(e.naiRiseMm)} to ${f(e.naiPeakMm)} mM, ${e.discharges} discharges (${f(e.burstsPerSFirstThird)}/${f(e.burstsPerSLastThird)} per s; ` +
  `intervals ${f(e.dischargeIntervalEarlyMs, 0)} → ${f(e.dischargeIntervalLateMs, 0)} ms)`;
const s = monitors.summary();
console.log(
  `${JSON.stringify(overrides)} ${JSON.stringify(flags.options)} ${JSON.stringify(flags.ions)} ${settleS > 0 ? `${settleS} s settled, ` : ''}${durationS} s: E ${s.rateHz.exc.toFixed(2)} Hz, ` +
    `χ max ${s.chi.max?.toFixed(2)}, K⁺o max ${s.ions.koMaxMm.toFixed(2)} mM, burden ${s.seizureBurden.toFixed(2)}, ` +
    `${s.seizures.length} events, ${s.interictalSpikes} interictal spikes, ${monitors.discharges.timesMs.filter((t) => t >= monitors.windowStartMs).length} population discharges, wall ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
for (const e of s.seizureReports) console.log(line(e));
// A re-read has the series only, not the tiles: its events have no place.
const NO_PLACE = () => ({ xMm: Number.NaN, yMm: Number.NaN, recruitedFromMs: null, inLesion: null });
for (const [on, off] of detectors) {
  const d = new SeizureDetector({ ...SEIZURE_THRESHOLDS, onsetRateHz: on, offsetRateHz: off });
  const series = monitors.series;
  for (let k = 0; k < series.length; k++) {
    const r = series[k];
    let last10 = 0;
    let last2 = 0;
    for (let j = Math.max(0, k - 99); j <= k; j++) {
      last10 += series[j].discharges;
      if (j > k - 20) last2 += series[j].discharges;
    }
    if (!Number.isNaN(r.chi)) d.update(r.tMs, r.rate1sHz, last10 / 10, last2 / 2, NO_PLACE);
  }
  console.log(`re-read with onset ${on} Hz, offset ${off} Hz:`);
  for (const e of reportSeizures(monitors.series, d.events, monitors.discharges.timesMs, sim.timeMs))
    console.log(line(e));
}
