/**
 * The clinical figures the virtual trial is compared with (docs/model.md §6), and the binomial
 * interval its own shares are given with.
 *
 * Kwan & Brodie 2000 (N Engl J Med 342:314): of 470 newly treated patients, 47 % became
 * seizure-free on the first drug, 13 % more on the second, 1 % on the third (and 3 % on two drugs
 * together); 36 % stayed uncontrolled. Mohanraj & Brodie 2006 (Eur J Neurol 13:277), 780 patients
 * of the same clinic: 50.4 %, then 10.7 %, then 2.7 %. Chen 2018 (JAMA Neurol 75:279), 1,795
 * patients followed up to 30 years: 45.7 %, 11.6 %, 4.4 %; about 36 % uncontrolled.
 */

export const CLINICAL_SOURCE = 'Kwan & Brodie 2000; Mohanraj & Brodie 2006; Chen 2018';

/** One clinical series: cumulative fraction seizure-free after the first, second and third regimen. */
export interface ClinicalSeries {
  source: string;
  patients: number;
  cumulativeSeizureFree: readonly number[];
}

export const CLINICAL_SERIES: readonly ClinicalSeries[] = [
  { source: 'Kwan & Brodie 2000', patients: 470, cumulativeSeizureFree: [0.47, 0.6, 0.61] },
  { source: 'Mohanraj & Brodie 2006', patients: 780, cumulativeSeizureFree: [0.504, 0.611, 0.638] },
];

/**
 * The reference the distance is measured from: Kwan & Brodie's 0.47 and 0.60, and 0.625 for the
 * third drug (the middle of their +1 % and Chen's +4.4 %). No figure beyond the third.
 */
export const CLINICAL_CUMULATIVE_SEIZURE_FREE: readonly number[] = [0.47, 0.6, 0.625];

/** About one in three stays refractory (Kwan & Brodie 2000: 36 %; Chen 2018: 36 %). */
export const CLINICAL_REFRACTORY = 0.36;

/** The clinical cumulative figure after drug k (0-based) of a sequence, or null where there is none. */
export function clinicalCumulative(k: number): number | null {
  return k < CLINICAL_CUMULATIVE_SEIZURE_FREE.length ? CLINICAL_CUMULATIVE_SEIZURE_FREE[k] : null;
}

/** z for a two-sided 95 % interval. */
const Z95 = 1.959964;

/**
 * Wilson's 95 % score interval for `k` successes in `n` trials (Wilson 1927; Brown, Cai &
 * DasGupta 2001 recommend it over the normal approximation for small n and shares near 0 or 1).
 * [0, 0] for n = 0.
 */
export function wilsonInterval(k: number, n: number): { low: number; high: number } {
  if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 0 && k <= n)) {
    throw new RangeError(`a binomial interval needs whole numbers 0 ≤ k ≤ n, got k ${k}, n ${n}`);
  }
  if (n === 0) return { low: 0, high: 0 };
  const p = k / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
