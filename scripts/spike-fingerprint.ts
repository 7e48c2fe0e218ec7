/**
 * Spike fingerprints of the engine (tests/determinism/fingerprint.ts): prints them, checks them
 * against the reference, or makes the current ones the reference.
 *
 *   npx tsx scripts/spike-fingerprint.ts [--quick] [--check | --write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fingerprintLine, parseReference, REFERENCE_FILE, RUNS } from '../tests/determinism/fingerprint.ts';

const quick = process.argv.includes('--quick');
const check = process.argv.includes('--check');
const write = process.argv.includes('--write');
const runs = RUNS.filter((r) => !quick || r.quick);
const reference = check ? parseReference(readFileSync(REFERENCE_FILE, 'utf8')) : new Map<string, string>();
const lines: string[] = [];
let differ = 0;
for (const run of runs) {
  const started = performance.now();
  const line = fingerprintLine(run);
  lines.push(line);
  const wall = ((performance.now() - started) / 1000).toFixed(1);
  if (check) {
    const want = reference.get(run.label);
    const same = want === line;
    if (!same) differ++;
    console.log(
      `${same ? 'same   ' : 'DIFFERS'} ${line}  (${wall} s)${same ? '' : `\n        reference: ${want ?? 'none'}`}`,
    );
  } else console.log(`${line}  (${wall} s)`);
}
if (write) {
  const header = [
    '# Spike fingerprints (tests/determinism/fingerprint.ts). Regenerate deliberately with',
    '#   npx tsx scripts/spike-fingerprint.ts --write',
    '# and say in the commit which runs changed and why.',
  ];
  writeFileSync(REFERENCE_FILE, `${[...header, ...lines].join('\n')}\n`);
  console.log(`wrote ${REFERENCE_FILE.pathname}`);
}
if (check) {
  console.log(
    differ === 0 ? `all ${runs.length} fingerprints match the reference` : `${differ} of ${runs.length} differ`,
  );
  process.exit(differ === 0 ? 0 : 1);
}
