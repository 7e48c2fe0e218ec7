/**
 * Readouts that follow the frames: the GABA_A value the engine actually runs with (which shows
 * that a slider change reached the worker) and the simulated time. They touch the DOM only when
 * their text changes.
 */
import type { Frame } from '../model/session.ts';

export class FrameReadouts {
  private gaba = Number.NaN;
  private timeText = '';

  constructor(
    private readonly engineGaba: HTMLElement,
    private readonly simulatedTime: HTMLElement,
  ) {}

  showFrame(frame: Frame): void {
    if (frame.params.gaba !== this.gaba) {
      this.gaba = frame.params.gaba;
      this.engineGaba.textContent = `${this.gaba.toFixed(2)}×`;
    }
    const timeText = `${(frame.timeMs / 1000).toFixed(1)} s`;
    if (timeText !== this.timeText) {
      this.timeText = timeText;
      this.simulatedTime.textContent = timeText;
    }
  }
}
