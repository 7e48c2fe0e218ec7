/**
 * Behaviours 1–5 of MODEL.md §7 at the default size (64 × 64, 4,096 cells), the figures the
 * README reports. The test suite checks the same behaviours on a 48 × 48 sheet to stay fast; this
 * runs them once where the app runs them. About 4 minutes on one core:
 *
 *   npm run science:default            (add --json for one JSON object)
 */
import { findRheobase } from '../../src/model/reference-neuron.ts';
import { meanChi, meanRateE, runSheet, type SheetRun } from './run-sheet.ts';

const SIDE = 64;
const json = process.argv.includes('--json');
const out: Record<string, unknown> = {};
const log = (line: string): void => {
  if (!json) console.log(line);
};

function describeRun(label: string, r: SheetRun): Record<string, unknown> {
  const s = r.summary;
  const events = s.seizures.map((e) => ({
    onsetS: e.onsetMs / 1000,
    offsetS: e.offsetMs === null ? null : e.offsetMs / 1000,
    chiDuring: meanChi(r.series, e.onsetMs, e.offsetMs ?? s.durationS * 1000),
    rateBeforeHz: e.onsetMs >= 3000 ? meanRateE(r.series, e.onsetMs - 3000, e.onsetMs - 1000) : null,
    rateAfterHz: e.offsetMs === null ? null : meanRateE(r.series, e.offsetMs, e.offsetMs + 2000),
  }));
  const row = {
    durationS: s.durationS,
    rateExcHz: s.rateHz.exc,
    rateInhHz: s.rateHz.inh,
    chiMean: s.chi.mean,
    chiMax: s.chi.max,
    seizureBurden: s.seizureBurden,
    interictalPerS: s.interictalSpikes / s.durationS,
    koMaxMm: s.ions.koMaxMm,
    events,
  };
  const f = (x: number | null, d = 2) => (x === null ? '–' : x.toFixed(d));
  log(
    `${label.padEnd(34)} E ${f(row.rateExcHz)} Hz  I ${f(row.rateInhHz)} Hz  χ ${f(row.chiMean)} (max ${f(row.chiMax)})  burden ${f(row.seizureBurden)}  IIS ${f(row.interictalPerS)}/s  Ko max ${f(row.koMaxMm)} mM`,
  );
  for (const e of events) {
    log(
      `    event ${f(e.onsetS, 1)}–${e.offsetS === null ? 'end' : f(e.offsetS, 1)} s  χ ${f(e.chiDuring)}  E before ${f(e.rateBeforeHz)} Hz, after ${f(e.rateAfterHz)} Hz`,
    );
  }
  return row;
}

log('Behaviour 1: healthy rest (defaults, 60 s)');
out.healthy = describeRun('defaults', runSheet({ side: SIDE }, 60));

log('\nBehaviours 2 and 5: E/I balance, interictal spikes below threshold (60 s each)');
const balance: Record<string, unknown> = {};
for (const gaba of [0.8, 0.7, 0.5, 0.3])
  balance[gaba] = describeRun(`gaba ${gaba}`, runSheet({ side: SIDE, gaba }, 60));
balance['glutamate 1.5'] = describeRun('glutamate 1.5', runSheet({ side: SIDE, glutamate: 1.5 }, 60));
out.balance = balance;

log('\nBehaviour 3: persistent sodium');
const rheobase: Record<string, number> = {};
for (const type of ['E', 'I'] as const) {
  for (const gNapRatio of [0, 0.1, 0.2, 0.3, 0.5]) {
    rheobase[`${type} ${gNapRatio}`] = findRheobase({
      type,
      gNapRatio,
      durationMs: 1000,
      dtMs: 0.01,
      tolerancePa: 0.1,
    }).rheobasePa;
  }
}
log(
  `    rheobase (pA): ${Object.entries(rheobase)
    .map(([k, v]) => `${k}: ${v.toFixed(1)}`)
    .join(', ')}`,
);
out.rheobasePa = rheobase;
out.gNap = describeRun('gNapRatio 0.8 (60 s)', runSheet({ side: SIDE, gNapRatio: 0.8 }, 60));

log('\nBehaviour 4: onset and termination (scn1a 0.5, gaba 0.8, 90 s)');
out.termination = describeRun('pump intact', runSheet({ side: SIDE, scn1a: 0.5, gaba: 0.8 }, 90));
const off = runSheet({ side: SIDE, scn1a: 0.5, gaba: 0.8 }, 60, { pumpNaDependence: false });
out.pumpNaIndependent = describeRun('pump blind to Na⁺ (60 s)', off);
const seconds: number[] = [];
for (let t = 0; t < 60; t += 5) seconds.push(meanRateE(off.series, t * 1000, (t + 5) * 1000));
log(`    E rate per 5 s: ${seconds.map((x) => x.toFixed(1)).join(' ')} Hz`);

if (json) console.log(JSON.stringify(out));
