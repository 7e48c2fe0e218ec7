/**
 * The simulation: builds a network from parameters and a seed, and advances it one step at a
 * time in a fixed order of phases. This file is the only place where the phases are sequenced.
 *
 * One step (dtMs):
 *   1. background  Poisson drive onto every cell's AMPA conductance
 *   2. neurons     E then I: arrival of delayed input, membrane update, threshold and reset
 *   3. synapses    spikes of this step written into the delay rings (with depression)
 *   4. observers   monitors read the step's spikes
 * Every ~1 ms (the slow step):
 *   5. ions        K⁺ tiles, Na⁺ and the pump, Cl⁻ and E_GABA
 *   6. observers   monitors read the slow variables
 */
import {
  initAvailability,
  refreshSpikeGain,
  SLOW_INACTIVATION,
  type SlowInactivation,
  SODIUM_BLOCKER,
  setAvailabilityScale,
  setSodiumChannelDrug,
} from './dynamics/availability.ts';
import { deliverBackground } from './dynamics/background.ts';
import { EXCITATORY, INHIBITORY } from './dynamics/cells.ts';
import {
  clearIonAccumulators,
  configureIons,
  ION_CONSTANTS,
  type IonConstants,
  type IonStepInputs,
  initIons,
  ionStep,
} from './dynamics/ions.ts';
import {
  addEegSums,
  configurePopulation,
  flushTinyConductances,
  RESET_FOLLOWS_E,
  setGabaDecay,
  setPopulationDrive,
  stepPopulation,
} from './dynamics/neurons.ts';
import { createState, type NetworkState } from './dynamics/state.ts';
import {
  configurePropagation,
  E_GABA_INHIBITORY_MV,
  initResources,
  propagateSpikes,
  SYNAPTIC_WEIGHTS,
  type SynapticWeights,
  setReleaseU,
  TAU_AMPA_MS,
  TAU_GABA_MS,
  TAU_NMDA_MS,
} from './dynamics/synapses.ts';
import { type NetworkDrive, networkDrive } from './modifiers/drive.ts';
import { type NetworkDrugEffects, NO_DRUG_EFFECTS, validateDrugEffects } from './modifiers/drug-effects.ts';
import { setResected } from './modifiers/resection.ts';
import { ResponsiveStimulator } from './modifiers/rns.ts';
import { VNS_I_DRIVE_FACTOR, vnsOn } from './modifiers/vns.ts';
import { type SpawnHelper, ThreadTeam } from './parallel/team.ts';
import { needsRebuild, type Params } from './params.ts';
import { Rng } from './rng.ts';
import { lesionFactors, lesionTileGliaFactor, setLesionBlockerBinding } from './sheet/lesion.ts';
import { buildNetwork, IN_DEGREE_E, IN_DEGREE_I, type Network } from './sheet/network.ts';

export interface SimulationOptions {
  /** E_GABA held at its resting value: no chloride loading, no Ko dependence (a knock-out). */
  chlorideStatic?: boolean;
  /** The pyramidal reset held at V_reset instead of following E_K (a knock-out; dynamics/neurons.ts). */
  resetFixed?: boolean;
  /** Ions held at rest: no K⁺, Na⁺ or Cl⁻ dynamics, no pump current. */
  ionsClamped?: boolean;
  /** Overrides of the tuned constants, for experiments and tests. */
  weights?: Partial<SynapticWeights>;
  ions?: Partial<IonConstants>;
  gate?: Partial<SlowInactivation>;
  /**
   * Drugs already on board when the network starts (the patient clock says they have been there
   * for hours): their effects act from the first step, and the slow chloride state starts where
   * they hold it (bumetanide's NKCC1 block has moved [Cl⁻]i long before). Change them later with
   * setDrugEffects.
   */
  drugs?: NetworkDrugEffects;
  /**
   * Threads that will step the network together (model/parallel): the state is then built in a
   * shared memory with their arrays; startThreads starts them. The spikes are the same for any
   * count. Default 1.
   */
  threads?: number;
}

