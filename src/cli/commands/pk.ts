/**
 * `pk`: drug levels on the patient clock (src/model/pharmacology/). For each `--drug` regimen,
 * the plasma total, plasma unbound and brain unbound concentrations over `--hours`, with the
 * therapeutic range and Kp,uu. The network is not simulated.
 *
 * Parameters: the table's defaults, then each `--set KEY=VALUE`. Those that act here are pgp,
 * penetration, adherence, weightKg, inflammation and seed; every other key is validated by the
 * table and ignored.
 */
import { defaultParams, type Params, parseParamText, withParams } from '../../model/params.ts';
import { DRUGS, type DrugName } from '../../model/pharmacology/drugs.ts';
import { drugEffects, type TargetEffects } from '../../model/pharmacology/pd.ts';
import { type PkInputs, type PkSeries, pkInputs, simulatePk } from '../../model/pharmacology/pk.ts';
import { formatRegimen, REGIMEN_FORMS, type Regimen } from '../../model/pharmacology/regimen.ts';
import { checkRegimens } from '../../model/pharmacology/treatment.ts';
import { type CommandSpec, numberFlag, type ParsedFlags, splitAssignment } from '../args.ts';
import { UsageError } from '../errors.ts';
import { fields, fixed, table, writeJson } from '../format.ts';
import type { CliContext } from '../io.ts';

/** A week: long enough for every drug here but phenobarbital to reach steady state. */
export const PK_DEFAULT_HOURS = 168;
/** Half a year of patient time. */
export const PK_MAX_HOURS = 4380;
export const PK_MIN_HOURS = 0.5;
export const PK_MIN_STEP_H = 0.05;
/** About this many samples by default: a readable table for a week at 2 h. */
const DEFAULT_SAMPLES = 84;
const NICE_STEPS_H = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 6, 12, 24, 48, 72];
/** More samples than this are refused: nobody reads them, and JSON grows without bound. */
export const PK_MAX_SAMPLES = 20_000;
/** The keys of the parameter table that act on the patient clock. */
export const PK_PARAM_KEYS = ['pgp', 'penetration', 'adherence', 'weightKg', 'inflammation', 'seed'] as const;

export const PK_SPEC: CommandSpec = {
  name: 'pk',
  summary: 'drug levels over hours: plasma total and unbound, brain unbound, therapeutic range, Kp,uu',
  flags: [
    {
      name: 'drug',
      kind: 'many',
      valueName: 'NAME=DOSE/EVERY_H|NAME=DOSEiv',
      help: `a regimen, mg every hours or one IV bolus, e.g. phenytoin=200/12, diazepam=10iv; repeatable; known: ${Object.keys(DRUGS).join(', ')}`,
    },
    { name: 'hours', kind: 'one', valueName: 'H', help: `patient time, hours (default ${PK_DEFAULT_HOURS})` },
    {
      name: 'step-h',
      kind: 'one',
      valueName: 'H',
      help: `sample step, hours (default about hours / ${DEFAULT_SAMPLES})`,
    },
    {
      name: 'set',
      kind: 'many',
      valueName: 'KEY=VALUE',
      help: `a parameter; ${PK_PARAM_KEYS.join(', ')} act here, others are checked and ignored`,
    },
    { name: 'json', kind: 'switch', help: 'print one JSON object instead of text' },
  ],
};

export interface PkDrugReport {
  drug: DrugName;
  regimen: string;
  route: 'oral' | 'iv';
  doseMg: number;
  everyH: number | null;
  therapeuticMgL: { low: number; high: number } | null;
  dosesScheduled: number;
  dosesTaken: number;
  missedDosesH: number[];
  plasmaTotalMgL: number[];
  plasmaUnboundUm: number[];
  brainUnboundUm: number[];
  kpuu: number[];
  /** Fractional change of each network target at the last brain level (pd.ts). */
  effectsAtEnd: TargetEffects;
}

export interface PkReport {
  hours: number;
  stepH: number;
  inputs: Pick<Params, (typeof PK_PARAM_KEYS)[number]>;
  timesH: number[];
  pgpEffective: number[];
  drugs: PkDrugReport[];
}

/** The nice step nearest above hours / DEFAULT_SAMPLES. */
export function defaultStepH(hours: number): number {
  const wanted = hours / DEFAULT_SAMPLES;
  return NICE_STEPS_H.find((s) => s >= wanted - 1e-12) ?? NICE_STEPS_H[NICE_STEPS_H.length - 1];
}

export function resolvePk(flags: ParsedFlags): {
  regimens: Regimen[];
  inputs: PkInputs;
  hours: number;
  stepH: number;
} {
  const drugTexts = flags.all('drug');
  if (drugTexts.length === 0) throw new UsageError(`pk needs at least one --drug ${REGIMEN_FORMS}`);
  const { regimens, problems } = checkRegimens(drugTexts);
  if (problems.length > 0) throw new UsageError(`--drug ${problems[0]}`);
  const overrides: Record<string, unknown> = {};
  for (const assignment of flags.all('set')) {
    const { key, value } = splitAssignment(assignment);
    overrides[key] = parseParamText(key, value);
  }
  const params = withParams(defaultParams(), overrides);
  const hoursText = flags.get('hours');
  const hours =
    hoursText === undefined ? PK_DEFAULT_HOURS : numberFlag('hours', hoursText, PK_MIN_HOURS, PK_MAX_HOURS, ' h');
  const stepText = flags.get('step-h');
  const stepH =
    stepText === undefined ? defaultStepH(hours) : numberFlag('step-h', stepText, PK_MIN_STEP_H, hours, ' h');
  if (hours / stepH > PK_MAX_SAMPLES) {
    throw new UsageError(
      `--step-h ${stepH} gives more than ${PK_MAX_SAMPLES} samples over ${hours} h; use a step of at least ${hours / PK_MAX_SAMPLES} h`,
    );
  }
  return { regimens, inputs: pkInputs(params), hours, stepH };
}

