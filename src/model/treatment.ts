/**
 * A network that starts with drugs already on board. The patient clock says the drugs have been
 * there for hours; the network's slow chloride state must then start where they hold it, not at
 * the untreated equilibrium (bumetanide's NKCC1 block has moved [Cl⁻]i long before the network
 * runs). Everything else the drugs change acts from the first step anyway.
 */
import { chlorideEquilibriumWithDrug, type NetworkDrugEffects } from './drug-effects.ts';
import type { Simulation } from './simulation.ts';
import { initChloride } from './state.ts';
import { E_GABA_INHIBITORY_MV } from './synapses.ts';

export function startWithDrugs(sim: Simulation, effects: NetworkDrugEffects): void {
  if (sim.state.step !== 0) {
    throw new Error('startWithDrugs is for a network that has not run yet; use setDrugEffects to change drugs live');
  }
  sim.setDrugEffects(effects);
  initChloride(sim.state, chlorideEquilibriumWithDrug(sim.params.clEqMm, effects.nkcc1Block), E_GABA_INHIBITORY_MV);
}
