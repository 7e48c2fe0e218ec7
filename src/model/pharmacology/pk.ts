/**
 * Pharmacokinetics on the patient clock (hours): from a list of regimens to plasma and brain
 * concentrations over time (docs/model.md §6).
 *
 * Per drug: gut amount (first-order absorption, ka), one central compartment of volume
 * V = volumeLPerKg · weightKg (linear elimination from the half-life, or Michaelis–Menten for
 * phenytoin with Vmax scaled by weight), and the unbound brain concentration, which relaxes toward
 * Kp,uu · C_u,plasma with rate k_in. One more state: P-gp induction. All are integrated together
 * (tariquidar and celecoxib change every substrate's Kp,uu) by classical Runge–Kutta with a fixed
 * maximum step that lands exactly on every dose and every sample; doses are discontinuities,
 * applied between steps.
 */
import { type Params, validateParamValue } from '../params.ts';
import { INDUCTION_TAU_H, inductionBlock, inductionTarget, kpuu, pgpInhibitionFactor } from './barrier.ts';
import { DRUGS, type Drug, type DrugName, type DrugTable } from './drugs.ts';
import { type Regimen, validateRegimen } from './regimen.ts';
import { type DoseEvent, doseSchedule } from './schedule.ts';

/**
 * One piece of a seizure-burden history on the patient clock: from `fromH` on (until the next
 * piece), the network spends this fraction of the time in seizures (0…1).
 */
export interface BurdenPiece {
  fromH: number;
  burden: number;
}

/**
 * The parameters that matter on the patient clock, plus the network's seizure burden (0…1), which
 * induces P-gp (barrier.ts). `seizureBurden` holds from t = 0 until the first piece of
 * `seizureBurdenHistory` (pieces in ascending `fromH`), whose values then hold each until the
 * next: a burden measured day by day (src/model/runs/vicious-circle.ts). Both absent: no seizures.
 */
export type PkInputs = Pick<Params, 'pgp' | 'penetration' | 'adherence' | 'weightKg' | 'inflammation' | 'seed'> & {
  seizureBurden?: number;
  seizureBurdenHistory?: readonly BurdenPiece[];
};

/** The parameters that matter on the patient clock, taken from a full parameter set. */
export function pkInputs(params: Params): PkInputs {
  const { pgp, penetration, adherence, weightKg, inflammation, seed } = params;
  return { pgp, penetration, adherence, weightKg, inflammation, seed };
}

export interface PkOptions {
  /** The drug table (tests pass a changed one, e.g. a bumetanide that crosses the barrier). */
  drugs?: DrugTable;
  /**
   * Largest integration step, h. 0.02 h (72 s) is ≥ 25 steps per time constant of the fastest
   * process (brain entry of benzodiazepines, 3 min), where RK4 errors are far below 1e-6
   * (tests/pharmacology/pk.test.ts checks convergence).
   */
  maxStepH?: number;
}

export const DEFAULT_MAX_STEP_H = 0.02;

export interface DrugLevels {
  drug: DrugName;
  plasmaTotalMgL: number;
  plasmaUnboundUm: number;
  brainUnboundUm: number;
  kpuu: number;
}

export interface PkSnapshot {
  timeH: number;
  pgpEffective: number;
  drugs: DrugLevels[];
}

export interface DrugSeries {
  drug: DrugName;
  regimen: Regimen;
  doses: DoseEvent[];
  plasmaTotalMgL: number[];
  plasmaUnboundUm: number[];
  brainUnboundUm: number[];
  kpuu: number[];
}

export interface PkSeries {
  timesH: number[];
  pgpEffective: number[];
  drugs: DrugSeries[];
}

/** Constants of one drug for this patient. */
interface Compartment {
  drug: Drug;
  volumeL: number;
  kElPerH: number;
  /** mg/h; 0 when elimination is linear. */
  vmaxMgPerH: number;
  kmMgL: number;
  mgLToUm: number;
}

