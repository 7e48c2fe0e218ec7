/**
 * Output formatting shared by the subcommands: one JSON document on stdout for machines, aligned
 * text for people.
 */
import type { OutStream } from './io.ts';

/** Write exactly one JSON object and a newline. Non-finite numbers become null, as JSON requires. */
export function writeJson(out: OutStream, value: unknown): void {
  out.write(`${JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
}

/** A number with a fixed count of decimals, or "–" when there is none. */
export function fixed(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

/** Seconds for people: "850 ms", "4.2 s", "12 min 3 s". */
export function duration(seconds: number): string {
  if (seconds < 1) return `${(seconds * 1000).toFixed(0)} ms`;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - 60 * minutes)} s`;
}

/** Rows of cells as left-aligned columns; the last column is not padded. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '))
    .join('\n');
}

/** "label   value" lines with the values aligned. */
export function fields(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

/** Bytes to MiB (2^20 bytes), the unit of `heapUsedMb` and `kernelMemoryMb`. */
export function mebibytes(bytes: number): number {
  return bytes / (1024 * 1024);
}
