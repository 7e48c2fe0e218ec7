/**
 * How each parameter is named and grouped on the page. Ranges, steps, units, descriptions and
 * defaults come from the parameter table (src/model/params.ts); this adds only what a reader
 * needs besides: a name that starts with the mechanism, and the group it sits in. Typed as a
 * record over every key, so a new parameter does not compile until it has a name and a group.
 */
import type { ParamKey, ParamSpec } from '../../model/params.ts';

export const GROUPS = [
  { id: 'balance', title: 'Synapses & balance' },
  { id: 'sodium', title: 'Sodium channels & genetics' },
  { id: 'ions', title: 'Ions & chloride' },
  { id: 'barrier', title: 'Inflammation & barrier' },
  { id: 'structure', title: 'Structure' },
  { id: 'therapies', title: 'Therapies & patient' },
  { id: 'network', title: 'Network' },
] as const;

export type GroupId = (typeof GROUPS)[number]['id'];

interface ParamText {
  /** The mechanism first. */
  name: string;
  group: GroupId;
  /** Shown in the label instead of the table's unit (a formula, or the lesion's, which its sliders show). */
  unit?: string;
}

export const PARAM_TEXT: Readonly<Record<ParamKey, ParamText>> = {
  glutamate: { name: 'Glutamate (AMPA, NMDA) strength', group: 'balance' },
  gaba: { name: 'GABA_A strength', group: 'balance' },
  drive: { name: 'Background drive', group: 'balance' },
  statusMin: { name: 'Status epilepticus before the run', group: 'balance' },
  gNapRatio: { name: 'Persistent Na⁺ current, gNaP/gL', group: 'sodium', unit: 'ratio' },
  scn1a: { name: 'SCN1A (Nav1.1) in interneurons', group: 'sodium' },
  kClearance: { name: 'K⁺ clearance by glia', group: 'ions' },
  pumpNaSensitivity: { name: 'Na⁺/K⁺ pump: sensitivity to Na⁺', group: 'ions' },
  clEqMm: { name: 'Chloride equilibrium of pyramidal cells', group: 'ions' },
  inflammation: { name: 'Inflammation', group: 'barrier' },
  pgp: { name: 'P-glycoprotein efflux', group: 'barrier' },
  penetration: { name: 'Drug penetration into the brain', group: 'barrier' },
  sprouting: { name: 'Axonal sprouting', group: 'structure' },
  lesion: { name: 'Focal lesion', group: 'structure', unit: '' },
  lesionBlockerBinding: { name: 'Lesion: Na⁺-blocker binding', group: 'structure' },
  resected: { name: 'Surgery: lesion removed', group: 'therapies' },
  ketogenic: { name: 'Ketogenic diet', group: 'therapies' },
  vns: { name: 'Vagus nerve stimulation', group: 'therapies' },
  rns: { name: 'Responsive neurostimulation', group: 'therapies' },
  adherence: { name: 'Adherence: doses taken', group: 'therapies' },
  weightKg: { name: 'Body weight', group: 'therapies' },
  side: { name: 'Network size, cells per side', group: 'network' },
  seed: { name: 'Random seed', group: 'network' },
  dtMs: { name: 'Integration step', group: 'network' },
};

/** The unit as the label shows it ("" for none). */
export function labelUnit(spec: ParamSpec): string {
  return PARAM_TEXT[spec.key].unit ?? spec.unit;
}

/** "GABA_A strength (×)", "Random seed". */
export function labelText(spec: ParamSpec): string {
  const unit = labelUnit(spec);
  return unit ? `${PARAM_TEXT[spec.key].name} (${unit})` : PARAM_TEXT[spec.key].name;
}

/** Units as a screen reader should say them after a value. */
const SPOKEN_UNITS: Readonly<Record<string, string>> = {
  '×': 'times normal',
  '× normal': 'times normal',
  mM: 'millimolar',
  mm: 'millimetres',
  min: 'minutes',
  kg: 'kilograms',
  ms: 'milliseconds',
  cells: 'cells per side',
  ratio: 'of the leak conductance',
};

function decimalsOf(step: number): number {
  const text = String(step);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A value at the slider's precision, or at the precision it was set with when finer (a preset's
 * 0.63 on a 0.05 grid stays 0.63).
 */
export function formatNumber(value: number, step: number): string {
  const fixed = value.toFixed(decimalsOf(step));
  if (Number(fixed) === value) return fixed;
  return String(Number(value.toFixed(6)));
}

/** The readout beside a slider: the number, and the unit when it is short ("0.95×", "2.0×", "30.0 mM"). */
export function readoutText(spec: ParamSpec, value: number, step: number): string {
  const unit = labelUnit(spec);
  const number = formatNumber(value, step);
  if (unit.startsWith('×')) return `${number}×`;
  return unit.length > 0 && unit.length <= 3 ? `${number} ${unit}` : number;
}

/** What the slider says to a screen reader: "0.95 times normal". */
export function spokenText(unit: string, value: number, step: number): string {
  const spoken = SPOKEN_UNITS[unit] ?? unit;
  const number = formatNumber(value, step);
  return spoken ? `${number} ${spoken}` : number;
}
