/**
 * The transport: step (while paused), reset, and the speed control with the speed actually
 * achieved. Play/pause is its own button (play-button.ts). The speed control is a native range
 * over SPEEDS; its top position means "as fast as this machine can", whose achieved value the
 * readout shows.
 */
import { type IntentStore, SPEED_MAX } from '../state/store.ts';

/** Positions of the speed control (× real time); SPEED_MAX stands for "as fast as it can". */
export const SPEEDS: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 4, 8, SPEED_MAX];

export function speedLabel(speed: number): string {
  return speed >= SPEED_MAX ? 'as fast as possible' : `${speed}× real time`;
}

/** The position of the control nearest to a speed. */
export function speedIndex(speed: number): number {
  let best = 0;
  for (let k = 1; k < SPEEDS.length; k++) {
    if (Math.abs(Math.log(SPEEDS[k] / speed)) < Math.abs(Math.log(SPEEDS[best] / speed))) best = k;
  }
  return best;
}

export interface TransportElements {
  step: HTMLButtonElement;
  reset: HTMLButtonElement;
  speed: HTMLInputElement;
  speedValue: HTMLElement;
  achieved: HTMLElement;
}

export interface TransportActions {
  step(): void;
  reset(): void;
}

export class Transport {
  private shownAchieved = '';

  constructor(
    private readonly el: TransportElements,
    store: IntentStore,
    actions: TransportActions,
  ) {
    el.speed.min = '0';
    el.speed.max = String(SPEEDS.length - 1);
    el.speed.step = '1';
    const showSpeed = (speed: number): void => {
      el.speed.value = String(speedIndex(speed));
      el.speed.setAttribute('aria-valuetext', speedLabel(speed));
      el.speedValue.textContent = speed >= SPEED_MAX ? 'max' : `${speed}×`;
    };
    const showPlaying = (playing: boolean): void => {
      el.step.disabled = playing;
      el.step.title = playing ? 'Pause first, then step 0.1 s at a time' : 'Advance 0.1 s of simulated time';
    };
    showSpeed(store.getState().speed);
    showPlaying(store.getState().playing);
    el.speed.addEventListener('input', () => {
      const speed = SPEEDS[Number(el.speed.value)];
      if (speed !== undefined) store.getState().setSpeed(speed);
    });
    el.step.addEventListener('click', () => actions.step());
    el.reset.addEventListener('click', () => actions.reset());
    store.subscribe((state, previous) => {
      if (state.speed !== previous.speed) showSpeed(state.speed);
      if (state.playing !== previous.playing) showPlaying(state.playing);
    });
  }

  /** The achieved speed (simulated per wall time); NaN hides it. Touches the DOM only on change. */
  showAchieved(speed: number, playing: boolean): void {
    const text = !playing
      ? 'paused'
      : Number.isNaN(speed)
        ? 'measuring…'
        : `${speed < 1 ? speed.toFixed(2) : speed.toFixed(1)}× real time`;
    if (text === this.shownAchieved) return;
    this.shownAchieved = text;
    this.el.achieved.textContent = text;
  }
}
