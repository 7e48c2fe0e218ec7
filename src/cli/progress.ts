/**
 * A progress bar on stderr for long runs. It is drawn only on a terminal, and only once a run
 * looks like it will take more than a couple of seconds of wall time, so that short runs, pipes
 * and CI logs stay clean. It redraws at most 10 times a second and erases itself when done.
 */
import type { OutStream } from './io.ts';

/** Runs expected to finish sooner than this (wall time) get no bar. */
export const PROGRESS_MIN_WALL_S = 2;
/** Look at the rate only after this much wall time, so that the projection means something. */
const PROGRESS_PROBE_S = 0.3;
const REDRAW_EVERY_S = 0.1;
const BAR_CELLS = 30;

export class ProgressBar {
  private readonly startedS: number;
  private shown = false;
  private lastDrawS = -Infinity;

  constructor(
    private readonly out: OutStream,
    private readonly label: string,
    private readonly total: number,
    private readonly nowS: () => number = () => performance.now() / 1000,
  ) {
    this.startedS = this.nowS();
  }

  /** `done` of `total` units finished. */
  update(done: number): void {
    if (!this.out.isTTY || done <= 0) return;
    const t = this.nowS();
    const elapsed = t - this.startedS;
    if (!this.shown) {
      if (elapsed < PROGRESS_PROBE_S) return;
      const projected = (elapsed * this.total) / done;
      if (projected < PROGRESS_MIN_WALL_S) return;
      this.shown = true;
    }
    if (t - this.lastDrawS < REDRAW_EVERY_S && done < this.total) return;
    this.lastDrawS = t;
    const fraction = Math.min(1, done / this.total);
    const filled = Math.round(fraction * BAR_CELLS);
    const remainingS = (elapsed * (this.total - done)) / done;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
    this.out.write(
      `\r${this.label} ${bar} ${(100 * fraction).toFixed(0).padStart(3)} %  ${Math.ceil(remainingS)} s left\x1b[K`,
    );
  }

  /** Erase the bar (if one was drawn). */
  finish(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}
