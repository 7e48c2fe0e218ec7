/**
 * CSV as the exports write it: RFC 4180 fields and rows (comma-separated, CRLF line ends, a
 * field quoted when it holds a comma, a quote or a line break), preceded by metadata lines that
 * start with "#".
 *
 * Why "#" lines: each file then says on its own what run it holds (settings, seed, treatment,
 * time covered, columns and units), and the common readers skip them when told:
 * `pandas.read_csv(path, comment='#')`, R's `read.csv(path, comment.char = '#')`,
 * `numpy.genfromtxt(path, delimiter=',', names=True)` (which skips them by default), or any
 * reader after dropping the lines that start with "#". No data field ever starts with "#" or
 * holds one. Pure: no DOM.
 */

export const CSV_LINE_END = '\r\n';
export const CSV_COMMENT = '#';

/** One field, quoted only when it must be. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(fields: readonly string[]): string {
  let row = '';
  for (let i = 0; i < fields.length; i++) row += (i > 0 ? ',' : '') + csvField(fields[i]);
  return row + CSV_LINE_END;
}

/** Metadata lines: each starts with "# "; a line break inside one becomes a space. */
export function csvComments(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) out += `${CSV_COMMENT} ${line.replace(/[\r\n]+/g, ' ')}${CSV_LINE_END}`;
  return out;
}

/** A number with a fixed count of decimals; an empty field for NaN (a value not known yet). */
export function fixed(value: number, decimals: number): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : '';
}

/** Decimals enough to write multiples of `stepMs` exactly (0.1 → 1, 0.025 → 3, 1 → 0). */
export function decimalsOf(stepMs: number): number {
  for (let d = 0; d <= 6; d++) {
    const scaled = stepMs * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return d;
  }
  return 6;
}

/**
 * A whole number of ticks of 10^-decimals written with that many decimals (1234, 1 → "123.4"):
 * the same text as (ticks / 10 ** decimals).toFixed(decimals), several times faster, for the
 * hundreds of thousands of spike times of a file.
 */
export function fixedTicks(ticks: number, decimals: number): string {
  if (decimals === 0) return String(ticks);
  const scale = 10 ** decimals;
  const whole = Math.floor(ticks / scale);
  const fraction = String(ticks - whole * scale);
  return `${whole}.${fraction.length < decimals ? '0'.repeat(decimals - fraction.length) + fraction : fraction}`;
}
