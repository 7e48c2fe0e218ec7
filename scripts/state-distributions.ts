/**
 * The distributions the seizure detector's thresholds must sit between (issue 12): over every
 * shipped scenario (public/scenarios/*.json, with its drugs and duration), the E rate and χ of
 * each whole second, inside and outside the detector's events. Prints percentiles of each and
 * the margins of the detector's thresholds from both medians.
 *
 *   npx tsx scripts/state-distributions.ts [--side 64] [--seed 1] [--max-s 60] [--only a,b]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEIZURE_OFFSET_RATE_HZ, SEIZURE_ONSET_RATE_HZ } from '../src/model/detect/seizure.ts';
import { withParams } from '../src/model/params.ts';
import { DEFAULT_AT_HOURS } from '../src/model/pharmacology/treatment.ts';
import { startRun } from '../src/model/runs/start-run.ts';
import { parseScenarioText, scenarioParams } from '../src/model/scenario.ts';

const args = process.argv.slice(2);
let side = 64;
let seed = 1;
let maxS = Number.POSITIVE_INFINITY;
let only: string[] | null = null;
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--side') side = Number(args[++k]);
  else if (args[k] === '--seed') seed = Number(args[++k]);
  else if (args[k] === '--max-s') maxS = Number(args[++k]);
  else if (args[k] === '--only') only = args[++k].split(',');
  else throw new Error(`unknown argument ${args[k]}`);
}

const dir = join(import.meta.dirname, '..', 'public', 'scenarios');
const inRate: number[] = [];
const outRate: number[] = [];
const inChi: number[] = [];
const outChi: number[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const scenario = parseScenarioText(readFileSync(join(dir, file), 'utf8'), file.replace(/\.json$/, ''));
  if (only && !only.includes(scenario.name)) continue;
  const params = withParams(scenarioParams(scenario), { side, seed });
  const { sim, monitors } = startRun(params, {
    regimens: scenario.drugs,
    atHours: scenario.atHours ?? DEFAULT_AT_HOURS,
  });
  const durationS = Math.min(scenario.durationS, maxS);
  const started = performance.now();
  sim.advance(Math.round((durationS * 1000) / sim.dtMs), monitors);
  // One value per whole second: the record that closes it (rate and χ over that second), inside
  // an event if the second lies within the event's dated onset and offset.
  const events = monitors.seizures.events;
  const inEvent = (tMs: number): boolean =>
    events.some((e) => tMs - 1000 >= e.onsetMs && (e.offsetMs === null || tMs <= e.offsetMs));
  let n = 0;
  let nIn = 0;
  for (const r of monitors.series) {
    if (Math.round(r.tMs) % 1000 !== 0 || Number.isNaN(r.chi)) continue;
    n++;
    if (inEvent(r.tMs)) {
      nIn++;
      inRate.push(r.rate1sHz);
      inChi.push(r.chi);
    } else {
      outRate.push(r.rate1sHz);
      outChi.push(r.chi);
    }
  }
  const s = monitors.summary();
  console.log(
    `${scenario.name.padEnd(22)} ${durationS} s: ${nIn}/${n} s in events, ${s.seizures.length} events, burden ${s.seizureBurden.toFixed(2)}, ` +
      `E ${s.rateHz.exc.toFixed(1)} Hz, wall ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

function percentiles(xs: number[]): string {
  if (xs.length === 0) return 'none';
  const a = [...xs].sort((p, q) => p - q);
  const q = (f: number) => a[Math.min(a.length - 1, Math.floor(f * a.length))];
  return `n ${a.length}: min ${a[0].toFixed(2)}, p5 ${q(0.05).toFixed(2)}, median ${q(0.5).toFixed(2)}, p95 ${q(0.95).toFixed(2)}, max ${a[a.length - 1].toFixed(2)}`;
}
const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
console.log(`1-s E rate in events:  ${percentiles(inRate)}`);
console.log(`1-s E rate outside:    ${percentiles(outRate)}`);
console.log(`1-s χ in events:       ${percentiles(inChi)}`);
console.log(`1-s χ outside:         ${percentiles(outChi)}`);
if (inRate.length > 0 && outRate.length > 0) {
  const mIn = median(inRate);
  const mOut = median(outRate);
  for (const [name, t] of [
    ['onset', SEIZURE_ONSET_RATE_HZ],
    ['offset', SEIZURE_OFFSET_RATE_HZ],
  ] as const) {
    console.log(
      `${name} threshold ${t} Hz: ${((100 * (t - mOut)) / mOut).toFixed(0)} % above the outside median, ` +
        `${((100 * (mIn - t)) / mIn).toFixed(0)} % below the in-event median`,
    );
  }
}
