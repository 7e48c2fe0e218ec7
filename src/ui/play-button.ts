/**
 * Pause and play. Moving content that lasts more than five seconds must be possible to stop
 * (WCAG 2.2.2), and for this audience stopping the motion matters more than usual.
 */
import type { IntentStore } from '../state/store.ts';

export function bindPlayButton(button: HTMLButtonElement, store: IntentStore): () => void {
  const show = (playing: boolean): void => {
    button.textContent = playing ? 'Pause' : 'Play';
  };
  show(store.getState().playing);
  const onClick = (): void => {
    const { playing, setPlaying } = store.getState();
    setPlaying(!playing);
  };
  button.addEventListener('click', onClick);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.playing !== previous.playing) show(state.playing);
  });
  return () => {
    button.removeEventListener('click', onClick);
    unsubscribe();
  };
}
