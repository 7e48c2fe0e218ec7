/**
 * Whether this run is a CI run. CI services set `CI` to different truthy spellings (`true`,
 * `1`, `yes`, `TRUE`…); any of them counts. Unset, empty, `0`, `false`, `no` and `off` do not.
 * Under CI a missing browser fails the run (tests/e2e/run.mjs) and `test.only` is forbidden.
 */
const FALSY = new Set(['', '0', 'false', 'no', 'off']);

/** @param {Record<string, string | undefined>} [env] */
export function isCi(env = process.env) {
  const value = env.CI;
  return value !== undefined && !FALSY.has(value.trim().toLowerCase());
}
