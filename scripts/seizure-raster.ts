/**
 * A picture of one run, for looking at an event (docs/notes/real-seizures.md): a PNG with, top to
 * bottom, the spike raster of 200 E cells spread over the sheet, the E population rate (10-ms
 * bins), the mean membrane potential of the χ sample, and K⁺o (mean over tiles), over
 * [from, to] seconds of network time, one pixel column per `--px-ms` ms.
 *
 *   npx tsx scripts/seizure-raster.ts --set gaba=0.7 --set side=32 --from-s 0 --to-s 60 \
 *     --px-ms 20 --out /tmp/raster.png [--ion key=value …]
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { defaultParams, withParams } from '../src/model/params.ts';
import { Simulation } from '../src/model/simulation.ts';
import { emptySimFlags, readSimFlag, simulationOptions } from './sim-flags.ts';

const args = process.argv.slice(2);
const flags = emptySimFlags();
const { overrides } = flags;
let fromS = 0;
let toS = 30;
let pxMs = 20;
let out = '/tmp/raster.png';
for (let k = 0; k < args.length; k++) {
  const a = args[k];
  const next = (): string => args[++k];
  if (readSimFlag(flags, a, next)) continue;
  if (a === '--from-s') fromS = Number(next());
  else if (a === '--to-s') toS = Number(next());
  else if (a === '--px-ms') pxMs = Number(next());
  else if (a === '--out') out = next();
  else throw new Error(`unknown argument ${a}`);
}

const sim = new Simulation(withParams(defaultParams(), overrides), simulationOptions(flags));
const net = sim.net;
const s = sim.state;
const ROWS = 200;
const rowOf = new Int32Array(net.n).fill(-1);
for (let r = 0; r < ROWS; r++) rowOf[Math.floor(((r + 0.5) * net.nE) / ROWS)] = r;
const cols = Math.round(((toS - fromS) * 1000) / pxMs);
const RATE_H = 80;
const V_H = 60;
const K_H = 50;
const height = ROWS + RATE_H + V_H + K_H + 6;
const img = new Uint8Array(cols * height).fill(255);
const set = (x: number, y: number, v: number): void => {
  if (x >= 0 && x < cols && y >= 0 && y < height) img[y * cols + x] = Math.min(img[y * cols + x], v);
};
const rateCol = new Float64Array(cols);
const vCol = new Float64Array(cols);
const kCol = new Float64Array(cols);
const stepsPerCol = Math.round(pxMs / sim.dtMs);

sim.advance(Math.round((fromS * 1000) / sim.dtMs));
for (let c = 0; c < cols; c++) {
  let spikesE = 0;
  let vSum = 0;
  for (let k = 0; k < stepsPerCol; k++) {
    sim.advance(1);
    for (let j = 0; j < s.spikeCount; j++) {
      const cell = s.spikeIdx[j];
      if (cell < net.nE) spikesE++;
      const r = rowOf[cell];
      if (r >= 0) set(c, r, 0);
    }
    if (k % 10 === 0) {
      let v = 0;
      for (let r = 0; r < ROWS; r++) v += s.vMv[Math.floor(((r + 0.5) * net.nE) / ROWS)];
      vSum += v / ROWS;
    }
  }
  rateCol[c] = spikesE / net.nE / (pxMs / 1000);
  vCol[c] = vSum / Math.ceil(stepsPerCol / 10);
  let ko = 0;
  for (let t = 0; t < s.koMm.length; t++) ko += s.koMm[t];
  kCol[c] = ko / s.koMm.length;
}
// Rate: 0…200 Hz; V: −80…−40 mV; K: 2…12 mM, each as a filled trace.
const trace = (values: Float64Array, lo: number, hi: number, top: number, h: number): void => {
  for (let c = 0; c < cols; c++) {
    const f = Math.max(0, Math.min(1, (values[c] - lo) / (hi - lo)));
    const y = top + h - 1 - Math.round(f * (h - 1));
    for (let yy = y; yy < top + h; yy++) set(c, yy, 90);
  }
  for (let c = 0; c < cols; c++) set(c, top - 1, 200);
};
trace(rateCol, 0, 200, ROWS + 2, RATE_H);
trace(vCol, -80, -40, ROWS + RATE_H + 4, V_H);
trace(kCol, 2, 12, ROWS + RATE_H + V_H + 6, K_H);
// Second marks on the rate strip.
for (let c = 0; c < cols; c++) if (Math.round(((c * pxMs) % 1000) / pxMs) === 0) set(c, ROWS + 1, 0);

function png(width: number, h: number, gray: Uint8Array): Buffer {
  const crcTable = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.alloc((width + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (width + 1)] = 0;
    Buffer.from(gray.buffer, y * width, width).copy(raw, y * (width + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
writeFileSync(out, png(cols, height, img));
console.log(`wrote ${out} (${cols} × ${height})`);
