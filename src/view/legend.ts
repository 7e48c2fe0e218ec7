/**
 * The legend's colour swatches, painted from the same tables as the sheet so the two cannot
 * disagree: each population's hue axis (quiet → firing) at a middle luminance, and the
 * brightness axis (silent → a seizure's firing) of the pyramidal cells.
 */
import { cssColour, dotColour, HUE_LEVELS, LUMINANCE_LEVELS, type Population } from './palette.ts';

const SWATCH_STOPS = 8;

function gradient(colourAt: (t: number) => number): string {
  const stops: string[] = [];
  for (let k = 0; k <= SWATCH_STOPS; k++) stops.push(cssColour(colourAt(k / SWATCH_STOPS)));
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

export function paintLegend(root: ParentNode): void {
  const midRow = Math.round(0.55 * (LUMINANCE_LEVELS - 1));
  for (const swatch of root.querySelectorAll<HTMLElement>('[data-population]')) {
    const population: Population = swatch.dataset.population === 'inhibitory' ? 1 : 0;
    swatch.style.background = gradient((t) => dotColour(population, midRow, Math.round(t * (HUE_LEVELS - 1))));
  }
  for (const swatch of root.querySelectorAll<HTMLElement>('[data-brightness]')) {
    swatch.style.background = gradient((t) =>
      dotColour(0, Math.round(t * (LUMINANCE_LEVELS - 1)), Math.round(t * (HUE_LEVELS - 1))),
    );
  }
}
