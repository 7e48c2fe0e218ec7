import type { Frame } from '../model/runs/live/frame.ts';
/**
 * Readouts that follow the frames: the GABA_A value the engine actually runs with (which shows
 * that a slider change reached the worker) and the simulated time. They touch the DOM only when
 * their text changes.
 */

export class FrameReadouts {
  private gaba = Number.NaN;
  private shownTenthsOfSecond = -1;

  constructor(
    private readonly engineGaba: HTMLElement,
    private readonly simulatedTime: HTMLElement,
  ) {}

  showFrame(frame: Frame): void {
    if (frame.params.gaba !== this.gaba) {
      this.gaba = frame.params.gaba;
      this.engineGaba.textContent = `${this.gaba.toFixed(2)}×`;
    }
    const tenths = Math.floor(frame.timeMs / 100);
    if (tenths !== this.shownTenthsOfSecond) {
      this.shownTenthsOfSecond = tenths;
      this.simulatedTime.textContent = `${(tenths / 10).toFixed(1)} s`;
    }
  }
}
