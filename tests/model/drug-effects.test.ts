/**
 * The network's side of drug action (src/model/modifiers/drug-effects.ts): neutral without a drug, each
 * target acting on its own quantity, and the sodium-channel block deepening with inactivation.
 */
import { describe, expect, it } from 'vitest';
import { refreshSpikeGain, SLOW_INACTIVATION } from '../../src/model/dynamics/availability.ts';
import { TAU_GABA_MS } from '../../src/model/dynamics/synapses.ts';
import { POP_DECAY_GABA, PROP_RELEASE_U } from '../../src/model/kernels/layout.ts';
import {
  chlorideEquilibriumWithDrug,
  type NetworkDrugEffects,
  NO_DRUG_EFFECTS,
  validateDrugEffects,
} from '../../src/model/modifiers/drug-effects.ts';
import { defaultParams, withParams } from '../../src/model/params.ts';
import { Simulation } from '../../src/model/simulation.ts';

const small = () => withParams(defaultParams(), { side: 24, seed: 5 });
const spikesOf = (sim: Simulation, steps: number): number => sim.advance(steps);
const effects = (over: Partial<NetworkDrugEffects>): NetworkDrugEffects => ({ ...NO_DRUG_EFFECTS, ...over });

describe('network drug effects', () => {
  it('change nothing at all when neutral', () => {
    const a = new Simulation(small());
    const b = new Simulation(small());
    b.setDrugEffects({ ...NO_DRUG_EFFECTS });
    expect(spikesOf(b, 5000)).toBe(spikesOf(a, 5000));
    expect(Array.from(b.state.vMv)).toEqual(Array.from(a.state.vMv));
  });

  it('reject a value out of range or not finite, naming the field and its range', () => {
    expect(() => validateDrugEffects(effects({ napBlock: 1.5 }))).toThrow(/napBlock must be a number in 0…1, got 1.5/);
    expect(() => validateDrugEffects(effects({ gabaConductanceFactor: Number.NaN }))).toThrow(/gabaConductanceFactor/);
    const sim = new Simulation(small());
    expect(() => sim.setDrugEffects(effects({ releaseFactor: -1 }))).toThrow(/releaseFactor/);
    // A refused change leaves what was set before.
    expect(sim.drugs.releaseFactor).toBe(1);
  });

  it('prolong GABA_A decay, scale release, and move chloride toward the adult level', () => {
    const sim = new Simulation(small());
    sim.setDrugEffects(effects({ gabaDecayFactor: 2, releaseFactor: 0.5 }));
    expect(sim.state.blockE.getReal(POP_DECAY_GABA)).toBeCloseTo(Math.exp(-sim.dtMs / (2 * TAU_GABA_MS)), 7);
    expect(sim.state.blockI.getReal(POP_DECAY_GABA)).toBeCloseTo(Math.exp(-sim.dtMs / (2 * TAU_GABA_MS)), 7);
    expect(sim.state.blockPropagate.getReal(PROP_RELEASE_U)).toBeCloseTo(sim.weights.releaseU * 0.5, 7);
    expect(chlorideEquilibriumWithDrug(30, 0.5)).toBe(17.5);
    expect(chlorideEquilibriumWithDrug(30, 1)).toBe(5);
    expect(chlorideEquilibriumWithDrug(5, 1)).toBe(5);
    expect(chlorideEquilibriumWithDrug(30, 0)).toBe(30);
  });

  it('block sodium channels more in cells whose channels are inactivated (use dependence)', () => {
    const sim = new Simulation(small());
    const s = sim.state;
    // Two E cells: one at rest (h = 1), one with half its channels slowly inactivated.
    s.naSlowGate[0] = 1;
    s.naSlowGate[1] = 0.5;
    // 10 µM with Kd 100 µM at rest and 8 µM inactivated (phenytoin-like; Kuo 1998).
    sim.setDrugEffects(effects({ naRestAffinity: 10 / 100, naInactivatedAffinity: 10 / 8 }));
    refreshSpikeGain(sim.net, s, SLOW_INACTIVATION);
    const boundRest = 1 - s.naAvailability[0] / 1;
    const boundHalf = 1 - s.naAvailability[1] / 0.5;
    expect(boundRest).toBeCloseTo(0.1 / 1.1, 6);
    expect(boundHalf).toBeCloseTo(0.675 / 1.675, 6);
    expect(boundHalf).toBeGreaterThan(3 * boundRest);
  });

  it('quiet the network when they act on excitability or release, and a benzodiazepine-like gain does too', () => {
    const base = spikesOf(new Simulation(small()), 20000);
    const run = (over: Partial<NetworkDrugEffects>): number => {
      const sim = new Simulation(small());
      sim.setDrugEffects(effects(over));
      return spikesOf(sim, 20000);
    };
    expect(run({ naRestAffinity: 1, naInactivatedAffinity: 10 })).toBeLessThan(0.8 * base);
    expect(run({ releaseFactor: 0.5 })).toBeLessThan(base);
    expect(run({ gabaConductanceFactor: 2 })).toBeLessThan(0.8 * base);
  });
});

describe('a network that starts with drugs on board', () => {
  it('starts chloride where NKCC1 block holds it, applies the effects from the first step, and checks them', () => {
    const params = withParams(defaultParams(), { side: 16, clEqMm: 30 });
    expect(new Simulation(params).state.clMm[0]).toBe(30);
    const sim = new Simulation(params, { drugs: effects({ nkcc1Block: 0.5, releaseFactor: 0.5 }) });
    expect(sim.state.clMm[0]).toBeCloseTo(17.5, 5);
    expect(sim.state.eGabaMv[0]).toBeLessThan(-45);
    expect(sim.drugs.releaseFactor).toBe(0.5);
    expect(sim.state.blockPropagate.getReal(PROP_RELEASE_U)).toBeCloseTo(sim.weights.releaseU * 0.5, 7);
    expect(() => new Simulation(params, { drugs: effects({ nkcc1Block: 2 }) })).toThrow(
      /nkcc1Block must be a number in 0…1/,
    );
  });
});