function compartment(drug: Drug, weightKg: number): Compartment {
  return {
    drug,
    volumeL: drug.volumeLPerKg * weightKg,
    kElPerH: Math.LN2 / drug.halfLifeH,
    vmaxMgPerH: drug.saturable ? (drug.saturable.vmaxMgPerKgPerDay * weightKg) / 24 : 0,
    kmMgL: drug.saturable?.kmMgL ?? 0,
    // mg/L ÷ g/mol = mmol/L; × 1000 = µM
    mgLToUm: 1000 / drug.molarMassGPerMol,
  };
}

const INPUT_KEYS = ['pgp', 'penetration', 'adherence', 'weightKg', 'inflammation', 'seed'] as const;

/** Every input within the parameter table's range (ParamError otherwise), seizure burden in 0…1. */
function checkInputs(inputs: PkInputs): void {
  for (const key of INPUT_KEYS) validateParamValue(key, inputs[key]);
  const burden = inputs.seizureBurden ?? 0;
  if (!(burden >= 0 && burden <= 1)) throw new RangeError(`seizureBurden must be in 0…1, got ${burden}`);
  let previousH = Number.NEGATIVE_INFINITY;
  for (const [k, piece] of (inputs.seizureBurdenHistory ?? []).entries()) {
    if (!(Number.isFinite(piece.fromH) && piece.fromH >= 0 && piece.fromH > previousH)) {
      throw new RangeError(
        `seizureBurdenHistory[${k}].fromH must be a time ≥ 0 h after the previous piece's, got ${piece.fromH}`,
      );
    }
    if (!(piece.burden >= 0 && piece.burden <= 1)) {
      throw new RangeError(`seizureBurdenHistory[${k}].burden must be in 0…1, got ${piece.burden}`);
    }
    previousH = piece.fromH;
  }
}

/**
 * The coupled system. State layout: for drug i, y[3i] gut mg, y[3i+1] central mg,
 * y[3i+2] brain unbound µM; y[3n] P-gp induction (fold).
 */
class PkSystem {
  readonly n: number;
  readonly size: number;
  private readonly tariquidar: number[];
  private readonly celecoxib: number[];
  /** The seizure burden over the step being integrated (steps never cross a change of it). */
  seizureBurden: number;

  constructor(
    readonly comps: readonly Compartment[],
    readonly inputs: PkInputs,
  ) {
    this.n = comps.length;
    this.size = 3 * this.n + 1;
    this.tariquidar = comps.flatMap((c, i) => (c.drug.effects.some((e) => e.target === 'pgpInhibition') ? [i] : []));
    this.celecoxib = comps.flatMap((c, i) => (c.drug.effects.some((e) => e.target === 'pgpInductionBlock') ? [i] : []));
    this.seizureBurden = inputs.seizureBurden ?? 0;
  }

  plasmaMgL(y: Float64Array, i: number): number {
    return Math.max(0, y[3 * i + 1]) / this.comps[i].volumeL;
  }

  plasmaUnboundUm(y: Float64Array, i: number): number {
    const c = this.comps[i];
    return this.plasmaMgL(y, i) * c.drug.unboundFraction * c.mgLToUm;
  }

  pgpEffective(y: Float64Array): number {
    let inhibition = 1;
    for (const i of this.tariquidar) {
      inhibition *= pgpInhibitionFactor(this.comps[i].drug, this.plasmaUnboundUm(y, i));
    }
    return this.inputs.pgp * y[3 * this.n] * inhibition;
  }

  kpuu(i: number, pgpEffective: number): number {
    return kpuu(this.comps[i].drug, this.inputs.penetration, pgpEffective);
  }

