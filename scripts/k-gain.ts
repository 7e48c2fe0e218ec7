/**
 * The fast K⁺ loop at fixed slow variables (docs/notes/real-seizures.md): hold every K⁺ tile at a
 * value and every cell's Na⁺ at its working level, and measure the mean firing rate of all cells.
 * The K⁺ a sheet releases at that Ko is then 0.1 mM × rate per cell's share of extracellular
 * space; comparing its slope with the glial buffer's tells whether the low state is stable.
 *
 *   npx tsx scripts/k-gain.ts --set side=48 --set gaba=0.7 --ko 3.5,4,4.5,5,6 --seconds 4
 */
import { ION_CONSTANTS, refreshTiles } from '../src/model/dynamics/ions.ts';
import { defaultParams, withParams } from '../src/model/params.ts';
import { Simulation, type StepObserver } from '../src/model/simulation.ts';
import { emptySimFlags, readSimFlag, simulationOptions } from './sim-flags.ts';

const args = process.argv.slice(2);
const flags = emptySimFlags();
const { overrides } = flags;
let kos = [3.5, 4, 4.5, 5, 6];
let seconds = 4;
for (let k = 0; k < args.length; k++) {
  const a = args[k];
  const next = (): string => args[++k];
  if (readSimFlag(flags, a, next)) continue;
  if (a === '--ko') kos = next().split(',').map(Number);
  else if (a === '--seconds') seconds = Number(next());
  else throw new Error(`unknown argument ${a}`);
}
const params = withParams(defaultParams(), overrides);
const out: string[] = [];
for (const ko of kos) {
  const sim = new Simulation(params, simulationOptions(flags));
  const s = sim.state;
  const net = sim.net;
  let spikesE = 0;
  let spikesI = 0;
  let counting = false;
  const clamp: StepObserver = {
    afterStep(x) {
      if (!counting) return;
      for (let j = 0; j < x.state.spikeCount; j++) {
        if (x.state.spikeIdx[j] < net.nE) spikesE++;
        else spikesI++;
      }
    },
    afterIonStep() {
      s.koMm.fill(ko);
      s.naiMm.fill(ION_CONSTANTS.naWorkingEMm, 0, net.nE);
      s.naiMm.fill(ION_CONSTANTS.naWorkingIMm, net.nE, net.n);
      refreshTiles(s);
    },
  };
  s.koMm.fill(ko);
  refreshTiles(s);
  sim.advance(Math.round(1000 / sim.dtMs), clamp);
  counting = true;
  sim.advance(Math.round((seconds * 1000) / sim.dtMs), clamp);
  const rateE = spikesE / net.nE / seconds;
  const rateI = spikesI / net.nI / seconds;
  const mean = (spikesE + spikesI) / net.n / seconds;
  out.push(
    `Ko ${ko.toFixed(2)}: E ${rateE.toFixed(2)} Hz, I ${rateI.toFixed(2)} Hz, all ${mean.toFixed(2)} Hz, release ${(0.1 * mean).toFixed(2)} mM/s`,
  );
  console.log(out[out.length - 1]);
}