export interface StepObserver {
  /**
   * After every step; the step's spikes are sim.state.spikeIdx[0…spikeCount−1]. With threads,
   * afterStep sees each step's spikes in order, but the rest of the state only as it is at the end
   * of a batch of steps, unless readsStateEachStep is true.
   */
  afterStep(sim: Simulation): void;
  /** Whether afterStep reads the state (a cell's V, say), not only the spikes: threads then step one at a time. */
  readonly readsStateEachStep?: boolean;
  /** After every ion step (≈ 1 ms). */
  afterIonStep(sim: Simulation): void;
}

export class Simulation {
  readonly net: Network;
  readonly state: NetworkState;
  readonly dtMs: number;
  /** Steps per ion step (≈ 1 ms). */
  readonly ionEvery: number;
  readonly weights: SynapticWeights;
  readonly ionConstants: IonConstants;
  readonly gate: SlowInactivation;
  readonly options: Required<Pick<SimulationOptions, 'ionsClamped'>>;
  private currentParams: Params;
  private drugEffects: NetworkDrugEffects = { ...NO_DRUG_EFFECTS };
  private readonly rng: Rng;
  private readonly ionInputs: IonStepInputs;
  private backgroundMeanPerStep = 0;
  /** Per-cell factors on gNaP and on GABA_A inside a lesion (null without one). */
  private readonly lesionNapFactor: Float32Array | null;
  private readonly lesionGabaFactor: Float32Array | null;
  /** Per-tile factor on glial K⁺ clearance inside a lesion (null without one). */
  private readonly lesionGlia: Float32Array | null;
  /** Responsive neurostimulation of the lesion (modifiers/rns.ts); it acts only while `rns` is on. */
  readonly stimulator: ResponsiveStimulator;
  /** Synaptic events written into the delay rings since the start. */
  synapticEvents = 0;
  /** Background events delivered since the start. */
  backgroundEvents = 0;
  /** Helper threads stepping the network with this one (startThreads), or null. */
  private team: ThreadTeam | null = null;

  constructor(params: Params, options: SimulationOptions = {}) {
    this.currentParams = params;
    this.options = {
      ionsClamped: options.ionsClamped ?? false,
    };
    this.weights = { ...SYNAPTIC_WEIGHTS, ...options.weights };
    this.ionConstants = { ...ION_CONSTANTS, ...options.ions };
    this.gate = { ...SLOW_INACTIVATION, ...options.gate };
    this.dtMs = params.dtMs;
    this.ionEvery = Math.max(1, Math.round(1 / params.dtMs));
    this.rng = new Rng(params.seed);
    this.net = buildNetwork(
      { side: params.side, dtMs: params.dtMs, lesion: params.lesion, sprouting: params.sprouting, seed: params.seed },
      this.rng,
    );
    [this.lesionNapFactor, this.lesionGabaFactor] = lesionFactors(this.net.inLesion, this.net.n, this.net.nE);
    const lesionGlia = lesionTileGliaFactor(this.net.inLesion, this.net.tileOfCell, this.net.cellsInTile);
    this.stimulator = new ResponsiveStimulator(this.net);
    this.state = createState(this.net, this.rng, options.threads ?? 1);
    const s = this.state;
    // The kernel reads the lesion's glial factor from its own memory: copied there once.
    if (lesionGlia) s.tileGlia.set(lesionGlia);
    this.lesionGlia = lesionGlia ? s.tileGlia : null;
    const net = this.net;
    if (options.drugs) {
      validateDrugEffects(options.drugs);
      this.drugEffects = { ...options.drugs };
    }
    const drive = this.driveFor(params);
    initAvailability(s);
    initResources(s);
    initIons(net, s, this.ionConstants, drive.clEqMm, E_GABA_INHIBITORY_MV);
    configureIons(net, s, this.ionConstants, this.gate, this.ionEvery * this.dtMs);
    const naPerSpike = this.options.ionsClamped ? 0 : this.ionConstants.naPerSpikeMm;
    const resetFollows = options.resetFixed ? 0 : RESET_FOLLOWS_E;
    configurePopulation(s, s.blockE, EXCITATORY, 0, net.nE, params.dtMs, naPerSpike, resetFollows);
    configurePopulation(s, s.blockI, INHIBITORY, net.nE, net.n, params.dtMs, naPerSpike, 0);
    configurePropagation(net, s, s.blockPropagate, params.dtMs, this.weights);
    this.ionInputs = {
      dtMs: this.ionEvery * this.dtMs,
      uptakeScale: 1,
      clEqMm: params.clEqMm,
      pumpNaSensitivity: params.pumpNaSensitivity,
      chlorideStatic: options.chlorideStatic ?? false,
      tileGliaFactor: null,
    };
    this.applyParams(params);
    this.startConductancesNearMeans(drive);
  }