  derivative(y: Float64Array, dy: Float64Array): void {
    const pgpEff = this.pgpEffective(y);
    let block = 0;
    for (const i of this.celecoxib) block = Math.max(block, inductionBlock(this.comps[i].drug, y[3 * i + 2]));
    for (let i = 0; i < this.n; i++) {
      const c = this.comps[i];
      const gut = y[3 * i];
      const central = Math.max(0, y[3 * i + 1]);
      const absorbed = c.drug.kaPerH * gut;
      const eliminated =
        c.vmaxMgPerH > 0
          ? (c.vmaxMgPerH * (central / c.volumeL)) / (c.kmMgL + central / c.volumeL)
          : c.kElPerH * central;
      dy[3 * i] = -absorbed;
      dy[3 * i + 1] = absorbed - eliminated;
      dy[3 * i + 2] = c.drug.kInPerH * (this.kpuu(i, pgpEff) * this.plasmaUnboundUm(y, i) - y[3 * i + 2]);
    }
    const target = inductionTarget(this.inputs.inflammation, this.seizureBurden, block);
    dy[3 * this.n] = (target - y[3 * this.n]) / INDUCTION_TAU_H;
  }
}

/** Scratch arrays of one RK4 integrator, allocated once per run. */
class Rk4 {
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly tmp: Float64Array;

  constructor(private readonly system: PkSystem) {
    const n = system.size;
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.tmp = new Float64Array(n);
  }

  step(y: Float64Array, h: number): void {
    const { k1, k2, k3, k4, tmp, system } = this;
    const n = y.length;
    system.derivative(y, k1);
    for (let j = 0; j < n; j++) tmp[j] = y[j] + 0.5 * h * k1[j];
    system.derivative(tmp, k2);
    for (let j = 0; j < n; j++) tmp[j] = y[j] + 0.5 * h * k2[j];
    system.derivative(tmp, k3);
    for (let j = 0; j < n; j++) tmp[j] = y[j] + h * k3[j];
    system.derivative(tmp, k4);
    for (let j = 0; j < n; j++) y[j] += (h / 6) * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
  }
}

/** Times closer than this (h) are the same instant: dose times are k·τ, samples i·step. */
const SAME_TIME_H = 1e-9;

interface PendingDose {
  timeH: number;
  drugIndex: number;
  doseMg: number;
  route: 'oral' | 'iv';
}

/**
 * Integrate to each of the sample times (ascending, ≥ 0) and record the levels there. A dose due
 * at a sample time is given before the sample is taken.
 */