export function buildPkReport(series: PkSeries, inputs: PkInputs, hours: number, stepH: number): PkReport {
  const { pgp, penetration, adherence, weightKg, inflammation, seed } = inputs;
  return {
    hours,
    stepH,
    inputs: { pgp, penetration, adherence, weightKg, inflammation, seed },
    timesH: series.timesH,
    pgpEffective: series.pgpEffective,
    drugs: series.drugs.map((d) => ({
      drug: d.drug,
      regimen: formatRegimen(d.regimen),
      route: d.regimen.route,
      doseMg: d.regimen.doseMg,
      everyH: d.regimen.route === 'oral' ? d.regimen.everyH : null,
      therapeuticMgL: DRUGS[d.drug].therapeuticMgL,
      dosesScheduled: d.doses.length,
      dosesTaken: d.doses.filter((e) => e.taken).length,
      missedDosesH: d.doses.filter((e) => !e.taken).map((e) => e.timeH),
      plasmaTotalMgL: d.plasmaTotalMgL,
      plasmaUnboundUm: d.plasmaUnboundUm,
      brainUnboundUm: d.brainUnboundUm,
      kpuu: d.kpuu,
      effectsAtEnd: drugEffects(d.drug, d.brainUnboundUm[d.brainUnboundUm.length - 1]),
    })),
  };
}

export function pkReport(flags: ParsedFlags): PkReport {
  const { regimens, inputs, hours, stepH } = resolvePk(flags);
  return buildPkReport(simulatePk(inputs, regimens, hours, stepH), inputs, hours, stepH);
}

/** Concentrations span 1e-5…1e3: three significant digits, never exponent notation. */
function conc(value: number): string {
  if (value === 0) return '0';
  const digits = Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(Math.abs(value)))));
  return value.toFixed(digits);
}

function rangeText(d: PkDrugReport, last: number[]): string {
  if (DRUGS[d.drug].placebo) return 'none: a placebo has no active drug';
  if (d.therapeuticMgL === null) return 'no therapeutic range (acute or research use)';
  const { low, high } = d.therapeuticMgL;
  const lo = Math.min(...last);
  const hi = Math.max(...last);
  const where = lo >= low && hi <= high ? 'inside' : hi < low ? 'below' : lo > high ? 'above' : 'partly outside';
  return `therapeutic ${low}–${high} mg/L total; last 24 h ${conc(lo)}–${conc(hi)} mg/L, ${where} the range`;
}

/** Every drug but the placebo has targets; one without a network target acts on the barrier (tariquidar, celecoxib). */
function effectsText(drug: DrugName, effects: TargetEffects): string {
  if (DRUGS[drug].placebo) return 'none (a placebo acts on nothing)';
  const entries = Object.entries(effects);
  if (entries.length === 0) return 'acts on the barrier, not on neurons';
  return entries.map(([target, e]) => `${target} ${e >= 0 ? '+' : '−'}${fixed(Math.abs(e) * 100, 1)} %`).join(', ');
}

function formatReport(r: PkReport): string {
  const n = r.timesH.length;
  const lastDay = r.timesH.flatMap((t, i) => (t >= r.hours - 24 - 1e-9 ? [i] : []));
  const parts: string[] = [
    `pk: ${r.hours} h on the patient clock, sampled every ${r.stepH} h (an educational model, not medical advice)`,
    fields([
      ['patient', `${r.inputs.weightKg} kg, adherence ${r.inputs.adherence}, seed ${r.inputs.seed}`],
      ['barrier', `pgp ${r.inputs.pgp}, penetration ${r.inputs.penetration}, inflammation ${r.inputs.inflammation}`],
      ['P-gp effective', `${fixed(r.pgpEffective[0], 2)} at 0 h → ${fixed(r.pgpEffective[n - 1], 2)} at ${r.hours} h`],
    ]),
  ];
  for (const d of r.drugs) {
    const route = d.route === 'iv' ? `${d.doseMg} mg IV at 0 h` : `${d.doseMg} mg by mouth every ${d.everyH} h`;
    parts.push(
      '',
      `${d.drug}: ${route} (${DRUGS[d.drug].label})`,
      fields([
        [
          'range',
          rangeText(
            d,
            lastDay.map((i) => d.plasmaTotalMgL[i]),
          ),
        ],
        ['Kp,uu', `${fixed(d.kpuu[0], 3)} at 0 h → ${fixed(d.kpuu[n - 1], 3)} at ${r.hours} h`],
        [`effect at ${r.hours} h`, effectsText(d.drug, d.effectsAtEnd)],
        [
          'doses',
          `${d.dosesTaken} of ${d.dosesScheduled} taken${d.missedDosesH.length > 0 ? `; missed at ${d.missedDosesH.join(', ')} h` : ''}`,
        ],
      ]),
      table([
        ['  time h', 'plasma total mg/L', 'plasma unbound µM', 'brain unbound µM'],
        ...r.timesH.map((t, i) => [
          `  ${fixed(t, r.stepH < 1 ? 2 : 0)}`,
          conc(d.plasmaTotalMgL[i]),
          conc(d.plasmaUnboundUm[i]),
          conc(d.brainUnboundUm[i]),
        ]),
      ]),
    );
  }
  return `${parts.join('\n')}\n`;
}

export function pkCommand(flags: ParsedFlags, ctx: CliContext): void {
  const report = pkReport(flags);
  if (flags.has('json')) writeJson(ctx.stdout, report);
  else ctx.stdout.write(formatReport(report));
}
