/**
 * A per-second trace of one run, for diagnosing the ion dynamics (docs/notes/real-seizures.md):
 * E and I rates, χ, K⁺o (mean and max over tiles), Na⁺i (E and I means), the pump current of
 * E cells, E_GABA, population bursts per second, the detector's state.
 *
 *   npx tsx scripts/seizure-trace.ts --set gaba=0.4 --set side=32 --duration-s 60 [--every-s 1]
 *     [--ion kPerSpikeMm=0.1 …] [--option ionsClamped=true] [--quiet]
 *
 * `--ion` overrides a constant of ION_CONSTANTS (src/model/ions.ts) for this run only.
 */
import { Monitors } from '../src/model/detect/monitors.ts';
import { defaultParams, withParams } from '../src/model/params.ts';
import { Simulation, type StepObserver } from '../src/model/simulation.ts';
import { emptySimFlags, readSimFlag, simulationOptions } from './sim-flags.ts';

const args = process.argv.slice(2);
const flags = emptySimFlags();
const { overrides } = flags;
let durationS = 30;
let everyS = 1;
let quiet = false;
for (let k = 0; k < args.length; k++) {
  const a = args[k];
  const next = (): string => args[++k];
  if (readSimFlag(flags, a, next)) continue;
  if (a === '--duration-s') durationS = Number(next());
  else if (a === '--every-s') everyS = Number(next());
  else if (a === '--quiet') quiet = true;
  else throw new Error(`unknown argument ${a}`);
}

const params = withParams(defaultParams(), overrides);
const sim = new Simulation(params, simulationOptions(flags));
const monitors = new Monitors(sim);
const net = sim.net;
const s = sim.state;

/** Population bursts: upward crossings of the 10-ms E rate over BURST_HZ, at least 40 ms apart. */
const BURST_HZ = 40;
class Tracer implements StepObserver {
  binE = 0;
  binI = 0;
  stepInBin = 0;
  above = false;
  lastBurstMs = -1e9;
  bursts = 0;
  spikesE = 0;
  spikesI = 0;
  afterStep(x: Simulation): void {
    monitors.afterStep(x);
    const count = s.spikeCount;
    for (let k = 0; k < count; k++) {
      if (s.spikeIdx[k] < net.nE) this.binE++;
      else this.binI++;
    }
    if (++this.stepInBin === Math.round(10 / x.dtMs)) {
      const rate = this.binE / net.nE / 0.01;
      const t = x.timeMs;
      if (rate > BURST_HZ && !this.above && t - this.lastBurstMs > 40) {
        this.bursts++;
        this.lastBurstMs = t;
      }
      this.above = rate > BURST_HZ;
      this.spikesE += this.binE;
      this.spikesI += this.binI;
      this.binE = 0;
      this.binI = 0;
      this.stepInBin = 0;
    }
  }
  afterIonStep(x: Simulation): void {
    monitors.afterIonStep(x);
  }
}
const tracer = new Tracer();

const mean = (a: ArrayLike<number>, from: number, to: number): number => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += a[i];
  return sum / (to - from);
};
const fmt = (x: number, d = 2): string => (Number.isNaN(x) ? '  —' : x.toFixed(d)).padStart(7);

/** Share of I cells in depolarisation block (no spike gain) at the end of the interval. */
const blockedShare = (): number => {
  let blocked = 0;
  for (let i = net.nE; i < net.n; i++) if (s.expGainPa[i] === 0) blocked++;
  return blocked / net.nI;
};
const header =
  '   t s    E Hz    I Hz       χ  Ko mean  Ko max  Nai E  Nai I  pump E  EGABA  bursts  V E   w E   V I  Iblock  state';
if (!quiet) console.log(header);
const stepsPerChunk = Math.round((everyS * 1000) / sim.dtMs);
const started = performance.now();
let koPeak = 0;
let naiPeak = 0;
for (let t = everyS; t <= durationS + 1e-9; t += everyS) {
  sim.advance(stepsPerChunk, tracer);
  const rateE = tracer.spikesE / net.nE / everyS;
  const rateI = tracer.spikesI / net.nI / everyS;
  tracer.spikesE = 0;
  tracer.spikesI = 0;
  const last = monitors.series[monitors.series.length - 1];
  let koMax = 0;
  for (let k = 0; k < s.koMm.length; k++) koMax = Math.max(koMax, s.koMm[k]);
  const naiE = mean(s.naiMm, 0, net.nE);
  koPeak = Math.max(koPeak, koMax);
  naiPeak = Math.max(naiPeak, naiE);
  if (!quiet) {
    console.log(
      `${fmt(t, 1)} ${fmt(rateE)} ${fmt(rateI)} ${fmt(last.chi, 3)} ${fmt(mean(s.koMm, 0, s.koMm.length))} ${fmt(koMax)}` +
        ` ${fmt(naiE, 1)} ${fmt(mean(s.naiMm, net.nE, net.n), 1)} ${fmt(mean(s.pumpPa, 0, net.nE), 0)}` +
        ` ${fmt(mean(s.eGabaMv, 0, net.nE), 1)} ${String(tracer.bursts).padStart(7)}` +
        ` ${fmt(mean(s.vMv, 0, net.nE), 1)} ${fmt(mean(s.wPa, 0, net.nE), 0)} ${fmt(mean(s.vMv, net.nE, net.n), 1)}` +
        ` ${fmt(blockedShare(), 2)}  ${monitors.seizures.inSeizure ? 'SEIZURE' : ''}`,
    );
  }
  tracer.bursts = 0;
}
const summary = monitors.summary();
const events = summary.seizures
  .map((e) => `${(e.onsetMs / 1000).toFixed(1)}–${e.offsetMs === null ? '…' : (e.offsetMs / 1000).toFixed(1)}`)
  .join(', ');
console.log(
  `E ${summary.rateHz.exc.toFixed(2)} Hz, I ${summary.rateHz.inh.toFixed(2)} Hz, χ mean ${summary.chi.mean?.toFixed(3)} max ${summary.chi.max?.toFixed(3)}, ` +
    `Ko peak ${koPeak.toFixed(2)} mM, NaiE peak ${naiPeak.toFixed(1)} mM, events [${events}], burden ${summary.seizureBurden.toFixed(2)}, ` +
    `wall ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