function integrate(
  inputs: PkInputs,
  regimens: readonly Regimen[],
  sampleTimesH: readonly number[],
  options: PkOptions,
): PkSeries {
  checkInputs(inputs);
  const drugs = options.drugs ?? DRUGS;
  const maxStepH = options.maxStepH ?? DEFAULT_MAX_STEP_H;
  if (!(maxStepH > 0)) throw new RangeError(`maxStepH must be positive, got ${maxStepH}`);
  const horizonH = sampleTimesH.length > 0 ? sampleTimesH[sampleTimesH.length - 1] : 0;
  for (const r of regimens) validateRegimen(r, drugs);

  const comps = regimens.map((r) => compartment(drugs[r.drug], inputs.weightKg));
  const system = new PkSystem(comps, inputs);
  const rk4 = new Rk4(system);
  const schedules = regimens.map((r) =>
    doseSchedule(r, Math.max(horizonH, SAME_TIME_H), inputs.adherence, inputs.seed),
  );
  const pending: PendingDose[] = [];
  schedules.forEach((events, drugIndex) => {
    for (const e of events) if (e.taken) pending.push({ timeH: e.timeH, drugIndex, doseMg: e.doseMg, route: e.route });
  });
  pending.sort((a, b) => a.timeH - b.timeH || a.drugIndex - b.drugIndex);

  const y = new Float64Array(system.size);
  y[3 * system.n] = 1; // P-gp induction starts at normal
  const series: PkSeries = {
    timesH: [],
    pgpEffective: [],
    drugs: regimens.map((regimen, i) => ({
      drug: regimen.drug,
      regimen,
      doses: schedules[i],
      plasmaTotalMgL: [],
      plasmaUnboundUm: [],
      brainUnboundUm: [],
      kpuu: [],
    })),
  };

  const history = inputs.seizureBurdenHistory ?? [];
  let t = 0;
  let nextDose = 0;
  let nextPiece = 0;
  for (const sampleH of sampleTimesH) {
    for (;;) {
      // Give every dose due now, then advance to the next dose or the sample, whichever is first.
      while (nextDose < pending.length && pending[nextDose].timeH <= t + SAME_TIME_H) {
        const d = pending[nextDose++];
        const c = comps[d.drugIndex];
        if (d.route === 'iv') y[3 * d.drugIndex + 1] += d.doseMg;
        else y[3 * d.drugIndex] += c.drug.bioavailability * d.doseMg;
      }
      // The burden changes between steps, as doses do.
      while (nextPiece < history.length && history[nextPiece].fromH <= t + SAME_TIME_H) {
        system.seizureBurden = history[nextPiece++].burden;
      }
      if (t >= sampleH - SAME_TIME_H) break;
      let stopH = nextDose < pending.length ? Math.min(sampleH, pending[nextDose].timeH) : sampleH;
      if (nextPiece < history.length) stopH = Math.min(stopH, history[nextPiece].fromH);
      const steps = Math.max(1, Math.ceil((stopH - t) / maxStepH - 1e-9));
      const h = (stopH - t) / steps;
      for (let s = 0; s < steps; s++) rk4.step(y, h);
      t = stopH;
    }
    const pgpEff = system.pgpEffective(y);
    series.timesH.push(sampleH);
    series.pgpEffective.push(pgpEff);
    for (let i = 0; i < system.n; i++) {
      const out = series.drugs[i];
      out.plasmaTotalMgL.push(system.plasmaMgL(y, i));
      out.plasmaUnboundUm.push(system.plasmaUnboundUm(y, i));
      out.brainUnboundUm.push(Math.max(0, y[3 * i + 2]));
      out.kpuu.push(system.kpuu(i, pgpEff));
    }
  }
  return series;
}

/** Sample times 0, step, 2·step, … up to and including `hours`. */
export function sampleTimes(hours: number, stepH: number): number[] {
  if (!(hours > 0) || !Number.isFinite(hours)) throw new RangeError(`hours must be positive, got ${hours}`);
  if (!(stepH > 0)) throw new RangeError(`the sample step must be positive, got ${stepH}`);
  const times: number[] = [];
  for (let i = 0; i * stepH < hours - SAME_TIME_H; i++) times.push(i * stepH);
  times.push(hours);
  return times;
}

/** The concentration–time series of every regimen, sampled every `stepH` hours from 0 to `hours`. */
export function simulatePk(
  inputs: PkInputs,
  regimens: readonly Regimen[],
  hours: number,
  stepH: number,
  options: PkOptions = {},
): PkSeries {
  return integrate(inputs, regimens, sampleTimes(hours, stepH), options);
}

/** The levels at one time on the patient clock (hours). */
export function pkAt(
  inputs: PkInputs,
  regimens: readonly Regimen[],
  timeH: number,
  options: PkOptions = {},
): PkSnapshot {
  if (!(timeH >= 0) || !Number.isFinite(timeH)) throw new RangeError(`timeH must be ≥ 0, got ${timeH}`);
  const s = integrate(inputs, regimens, [timeH], options);
  return {
    timeH,
    pgpEffective: s.pgpEffective[0],
    drugs: s.drugs.map((d) => ({
      drug: d.drug,
      plasmaTotalMgL: d.plasmaTotalMgL[0],
      plasmaUnboundUm: d.plasmaUnboundUm[0],
      brainUnboundUm: d.brainUnboundUm[0],
      kpuu: d.kpuu[0],
    })),
  };
}
