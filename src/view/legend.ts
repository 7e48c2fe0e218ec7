/**
 * The legend's colour swatches, painted from the same ramps as the sheet so the two cannot
 * disagree. Each swatch is a gradient from the quiet to the active end of its population.
 */
import { ACTIVITY_LEVELS, cssColour, type Population, potassiumColour, rampColour } from './palette.ts';

export function paintLegend(root: ParentNode): void {
  for (const swatch of root.querySelectorAll<HTMLElement>('[data-potassium]')) {
    const rest = cssColour(potassiumColour(0));
    const high = cssColour(potassiumColour(ACTIVITY_LEVELS - 1));
    swatch.style.background = `linear-gradient(to right, ${rest}, ${high})`;
  }
  for (const swatch of root.querySelectorAll<HTMLElement>('[data-population]')) {
    if (swatch.dataset.population === undefined) continue;
    const population: Population = swatch.dataset.population === 'inhibitory' ? 1 : 0;
    const quiet = cssColour(rampColour(population, 0));
    const active = cssColour(rampColour(population, ACTIVITY_LEVELS - 1));
    swatch.style.background = `linear-gradient(to right, ${quiet}, ${active})`;
  }
}