  /** The one drive formula (modifiers/drive.ts) at these parameters and the current drugs. */
  private driveFor(p: Params): NetworkDrive {
    return networkDrive(
      p,
      this.drugEffects,
      this.weights,
      { e: EXCITATORY, i: INHIBITORY, count: this.net.n },
      TAU_GABA_MS,
    );
  }

  /**
   * Start every synapse near its mean in ongoing activity instead of at zero: with no inhibition
   * in the first milliseconds, the whole sheet would otherwise fire one synchronous volley at
   * t ≈ 20 ms, an artefact of the initial state that can tip a fragile network into a seizure.
   * Means assume the background drive, E cells at 3 Hz and I cells at 15 Hz (typical healthy
   * rates of this network), each input a release at full resource with the conductance jumps of
   * the drive the network runs with (drugs, the diet and status epilepticus included), decaying
   * with the receptors' own time constants: what drugs do to release and to GABA_A decay acts on
   * the dynamics from the first step, not on this estimate.
   */
  private startConductancesNearMeans(drive: NetworkDrive): void {
    const w = this.weights;
    const s = this.state;
    const nE = this.net.nE;
    const bgHz = drive.backgroundRateHz;
    const rateEHz = 3;
    const rateIHz = 15;
    const perE = (IN_DEGREE_E * rateEHz) / 1000;
    const perI = (IN_DEGREE_I * rateIHz) / 1000;
    for (let i = 0; i < this.net.n; i++) {
      const isE = i < nE;
      const onto = isE ? drive.ontoE : drive.ontoI;
      const bgJump = isE ? w.backgroundOntoENs : w.backgroundOntoINs;
      let gabaJump = onto.gabaJumpNs;
      if (this.lesionGabaFactor) gabaJump *= this.lesionGabaFactor[i];
      s.gAmpaNs[i] = ((bgHz / 1000) * bgJump + perE * onto.ampaJumpNs) * TAU_AMPA_MS;
      s.gNmdaNs[i] = perE * onto.nmdaJumpNs * TAU_NMDA_MS;
      s.gGabaNs[i] = perI * gabaJump * TAU_GABA_MS;
    }
  }

  get params(): Params {
    return this.currentParams;
  }

  get timeMs(): number {
    return this.state.step * this.dtMs;
  }

  /**
   * Apply parameters that act live. Keys that need a new network (size, seed, step,
   * connectivity) must be unchanged; build a new Simulation for those.
   */
  setParams(next: Params): void {
    const rebuild = needsRebuild(this.currentParams, next);
    if (rebuild.length > 0) {
      throw new Error(`changing ${rebuild.join(', ')} needs a new network; build a new Simulation`);
    }
    this.applyParams(next);
  }

  /** What drugs do to the network now (NO_DRUG_EFFECTS when none); applies live. */
  get drugs(): Readonly<NetworkDrugEffects> {
    return this.drugEffects;
  }

