/**
 * Run many `run --json` cases in parallel child processes and print one line per run: for
 * surveys of conditions and seeds (docs/notes/real-seizures.md).
 *
 *   node scripts/survey.mjs CASES.json [--jobs 2] [--seeds 1,2,3] [--out results.jsonl]
 *
 * CASES.json: [{ "label": "transporter untreated", "args": ["--set", "gaba=0.7", "--duration-s", "120"] }, …]
 * Each case runs once per seed (appended as --seed N). Already finished (label, seed) pairs in
 * --out are skipped, so a survey can be resumed.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const casesFile = argv[0];
const opt = (name, fallback) => {
  const k = argv.indexOf(name);
  return k >= 0 ? argv[k + 1] : fallback;
};
const jobs = Number(opt('--jobs', '2'));
const seeds = opt('--seeds', '1').split(',').map(Number);
const out = opt('--out', null);
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));

const done = new Set();
if (out && existsSync(out)) {
  for (const line of readFileSync(out, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    done.add(`${r.label}|${r.seed}`);
    print(r);
  }
}

const queue = [];
for (const c of cases) for (const seed of seeds) if (!done.has(`${c.label}|${seed}`)) queue.push({ ...c, seed });

function f(x, d = 1) {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : Number(x).toFixed(d);
}

function print(r) {
  if (r.error) {
    console.log(`${r.label.padEnd(36)} s${r.seed}  ERROR ${r.error}`);
    return;
  }
  const ev = r.seizures
    .map(
      (e) =>
        `[${f(e.onsetS)}–${e.offsetS === null ? '…' : f(e.offsetS)} ${f(e.rateBeforeHz)}→${f(e.rateDuringHz)}→${f(e.rateAfterHz, 2)}Hz χ${f(e.chiDuring, 2)} K${f(e.koPeakMm)} Na+${f(e.naiRiseMm)}]`,
    )
    .join(' ');
  console.log(
    `${r.label.padEnd(36)} s${r.seed}  E ${f(r.rateHz.exc, 2).padStart(6)}  χ ${f(r.chi.mean, 2)}/${f(r.chi.max, 2)}  burden ${f(r.seizureBurden, 2)}  Ko ${f(r.ions.koMaxMm, 1)}  ${ev}`,
  );
}

function runOne(c) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', 'run', ...c.args, '--seed', String(c.seed), '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => {
      let r;
      try {
        const j = JSON.parse(stdout);
        r = {
          label: c.label,
          seed: c.seed,
          args: c.args,
          rateHz: j.rateHz,
          chi: j.chi,
          seizureBurden: j.seizureBurden,
          seizures: j.seizures,
          ions: j.ions,
          drugs: j.drugs,
          rnsBursts: j.rnsBursts,
          wallS: j.wallS,
        };
      } catch {
        r = { label: c.label, seed: c.seed, args: c.args, error: `exit ${code}: ${stderr.trim().split('\n').pop()}` };
      }
      if (out) appendFileSync(out, `${JSON.stringify(r)}\n`);
      print(r);
      resolve();
    });
  });
}

async function worker() {
  for (;;) {
    const c = queue.shift();
    if (!c) return;
    await runOne(c);
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
