/**
 * The clinical figures the virtual trial is compared with (docs/model.md §6).
 *
 * Kwan & Brodie 2000 (N Engl J Med 342:314): of 470 newly treated patients, 47 % became
 * seizure-free on the first drug, 13 % more on the second, 1 % on the third (and 3 % on two drugs
 * together); 36 % stayed uncontrolled. Chen 2018 (JAMA Neurol 75:279), 1,795 patients followed
 * up to 30 years: 45.7 %, then 11.6 %, then 4.4 %, and about 36 % uncontrolled.
 */

export const CLINICAL_SOURCE = 'Kwan & Brodie 2000; Chen 2018';

/**
 * Cumulative fraction seizure-free after the first, second and third drug: 0.47, 0.47 + 0.13, and
 * 0.625 for the third (the middle of Kwan & Brodie's +1 % and Chen's +4.4 %). No figure beyond.
 */
export const CLINICAL_CUMULATIVE_SEIZURE_FREE: readonly number[] = [0.47, 0.6, 0.625];

/** About one in three stays refractory (Kwan & Brodie 2000: 36 %; Chen 2018: 36 %). */
export const CLINICAL_REFRACTORY = 0.36;

/** The clinical cumulative figure after drug k (0-based) of a sequence, or null where there is none. */
export function clinicalCumulative(k: number): number | null {
  return k < CLINICAL_CUMULATIVE_SEIZURE_FREE.length ? CLINICAL_CUMULATIVE_SEIZURE_FREE[k] : null;
}