  /** Apply drug effects (from the pharmacology) live. Throws a RangeError for a bad value. */
  setDrugEffects(effects: NetworkDrugEffects): void {
    validateDrugEffects(effects);
    this.drugEffects = { ...effects };
    this.applyParams(this.currentParams);
  }

  private applyParams(p: Params): void {
    this.currentParams = p;
    const s = this.state;
    const d = this.drugEffects;
    const net = this.net;
    const drive = this.driveFor(p);
    setPopulationDrive(s, s.blockE, 0, net.nE, drive.ontoE, this.lesionNapFactor, this.lesionGabaFactor);
    setPopulationDrive(s, s.blockI, net.nE, net.n, drive.ontoI, this.lesionNapFactor, this.lesionGabaFactor);
    // Surgery removes the lesion's cells; with no lesion there is nothing to remove.
    setResected(net, s, p.resected, EXCITATORY.eLMv, INHIBITORY.eLMv);
    setReleaseU(s.blockPropagate, drive.releaseU);
    setGabaDecay(s.blockE, p.dtMs, drive.tauGabaMs);
    setGabaDecay(s.blockI, p.dtMs, drive.tauGabaMs);
    this.backgroundMeanPerStep = drive.backgroundEventsPerStep;
    this.ionInputs.uptakeScale = drive.kUptakeScale;
    // Surgery removes the lesion's astrocytes with its neurons: what is left clears K⁺ in full.
    this.ionInputs.tileGliaFactor = p.resected ? null : this.lesionGlia;
    this.ionInputs.clEqMm = drive.clEqMm;
    this.ionInputs.pumpNaSensitivity = p.pumpNaSensitivity;
    // SCN1A: Nav1.1 availability in interneurons only (Yu 2006: pyramidal cells spared).
    setAvailabilityScale(net, s, p.scn1a);
    // The target hypothesis: the lesion's pyramidal cells keep this fraction of a blocker's binding.
    setLesionBlockerBinding(
      net.inLesion,
      net.nE,
      p.lesionBlockerBinding,
      s.naDrugSensitivity,
      SODIUM_BLOCKER.interneuronBinding,
    );
    setSodiumChannelDrug(s, d.naRestAffinity, d.naInactivatedAffinity);
    refreshSpikeGain(net, s, this.gate);
  }

  /**
   * Advance by `durationMs` of network time in slices of about `sliceMs`, calling `afterSlice`
   * with the steps done so far and in all after each (progress between slices; the run is the
   * same as one `advance`).
   */
  advanceInSlices(
    durationMs: number,
    sliceMs: number,
    observer: StepObserver | undefined,
    afterSlice: (doneSteps: number, totalSteps: number) => void,
  ): void {
    const totalSteps = Math.round(durationMs / this.dtMs);
    const sliceSteps = Math.max(1, Math.round(sliceMs / this.dtMs));
    for (let done = 0; done < totalSteps; ) {
      const steps = Math.min(sliceSteps, totalSteps - done);
      this.advance(steps, observer);
      done += steps;
      afterSlice(done, totalSteps);
    }
  }

  /**
   * Start the helper threads of a network built with `threads` > 1; `spawn` starts one (a Node
   * worker thread or a browser worker). Until they have all started, steps run on this thread
   * alone, with the same result.
   */
  startThreads(spawn: SpawnHelper): ThreadTeam {
    if (this.team) throw new Error('the threads have already been started');
    this.team = new ThreadTeam(this.state, spawn);
    return this.team;
  }

  /** Stop the helper threads; the network goes on, on this thread alone. */
  stopThreads(): void {
    // The threads' spike counts since the last ion step belong to the tiles the one thread goes on with.
    if (this.team?.ready) this.team.collectTileSpikes();
    this.team?.close();
    this.team = null;
  }

  /** How many threads step the network now (1 until the helpers have started). */
  get threadsRunning(): number {
    return this.team?.ready ? this.team.count : 1;
  }

