/** The F–I panel's sentence: both rheobases and what the settings and drugs do to the cell. */
import type { FiCurves } from '../../model/reference/fi-curve.ts';

/** A blocked share in per cent: one decimal below 10 % (a resting block of 0.3 % is not "0 %"). */
function percent(fraction: number): string {
  const p = 100 * fraction;
  if (p === 0) return '0';
  return p < 10 ? p.toFixed(1) : p.toFixed(0);
}

export function fiSummary(curves: FiCurves): string {
  const pa = (v: number | null) => (v === null ? 'none below 10 nA' : `${Math.round(v)} pA`);
  const drug =
    curves.napBlock > 0 || curves.restingFreeFraction < 1
      ? `sodium-channel drugs block ${percent(1 - curves.restingFreeFraction)} % of resting channels, ${percent(1 - curves.inactivatedFreeFraction)} % of inactivated ones (a cell that fires a lot feels more of the drug) and ${percent(curves.napBlock)} % of the persistent current`
      : 'no sodium-channel drug';
  return `Rheobase: pyramidal cell ${pa(curves.e.rheobasePa)}, interneuron ${pa(curves.i.rheobasePa)} (gNapRatio ${curves.gNapRatio.toFixed(2)}, scn1a ${curves.scn1a.toFixed(2)}, ${drug}).`;
}
