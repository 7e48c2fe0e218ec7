/**
 * Same parameters and seed, the same spikes: the quick runs of the spike fingerprint
 * (fingerprint.ts: small sheets, every mechanism, the command line, the live session, a cohort
 * patient, COBA and the single neuron) must match the committed reference bit for bit.
 *
 * A change of the model's dynamics changes them on purpose. Then update the reference in one
 * deliberate step, and say in the commit which runs changed and why:
 *
 *   npx tsx scripts/spike-fingerprint.ts --write
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprintLine, parseReference, REFERENCE_FILE, RUNS } from './fingerprint.ts';

describe('spike fingerprints', () => {
  const reference = parseReference(readFileSync(REFERENCE_FILE, 'utf8'));
  for (const run of RUNS.filter((r) => r.quick)) {
    it(`${run.label} gives the reference spikes and state`, () => {
      expect(reference.has(run.label), `no reference line for ${run.label}`).toBe(true);
      expect(fingerprintLine(run)).toBe(reference.get(run.label));
    });
  }
});
