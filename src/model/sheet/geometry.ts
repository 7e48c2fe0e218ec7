/**
 * The sheet's geometry (docs/model.md §1): a square patch of cortex with periodic edges (a
 * torus), and distances on it. A leaf: it depends on nothing, and the parameter table, the
 * network, the lesion and the view all measure with it.
 */

/** Side of the simulated cortical patch: 2 mm × 2 mm (docs/model.md §1). */
export const SHEET_MM = 2;

/** Shortest distance between two points on the torus of side SHEET_MM. */
export function torusDistanceMm(x1: number, y1: number, x2: number, y2: number): number {
  let dx = Math.abs(x1 - x2);
  let dy = Math.abs(y1 - y2);
  if (dx > SHEET_MM / 2) dx = SHEET_MM - dx;
  if (dy > SHEET_MM / 2) dy = SHEET_MM - dy;
  return Math.sqrt(dx * dx + dy * dy);
}
