/**
 * What the browser tests read of the plots: `window.__refractoryPlots`, set by ActivityPlots.
 * Read-only numbers; nothing here changes what the page does.
 */
export interface PlotsProbe {
  /** Draws of the canvases since the page loaded. */
  framesDrawn(): number;
  /** Frames appended to the history since the page loaded. */
  framesAppended(): number;
  /** Wall time (ms) of the most recent draws, oldest first. */
  drawTimesMs(): number[];
  /**
   * Draw every plot `runs` times from the current history and time each (ms, per run and plot,
   * in the order raster, LFP, rate, χ). With `flush`, each plot's canvas is read back (one
   * pixel) before its clock stops, so the time includes the drawing the browser would
   * otherwise defer.
   */
  benchmark(runs: number, flush: boolean): number[][];
}

declare global {
  interface Window {
    __refractoryPlots?: PlotsProbe;
  }
}