  /**
   * Advance by `steps` steps. Returns the number of spikes. With threads started (and ready), the
   * steps run in batches shared by them (model/parallel/team.ts): the same phases, each step's
   * spikes shown to the observer in order, and the same bits.
   */
  advance(steps: number, observer?: StepObserver): number {
    const team = this.team?.ready ? this.team : null;
    if (team) return this.advanceOnThreads(team, steps, observer);
    const s = this.state;
    let spikes = 0;
    const rns = this.rnsActive;
    for (let k = 0; k < steps; k++) {
      this.backgroundEvents += deliverBackground(
        s,
        this.rng,
        this.backgroundMeanPerStep,
        this.weights.backgroundOntoENs,
        this.backgroundOntoINs(s.step),
      );
      s.spikeCount = 0;
      stepPopulation(s, s.blockE);
      addEegSums(s, s.blockE);
      stepPopulation(s, s.blockI);
      this.synapticEvents += propagateSpikes(s, s.blockPropagate);
      spikes += s.spikeCount;
      if (rns) this.stimulator.countSpikes(s);
      if (observer) observer.afterStep(this);
      s.step++;
      if (s.step % this.ionEvery === 0) this.slowStep(rns, observer);
    }
    return spikes;
  }

  /** Whether responsive stimulation acts: on, a lesion to stimulate, not resected. */
  private get rnsActive(): boolean {
    return this.currentParams.rns && !this.currentParams.resected && this.stimulator.hasTarget;
  }

  /** The background's jump onto interneurons at a step (VNS strengthens it while on). */
  private backgroundOntoINs(step: number): number {
    const w = this.weights;
    return this.currentParams.vns && vnsOn(step * this.dtMs)
      ? w.backgroundOntoINs * VNS_I_DRIVE_FACTOR
      : w.backgroundOntoINs;
  }

  /** The ion step (every ionEvery steps), with RNS and the observer's slow look. */
  private slowStep(rns: boolean, observer: StepObserver | undefined, team?: ThreadTeam): void {
    const s = this.state;
    flushTinyConductances(s);
    if (this.options.ionsClamped) {
      this.team?.collectTileSpikes();
      clearIonAccumulators(s);
    } else ionStep(this.net, s, this.ionConstants, this.ionInputs, team);
    if (rns) this.stimulator.onIonStep(s, EXCITATORY.eLMv, INHIBITORY.eLMv, this.ionEvery);
    if (observer) observer.afterIonStep(this);
    s.eegExcitatorySumPa = 0;
    s.eegInhibitorySumPa = 0;
  }

  /**
   * advance on threads: batches of steps that end at every ion step (team.batchFor). In each, the
   * background of every step is drawn, the threads step their cells through the batch, the
   * observer sees each step's spikes in order, then the threads deliver the batch's spikes.
   */
  private advanceOnThreads(team: ThreadTeam, steps: number, observer?: StepObserver): number {
    const s = this.state;
    let spikes = 0;
    const rns = this.rnsActive;
    const everyStep = observer?.readsStateEachStep === true;
    team.configure();
    for (let done = 0; done < steps; ) {
      const length = team.batchFor(s.step, steps - done, this.ionEvery, everyStep);
      for (let j = 0; j < length; j++) {
        this.backgroundEvents += team.drawBackground(
          j,
          this.rng,
          this.backgroundMeanPerStep,
          this.weights.backgroundOntoENs,
          this.backgroundOntoINs(s.step + j),
        );
      }
      team.neurons(length);
      for (let j = 0; j < length; j++) {
        team.mergeStep(j);
        spikes += s.spikeCount;
        if (rns) this.stimulator.countSpikes(s);
        if (observer) observer.afterStep(this);
        s.step++;
      }
      this.synapticEvents += team.propagate();
      done += length;
      if (s.step % this.ionEvery === 0) this.slowStep(rns, observer, team);
    }
    return spikes;
  }
}
